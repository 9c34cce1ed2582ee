"""A shared library's list shows its first rows before the rest (ui/window/browsing.py): a
key in the search box waits for a screen of papers, not for 150,000 ids to come over the
network. The rest are added below them (the selection, the scroll and the paper shown stay),
the count says "Counting…" meanwhile, Select All among the first rows is all of them once the
rest come, and an export of the list waits for the whole list."""

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library import papers as store
from readinglist.ui.window import browsing
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.gui import settle
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper, window_as

PAPERS = 7
FIRST = 3


@pytest.fixture
def window(
    qtbot: QtBot,
    shared: PostgresDatabase,
    members: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    """Alice's window on a library of PAPERS papers, its first screen FIRST rows."""
    for number in range(PAPERS):
        add_paper(shared, f"2403.{number:05d}", title=f"Paper {number}", votes=number)
    monkeypatch.setattr(browsing, "FIRST", FIRST)
    with window_as(qtbot, shared, members[0], tmp_path, monkeypatch) as window:
        yield window


@pytest.fixture
def rest_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Whole lists are read only once the event is set (first screens at once)."""
    let_go = threading.Event()
    find = store.find_paper_ids

    def held(*args: Any, **kwargs: Any) -> list[int]:
        if kwargs.get("limit", args[4] if len(args) > 4 else None) is None:
            let_go.wait(timeout=30)
        return find(*args, **kwargs)

    monkeypatch.setattr(store, "find_paper_ids", held)
    yield let_go
    let_go.set()  # (pytest-qt closes the window before this: each test lets go itself)


def rows(window: MainWindow) -> int:
    return window.list_pane.model.rowCount()


def test_the_first_rows_show_before_the_rest_which_come_below_them(
    qtbot: QtBot, window: MainWindow, rest_held: threading.Event
) -> None:
    window.browsing.reload()
    qtbot.waitUntil(lambda: window.browsing.count_label.text() == "Counting…")
    assert rows(window) == FIRST
    resets: list[None] = []
    window.list_pane.model.modelReset.connect(lambda: resets.append(None))
    window.list_pane.select_row(1)
    chosen = window.list_pane.current_id()

    rest_held.set()
    qtbot.waitUntil(lambda: rows(window) == PAPERS)
    assert window.browsing.count_label.text() == f"{PAPERS} papers"
    assert window.list_pane.current_id() == chosen
    assert resets == []  # added below, not shown again
    settle(qtbot, window)
    assert window.detail.paper_id() == chosen


def test_select_all_among_the_first_rows_is_every_paper_once_they_come(
    qtbot: QtBot, window: MainWindow, rest_held: threading.Event
) -> None:
    window.browsing.reload()
    qtbot.waitUntil(lambda: window.browsing.count_label.text() == "Counting…")
    window.list_pane.select_all()

    rest_held.set()
    qtbot.waitUntil(lambda: rows(window) == PAPERS)
    assert len(window.list_pane.selected_ids()) == PAPERS


def test_select_all_among_the_first_rows_is_not_carried_to_another_list(
    qtbot: QtBot, window: MainWindow, rest_held: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every paper selected among one list's first rows, then another list comes whole at
    once (fewer than a screen): only its current paper is selected, not all of it."""
    window.browsing.reload()
    qtbot.waitUntil(lambda: window.browsing.count_label.text() == "Counting…")
    window.list_pane.select_all()

    monkeypatch.setattr(browsing, "FIRST", PAPERS + 1)
    window.browsing.reload()
    qtbot.waitUntil(lambda: window.browsing.count_label.text() == f"{PAPERS} papers")
    assert rows(window) == PAPERS
    assert len(window.list_pane.selected_ids()) == 1
    rest_held.set()  # before pytest-qt closes the window, which waits for its reads
    settle(qtbot, window)


def test_what_waits_for_the_whole_list_gets_it(
    qtbot: QtBot, window: MainWindow, rest_held: threading.Event
) -> None:
    window.browsing.reload()
    qtbot.waitUntil(lambda: window.browsing.count_label.text() == "Counting…")
    listed: list[list[int]] = []
    window.browsing.when_listed(lambda: listed.append(window.list_pane.model.ids()))
    assert listed == []

    rest_held.set()
    qtbot.waitUntil(lambda: listed != [])
    assert len(listed[0]) == PAPERS
    window.browsing.when_listed(lambda: listed.append(window.list_pane.model.ids()))
    assert len(listed) == 2  # the whole list shown: at once


def test_a_list_shorter_than_a_screen_is_whole_at_once(
    qtbot: QtBot, window: MainWindow, rest_held: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browsing, "FIRST", PAPERS + 1)
    window.browsing.count_label.clear()
    window.browsing.reload()
    qtbot.waitUntil(lambda: window.browsing.count_label.text() == f"{PAPERS} papers")
    assert rows(window) == PAPERS  # while the whole list's read is still held
    assert window.queries is not None and window.queries.is_busy()
    rest_held.set()
    settle(qtbot, window)
    assert window.browsing.count_label.text() == f"{PAPERS} papers"
