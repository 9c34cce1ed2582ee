"""Saved searches: queries the user named, kept in the library as their text.

The text is checked when saved (`parse_query`); it is parsed again each time it is used,
so a saved search always means what its text says in this version of the language.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, select, update

from readinglist.core.listing import SavedSearchCount
from readinglist.core.query import QueryError, parse_query
from readinglist.library.search import count_matching
from readinglist.library.tables import SAVED_SEARCHES


class SavedSearchError(ValueError):
    """A name that is empty or taken, or a saved search that is not there (any more)."""


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    name: str
    query_text: str


def list_saved_searches(connection: Connection) -> list[SavedSearch]:
    """Every saved search, by name (case aside)."""
    s = SAVED_SEARCHES.c
    statement = select(s.id, s.name, s.query).order_by(func.lower(s.name), s.id)
    return [SavedSearch(int(i), name, text) for i, name, text in connection.execute(statement)]


def find_saved_search(connection: Connection, name: str) -> SavedSearch | None:
    s = SAVED_SEARCHES.c
    row = connection.execute(select(s.id, s.name, s.query).where(s.name == name.strip())).first()
    return SavedSearch(int(row[0]), row[1], row[2]) if row else None


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
    existing = find_saved_search(connection, name)
    if existing is not None and not replace:
        raise SavedSearchError(f"there is already a saved search named '{existing.name}'")
    if existing is not None:
        connection.execute(
            update(SAVED_SEARCHES).where(SAVED_SEARCHES.c.id == existing.id).values(query=text)
        )
        return SavedSearch(existing.id, existing.name, text)
    values = {"name": name, "query": text, "created_at": now}
    search_id = connection.execute(SAVED_SEARCHES.insert(), values).lastrowid
    return SavedSearch(int(search_id), name, text)


def rename_saved_search(connection: Connection, search_id: int, name: str) -> SavedSearch:
    name = _name(name)
    clash = find_saved_search(connection, name)
    if clash is not None and clash.id != search_id:
        raise SavedSearchError(f"there is already a saved search named '{clash.name}'")
    statement = update(SAVED_SEARCHES).where(SAVED_SEARCHES.c.id == search_id).values(name=name)
    if connection.execute(statement).rowcount == 0:
        raise SavedSearchError("that saved search is not in the library any more")
    return SavedSearch(search_id, name, _text_of(connection, search_id))


def delete_saved_search(connection: Connection, search_id: int) -> None:
    connection.execute(delete(SAVED_SEARCHES).where(SAVED_SEARCHES.c.id == search_id))


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


def _text_of(connection: Connection, search_id: int) -> str:
    statement = select(SAVED_SEARCHES.c.query).where(SAVED_SEARCHES.c.id == search_id)
    return str(connection.execute(statement).scalar_one())


def _name(name: str) -> str:
    """Names are trimmed with inner whitespace collapsed; an empty name is refused."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise SavedSearchError("a saved search needs a name")
    return cleaned
