"""Reading papers and changing the user's data on them: the SQL behind the CLI and the GUI.

Every function takes an open `Connection` so callers choose the transaction
(`library.reading()` or `library.writing()`). The list's order (`find_paper_ids`) is in
`sorting.py`.

Papers are read through the driver (`driver.py`): the detail pane reads the paper a start
restores before SQLModel has loaded (see `id_plans.py`), and an export reads them a
thousand at a time (37 ms so at 200,000 papers, 53 ms through SQLAlchemy Core; one paper
0.08 ms, 0.6 ms). The user's data is written in SQLAlchemy Core on the SQLModel tables: one
statement for a paper or for 20,000 of them (a star on 200,000 papers through the driver,
as one `json_each` list, took 1.2 s rather than 0.8 s).
"""

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import (
    Connection,
    DateTime,
    Executable,
    String,
    and_,
    bindparam,
    delete,
    exists,
    func,
    literal,
    select,
    union_all,
    update,
)
from sqlalchemy.sql.selectable import ScalarSelect

from readinglist.core.digest import Media, MediaKind
from readinglist.core.paper import DigestAppearance, Paper, ReadingStatus
from readinglist.core.sources.sighting import Links
from readinglist.library import tables
from readinglist.library.browse import starred_count, status_counts
from readinglist.library.dialect import (
    among_bound_ids,
    among_names,
    bound_ids,
    insert,
    insert_into,
    on_postgresql,
    same_name,
)
from readinglist.library.driver import Row, chunks, day, fetch, id_list, moment
from readinglist.library.shared.notes import shared_notes_of
from readinglist.library.sorting import EVERYTHING, find_paper_ids, first_paper_ids

__all__ = [
    "EVERYTHING",
    "LibrarySummary",
    "UserState",
    "add_tags",
    "find_paper_ids",
    "first_paper_ids",
    "library_summary",
    "link_tags",
    "load_paper",
    "load_papers",
    "normalize_tag",
    "paper_id_for",
    "remove_tags",
    "set_note",
    "set_starred",
    "set_status",
    "tag_spelling",
    "tagged_ids",
    "undo_status",
    "user_states",
]

_WRITE_CHUNK = 20_000  # ids per statement: SQLite's bound-variable limit can be 32,766
_IDS = "(SELECT value FROM json_each(?))"
_PAPERS = (
    "SELECT id, arxiv_id, title, url, authors, authors_truncated, votes, first_seen, "
    "last_seen, starred, status, status_changed_at, note, seen_count, rising "
    f"FROM papers WHERE id IN {_IDS}"
)
_SIGHTINGS = (
    "SELECT sightings.paper_id, digests.date, sightings.votes, sightings.position, "
    "sightings.media_kind, sightings.media_url, sightings.summary, digests.source, "
    "sightings.abstract, sightings.links, sightings.title_ko, sightings.summary_error, "
    "sightings.categories, sightings.suggested_tags "
    "FROM sightings "
    "JOIN digests ON digests.id = sightings.digest_id "
    f"WHERE sightings.paper_id IN {_IDS} ORDER BY sightings.paper_id, digests.date, digests.id"
)
_TAGS = (
    "SELECT paper_tags.paper_id, tags.name FROM paper_tags JOIN tags ON tags.id = "
    f"paper_tags.tag_id WHERE paper_tags.paper_id IN {_IDS} ORDER BY lower(tags.name)"
)
_RULES = (  # rule_hits' key starts with the paper: one look-up in its index per paper
    "SELECT rule_hits.paper_id, rules.name FROM rule_hits JOIN rules ON rules.id = "
    f"rule_hits.rule_id WHERE rule_hits.paper_id IN {_IDS} ORDER BY rules.id"
)
# A shared library's: another member's (shared) rule named with its owner's name, "LLM
# (alice)", as `rules.Rule.label` names it.
_RULES_SHARED = _RULES.replace(
    "rules.name FROM",
    "CASE WHEN rules.owner = current_user THEN rules.name "
    "ELSE rules.name || ' (' || rules.owner || ')' END FROM",
)


@dataclass(frozen=True, slots=True)
class LibrarySummary:
    papers: int
    digests: int
    starred: int
    by_status: dict[ReadingStatus, int]
    tags: int
    newest_digest: dt.date | None


def paper_id_for(connection: Connection, arxiv_id: str) -> int | None:
    rows = fetch(connection, "SELECT id FROM papers WHERE arxiv_id = ?", [arxiv_id])
    return int(rows[0][0]) if rows else None


def load_papers(connection: Connection, ids: Sequence[int]) -> list[Paper]:
    """Full papers for `ids`, in the order given; ids not in the library are left out."""
    wanted = [id_list(ids)]
    appearances = _sightings(fetch(connection, _SIGHTINGS, wanted))
    tags = _names(fetch(connection, _TAGS, wanted))
    rules = _names(
        fetch(connection, _RULES_SHARED if on_postgresql(connection) else _RULES, wanted)
    )
    shared = shared_notes_of(connection, ids)
    papers = {
        row[0]: _paper(
            row, appearances.get(row[0], []), tags.get(row[0], ()), rules.get(row[0], ())
        )
        for row in fetch(connection, _PAPERS, wanted)
    }
    for paper_id, notes in shared.items():
        if paper_id in papers:
            papers[paper_id] = replace(papers[paper_id], shared_notes=notes)
    return [papers[paper_id] for paper_id in ids if paper_id in papers]


def load_paper(connection: Connection, arxiv_id: str) -> Paper | None:
    paper_id = paper_id_for(connection, arxiv_id)
    return load_papers(connection, [paper_id])[0] if paper_id is not None else None


@dataclass(frozen=True, slots=True)
class _SightingRow:
    date: dt.date
    votes: int | None
    position: int
    media: Media | None
    summary: tuple[str, ...]
    source: str
    abstract: str | None
    links: dict[str, str]  # those the paper's id does not give
    title_ko: str | None
    summary_error: str | None
    categories: tuple[str, ...]
    suggested_tags: tuple[str, ...]


def _sightings(rows: Iterable[Row]) -> dict[int, list[_SightingRow]]:
    found: dict[int, list[_SightingRow]] = defaultdict(list)
    for paper_id, date, votes, position, kind, url, summary, *said in rows:
        source, abstract, links, title_ko, error, categories, suggested = said
        media = Media(MediaKind(kind), url) if kind and url else None
        bullets = tuple(json.loads(summary))
        given = json.loads(links) if links != "{}" else {}
        said_of = (abstract, given, title_ko, error, _strings(categories), _strings(suggested))
        found[paper_id].append(
            _SightingRow(day(date), votes, position, media, bullets, source, *said_of)
        )
    return found


def _strings(stored: str) -> tuple[str, ...]:
    """A JSON list column (`'[]'` for most sightings: not parsed)."""
    return tuple(json.loads(stored)) if stored != "[]" else ()


def _every(lists: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """Each string of the lists once, in the order first given."""
    return tuple(dict.fromkeys(item for items in lists for item in items))


def _names(rows: Iterable[Row]) -> dict[int, tuple[str, ...]]:
    """(paper id, name) rows as each paper's names, in the rows' order."""
    found: dict[int, list[str]] = defaultdict(list)
    for paper_id, name in rows:
        found[paper_id].append(name)
    return {paper_id: tuple(names) for paper_id, names in found.items()}


def _paper(
    row: Row, seen: list[_SightingRow], tags: tuple[str, ...], rules: tuple[str, ...]
) -> Paper:
    paper_id, arxiv_id, title, url, authors, truncated, votes, first, last, *user = row
    starred, status, status_changed_at, note, seen_count, rising = user
    latest_media = next((a.media for a in reversed(seen) if a.media), None)
    latest_summary = next((a.summary for a in reversed(seen) if a.summary), ())
    return Paper(
        id=paper_id,
        arxiv_id=arxiv_id,
        title=title,
        url=url,
        authors=tuple(json.loads(authors)),
        authors_truncated=bool(truncated),
        votes=votes,
        first_seen=day(first),
        last_seen=day(last),
        digests=tuple(DigestAppearance(a.date, a.votes, a.position, a.source) for a in seen),
        media=latest_media,
        summary=latest_summary,
        starred=bool(starred),
        status=ReadingStatus(status),
        status_changed_at=moment(status_changed_at),
        tags=tags,
        note=note,
        abstract=_latest(a.abstract for a in seen),
        links=_links(arxiv_id, seen),
        title_ko=_latest(a.title_ko for a in seen),
        summary_error=None if latest_summary else _latest(a.summary_error for a in seen),
        seen_count=seen_count,
        rising=rising,
        categories=_every(a.categories for a in seen),
        suggested_tags=_every(a.suggested_tags for a in seen),
        rules=rules,
    )


def _latest(values: Iterable[str | None]) -> str | None:
    """The last value given, in the order of the sightings (oldest first)."""
    found = None
    for value in values:
        found = value if value is not None else found
    return found


def _links(arxiv_id: str, seen: list[_SightingRow]) -> Links | None:
    """The links its sources gave, the latest of each name; None when they gave none."""
    given: dict[str, str] = {}
    for sighting in seen:
        given.update(sighting.links)
    return Links.of(arxiv_id, given) if given else None


# --- the user's data -------------------------------------------------------------------------


def set_starred(connection: Connection, ids: Iterable[int], starred: bool) -> None:
    papers = tables.PAPERS
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        connection.execute(update(papers).where(papers.c.id.in_(chunk)).values(starred=starred))


def set_status(
    connection: Connection, ids: Iterable[int], status: ReadingStatus, now: dt.datetime
) -> None:
    """Give the papers `status`; each that did not have it changes at `now`, an event in
    its history (`status_events`, written in the same transaction)."""
    papers, events = tables.PAPERS, tables.STATUS_EVENTS
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        changing = and_(papers.c.id.in_(chunk), papers.c.status != status.value)
        happened = select(papers.c.id, literal(status.value), literal(now, DateTime()))
        columns = ["paper_id", "status", "at"]
        connection.execute(
            insert(connection, events).from_select(columns, happened.where(changing))
        )
        connection.execute(
            update(papers).where(changing).values(status=status.value, status_changed_at=now)
        )


def undo_status(
    connection: Connection,
    ids: Iterable[int],
    status: ReadingStatus,
    changed_at: dt.datetime | None,
) -> None:
    """Give the papers back `status` as it was set at `changed_at` (None: never): the events
    after it go, as the change that wrote them never happened."""
    papers, events = tables.PAPERS, tables.STATUS_EVENTS
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        undone = delete(events).where(events.c.paper_id.in_(chunk))
        if changed_at is not None:
            undone = undone.where(events.c.at > changed_at)
        connection.execute(undone)
        changed = and_(papers.c.id.in_(chunk), papers.c.status != status.value)
        connection.execute(
            update(papers).where(changed).values(status=status.value, status_changed_at=changed_at)
        )


def set_note(connection: Connection, paper_id: int, note: str, now: dt.datetime) -> None:
    papers = tables.PAPERS
    statement = (
        update(papers)
        .where(papers.c.id == paper_id, papers.c.note != note)
        .values(note=note, note_changed_at=now)
    )
    connection.execute(statement)


def normalize_tag(name: str) -> str:
    """Tags are trimmed with inner whitespace collapsed; an empty tag is refused."""
    tag = " ".join(name.split())
    if not tag:
        raise ValueError("a tag cannot be empty")
    return tag


def add_tags(connection: Connection, ids: Iterable[int], names: Iterable[str]) -> None:
    """Tag papers; a tag that exists in another case is reused as it is spelled."""
    paper_ids = list(ids)
    link_tags(connection, dict.fromkeys(names, paper_ids))


# Tags linked in one statement, at most (SQLite takes up to 500 SELECTs in a compound).
_TAGS_PER_STATEMENT = 50


def link_tags(connection: Connection, tagging: Mapping[str, Sequence[int]]) -> None:
    """Give each tag named to its papers (a tag that exists in another case is reused as it
    is spelled): the tags made in one statement, the links in another, an INSERT ...
    SELECT a tag over its papers joined by UNION ALL, built once for that many tags
    (`_linking`). (20 rules tagging a 1,000-digest import's batches, and keeping their
    hits: 0.35 s with three statements a tag and rule and the hits bound a row at a time,
    0.25 s so.)"""
    tags = tables.TAGS
    by_name: dict[str, list[int]] = {}
    for name, ids in tagging.items():
        by_name.setdefault(normalize_tag(name), []).extend(ids)
    if not by_name:
        return
    made = [{"name": name} for name in by_name]
    connection.execute(insert(connection, tags).on_conflict_do_nothing(), made)
    named = [(name, ids) for name, ids in by_name.items() if ids]
    postgresql = on_postgresql(connection)
    for start in range(0, len(named), _TAGS_PER_STATEMENT):
        part = named[start : start + _TAGS_PER_STATEMENT]
        bound: dict[str, object] = {}
        for number, (name, ids) in enumerate(part):
            bound |= {f"name_{number}": name, f"ids_{number}": bound_ids(connection, ids)}
        connection.execute(_linking(len(part), postgresql), bound)


@functools.lru_cache(maxsize=8)
def _linking(tags: int, postgresql: bool) -> Executable:
    """The links of that many tags to their papers, built once: each tag's name ("name_N")
    and papers ("ids_N", `bound_ids`) bound at each run."""
    papers, tag_rows = tables.PAPERS.c, tables.TAGS.c
    arms = []
    for number in range(tags):
        named = same_name(tag_rows.name, bindparam(f"name_{number}", type_=String()))
        tag_id = select(tag_rows.id).where(named).scalar_subquery()
        among = among_bound_ids(postgresql, papers.id, f"ids_{number}")
        arms.append(select(papers.id, tag_id).where(among))
    linked = arms[0] if len(arms) == 1 else union_all(*arms)
    links = insert_into(postgresql, tables.PAPER_TAGS)
    return links.from_select(["paper_id", "tag_id"], linked).on_conflict_do_nothing()


def _tag_id(name: str) -> ScalarSelect[int]:
    """The id of the tag of that name, in any case."""
    tags = tables.TAGS.c
    return select(tags.id).where(same_name(tags.name, name)).scalar_subquery()


def remove_tags(connection: Connection, ids: Iterable[int], names: Iterable[str]) -> None:
    """Untag papers, and forget tags no paper carries any more."""
    tags, links = tables.TAGS, tables.PAPER_TAGS
    tag_ids = select(tags.c.id).where(among_names(tags.c.name, map(normalize_tag, names)))
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        connection.execute(
            delete(links).where(and_(links.c.paper_id.in_(chunk), links.c.tag_id.in_(tag_ids)))
        )
    unused = ~exists().where(links.c.tag_id == tags.c.id)
    connection.execute(delete(tags).where(unused))


@dataclass(frozen=True, slots=True)
class UserState:
    """What a bulk edit of stars or statuses must remember to be undone exactly."""

    starred: bool
    status: ReadingStatus
    status_changed_at: dt.datetime | None


def user_states(connection: Connection, ids: Iterable[int]) -> dict[int, UserState]:
    """Each paper's star, status and when the status last changed."""
    states: dict[int, UserState] = {}
    p = tables.PAPERS.c
    columns = (p.id, p.starred, p.status, p.status_changed_at)
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        for paper_id, starred, status, changed in connection.execute(
            select(*columns).where(p.id.in_(chunk))
        ):
            states[int(paper_id)] = UserState(bool(starred), ReadingStatus(status), changed)
    return states


def tag_spelling(connection: Connection, name: str) -> str | None:
    """How the library spells the tag `name` (tags match in any case), if it has it."""
    tags = tables.TAGS
    statement = select(tags.c.name).where(same_name(tags.c.name, normalize_tag(name)))
    found = connection.execute(statement).scalar_one_or_none()
    return str(found) if found is not None else None


def carrying_tag(connection: Connection, name: str) -> list[int]:
    """Every paper that carries the tag `name` (in any case), those in the trash too: a
    tag renamed or deleted is renamed or deleted on them as well."""
    links = tables.PAPER_TAGS
    tag_id = _tag_id(normalize_tag(name))
    statement = select(links.c.paper_id).where(links.c.tag_id == tag_id).order_by(links.c.paper_id)
    return [int(paper_id) for paper_id in connection.execute(statement).scalars()]


def tagged_ids(connection: Connection, ids: Iterable[int], name: str) -> set[int]:
    """Those of `ids` that carry the tag `name` (in any case)."""
    links = tables.PAPER_TAGS
    tag_id = _tag_id(normalize_tag(name))
    found: set[int] = set()
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        statement = select(links.c.paper_id).where(
            links.c.tag_id == tag_id, links.c.paper_id.in_(chunk)
        )
        found.update(int(row[0]) for row in connection.execute(statement))
    return found


def library_summary(connection: Connection) -> LibrarySummary:
    by_status = status_counts(connection)
    newest_date = func.max(tables.DIGESTS.c.date)
    digests, newest = connection.execute(select(func.count(), newest_date)).one()
    tags = connection.execute(select(func.count()).select_from(tables.TAGS)).scalar_one()
    return LibrarySummary(
        sum(by_status.values()), digests, starred_count(connection), by_status, tags, newest
    )
