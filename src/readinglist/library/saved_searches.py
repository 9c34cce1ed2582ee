"""Saved searches: queries the user named, kept in the library as their text.

The text is checked when saved (`parse_query`); it is parsed again each time it is used,
so a saved search always means what its text says in this version of the language.
Each is a `SavedSearchRecord`, read and written through a SQLModel session on the caller's
connection, in the caller's transaction: a few rows, each edited as one object.

On a shared library (PostgreSQL) each saved search has an owner and may be `shared`: a
member sees their own and the shared ones (the database's policy), changes only their own
(the policy again; the functions here say so in words first), and names are each owner's
(two members may both have an "LLM"). A library file has one person: nothing is shared.
"""

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func, literal_column
from sqlmodel import Session, col, select

from readinglist.core.listing import SavedSearchCount
from readinglist.core.query import QueryError, parse_query
from readinglist.library.driver import fetch, on_postgresql
from readinglist.library.schema import SavedSearchRecord
from readinglist.library.search import count_matching


class SavedSearchError(ValueError):
    """A name that is empty or taken, or a saved search that is not there (any more)."""


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    name: str
    query_text: str
    owner: str | None = None  # a shared library's: who saved it (None on a library file)
    shared: bool = False  # seen by every member of the shared library
    mine: bool = True  # changed by the person reading (others' shared ones are read only)


_OWNERS = "SELECT id, owner, shared, owner = current_user FROM saved_searches"
NOT_SHARED_LIBRARY = "a library file has one person: only a shared library's searches are shared"


def list_saved_searches(connection: Connection) -> list[SavedSearch]:
    """Every saved search, by name (case aside)."""
    by_name = select(SavedSearchRecord).order_by(
        func.lower(col(SavedSearchRecord.name)), col(SavedSearchRecord.id)
    )
    with Session(connection) as session:
        searches = [_saved(record) for record in session.exec(by_name)]
    if not on_postgresql(connection):
        return searches
    owners = {row[0]: row[1:] for row in fetch(connection, _OWNERS)}
    return [  # one removed between the two reads (each statement its own snapshot): left out
        dataclasses.replace(search, owner=str(owner), shared=bool(shared), mine=bool(mine))
        for search in searches
        if search.id in owners
        for owner, shared, mine in [owners[search.id]]
    ]


def find_saved_search(connection: Connection, name: str) -> SavedSearch | None:
    """The saved search called `name`: on a shared library one's own first, else a shared
    one of another member's."""
    wanted = " ".join(name.split()).lower()
    named = [s for s in list_saved_searches(connection) if s.name.lower() == wanted]
    return min(named, key=lambda search: not search.mine, default=None)


def set_shared(connection: Connection, search_id: int, shared: bool) -> SavedSearch:
    """Share one's saved search with every member of a shared library, or stop sharing it."""
    if not on_postgresql(connection):
        raise SavedSearchError(NOT_SHARED_LIBRARY)
    _check_mine(connection, search_id)
    sharing = "UPDATE saved_searches SET shared = ? WHERE id = ? RETURNING id"
    fetch(connection, sharing, [shared, search_id])
    return next(s for s in list_saved_searches(connection) if s.id == search_id)


def _check_mine(connection: Connection, search_id: int) -> None:
    """On a shared library, another member's (shared) saved search is theirs to change."""
    if not on_postgresql(connection):
        return
    rows = fetch(connection, f"{_OWNERS} WHERE id = ?", [search_id])
    if not rows:
        raise SavedSearchError("that saved search is not in the library any more")
    _, owner, _, mine = rows[0]
    if not mine:
        raise SavedSearchError(
            f"that saved search is {owner}'s, shared with you: only {owner} can change it"
        )


def save_search(
    connection: Connection,
    name: str,
    query_text: str,
    now: dt.datetime,
    *,
    replace: bool = False,
    shared: bool | None = None,
) -> SavedSearch:
    """Save `query_text` as `name`; with `replace`, a search of that name takes the new text;
    `shared` True or False: shared with a shared library's members or not (None: as it was).

    Raises `QueryError` for a malformed query, `SavedSearchError` for an empty or taken name.
    """
    if shared and not on_postgresql(connection):
        raise SavedSearchError(NOT_SHARED_LIBRARY)
    saved = _save(connection, name, query_text, now, replace=replace)
    if shared is None or not on_postgresql(connection):
        return saved
    return set_shared(connection, saved.id, shared)


def _save(
    connection: Connection, name: str, query_text: str, now: dt.datetime, *, replace: bool
) -> SavedSearch:
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
    _check_mine(connection, search_id)
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
    _check_mine(connection, search_id)
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
        SavedSearchCount(
            s.id, s.name, s.query_text, counts.get(s.id), s.owner, shared=s.shared, mine=s.mine
        )
        for s in list_saved_searches(connection)
    )


def _named(session: Session, name: str) -> SavedSearchRecord | None:
    """My saved search called `name`, in any case (the column's NOCASE collation; on a
    shared library, its unique index on the owner and `lower(name)`)."""
    named = select(SavedSearchRecord)
    if on_postgresql(session.connection()):
        mine = literal_column("owner") == func.current_user()
        named = named.where(func.lower(SavedSearchRecord.name) == name.lower(), mine)
    else:
        named = named.where(SavedSearchRecord.name == name)
    return session.exec(named).first()


def _saved(record: SavedSearchRecord) -> SavedSearch:
    assert record.id is not None  # flushed: SQLite gave it its id
    return SavedSearch(record.id, record.name, record.query)


def _name(name: str) -> str:
    """Names are trimmed with inner whitespace collapsed; an empty name is refused."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise SavedSearchError("a saved search needs a name")
    return cleaned
