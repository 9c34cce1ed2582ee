"""The sqlite3 connection under SQLAlchemy's, for the statements that go straight to it.

Where SQLAlchemy's work per statement or per row costs more than SQLite's (an import's bulk
inserts and per-file reads, the list's ids and rows), or where SQLModel would have to load
first (the window's first rows, see `sorting.py`), statements go to the driver, with values
in the form the library stores them: ISO dates, 0 and 1, moments in UTC without an offset,
as SQLAlchemy's SQLite types and SQLModel's `UTCDateTime` write them (`tests/test_driver.py`
checks these conversions against the schema's own column types).

On a shared library (PostgreSQL, library/shared/) the same statements go to psycopg, written
over in the few places the two differ (`for_postgresql`: the placeholders, an id list's
`json_each`, `group_concat`), and the values read back are psycopg's (dates, booleans,
aware moments), which `day` and `moment` take as they are. Statements that use more of
SQLite than that are written twice: the stats' (library/stats.py: each engine's words, chosen
once); the search index's are SQLite's alone so far.
"""

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

CHUNK = 500  # values per IN (...) list, well under SQLite's parameter limit
_MOMENT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DATETIME, always UTC here

type Row = tuple[Any, ...]


def driver(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under `connection`, in its transaction."""
    found = connection.connection.driver_connection
    assert isinstance(found, sqlite3.Connection)
    return found


def chunks[T](items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """`items` a slice of `size` at a time."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def on_postgresql(connection: Connection) -> bool:
    """Whether `connection` is a shared library's (PostgreSQL, library/shared/)."""
    return connection.dialect.name == "postgresql"


def greatest(connection: Connection) -> str:
    """The name of the function that gives the greatest of its arguments: SQLite's scalar
    `max`, PostgreSQL's `greatest` (its `max` is the aggregate only)."""
    return "greatest" if on_postgresql(connection) else "max"


def fetch(connection: Connection, sql: str, parameters: Sequence[object] = ()) -> list[Row]:
    """Every row of `sql`. A failure is raised as SQLAlchemy raises the driver's (an
    `OperationalError` carrying it): whoever reads the library catches one kind."""
    if on_postgresql(connection):
        result = connection.exec_driver_sql(for_postgresql(sql), tuple(parameters))
        return [tuple(row) for row in result]
    try:
        return driver(connection).execute(sql, parameters).fetchall()
    except sqlite3.Error as error:
        raise DBAPIError.instance(sql, parameters, error, sqlite3.Error) from error


# What an SQLite statement says that PostgreSQL says otherwise, and how it says it. Plain
# text substitutions, for the statements of this package only: none holds a `?` or a `%` in
# a string literal, and their `group_concat` has its separator (PostgreSQL's `string_agg`
# needs one). The stats' statements have PostgreSQL words of their own (library/stats.py).
_REWRITES = (
    (re.compile(r"%"), "%%"),  # psycopg's placeholders start with %: a literal one doubled
    (
        re.compile(r"SELECT value FROM json_each\(\?\)"),
        "SELECT value::bigint FROM json_array_elements_text(?::json)",
    ),
    (re.compile(r"\bgroup_concat\("), "string_agg("),
    (re.compile(r"\?"), "%s"),
)


def fetch_binary(connection: Connection, sql: str, parameters: Sequence[object]) -> list[Row]:
    """Every row of `sql`, a shared library's statement as psycopg takes it, read in
    PostgreSQL's binary format: a list's ids as one bigint array, which psycopg reads in half
    the time it takes to parse the text of it (156,000 ids: 17 ms against 32, beside the
    server's 10 to make them). Through psycopg's own cursor, in the connection's transaction;
    a failure is raised as `fetch` raises it (SQLAlchemy's wrapper of the driver's error)."""
    import psycopg

    found = connection.connection.driver_connection
    assert isinstance(found, psycopg.Connection)
    try:
        with found.cursor(binary=True) as cursor:
            cursor.execute(sql.encode(), tuple(parameters))
            return cursor.fetchall()
    except psycopg.Error as error:
        raise DBAPIError.instance(sql, parameters, error, psycopg.Error) from error


def fetch_many(connection: Connection, sql: str, rows: Sequence[Sequence[object]]) -> None:
    """`sql` once for each of `rows` (an import's bulk inserts). SQLite's failures are the
    driver's own, as an import tells a busy library by them."""
    if not rows:
        return
    if on_postgresql(connection):
        connection.exec_driver_sql(for_postgresql(sql), [tuple(row) for row in rows])
        return
    driver(connection).executemany(sql, rows)


def for_postgresql(sql: str) -> str:
    """An SQLite statement of this package as PostgreSQL takes it (see the module's words)."""
    for pattern, replacement in _REWRITES:
        sql = pattern.sub(replacement, sql)
    return sql


def id_list(ids: Sequence[int]) -> str:
    """`ids` as the one parameter of `IN (SELECT value FROM json_each(?))`: any number of
    them, in one statement whose text does not change with their count."""
    return json.dumps(list(ids))


def stored(value: object) -> object:
    """A parameter as the library stores it (these statements skip SQLAlchemy's types)."""
    if isinstance(value, dt.datetime):
        return stored_moment(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def stored_moment(moment: dt.datetime) -> str:
    """An aware moment as the library keeps it: in UTC, without the offset."""
    if moment.utcoffset() is None:
        raise ValueError("the library stores aware datetimes only (see database.utc_now)")
    return moment.astimezone(dt.UTC).strftime(_MOMENT_FORMAT)


def day(text: str | dt.date) -> dt.date:
    """A stored DATE (PostgreSQL's driver gives a date already)."""
    return text if isinstance(text, dt.date) else dt.date.fromisoformat(text)


def moment(text: str | dt.datetime | None) -> dt.datetime | None:
    """A stored DATETIME, in UTC (the library keeps UTC without an offset; PostgreSQL's
    driver gives an aware moment)."""
    if text is None:
        return None
    found = text if isinstance(text, dt.datetime) else dt.datetime.fromisoformat(text)
    if found.utcoffset() is None:
        return found.replace(tzinfo=dt.UTC)
    return found.astimezone(dt.UTC)
