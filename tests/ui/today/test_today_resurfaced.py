"""Today with papers brought back (resurfaced) into it, through the window: status keys go
through them too, `q` on one still queued triages it, snooze is offered only for them, Skip
the Rest snoozes them so Today ends caught up, and the session's turn is taken off the GUI
thread, only when due, and announced when a triage key takes it."""

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection, update

from readinglist.core.paper import ReadingStatus
from readinglist.core.today import RESURFACE_AFTER, SESSION_GAP, SNOOZE
from readinglist.library import browse, tables, today
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.user_edits import RollTodayEdit
from readinglist.ui.qt import Qt
from readinglist.ui.sidebar.pane import TODAY_KEY
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import focus_list, row_titles, select_rows, settle, sidebar_count

DAY = dt.timedelta(days=1)


def papers(*numbers: int) -> list[FakeEntry]:
    return [FakeEntry(f"2403.{n:05d}", title=f"Paper {n}", votes=n) for n in numbers]


def paper_id(library: Library, n: int) -> int:
    with library.reading() as connection:
        found = store.paper_id_for(connection, f"2403.{n:05d}")
    assert found is not None
    return found


def set_state(library: Library, since: dt.datetime, last_key: dt.datetime) -> None:
    with library.writing() as connection:
        state = tables.TRIAGE_STATE
        connection.execute(state.delete())
        connection.execute(state.insert().values(id=1, today_since=since, last_triage_at=last_key))


def a_morning_with_papers_brought_back(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    """Papers 1 and 2 queued long ago, 3 read; yesterday's session over; 4 and 5 new: the
    window's turn brings 1 and 2 back beside 4 and 5."""
    now = utc_now()
    import_paths(library, [digests.write("old.md", "2024-01-01", papers(1, 2, 3))])
    with library.writing() as connection:
        ids = store.find_paper_ids(connection)
        old = update(tables.PAPERS).where(tables.PAPERS.c.id.in_(ids))
        connection.execute(old.values(added_at=now - 60 * DAY))
        long_ago = now - RESURFACE_AFTER - 10 * DAY
        store.set_status(connection, ids[:2], ReadingStatus.QUEUED, long_ago)
        store.set_status(connection, ids[2:], ReadingStatus.READ, long_ago)
    set_state(library, now - 3 * DAY, now - 2 * DAY)
    import_paths(library, [digests.write("new.md", "2024-03-01", papers(4, 5))])
    with qtbot.waitSignal(window.today.began):
        window.today.roll()
    window.sidebar.select_key(TODAY_KEY)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: len(window.today.progress.brought_back) == 2)


@pytest.fixture
def morning(qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter) -> Library:
    """The window on `a_morning_with_papers_brought_back`; its library."""
    a_morning_with_papers_brought_back(qtbot, window, library, digests)
    return library


def said(window: MainWindow) -> str:
    return window.today.bar.progress_label.text()


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.list_pane.view, key)
    settle(qtbot, window)


def test_keys_go_through_the_papers_brought_back_to_all_caught_up(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    a_morning_with_papers_brought_back(qtbot, window, library, digests)
    titles = row_titles(window)
    assert titles == ["Paper 4", "Paper 5", "Paper 1", "Paper 2"]  # the latest digest first
    assert said(window) == "0 of 4 triaged"
    focus_list(qtbot, window)
    select_rows(window, [titles.index("Paper 1")])

    press(qtbot, window, Qt.Key.Key_Q)  # `q` on a paper already queued: triaged too
    assert row_titles(window)[window.list_pane.view.currentIndex().row()] == "Paper 2"
    qtbot.waitUntil(lambda: said(window) == "1 of 4 triaged")
    for status_key in (Qt.Key.Key_Q, Qt.Key.Key_R, Qt.Key.Key_X):
        press(qtbot, window, status_key)  # 2 queued again, then up to 4 and 5

    qtbot.waitUntil(lambda: said(window).startswith("All caught up"))
    assert window.service is not None
    rows = window.service.rows([paper_id(library, n) for n in (1, 2)])
    assert {row.status for row in rows.values()} == {ReadingStatus.QUEUED}


def test_snooze_is_offered_only_for_a_paper_brought_back(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    a_morning_with_papers_brought_back(qtbot, window, library, digests)
    focus_list(qtbot, window)
    titles = row_titles(window)
    snooze = window.triage.snooze_action

    select_rows(window, [titles.index("Paper 4")])
    qtbot.waitUntil(lambda: not snooze.isEnabled())
    press(qtbot, window, Qt.Key.Key_Z)  # nothing to snooze: nothing in the history
    assert window.triage.undo_stack.count() == 0

    select_rows(window, [titles.index("Paper 1")])
    qtbot.waitUntil(snooze.isEnabled)
    press(qtbot, window, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: "Paper 1" not in row_titles(window))
    assert window.triage.undo_stack.count() == 1


def test_skip_the_rest_snoozes_what_was_brought_back_and_undoes_as_one(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    a_morning_with_papers_brought_back(qtbot, window, library, digests)

    window.today.bar.skip_button.click()
    settle(qtbot, window)

    qtbot.waitUntil(lambda: said(window).startswith("All caught up"))
    assert sorted(row_titles(window)) == ["Paper 4", "Paper 5"]
    assert window.service is not None
    rows = window.service.rows([paper_id(library, n) for n in (1, 2, 4, 5)])
    statuses = [row.status for row in rows.values()]
    assert statuses.count(ReadingStatus.QUEUED) == 2  # snoozed, as they were
    assert statuses.count(ReadingStatus.SKIPPED) == 2

    window.triage.undo_stack.undo()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: said(window) == "0 of 4 triaged")
    assert len(row_titles(window)) == 4


@contextmanager
def write_lock_held(library: Library) -> Iterator[None]:
    """Another program holding the library's write lock."""
    other = sqlite3.connect(library.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_the_turn_is_written_off_the_gui_thread_and_only_when_due(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    a_morning_with_papers_brought_back(qtbot, window, library, digests)
    assert window.service is not None and window.queries is not None
    written: list[object] = []
    window.service.edits.written.connect(written.append)

    window.today.roll()  # just taken: not due, nothing written
    settle(qtbot, window)
    assert not any(isinstance(edit, RollTodayEdit) for edit in written)

    now = utc_now()
    set_state(library, now - 2 * DAY, now - SESSION_GAP - dt.timedelta(minutes=5))
    began = qtbot.waitSignal(window.today.began, timeout=15_000)
    with write_lock_held(library):
        window.today.roll()  # returns at once; the writer thread waits for the lock
        qtbot.waitUntil(window.service.edits.is_busy)
    began.wait()
    assert any(isinstance(edit, RollTodayEdit) for edit in written)


def test_a_key_that_begins_a_new_session_reads_today_again(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    a_morning_with_papers_brought_back(qtbot, window, library, digests)
    focus_list(qtbot, window)
    select_rows(window, [0])
    now = utc_now()
    set_state(library, now - 2 * DAY, now - SESSION_GAP - dt.timedelta(minutes=5))

    with qtbot.waitSignal(window.today.began):
        qtbot.keyClick(window.list_pane.view, Qt.Key.Key_R)
    settle(qtbot, window)


def test_skip_the_rest_reads_what_is_left_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, morning: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    readers: list[threading.Thread] = []
    untriaged_ids = today.untriaged_ids

    def spied(connection: Connection) -> list[int]:
        readers.append(threading.current_thread())
        return untriaged_ids(connection)

    monkeypatch.setattr(today, "untriaged_ids", spied)
    window.today.bar.skip_button.click()

    qtbot.waitUntil(lambda: said(window).startswith("All caught up"))
    assert readers and threading.main_thread() not in readers
    assert window.triage.undo_stack.count() == 1


def test_a_snooze_recounts_only_the_papers_it_snoozed(
    qtbot: QtBot, window: MainWindow, morning: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As cheap as a status key: the counts of its papers (Today's with them), not all;
    the list of Today's papers read again, as it loses the paper."""
    assert sidebar_count(window, "Today") == "4"
    recounted: list[Sequence[int] | None] = []
    sidebar_counts = browse.sidebar_counts

    def spied(connection: Connection, changed: Sequence[int] | None = None, *rest: Any) -> Any:
        recounted.append(changed)
        return sidebar_counts(connection, changed, *rest)

    monkeypatch.setattr(browse, "sidebar_counts", spied)
    focus_list(qtbot, window)
    select_rows(window, [row_titles(window).index("Paper 1")])
    press(qtbot, window, Qt.Key.Key_Z)

    qtbot.waitUntil(lambda: "Paper 1" not in row_titles(window))
    qtbot.waitUntil(lambda: sidebar_count(window, "Today") == "3")
    assert recounted == [[paper_id(morning, 1)]]
    window.triage.undo_stack.undo()  # back into Today, the same way
    qtbot.waitUntil(lambda: "Paper 1" in row_titles(window))
    qtbot.waitUntil(lambda: sidebar_count(window, "Today") == "4")
    assert None not in recounted


def test_the_windows_edits_and_turn_ask_the_services_clock(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    a_morning_with_papers_brought_back(qtbot, window, library, digests)
    assert window.service is not None
    now = utc_now()
    later = now + DAY
    window.service.clock = lambda: later
    focus_list(qtbot, window)
    select_rows(window, [row_titles(window).index("Paper 1")])
    press(qtbot, window, Qt.Key.Key_Z)
    select_rows(window, [row_titles(window).index("Paper 4")])
    press(qtbot, window, Qt.Key.Key_D)

    one, four = paper_id(library, 1), paper_id(library, 4)
    with library.reading() as connection:
        assert today.resting_rows(connection, [one])[one] == (0, later + SNOOZE, None)
        assert store.user_states(connection, [four])[four].status_changed_at == later
    set_state(library, now - 2 * DAY, now - dt.timedelta(hours=1))  # due by the clock alone
    with qtbot.waitSignal(window.today.began):
        window.today.roll()
