"""Paper → Mark Others ▸ (and the list's context menu): the unread papers listed above or
below the current one marked read or skipped, as a feed reader's "mark above as read"; one
undo step each, papers with another status left as they are."""

from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import import_by_drop, select_rows, settle

READ, SKIPPED, QUEUED, UNREAD = (
    ReadingStatus.READ,
    ReadingStatus.SKIPPED,
    ReadingStatus.QUEUED,
    ReadingStatus.UNREAD,
)


def fill(qtbot: QtBot, window: MainWindow, digests: DigestWriter) -> list[int]:
    papers = [FakeEntry(f"2403.{n:05d}", title=f"Paper {n}") for n in range(1, 6)]
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers)])
    return window.list_pane.model.ids()


def statuses(window: MainWindow, ids: list[int]) -> list[ReadingStatus]:
    assert window.service is not None
    rows = window.service.rows(ids)
    return [rows[paper_id].status for paper_id in ids]


def mark(qtbot: QtBot, window: MainWindow, text: str) -> None:
    menu = window.triage.mark_others_menu
    next(action for action in menu.actions() if action.text() == text).trigger()
    settle(qtbot, window)


def test_above_and_below_mark_only_the_unread_each_one_undo_step(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    ids = fill(qtbot, window, digests)
    select_rows(window, [4])
    window.triage.set_status(QUEUED)  # the last paper is queued: Mark Below leaves it so
    select_rows(window, [2])
    settle(qtbot, window)

    mark(qtbot, window, "Mark Above as Read")
    assert statuses(window, ids) == [READ, READ, UNREAD, UNREAD, QUEUED]
    mark(qtbot, window, "Mark Below as Skipped")
    assert statuses(window, ids) == [READ, READ, UNREAD, SKIPPED, QUEUED]
    assert window.triage.undo_stack.undoText() == "Mark the unread papers below as skipped"

    window.triage.undo_action.trigger()
    settle(qtbot, window)
    assert statuses(window, ids) == [READ, READ, UNREAD, UNREAD, QUEUED]
    window.triage.undo_action.trigger()
    settle(qtbot, window)
    assert statuses(window, ids) == [UNREAD, UNREAD, UNREAD, UNREAD, QUEUED]


def test_each_side_offers_read_and_skipped(window: MainWindow) -> None:
    """(The list's context menu has the same submenu: tests/ui/list/test_context_menu.py.)"""
    texts = [action.text() for action in window.triage.mark_others_menu.actions()]
    assert texts == [
        "Mark Above as Read",
        "Mark Above as Skipped",
        "Mark Below as Read",
        "Mark Below as Skipped",
    ]
