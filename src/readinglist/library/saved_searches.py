"""Saved searches: queries the user named, kept in the library as their text.

The text is checked when saved (`parse_query`); it is parsed again each time it is used,
so a saved search always means what its text says in this version of the language.
Each is a `SavedSearchRecord`, read and written through a SQLModel session on the caller's
connection, in the caller's transaction: a few rows, each edited as one object.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func
from sqlmodel import Session, col, select

from readinglist.core.listing import SavedSearchCount
from readinglist.core.query import QueryError, parse_query
from readinglist.library.schema import SavedSearchRecord
from readinglist.library.search import count_matching


class SavedSearchError(ValueError):
    """A name that is empty or taken, or a saved search that is not there (any more)."""


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    name: str
    query_text: str


def list_saved_searches(connection: Connection) -> list[SavedSearch]:
    """Every saved search, by name (case aside)."""
    by_name = select(SavedSearchRecord).order_by(
        func.lower(col(SavedSearchRecord.name)), col(SavedSearchRecord.id)
    )
    with Session(connection) as session:
        return [_saved(record) for record in session.exec(by_name)]


def find_saved_search(connection: Connection, name: str) -> SavedSearch | None:
    with Session(connection) as session:
        record = _named(session, name.strip())
        return _saved(record) if record is not None else None


def save_search(
    connection: Connection,
    name: str,
    query_text: str,
    now: dt.datetime,
    *,
    replace: bool = False,
) -> SavedSearch:
    """Save `query_text` as `name`; with `replace`, a search of that name takes the new text.

    Raises `QueryError` for a malformed query, `SavedSearchError` for an empty or taken name.
    """
    name, text = _name(name), query_text.strip()
    parse_query(text)
    with Session(connection) as session:
        record = _named(session, name)
        if record is not None and not replace:
            raise SavedSearchError(f"there is already a saved search named '{record.name}'")
        if record is None:
            record = SavedSearchRecord(name=name, query=text, created_at=now)
            session.add(record)
        record.query = text
        session.flush()
        return _saved(record)


def rename_saved_search(connection: Connection, search_id: int, name: str) -> SavedSearch:
    name = _name(name)
    with Session(connection) as session:
        clash = _named(session, name)
        if clash is not None and clash.id != search_id:
            raise SavedSearchError(f"there is already a saved search named '{clash.name}'")
        record = session.get(SavedSearchRecord, search_id)
        if record is None:
            raise SavedSearchError("that saved search is not in the library any more")
        record.name = name
        session.flush()
        return _saved(record)


def delete_saved_search(connection: Connection, search_id: int) -> None:
    with Session(connection) as session:
        record = session.get(SavedSearchRecord, search_id)
        if record is not None:
            session.delete(record)
            session.flush()


def saved_search_counts(connection: Connection) -> dict[int, int | None]:
    """How many papers each saved search finds now; None for a text that no longer parses."""
    counts: dict[int, int | None] = {}
    for search in list_saved_searches(connection):
        try:
            counts[search.id] = count_matching(connection, parse_query(search.query_text))
        except QueryError:
            counts[search.id] = None
    return counts


def saved_searches_with_counts(connection: Connection) -> tuple[SavedSearchCount, ...]:
    """Every saved search, by name, with how many papers it finds now (for the sidebar)."""
    counts = saved_search_counts(connection)
    return tuple(
        SavedSearchCount(s.id, s.name, s.query_text, counts.get(s.id))
        for s in list_saved_searches(connection)
    )


def _named(session: Session, name: str) -> SavedSearchRecord | None:
    """The saved search called `name`, in any case (the column's NOCASE collation)."""
    return session.exec(select(SavedSearchRecord).where(SavedSearchRecord.name == name)).first()


def _saved(record: SavedSearchRecord) -> SavedSearch:
    assert record.id is not None  # flushed: SQLite gave it its id
    return SavedSearch(record.id, record.name, record.query)


def _name(name: str) -> str:
    """Names are trimmed with inner whitespace collapsed; an empty name is refused."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise SavedSearchError("a saved search needs a name")
    return cleaned
