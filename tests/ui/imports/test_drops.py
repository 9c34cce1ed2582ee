"""Files dropped on the window are taken as a copy, never moved: a drag source told "moved"
(a file manager's choice for a drag within one disk, or with Shift) deletes its files."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from readinglist.ui.qt import QDragEnterEvent, QDropEvent, QMimeData, QPointF, Qt, QUrl
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import IMPORT_TIMEOUT_MS, row_titles, settle

COPY_OR_MOVE = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
SHIFT = Qt.KeyboardModifier.ShiftModifier  # the platform then proposes a move


def files_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def test_a_drag_proposing_a_move_is_taken_as_a_copy(
    window: MainWindow, digests: DigestWriter
) -> None:
    mime = files_mime([digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    enter = QDragEnterEvent(QPointF(400, 300), COPY_OR_MOVE, mime, Qt.MouseButton.LeftButton, SHIFT)
    assert enter.proposedAction() is Qt.DropAction.MoveAction

    window.dragEnterEvent(enter)

    assert enter.isAccepted()
    assert enter.dropAction() is Qt.DropAction.CopyAction


def test_a_drop_proposing_a_move_is_copied_and_imported(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    mime = files_mime([digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    drop = QDropEvent(QPointF(400, 300), COPY_OR_MOVE, mime, Qt.MouseButton.LeftButton, SHIFT)
    assert drop.proposedAction() is Qt.DropAction.MoveAction
    assert window.imports is not None

    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS):
        window.dropEvent(drop)
    settle(qtbot, window)

    assert drop.isAccepted()
    assert drop.dropAction() is Qt.DropAction.CopyAction
    assert row_titles(window) == ["Paper 2403.00001"]


def test_a_drag_that_can_only_move_is_refused(window: MainWindow, digests: DigestWriter) -> None:
    """Accepting it would have the source delete the files; copying is not on offer."""
    mime = files_mime([digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    move = Qt.DropAction.MoveAction
    no_keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(400, 300), move, mime, Qt.MouseButton.LeftButton, no_keys)
    drop = QDropEvent(QPointF(400, 300), move, mime, Qt.MouseButton.LeftButton, no_keys)

    window.dragEnterEvent(enter)
    window.dropEvent(drop)

    assert not enter.isAccepted() and not drop.isAccepted()
    assert window.imports is not None and not window.imports.is_running()
