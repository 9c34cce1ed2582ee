"""The driver's helpers (`library/driver.py`): one place, and values in the form SQLModel's
column types store and read them."""

import ast
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import OperationalError

import readinglist.library
from readinglist.library import driver
from readinglist.library.database import Library
from readinglist.library.schema import PaperRecord

LIBRARY = Path(readinglist.library.__file__).parent
_SQLITE = sqlite.dialect()
_SEOUL = dt.timezone(dt.timedelta(hours=9))
PAPERS = PaperRecord.__table__  # type: ignore[attr-defined]


def _bound(column: Column[Any], value: object) -> object:
    process = column.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)
    return process(value) if process else value


def _read(column: Column[Any], stored: object) -> object:
    process = column.type.dialect_impl(_SQLITE).result_processor(_SQLITE, None)
    return process(stored) if process else stored


def test_only_the_driver_module_reaches_the_driver() -> None:
    """`_driver`, `_chunks`, `_CHUNK` and `_driver_value` were copied into six modules."""
    copies = [
        f"{module.name}: {name}"
        for module in sorted(LIBRARY.glob("*.py"))
        if module.name != "driver.py"
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if (name := _name(node)) in _COPIED
    ]
    assert copies == []


_COPIED = {"_driver", "_chunks", "_driver_value", "_CHUNK", "driver_connection"}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.FunctionDef):
        return node.name
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


@pytest.mark.parametrize("value", [dt.date(2024, 3, 1), dt.date(1992, 1, 1)])
def test_dates_are_stored_and_read_as_the_date_column_does(value: dt.date) -> None:
    column = PAPERS.c.first_seen
    assert driver.stored(value) == _bound(column, value)
    assert driver.day(str(driver.stored(value))) == _read(column, _bound(column, value))


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2024, 3, 1, 9, 30, tzinfo=_SEOUL),
        dt.datetime(2024, 3, 1, 0, 30, 15, 123456, tzinfo=dt.UTC),
    ],
)
def test_moments_are_stored_and_read_as_the_datetime_column_does(value: dt.datetime) -> None:
    column = PAPERS.c.status_changed_at
    assert driver.stored(value) == _bound(column, value)
    assert driver.moment(str(driver.stored(value))) == _read(column, _bound(column, value))
    assert driver.moment(str(driver.stored(value))) == value


@pytest.mark.parametrize("stored", ["2024-03-01 00:30:00.000000", "2024-03-01 09:30:00+09:00"])
def test_stored_moments_read_as_the_datetime_column_reads_them(stored: str) -> None:
    assert driver.moment(stored) == _read(PAPERS.c.status_changed_at, stored)


def test_naive_moments_are_refused_as_the_datetime_column_refuses_them() -> None:
    naive = dt.datetime(2024, 3, 1, 9, 30)
    with pytest.raises(ValueError, match="aware"):
        driver.stored(naive)
    with pytest.raises(ValueError, match="timezone"):
        _bound(PAPERS.c.status_changed_at, naive)


@pytest.mark.parametrize("value", [True, False])
def test_booleans_are_stored_as_the_boolean_column_does(value: bool) -> None:
    assert driver.stored(value) == _bound(PAPERS.c.starred, value)


def test_chunks_cover_everything_in_order() -> None:
    items = list(range(1_203))
    parts = list(driver.chunks(items))
    assert [len(part) for part in parts] == [500, 500, 203]
    assert [item for part in parts for item in part] == items
    assert list(driver.chunks(items, 1_000))[1] == items[1_000:]


def test_a_failing_read_is_raised_as_sqlalchemy_raises_it(library: Library) -> None:
    with library.reading() as connection, pytest.raises(OperationalError) as raised:
        driver.fetch(connection, "SELECT nothing FROM nowhere")
    assert isinstance(raised.value.orig, sqlite3.OperationalError)


def test_an_id_list_is_one_parameter_for_any_number_of_ids(library: Library) -> None:
    ids = list(range(40_000))  # more than SQLite's parameter limit
    with library.reading() as connection:
        rows = driver.fetch(connection, "SELECT count(*) FROM json_each(?)", [driver.id_list(ids)])
    assert rows == [(40_000,)]
