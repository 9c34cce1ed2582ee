"""The lists' SQL kept beside the library (`library/id_plans.py`): used by the next start,
only by the code that compiled it, and never a reason for a list to fail."""

import datetime as dt
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from readinglist.core.listing import SortKey
from readinglist.core.query import parse_query
from readinglist.library import id_plans, sorting
from readinglist.library import papers as store
from readinglist.library.database import Library
from readinglist.library.importer import import_file
from tests.helpers.digests import DigestWriter, entries


@pytest.fixture
def filled(library: Library, digests: DigestWriter) -> Library:
    import_file(library, digests.write("a.md", "2024-03-01", entries("2403.00001", "2403.00002")))
    import_file(library, digests.write("b.md", dt.date.today(), entries("2403.00003")))
    with library.writing() as connection:
        store.add_tags(connection, [2], ["ideas"])
        store.set_starred(connection, [1], True)
    return library


@pytest.fixture
def restart(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Forget the plans held in memory, as a new process starts without them."""
    return lambda: monkeypatch.setattr(id_plans, "_LIBRARIES", {})


def _plans_file(library: Library) -> Path:
    return library.path.with_name(library.path.name + id_plans.SUFFIX)


def _ids(library: Library, text: str = "", sort: SortKey = SortKey.LAST_SEEN) -> list[int]:
    with library.reading() as connection:
        return sorting.find_paper_ids(connection, parse_query(text), sort)


def _compiling_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(sorting, "_plan", fail)


@pytest.mark.parametrize(
    ("text", "sort"),
    [("", SortKey.LAST_SEEN), ("tag:ideas OR is:starred", SortKey.TAGS), ("", SortKey.STATUS)],
)
def test_the_next_start_runs_a_list_from_its_kept_sql(
    filled: Library,
    monkeypatch: pytest.MonkeyPatch,
    restart: Callable[[], None],
    text: str,
    sort: SortKey,
) -> None:
    shown = _ids(filled, text, sort)
    restart()
    _compiling_fails(monkeypatch)
    assert _ids(filled, text, sort) == shown


def test_sql_kept_by_other_code_is_compiled_afresh(
    filled: Library, monkeypatch: pytest.MonkeyPatch, restart: Callable[[], None]
) -> None:
    shown = _ids(filled)
    restart()
    monkeypatch.setattr(id_plans, "code_version", lambda: "another version")
    compiled = []
    plan = sorting._plan

    def counted(*args: Any, **options: Any) -> id_plans.IdPlan:
        compiled.append(args)
        return plan(*args, **options)

    monkeypatch.setattr(sorting, "_plan", counted)
    assert _ids(filled) == shown
    assert len(compiled) == 1


@pytest.mark.parametrize("damage", ["{not json", '{"code": 1}', "[]", ""])
def test_a_damaged_file_costs_only_the_compiling(filled: Library, damage: str) -> None:
    _plans_file(filled).write_text(damage)
    assert _ids(filled) == [3, 1, 2]
    assert json.loads(_plans_file(filled).read_text())["code"] == id_plans.code_version()


def test_a_folder_that_cannot_be_written_costs_only_the_compiling(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert _ids(filled) == [3, 1, 2]
    assert not _plans_file(filled).exists()
    assert not list(filled.path.parent.glob("*.partial"))


def test_the_newest_lists_are_kept(filled: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(id_plans, "KEEP", 3)
    for text in ("", "is:starred", "tag:ideas", ""):  # the first again: the newest now
        _ids(filled, text)
    _ids(filled, "votes:>5")
    kept = json.loads(_plans_file(filled).read_text())["plans"]
    assert [key.split(": ", 1)[1] for key, _ in kept] == [
        repr(parse_query(text).as_term()) for text in ("tag:ideas", "", "votes:>5")
    ]


def test_a_list_counted_from_today_is_kept_for_today_only(filled: Library) -> None:
    assert _ids(filled, "date:<7d") == [3]
    _ids(filled, "date:2024-03")
    keys = [key for key, _ in json.loads(_plans_file(filled).read_text())["plans"]]
    assert [dt.date.today().isoformat() in key for key in keys] == [True, False]
