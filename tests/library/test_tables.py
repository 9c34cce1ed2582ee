"""The Core tables (`library/tables.py`) are the SQLModel models' twins (`library/schema.py`).

The models stay the schema's source of truth (and `test_library` checks them against the
migrations' DDL); the queries use the Core tables, which start faster. These tests fail on
any difference between the two: a column, its type and how values cross it, a default, a
key, a constraint or an index.
"""

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import Column, Table, TypeDecorator
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

from readinglist.library import schema, tables

_SQLITE = sqlite.dialect()
_SEOUL = dt.timezone(dt.timedelta(hours=9))
_SAMPLES: dict[type, list[Any]] = {
    int: [0, 42, None],
    str: ["", "데이터셋", None],
    bool: [True, False, None],
    dt.date: [dt.date(2024, 3, 1), None],
    dt.datetime: [dt.datetime(2024, 3, 1, 9, 30, tzinfo=_SEOUL), None],
}
_STORED: dict[type, list[Any]] = {  # what SQLite hands back
    dt.date: ["2024-03-01"],
    dt.datetime: ["2024-03-01 00:30:00.000000", "2024-03-01 09:30:00.000000+09:00"],
}


def _pairs() -> list[tuple[Table, Table]]:
    models = {table.name: table for table in SQLModel.metadata.sorted_tables}
    return [(models[table.name], table) for table in tables.metadata.sorted_tables]


def test_the_same_tables_in_the_same_order() -> None:
    model_names = [table.name for table in SQLModel.metadata.sorted_tables]
    assert [table.name for table in tables.metadata.sorted_tables] == model_names


@pytest.mark.parametrize(("model", "core"), _pairs(), ids=lambda table: table.name)
def test_the_same_ddl(model: Table, core: Table) -> None:
    assert _ddl(core) == _ddl(model)


@pytest.mark.parametrize(("model", "core"), _pairs(), ids=lambda table: table.name)
def test_the_same_columns(model: Table, core: Table) -> None:
    assert [_column(c) for c in core.columns] == [_column(c) for c in model.columns]


@pytest.mark.parametrize(("model", "core"), _pairs(), ids=lambda table: table.name)
def test_values_cross_each_column_alike(model: Table, core: Table) -> None:
    for column in model.columns:
        twin = core.c[column.name]
        python_type = _python_type(column.type)
        for value in _SAMPLES[python_type]:
            assert _bound(twin, value) == _bound(column, value), (column, value)
        for stored in _STORED.get(python_type, []):
            assert _read(twin, stored) == _read(column, stored), (column, stored)


def test_naive_datetimes_are_refused_by_both() -> None:
    naive = dt.datetime(2024, 3, 1, 9, 30)
    model: Table = schema.PaperRecord.__table__  # type: ignore[attr-defined]
    for column in (model.c.added_at, tables.PAPERS.c.added_at):
        with pytest.raises(ValueError, match=r"aware|timezone"):
            _bound(column, naive)


def test_the_read_path_does_not_import_sqlmodel() -> None:
    """What the window needs for its first rows starts without SQLModel and pydantic."""
    code = (
        "import sys; import readinglist.library.papers, readinglist.library.database; "
        "print(sorted(m for m in ('sqlmodel', 'pydantic') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _ddl(table: Table) -> tuple[str, list[str]]:
    indexes = sorted(str(CreateIndex(index).compile(dialect=_SQLITE)) for index in table.indexes)
    return str(CreateTable(table).compile(dialect=_SQLITE)), indexes


def _column(column: Column[Any]) -> dict[str, Any]:
    default = column.default.arg if column.default is not None else None  # type: ignore[attr-defined]
    return {
        "name": column.name,
        "type": _type_name(column.type),
        "sql": column.type.compile(dialect=_SQLITE),
        "python": _python_type(column.type),
        "nullable": column.nullable,
        "primary_key": column.primary_key,
        "unique": bool(column.unique),
        "index": bool(column.index),
        "default": default,
        "server_default": column.server_default,
        "foreign_keys": sorted((k.target_fullname, k.ondelete) for k in column.foreign_keys),
        "autoincrement": column.autoincrement,
    }


def _type_name(type_: Any) -> str:
    """Its class, and for a decorator the class it stores as."""
    if type(type_).__name__ == "AutoString":  # SQLModel's: a String but for MySQL's lengths
        return type(type_.impl_instance).__name__
    if isinstance(type_, TypeDecorator):
        return f"{type(type_).__name__}({type(type_.impl_instance).__name__})"
    return type(type_).__name__


def _python_type(type_: Any) -> type:
    stored_as = type_.impl_instance if isinstance(type_, TypeDecorator) else type_
    python_type: type = stored_as.python_type
    return python_type


def _bound(column: Column[Any], value: Any) -> Any:
    process = column.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)
    return process(value) if process else value


def _read(column: Column[Any], stored: Any) -> Any:
    process = column.type.dialect_impl(_SQLITE).result_processor(_SQLITE, None)
    return process(stored) if process else stored
