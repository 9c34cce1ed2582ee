"""The SQLModel classes (`library/schema.py`) are the schema's one declaration, and what the
statements run on; a fresh library (the frozen migrations' DDL) has exactly their tables."""

import ast
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Index, Table, UniqueConstraint, literal
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex
from sqlmodel import SQLModel

import readinglist.library
from readinglist.library import schema, tables
from readinglist.library.database import open_library

LIBRARY = Path(readinglist.library.__file__).parent
_SQLITE = sqlite.dialect()
_MODELS = {table.name: table for table in SQLModel.metadata.sorted_tables}
# Modules that work on SQLModel objects (sessions), loaded after the window's first rows.
_SQLMODEL_MODULES = {"schema", "saved_searches", "subscriptions"}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("fresh") / "library.sqlite"
    open_library(path).close()
    with closing(sqlite3.connect(path)) as connection:
        yield connection


def test_the_tables_statements_use_are_the_sqlmodel_classes_tables() -> None:
    assert tables.PAPERS is schema.PaperRecord.__table__  # type: ignore[attr-defined]
    assert tables.SAVED_SEARCHES is schema.SavedSearchRecord.__table__  # type: ignore[attr-defined]
    for name, table in _MODELS.items():
        assert getattr(tables, name.upper()) is table


def test_tables_has_only_the_schemas_tables() -> None:
    declared = ast.parse((LIBRARY / "tables.py").read_text(encoding="utf-8"))
    names = {
        node.target.id
        for node in ast.walk(declared)
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    assert names == {name.upper() for name in _MODELS}  # what mypy is told is there
    with pytest.raises(AttributeError, match="no attribute 'PAPER'"):
        _ = tables.PAPER


def test_no_table_is_declared_outside_the_schema() -> None:
    """No Core twin: `Table(...)` and `MetaData()` appear nowhere in the library."""
    declared = [
        f"{module.name}:{node.lineno}"
        for module in sorted(LIBRARY.glob("*.py"))
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and _called(node) in ("Table", "MetaData")
    ]
    assert declared == []


def test_the_library_modules_load_without_sqlmodel() -> None:
    """Only statements built on the tables load SQLModel (see `tables.py`); the modules the
    window imports before its first rows do not."""
    modules = sorted(
        f"readinglist.library.{module.stem}"
        for module in LIBRARY.glob("*.py")
        if module.stem not in _SQLMODEL_MODULES | {"__init__"}
    )
    code = (
        f"import sys; import {', '.join(modules)}\n"
        "hasattr(readinglist.library.tables, '__wrapped__')  # as inspect and mock look\n"
        "print(sorted(m for m in ('sqlmodel', 'pydantic') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("name", sorted(_MODELS))
def test_a_fresh_librarys_columns_are_the_models(fresh: sqlite3.Connection, name: str) -> None:
    """Names, types, NOT NULL, defaults and the primary key, in order."""
    on_disk = fresh.execute(f"PRAGMA table_info({name})").fetchall()
    assert [_disk_column(row) for row in on_disk] == [_model_column(c) for c in _MODELS[name].c]


@pytest.mark.parametrize("name", sorted(_MODELS))
def test_a_fresh_librarys_foreign_keys_are_the_models(fresh: sqlite3.Connection, name: str) -> None:
    rows = fresh.execute(f"PRAGMA foreign_key_list({name})").fetchall()
    on_disk = {
        (source, target, column, on_delete)
        for _, _, target, source, column, _, on_delete, _ in rows
    }
    in_model = {
        (key.parent.name, key.column.table.name, key.column.name, key.ondelete)
        for key in _MODELS[name].foreign_keys
    }
    assert on_disk == in_model


@pytest.mark.parametrize("name", sorted(_MODELS))
def test_a_fresh_librarys_unique_keys_are_the_models(fresh: sqlite3.Connection, name: str) -> None:
    """Each UNIQUE, with its columns' collation (NOCASE for names)."""
    indexes = fresh.execute(f"PRAGMA index_list({name})").fetchall()
    on_disk = {_disk_key(fresh, index) for _, index, _, origin, _ in indexes if origin == "u"}
    assert on_disk == _model_unique_keys(_MODELS[name])


@pytest.mark.parametrize("name", sorted(_MODELS))
def test_a_fresh_librarys_indexes_are_the_models(fresh: sqlite3.Connection, name: str) -> None:
    """Every CREATE INDEX, as SQL: its name, columns and expressions (`lower(title)`)."""
    rows = fresh.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (name,),
    ).fetchall()
    in_model = {_sql(str(CreateIndex(index).compile(dialect=_SQLITE))) for index in _indexes(name)}
    assert {_sql(sql) for (sql,) in rows} == in_model


def _called(node: ast.Call) -> str | None:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else None


def _disk_column(row: tuple[Any, ...]) -> tuple[object, ...]:
    _, name, type_, not_null, default, primary_key = row
    return name, type_, bool(not_null), default, bool(primary_key)


def _model_column(column: Column[Any]) -> tuple[object, ...]:
    """As `PRAGMA table_info` says it: the type without its collation, the default as SQL,
    NOT NULL unless it is the row id (`id INTEGER PRIMARY KEY`)."""
    type_ = re.sub(r" COLLATE .*", "", column.type.compile(dialect=_SQLITE))
    default = column.default.arg if column.default is not None else None  # type: ignore[attr-defined]
    as_sql = None if default is None else _literal(default)
    rowid = column.primary_key and len(column.table.primary_key.columns) == 1  # never NULL
    not_null = not column.nullable and not rowid
    return column.name, type_, not_null, as_sql, column.primary_key


def _literal(value: object) -> str:
    return str(literal(value).compile(dialect=_SQLITE, compile_kwargs={"literal_binds": True}))


def _disk_key(connection: sqlite3.Connection, index: str) -> tuple[tuple[str, str], ...]:
    rows = connection.execute(f"PRAGMA index_xinfo({index})").fetchall()
    return tuple((name, collation) for _, _, name, _, collation, key in rows if key)


def _model_unique_keys(table: Table) -> set[tuple[tuple[str, str], ...]]:
    keys: list[tuple[Column[Any], ...]] = [(column,) for column in table.c if column.unique]
    keys += [
        tuple(constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    return {
        tuple((c.name, getattr(c.type, "collation", None) or "BINARY") for c in key) for key in keys
    }


def _indexes(name: str) -> list[Index]:
    return [index for index in _MODELS[name].indexes if not index.unique]


def _sql(text: str) -> str:
    return " ".join(text.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split())
