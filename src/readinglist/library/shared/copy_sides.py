"""The two ends of `readinglist copy`: reading a library file or a shared library as one
person, and writing a new one in a single transaction.

Reading goes through the drivers (sqlite3, psycopg) in batches, inside one read
transaction, so the counts and the rows come from the same moment. Writing into PostgreSQL
uses `COPY` for the shared tables; the tables under row-level security refuse `COPY FROM`
(PostgreSQL's rule), so their rows go by `executemany`, psycopg's pipelined inserts.
`COPY` fires the tables' row and statement triggers as an insert does: the change log's, and
any that keep a column up to date (a search vector), see every row copied.
"""

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.library import failures
from readinglist.library.errors import LibraryError
from readinglist.library.shared import ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.copy_parts import PAPERS, SHARED_PAPER_COLUMNS, Part

if TYPE_CHECKING:
    import psycopg

type Row = Sequence[Any]
type Batches = Iterable[Sequence[Row]]

BATCH_ROWS = 5_000
APPLICATION_NAME = "readinglist-copy"
_SQLITE_MOMENT = "%Y-%m-%d %H:%M:%S.%f"  # how the library layer stores a moment in SQLite
_cursor_numbers = count(1)


class CopyError(LibraryError):
    """A copy refused or failed, said in words that name the library."""


@contextmanager
def said_as(place: Path | SharedAddress, doing: str) -> Iterator[None]:
    """A driver's or the system's failure while `doing` (`reading`, `writing`) the library
    at `place`, raised as a CopyError in words."""
    import psycopg

    try:
        yield
    except (psycopg.Error, sqlite3.Error, OSError) as error:
        raise CopyError(f"{doing} {place} failed: {failures.describe(error)}") from error


class SqliteReader:
    """A library file read in one transaction (the file is never written)."""

    postgres = False

    def __init__(self, connection: sqlite3.Connection, place: Path) -> None:
        self.connection = connection
        self.place = place
        connection.execute("BEGIN")

    def count(self, sql: str) -> int:
        with said_as(self.place, "reading"):
            return int(self.connection.execute(sql).fetchone()[0])

    def batches(self, part: Part) -> Iterator[list[Row]]:
        with said_as(self.place, "reading"):
            cursor = self.connection.execute(part.select(postgres=False))
            while rows := cursor.fetchmany(BATCH_ROWS):
                yield rows


class PostgresReader:
    """A shared library read as the role connected, in one repeatable-read transaction (or
    in the writer's own, to see whether it is empty)."""

    postgres = True

    def __init__(self, connection: "psycopg.Connection[Any]", place: SharedAddress) -> None:
        self.connection = connection
        self.place = place

    def count(self, sql: str) -> int:
        with said_as(self.place, "reading"):
            row = self.connection.execute(sql.encode()).fetchone()
        return int(row[0]) if row is not None else 0

    def batches(self, part: Part) -> Iterator[list[Row]]:
        name = f"readinglist_copy_{next(_cursor_numbers)}"
        with said_as(self.place, "reading"), self.connection.cursor(name=name) as cursor:
            cursor.execute(part.select(postgres=True).encode())
            while rows := cursor.fetchmany(BATCH_ROWS):
                yield rows


def for_sqlite(row: Row) -> tuple[Any, ...]:
    """A row read from PostgreSQL as the library layer writes it into SQLite: moments as
    UTC text, days as ISO text, booleans as 0 and 1."""
    return tuple(_sqlite_value(value) for value in row)


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime(_SQLITE_MOMENT)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def as_text(row: Row) -> tuple[str | None, ...]:
    """A row's values as text, which psycopg sends untyped for PostgreSQL to read as the
    column's type: SQLite's 0 and 1 bound as numbers would be refused by a boolean column.
    (`COPY` reads text already.)"""
    return tuple(None if value is None else str(value) for value in row)


def _placeholders(columns: Sequence[str], mark: str) -> str:
    return ", ".join([mark] * len(columns))


class SqliteWriter:
    """Rows into a new library file, in the one transaction its connection has open."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        connection.execute("BEGIN IMMEDIATE")
        # A tag's link is written before its paper (checked at commit): the full-text
        # index's trigger on new links then finds no paper to index, and the index is built
        # once, at the end, instead of twice per link.
        connection.execute("PRAGMA defer_foreign_keys = ON")

    def order(self, parts: Sequence[Part]) -> list[Part]:
        links = [part for part in parts if part.name == "paper_tags"]
        rest = [part for part in parts if part.name != "paper_tags"]
        at = rest.index(PAPERS)
        return [*rest[:at], *links, *rest[at:]]

    def write(self, part: Part, batches: Batches) -> None:
        sql = (
            f"INSERT INTO {part.table} ({', '.join(part.columns)}) "
            f"VALUES ({_placeholders(part.columns, '?')})"
        )
        for rows in batches:
            self.connection.executemany(sql, rows)

    def write_renumbered(self, part: Part, batches: Batches) -> dict[Any, int]:
        columns = part.columns[1:]
        sql = (
            f"INSERT INTO {part.table} ({', '.join(columns)}) "
            f"VALUES ({_placeholders(columns, '?')})"
        )
        ids: dict[Any, int] = {}
        for rows in batches:
            for row in rows:
                cursor = self.connection.execute(sql, row[1:])
                ids[row[0]] = int(cursor.lastrowid or 0)
        return ids

    def commit(self) -> None:
        self.connection.execute("COMMIT")


class PostgresWriter:
    """Rows into an empty shared library as the role connected, in one transaction."""

    def __init__(self, connection: "psycopg.Connection[Any]") -> None:
        self.connection = connection

    def order(self, parts: Sequence[Part]) -> list[Part]:
        return list(parts)

    def write(self, part: Part, batches: Batches) -> None:
        if part is PAPERS:
            self._write_papers(batches)
        elif part.table in ddl.SHARED:
            self._copy(part.table, part.columns, batches)
        else:
            self._insert(part.table, part.columns, batches)

    def write_renumbered(self, part: Part, batches: Batches) -> dict[Any, int]:
        columns = part.columns[1:]
        sql = (
            f"INSERT INTO {part.table} ({', '.join(columns)}) "
            f"VALUES ({_placeholders(columns, '%s')}) RETURNING id"
        ).encode()
        ids: dict[Any, int] = {}
        for rows in batches:
            for row in rows:
                found = self.connection.execute(sql, as_text(row[1:])).fetchone()
                ids[row[0]] = int(found[0]) if found is not None else 0
        return ids

    def _write_papers(self, batches: Batches) -> None:
        """The shared columns into `paper_records`; the person's own into `paper_states`,
        for the papers whose state is not a new paper's (unread, no star, no note)."""
        shared = len(SHARED_PAPER_COLUMNS)
        states: list[Row] = []

        def records() -> Iterator[list[Row]]:
            for rows in batches:
                states.extend((row[0], *row[shared:]) for row in rows if _has_state(row[shared:]))
                yield [row[:shared] for row in rows]

        self._copy("paper_records", SHARED_PAPER_COLUMNS, records())
        state_columns = ("paper_id", *PAPERS.columns[shared:])
        self._insert("paper_states", state_columns, [states])

    def _copy(self, table: str, columns: Sequence[str], batches: Batches) -> None:
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with self.connection.cursor() as cursor, cursor.copy(statement.encode()) as copy:
            for rows in batches:
                for row in rows:
                    copy.write_row(row)

    def _insert(self, table: str, columns: Sequence[str], batches: Batches) -> None:
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_placeholders(columns, '%s')})"
        ).encode()
        with self.connection.cursor() as cursor:
            for rows in batches:
                if rows:
                    cursor.executemany(sql, [as_text(row) for row in rows])

    def advance_sequences(self, tables: Iterable[str]) -> None:
        """Each table's id sequence moved past the ids copied with their rows, so the next
        paper (digest, tag…) gets a new one. By `nextval`: a member may use the sequences
        but not set them (`setval` needs UPDATE on them, which only the owner has)."""
        for table in tables:
            sequence = f"pg_get_serial_sequence('{table}', 'id')"
            top = self._number(f"SELECT coalesce(max(id), 0) FROM {table}")
            at = self._number(f"SELECT nextval({sequence})")
            if at < top:
                self._number(
                    f"SELECT max(nextval({sequence})) FROM generate_series(1, {top - at:d})"
                )

    def _number(self, sql: str) -> int:
        row = self.connection.execute(sql.encode()).fetchone()
        return int(row[0]) if row is not None and row[0] is not None else 0

    def commit(self) -> None:
        self.connection.commit()


def _has_state(state: Row) -> bool:
    """Whether a paper's own columns (starred, status, status_changed_at, note,
    note_changed_at) differ from a new paper's."""
    starred, status, status_changed_at, note, note_changed_at = state
    return (
        bool(starred)
        or status != "unread"
        or bool(note)
        or (status_changed_at is not None or note_changed_at is not None)
    )
