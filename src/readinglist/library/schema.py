"""The library's tables as SQLModel classes: the schema's one declaration.

The DDL that creates them lives in `migrations.py`, frozen per schema version (history, not
a declaration); `tests/test_schema.py` checks that a fresh library's tables are these.
Statements are written in SQLAlchemy Core on the classes' tables (`tables.PAPERS` is
`PaperRecord.__table__`), or as SQL for the driver where that was measured faster
(`driver.py`). The full-text index (a view and an FTS5 table, v3) has no model:
`library/search.py` names what it uses of it.
"""

import datetime as dt

from sqlalchemy import CheckConstraint, Column, Index, String, UniqueConstraint, func, text
from sqlmodel import Field, SQLModel

from readinglist.core.paper import ReadingStatus

_TITLE, _AUTHORS = func.lower(text("title")), func.lower(text("authors"))
# A name matched in any case: SQLite's NOCASE collation; a shared library on PostgreSQL has
# a unique index on lower(name) instead (library/shared/ddl.py), and no such collation.
_NOCASE = String(collation="NOCASE").with_variant(String(), "postgresql")


class PaperRecord(SQLModel, table=True):
    """A paper, once, keyed by its versionless arXiv id, with the user's own data on it."""

    __tablename__ = "papers"
    __table_args__ = (  # beyond the columns' own: the list sorts by walking them (v2, v4)
        Index("ix_papers_status_first_seen", "status", "first_seen"),
        Index("ix_papers_starred", "starred"),
        Index("ix_papers_title_lower", _TITLE),
        Index("ix_papers_authors_lower", _AUTHORS),
        Index("ix_papers_status", "status"),
        Index("ix_papers_status_starred", "status", "starred"),
        Index("ix_papers_status_votes", "status", "votes"),
        Index("ix_papers_status_title_lower", "status", _TITLE),
        Index("ix_papers_status_authors_lower", "status", _AUTHORS),
        Index("ix_papers_status_seen_count", "status", "seen_count"),  # v7
        Index("ix_papers_status_rising", "status", "rising"),
    )
    id: int | None = Field(default=None, primary_key=True)
    arxiv_id: str = Field(sa_column=Column(String, unique=True, nullable=False))
    url: str
    title: str
    authors: str = "[]"  # JSON list, first order kept
    authors_truncated: bool = False
    first_seen: dt.date = Field(index=True)
    last_seen: dt.date = Field(index=True)
    votes: int | None = Field(default=None, index=True)  # from its latest digest with a vote
    votes_date: dt.date | None = None
    starred: bool = False
    status: str = ReadingStatus.UNREAD.value
    status_changed_at: dt.datetime | None = None
    note: str = ""
    note_changed_at: dt.datetime | None = None
    added_at: dt.datetime = Field(index=True)  # v7: New today
    seen_count: int = Field(default=1, index=True)  # v7: its sightings (seen before)
    rising: int | None = Field(default=None, index=True)  # votes gained, last sightings


class TrashRecord(SQLModel, table=True):
    """A paper in the trash (v5), since `trashed_at`: left out of every list and count but the
    Trash's, its user data kept until the trash is emptied.

    A table of its own rather than a column of `papers`: the lists and counts read covering
    indexes of `papers` (status, sort column, id), and a column would make each of them read
    every paper's row to test it; the test against this small table is one lookup by id.
    """

    __tablename__ = "trash"
    paper_id: int = Field(foreign_key="papers.id", primary_key=True, ondelete="CASCADE")
    trashed_at: dt.datetime


class DigestRecord(SQLModel, table=True):
    """One source's day (v6: a date is unique per source), however many files brought it."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("source", "date"), Index("ix_digests_date", "date"))
    id: int | None = Field(default=None, primary_key=True)
    source: str = "daily-papers-md"  # the format's name (`core.sources.registry.FORMATS`)
    date: dt.date
    source_name: str  # the first file that brought it
    content_hash: str
    imported_at: dt.datetime


class DigestFileRecord(SQLModel, table=True):
    """A file version that was imported, so a byte-identical file is skipped by its hash."""

    __tablename__ = "digest_files"
    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True)
    format: str = "daily-papers-md"
    source_name: str
    imported_at: dt.datetime
    papers_new: int = 0
    sightings_new: int = 0


class SightingRecord(SQLModel, table=True):
    """One paper seen in one source on one day (its digest), with what the source said.

    JSON columns hold lists (`summary`: the bullets; `categories`, `keywords`,
    `suggested_tags`) or, for `links`, an object of the links the paper's id does not give
    (`github`, `project`, or a source's own page). A missing number is NULL, never 0.
    """

    __tablename__ = "sightings"
    __table_args__ = (
        UniqueConstraint("paper_id", "digest_id"),
        Index("ix_sightings_digest", "digest_id", "position"),
    )
    id: int | None = Field(default=None, primary_key=True)
    paper_id: int = Field(foreign_key="papers.id", ondelete="CASCADE")
    digest_id: int = Field(foreign_key="digests.id", ondelete="CASCADE")
    position: int
    votes: int | None = None
    comments: int | None = None
    title_ko: str | None = None
    summary: str = "[]"
    summary_language: str | None = None  # `core.sources.sighting.Language`
    summary_error: str | None = None  # a generator's error where the summary should be
    abstract: str | None = None
    media_kind: str | None = None
    media_url: str | None = None
    links: str = "{}"
    categories: str = "[]"
    keywords: str = "[]"
    suggested_tags: str = "[]"
    id_only: bool = False


class TagRecord(SQLModel, table=True):
    __tablename__ = "tags"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(_NOCASE, unique=True, nullable=False))


class PaperTagLink(SQLModel, table=True):
    __tablename__ = "paper_tags"
    __table_args__ = (Index("ix_paper_tags_tag", "tag_id"),)
    paper_id: int = Field(foreign_key="papers.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tags.id", primary_key=True, ondelete="CASCADE")


class SavedSearchRecord(SQLModel, table=True):
    """A query the user named, kept as its text (see `core.query.Query.text`)."""

    __tablename__ = "saved_searches"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(_NOCASE, unique=True, nullable=False))
    query: str
    created_at: dt.datetime


class StatusEventRecord(SQLModel, table=True):
    """A paper's reading status changed to `status` at `at` (v8): the history the Reading
    view's figures come from. Written with the change; its undo deletes it."""

    __tablename__ = "status_events"
    __table_args__ = (  # v9: each with the status, for the Reading view's counts
        Index("ix_status_events_paper_at_status", "paper_id", "at", "status"),
        Index("ix_status_events_status_paper_at", "status", "paper_id", "at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    paper_id: int = Field(foreign_key="papers.id", ondelete="CASCADE")
    status: str
    at: dt.datetime = Field(index=True)


class RuleRecord(SQLModel, table=True):
    """What to do to new papers that match `query` when they arrive (v9): add `tags` (a JSON
    list), give `status`, star them, put them `first` in Today."""

    __tablename__ = "rules"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(_NOCASE, unique=True, nullable=False))
    query: str
    tags: str = "[]"
    status: str | None = None
    star: bool = False
    first: bool = False
    created_at: dt.datetime


class RuleHitRecord(SQLModel, table=True):
    """A rule acted on a paper (at its arrival, or applied to it later)."""

    __tablename__ = "rule_hits"
    paper_id: int = Field(foreign_key="papers.id", primary_key=True, ondelete="CASCADE")
    rule_id: int = Field(foreign_key="rules.id", primary_key=True, ondelete="CASCADE", index=True)
    at: dt.datetime


class TriageStateRecord(SQLModel, table=True):
    """Where the reader is in the morning's work (v10): one row, id 1. Today holds the
    papers added after `today_since`; `last_triage_at` is the latest triage key."""

    __tablename__ = "triage_state"
    id: int = Field(primary_key=True)
    today_since: dt.datetime | None = None
    last_triage_at: dt.datetime | None = None


class ResurfacingRecord(SQLModel, table=True):
    """A starred or queued paper brought back into Today (v10): in the Today that began at
    `shown_since`; not again before `due_at`; passed over `passes` times."""

    __tablename__ = "resurfacing"
    paper_id: int = Field(foreign_key="papers.id", primary_key=True, ondelete="CASCADE")
    passes: int = 0
    due_at: dt.datetime
    shown_since: dt.datetime | None = Field(default=None, index=True)


class WatchFolderRecord(SQLModel, table=True):
    """A folder whose digest files import by themselves (v7). One that disappeared keeps
    its row, with when it went missing: reported, not forgotten."""

    __tablename__ = "watch_folders"
    id: int | None = Field(default=None, primary_key=True)
    path: str = Field(unique=True)
    added_at: dt.datetime
    scanned_at: dt.datetime | None = None
    missing_since: dt.datetime | None = None


class WatchedFileRecord(SQLModel, table=True):
    """A file a scan of a watched folder saw (`path` relative to it): unchanged in size and
    modification time, it is not read again."""

    __tablename__ = "watched_files"
    folder_id: int = Field(foreign_key="watch_folders.id", primary_key=True, ondelete="CASCADE")
    path: str = Field(primary_key=True)
    size: int
    mtime_ns: int
    content_hash: str | None = None
    seen_at: dt.datetime


class SubscriptionRecord(SQLModel, table=True):
    """A source fetched over HTTP (v7): a URL template with a date, read in `format` (None:
    sniffed), from `since` on."""

    __tablename__ = "subscriptions"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(_NOCASE, unique=True, nullable=False))
    url_template: str
    format: str | None = None
    since: dt.date
    added_at: dt.datetime
    checked_at: dt.datetime | None = None
    last_error: str | None = None


class SubscriptionDayRecord(SQLModel, table=True):
    """What fetching one day of a subscription gave: `imported`, `missing` (a 404) or
    `failed`, with the validators of a conditional request (ETag, Last-Modified)."""

    __tablename__ = "subscription_days"
    __table_args__ = (CheckConstraint("outcome IN ('imported', 'missing', 'failed')"),)
    subscription_id: int = Field(
        foreign_key="subscriptions.id", primary_key=True, ondelete="CASCADE"
    )
    date: dt.date = Field(primary_key=True)
    outcome: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    fetched_at: dt.datetime
    attempts: int = 1
