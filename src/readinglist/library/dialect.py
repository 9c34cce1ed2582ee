"""Where a library file (SQLite) and a shared library (PostgreSQL, library/shared/) differ,
for the statements written in SQLAlchemy Core: the one seam the rest of `library/` asks.

Both engines take the same tables (a shared library's `papers` is a view with the same
columns, library/shared/ddl.py), so a Core statement compiles for either; what differs is
the upsert (each dialect has its own `INSERT … ON CONFLICT`), the keys of the tables that
are each person's on PostgreSQL (keyed by `person` too there, `current_user` by default),
names compared in any case (SQLite's columns are `COLLATE NOCASE`; PostgreSQL's unique
indexes are on `lower(name)`), and SQLite's `+column`, which keeps its planner from starting
in that column's index (PostgreSQL has no unary + on text, and its planner needs no hint).
"""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    String,
    Table,
    any_,
    bindparam,
    func,
    literal,
    select,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from readinglist.library.driver import id_list, on_postgresql
from readinglist.library.shared.ddl import KEYED_BY_PERSON

__all__ = [
    "among_bound_ids",
    "among_ids",
    "among_names",
    "bound_ids",
    "conflict_keys",
    "insert",
    "insert_into",
    "on_postgresql",
    "paper_records",
    "same_name",
]

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PostgresInsert
    from sqlalchemy.dialects.sqlite import Insert as SqliteInsert


def insert(connection: Connection, table: Table) -> "SqliteInsert | PostgresInsert":
    """`INSERT INTO table` in the connection's dialect, with its `on_conflict_do_…`."""
    return insert_into(on_postgresql(connection), table)


def insert_into(postgresql: bool, table: Table) -> "SqliteInsert | PostgresInsert":
    """`insert` for a statement built before any connection (`postgresql`: a shared
    library's)."""
    if postgresql:
        from sqlalchemy.dialects import postgresql as dialect  # loaded when used

        return dialect.insert(table)
    return sqlite.insert(table)


def paper_records(connection: Connection) -> str:
    """Where an import writes and reads a paper's shared columns (title, dates, votes): a
    library file's `papers`; a shared library's `paper_records`, under its per-person view
    `papers` (written through the view, each row runs the view's trigger and its join)."""
    return "paper_records" if on_postgresql(connection) else "papers"


def conflict_keys(connection: Connection, table: Table, *columns: str) -> list[str]:
    """The columns of `table`'s key named `columns`, for `on_conflict_do_update`: on
    PostgreSQL a person's table is keyed by the person too."""
    personal = on_postgresql(connection) and table.name in KEYED_BY_PERSON
    return ["person", *columns] if personal else list(columns)


def among_ids(
    connection: Connection, column: ColumnElement[int], ids: Sequence[int]
) -> ColumnElement[bool]:
    """`column IN ids`, any number of them: on SQLite one JSON parameter read by
    `json_each` (the statement's text the same whatever their count), on PostgreSQL
    `= ANY` of one array."""
    if on_postgresql(connection):
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(literal(list(ids), ARRAY(BigInteger)))
    listed = func.json_each(literal(id_list(ids))).table_valued("value")
    return column.in_(select(listed.c.value))


def among_bound_ids(postgresql: bool, column: ColumnElement[int], name: str) -> ColumnElement[bool]:
    """`among_ids` with the ids left to bind at each execution, as the parameter `name`
    (`bound_ids`): a statement built once for any ids (`postgresql`: for a shared
    library's connection)."""
    if postgresql:
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(bindparam(name, type_=ARRAY(BigInteger)))
    listed = func.json_each(bindparam(name, type_=String())).table_valued("value")
    return column.in_(select(listed.c.value))


def bound_ids(connection: Connection, ids: Sequence[int]) -> object:
    """`ids` as the value of an `among_bound_ids` parameter."""
    return list(ids) if on_postgresql(connection) else id_list(ids)


def same_name(column: ColumnElement[str], name: str | ColumnElement[str]) -> ColumnElement[bool]:
    """`column` holds `name`, in any case (ASCII letters, as SQLite's NOCASE folds them)."""
    return func.lower(column) == func.lower(name)


def among_names(column: ColumnElement[str], names: Iterable[str]) -> ColumnElement[bool]:
    """`column` holds one of `names`, in any case."""
    return func.lower(column).in_([name.lower() for name in names])


# An attribute of the dialect a shared library's list is compiled in: its words find many
# papers (library/sorting.py sets it from the planner's estimate; search.py and trash.py
# shape the list's conditions by it).
FOUND_MANY = "readinglist_found_many"


class unindexed(FunctionElement[Any]):
    """`+value` on SQLite: equal to `value`, but looked up in no index; `value` elsewhere."""

    name = "unindexed"
    inherit_cache = True

    def __init__(self, value: ColumnElement[Any]) -> None:
        super().__init__(value)
        self.type = value.type


@compiles(unindexed)
def _as_value(element: unindexed, compiler: SQLCompiler, **options: Any) -> str:
    return compiler.process(element.clauses, **options)


@compiles(unindexed, "sqlite")
def _as_unindexed(element: unindexed, compiler: SQLCompiler, **options: Any) -> str:
    return f"+{compiler.process(element.clauses, **options)}"
