"""The trash in the window: Delete moves what the detail pane shows, the sidebar's Trash lists
it, Restore and undo bring papers back, Empty Trash asks first."""

from pytestqt.qtbot import QtBot

from readinglist.ui.qt import QKeySequence, Qt
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


def fill(qtbot: QtBot, window: MainWindow, digests: DigestWriter, count: int = 3) -> None:
    papers = [FakeEntry(f"2403.{n:05d}", title=f"Paper {n}") for n in range(1, count + 1)]
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers)])


def test_delete_moves_the_selected_papers_to_the_trash_and_undo_brings_them_back(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    fill(qtbot, window, digests)
    before = row_titles(window)
    select_rows(window, [0, 1])
    focus_list(qtbot, window)

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Delete)

    qtbot.waitUntil(lambda: row_titles(window) == before[2:])
    qtbot.waitUntil(lambda: sidebar_count(window, "Trash") == "2")
    assert sidebar_count(window, "All papers") == "1"
    undo_text = window.triage.undo_action.text().replace("&", "")
    assert undo_text == "Undo Move 2 papers to the Trash"

    window.triage.undo_action.trigger()
    qtbot.waitUntil(lambda: row_titles(window) == before)
    qtbot.waitUntil(lambda: sidebar_count(window, "Trash") == "")
    window.triage.redo_action.trigger()
    qtbot.waitUntil(lambda: row_titles(window) == before[2:])


def test_the_trash_entry_lists_the_trash_and_restore_brings_papers_back(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    fill(qtbot, window, digests)
    trashed = row_titles(window)[0]
    select_rows(window, [0])
    assert not window.triage.restore_action.isEnabled()  # nothing here is in the trash
    window.triage.trash_action.trigger()
    qtbot.waitUntil(lambda: sidebar_count(window, "Trash") == "1")

    window.sidebar.select_key("trash")
    qtbot.waitUntil(lambda: row_titles(window) == [trashed])
    assert not window.triage.trash_action.isEnabled()  # Delete here would change nothing
    select_rows(window, [0])
    window.triage.restore_action.trigger()
    qtbot.waitUntil(lambda: row_titles(window) == [])
    assert window.triage.undo_action.text().replace("&", "").startswith("Undo Restore 1 paper")
    qtbot.waitUntil(lambda: sidebar_count(window, "All papers") == "3")


def test_a_bulk_selection_goes_to_the_trash_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    fill(qtbot, window, digests, count=120)
    window.list_pane.select_all()
    window.triage.trash_action.trigger()
    qtbot.waitUntil(lambda: row_titles(window) == [], timeout=10_000)
    qtbot.waitUntil(lambda: sidebar_count(window, "Trash") == "120", timeout=10_000)

    window.triage.undo_action.trigger()
    qtbot.waitUntil(lambda: len(row_titles(window)) == 120, timeout=10_000)
    settle(qtbot, window)


def test_empty_trash_asks_first_and_cancel_keeps_the_papers(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    fill(qtbot, window, digests)
    select_rows(window, [0])
    window.triage.trash_action.trigger()
    qtbot.waitUntil(lambda: sidebar_count(window, "Trash") == "1")
    asked: list[int] = []

    def cancel(count: int) -> bool:
        asked.append(count)
        return False

    window.triage.confirm_empty = cancel

    window.triage.empty_trash_action.trigger()
    assert asked == [1] and sidebar_count(window, "Trash") == "1"

    window.triage.confirm_empty = lambda count: True
    window.triage.empty_trash_action.trigger()
    qtbot.waitUntil(lambda: sidebar_count(window, "Trash") == "")
    assert sidebar_count(window, "All papers") == "2"


def test_emptying_is_written_in_the_edit_queue_and_says_what_went(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    fill(qtbot, window, digests)
    select_rows(window, [0, 1])
    window.triage.trash_action.trigger()
    qtbot.waitUntil(lambda: sidebar_count(window, "Trash") == "2")
    assert window.service is not None
    window.service.edits.set_others_writing(True)  # as during an import: the writer thread
    window.triage.confirm_empty = lambda count: True

    with qtbot.waitSignal(window.triage.said, timeout=10_000) as said:
        window.triage.empty_trash_action.trigger()

    assert said.args == ["Deleted 2 papers for good."]
    qtbot.waitUntil(lambda: sidebar_count(window, "Trash") == "")
    assert sidebar_count(window, "All papers") == "1"
    assert window.triage.undo_stack.count() == 1  # the move to the trash; emptying is not undoable
    window.triage.undo_action.trigger()  # the papers are gone: the step leaves, nothing else
    assert window.triage.undo_stack.count() == 0
    qtbot.waitUntil(lambda: sidebar_count(window, "All papers") == "1")


def test_the_trash_keys_are_delete_and_the_platforms(window: MainWindow) -> None:
    keys = {key.toString() for key in window.triage.trash_action.shortcuts()}
    assert "Del" in keys
    assert all(
        key.toString() in keys for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Delete)
    )
    assert window.triage.trash_action in window.triage.paper_actions()
