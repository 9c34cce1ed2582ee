"""What `readinglist copy` copies, table by table, and how it counts it on either engine.

A library file is one person's; a shared library is everyone's things plus each member's
own. Read as a member, a shared library looks like a library file: its `papers` view holds
that member's star, status and note, and row-level security shows that member's history,
trash and Today alone. So each part is read with the same statement from either engine,
save for the rows a member sees but does not own (saved searches and rules others share),
which `owned` leaves out on PostgreSQL. Counting a part is counting what that statement
reads, so the SOURCE's and the DEST's counts mean the same thing.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Part:
    """One table's rows, read as `columns` in the order they were made."""

    name: str
    table: str
    columns: tuple[str, ...]
    order: str = "id"
    owned: str = ""  # PostgreSQL: the rows the reader owns (a WHERE clause), when not all
    renumbered: bool = False  # new ids in the DEST; the first column is the SOURCE's id

    def select(self, postgres: bool) -> str:
        columns = ", ".join(self.columns)
        return f"SELECT {columns} FROM {self.table}{self._where(postgres)} ORDER BY {self.order}"

    def count(self, postgres: bool) -> str:
        return f"SELECT count(*) FROM {self.table}{self._where(postgres)}"

    def _where(self, postgres: bool) -> str:
        return f" WHERE {self.owned}" if postgres and self.owned else ""


SHARED_PAPER_COLUMNS = (
    "id",
    "arxiv_id",
    "url",
    "title",
    "authors",
    "authors_truncated",
    "first_seen",
    "last_seen",
    "votes",
    "votes_date",
    "added_at",
    "seen_count",
    "rising",
)
# A person's own columns of a paper (`paper_states` on PostgreSQL).
STATE_COLUMNS = ("starred", "status", "status_changed_at", "note", "note_changed_at")

PAPERS = Part("papers", "papers", (*SHARED_PAPER_COLUMNS, *STATE_COLUMNS))
TAGS = Part("tags", "tags", ("id", "name"))
PAPER_TAGS = Part("paper_tags", "paper_tags", ("paper_id", "tag_id"), order="paper_id, tag_id")
RULES = Part(
    "rules",
    "rules",
    ("id", "name", "query", "tags", "status", "star", "first", "created_at"),
    owned="owner = current_user",
    renumbered=True,
)
RULE_HITS = Part(
    "rule_hits",
    "rule_hits",
    ("paper_id", "rule_id", "at"),
    order="rule_id, paper_id",
    owned="rule_id IN (SELECT id FROM rules WHERE owner = current_user)",
)

# In the order they are written: a row after the rows it points to.
PARTS = (
    Part(
        "digests",
        "digests",
        ("id", "source", "date", "source_name", "content_hash", "imported_at"),
    ),
    Part(
        "digest_files",
        "digest_files",
        (
            "id",
            "content_hash",
            "format",
            "source_name",
            "imported_at",
            "papers_new",
            "sightings_new",
        ),
    ),
    TAGS,
    PAPERS,
    PAPER_TAGS,
    Part(
        "sightings",
        "sightings",
        (
            "id",
            "paper_id",
            "digest_id",
            "position",
            "votes",
            "comments",
            "title_ko",
            "summary",
            "summary_language",
            "summary_error",
            "abstract",
            "media_kind",
            "media_url",
            "links",
            "categories",
            "keywords",
            "suggested_tags",
            "id_only",
        ),
    ),
    # Ids not kept: nothing points to them, and another member's may hold them already.
    Part("status_events", "status_events", ("paper_id", "status", "at")),
    Part("trash", "trash", ("paper_id", "trashed_at"), order="paper_id"),
    Part(
        "saved_searches",
        "saved_searches",
        ("name", "query", "created_at"),
        owned="owner = current_user",
    ),
    RULES,
    RULE_HITS,
    Part("triage_state", "triage_state", ("id", "today_since", "last_triage_at")),
    Part(
        "resurfacing",
        "resurfacing",
        ("paper_id", "passes", "due_at", "shown_since"),
        order="paper_id",
    ),
)


@dataclass(frozen=True, slots=True)
class Tally:
    """A figure counted on both libraries beside the parts' rows: the person's own data."""

    name: str
    sql: str


TALLIES = (
    Tally("starred", "SELECT count(*) FROM papers WHERE starred"),
    Tally("with a status", "SELECT count(*) FROM papers WHERE status <> 'unread'"),
    Tally("with a note", "SELECT count(*) FROM papers WHERE note <> ''"),
)

# What is not copied, counted on the SOURCE so that the command says so: folders watched on
# one machine, a person's subscriptions (added again where they are wanted), and, from a
# shared library, what others wrote (shared notes; saved searches and rules others share).
LEFT_OUT = (
    Tally("watch_folders", "SELECT count(*) FROM watch_folders"),
    Tally("subscriptions", "SELECT count(*) FROM subscriptions"),
)
LEFT_OUT_SHARED = (
    Tally("shared_notes", "SELECT count(*) FROM shared_notes"),
    Tally(
        "saved_searches others share",
        "SELECT count(*) FROM saved_searches WHERE owner <> current_user",
    ),
    Tally("rules others share", "SELECT count(*) FROM rules WHERE owner <> current_user"),
)
