"""The library's tables in SQLAlchemy Core: what every query and bulk statement is written
against.

`schema.py` declares the same tables as SQLModel classes, and those stay the source of
truth; these are their Core twins, because importing SQLModel (and pydantic with it) costs
0.1-0.2 s that the window's first rows would otherwise wait for. `tests/test_tables.py`
checks that the two agree: columns, types, defaults, keys, constraints and indexes.
"""

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
    UniqueConstraint,
    func,
    text,
)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """What SQLModel maps `datetime` fields to: aware datetimes in, UTC ones out."""

    impl = DateTime
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(timezone=True)

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("the library stores aware datetimes only (see database.utc_now)")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        moment: dt.datetime = value
        if moment.utcoffset() is None:  # SQLite keeps no offset: it was stored in UTC
            return moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)


metadata = MetaData()


def paper_indexes() -> tuple[Index, ...]:
    """The indexes on `papers` beyond its columns' own, made anew for each table that has them
    (this one and `schema.PaperRecord`): the list sorts by walking them (v2, v4)."""
    title, authors = func.lower(text("title")), func.lower(text("authors"))
    return (
        Index("ix_papers_status_first_seen", "status", "first_seen"),
        Index("ix_papers_starred", "starred"),
        Index("ix_papers_title_lower", title),
        Index("ix_papers_authors_lower", authors),
        Index("ix_papers_status", "status"),
        Index("ix_papers_status_starred", "status", "starred"),
        Index("ix_papers_status_votes", "status", "votes"),
        Index("ix_papers_status_title_lower", "status", title),
        Index("ix_papers_status_authors_lower", "status", authors),
    )


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _text(name: str, default: str | None = None) -> Column[str]:
    return Column(name, String, nullable=False, default=default)


def _moment(name: str, nullable: bool = False) -> Column[dt.datetime]:
    return Column(name, UTCDateTime(), nullable=nullable)


def _parent(name: str, target: str, primary_key: bool = False, index: bool = False) -> Column[int]:
    reference = ForeignKey(target, ondelete="CASCADE")
    return Column(name, Integer, reference, nullable=False, primary_key=primary_key, index=index)


PAPERS = Table(
    "papers",
    metadata,
    _id(),
    Column("arxiv_id", String, unique=True, nullable=False),
    _text("url"),
    _text("title"),
    _text("authors", "[]"),  # JSON list, first order kept
    Column("authors_truncated", Boolean, nullable=False, default=False),
    Column("first_seen", Date, nullable=False, index=True),
    Column("last_seen", Date, nullable=False, index=True),
    Column("votes", Integer, index=True),  # from its latest digest with a vote
    Column("votes_date", Date),
    Column("starred", Boolean, nullable=False, default=False),
    _text("status", "unread"),
    _moment("status_changed_at", nullable=True),
    _text("note", ""),
    _moment("note_changed_at", nullable=True),
    _moment("added_at"),
    *paper_indexes(),
)

DIGESTS = Table(
    "digests",
    metadata,
    _id(),
    Column("date", Date, unique=True, nullable=False),
    _text("source_name"),  # the first file that brought it
    _text("content_hash"),
    _moment("imported_at"),
)

DIGEST_FILES = Table(
    "digest_files",
    metadata,
    _id(),
    Column("content_hash", String, unique=True, nullable=False),
    _parent("digest_id", "digests.id", index=True),
    _text("source_name"),
    _moment("imported_at"),
    Column("papers_new", Integer, nullable=False, default=0),
    Column("appearances_new", Integer, nullable=False, default=0),
)

APPEARANCES = Table(
    "appearances",
    metadata,
    _id(),
    _parent("paper_id", "papers.id"),
    _parent("digest_id", "digests.id"),
    Column("position", Integer, nullable=False),
    Column("votes", Integer),
    Column("media_kind", String),
    Column("media_url", String),
    _text("summary", "[]"),  # JSON list of bullets
    UniqueConstraint("paper_id", "digest_id"),
    Index("ix_appearances_digest", "digest_id", "position"),
)

TAGS = Table(
    "tags",
    metadata,
    _id(),
    Column("name", String(collation="NOCASE"), unique=True, nullable=False),
)

PAPER_TAGS = Table(
    "paper_tags",
    metadata,
    _parent("paper_id", "papers.id", primary_key=True),
    _parent("tag_id", "tags.id", primary_key=True),
    Index("ix_paper_tags_tag", "tag_id"),
)

SAVED_SEARCHES = Table(
    "saved_searches",
    metadata,
    _id(),
    Column("name", String(collation="NOCASE"), unique=True, nullable=False),
    _text("query"),
    _moment("created_at"),
)
