"""The morning's loop by keyboard: Today in the sidebar, status keys moving on to the next
unread paper, the progress line (hideable), Skip the Rest as one undo step, the caught-up
line and its next step, and the order the reader picks."""

from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.ui import settings as keys
from readinglist.ui.qt import Qt
from readinglist.ui.sidebar.pane import TODAY_KEY
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import (
    focus_list,
    import_by_drop,
    row_titles,
    select_rows,
    settle,
    sidebar_count,
)


def open_today(qtbot: QtBot, window: MainWindow, digests: DigestWriter) -> None:
    papers = [FakeEntry(f"2403.{n:05d}", title=f"Paper {n}", votes=n) for n in range(1, 5)]
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers)])
    window.sidebar.select_key(TODAY_KEY)
    settle(qtbot, window)


def said(window: MainWindow) -> str:
    return window.today.bar.progress_label.text()


def statuses(window: MainWindow) -> list[ReadingStatus]:
    assert window.service is not None
    ids = window.list_pane.model.ids()
    rows = window.service.rows(ids)
    return [rows[paper_id].status for paper_id in ids]


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.list_pane.view, key)
    settle(qtbot, window)


def test_status_keys_go_through_today_to_the_next_unread_paper(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    open_today(qtbot, window, digests)
    assert window.today.bar.isVisible()
    assert row_titles(window) == ["Paper 1", "Paper 2", "Paper 3", "Paper 4"]  # digest order
    assert said(window) == "0 of 4 triaged"
    assert sidebar_count(window, "Today") == "4"
    focus_list(qtbot, window)
    select_rows(window, [0])

    press(qtbot, window, Qt.Key.Key_D)
    press(qtbot, window, Qt.Key.Key_Q)
    select_rows(window, [0])
    press(qtbot, window, Qt.Key.Key_X)  # read, then skipped: on to the next unread, row 2

    assert window.list_pane.current_id() == window.list_pane.model.id_at(2)
    qtbot.waitUntil(lambda: said(window) == "2 of 4 triaged")
    assert sidebar_count(window, "Today") == "2"


def test_skip_the_rest_is_one_undo_step_and_ends_caught_up(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    open_today(qtbot, window, digests)
    focus_list(qtbot, window)
    select_rows(window, [0])
    press(qtbot, window, Qt.Key.Key_Q)

    window.today.bar.skip_button.click()
    settle(qtbot, window)

    skipped, queued = ReadingStatus.SKIPPED, ReadingStatus.QUEUED
    assert statuses(window) == [queued, skipped, skipped, skipped]
    qtbot.waitUntil(lambda: said(window).startswith("All caught up"))
    assert "1 queued and 0 starred." in said(window)
    assert not window.today.bar.skip_button.isEnabled()

    window.triage.undo_action.trigger()
    settle(qtbot, window)
    assert statuses(window)[1:] == [ReadingStatus.UNREAD] * 3
    qtbot.waitUntil(lambda: said(window) == "1 of 4 triaged")


def test_the_caught_up_line_leads_to_the_queued_papers(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    open_today(qtbot, window, digests)
    window.today.bar.skip_button.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: said(window).startswith("All caught up"))

    window.today.bar.progress_label.linkActivated.emit("status:queued")
    settle(qtbot, window)

    assert window.sidebar.current_key() == "status:queued"
    assert not window.today.bar.isVisible()


def test_the_order_is_the_readers_until_a_column_is_clicked(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    open_today(qtbot, window, digests)
    box = window.today.bar.order_box
    votes = box.findData("votes")

    box.setCurrentIndex(votes)
    box.activated.emit(votes)
    settle(qtbot, window)

    assert row_titles(window) == ["Paper 4", "Paper 3", "Paper 2", "Paper 1"]
    assert keys.TODAY_ORDER.read(window.settings) == "votes"
    assert not window.list_pane.view.horizontalHeader().isSortIndicatorShown()


def test_the_progress_line_can_be_hidden(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    open_today(qtbot, window, digests)

    window.today.bar.show_progress_action.trigger()

    assert said(window) == ""
    assert keys.TODAY_PROGRESS_SHOWN.read(window.settings) is False
    window.today.bar.skip_button.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: said(window).startswith("All caught up"))  # not a counter
