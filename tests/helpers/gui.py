"""Helpers for driving the window in tests."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from readinglist.library.database import Library
from readinglist.ui.data.service import LibraryService
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import (
    QDropEvent,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QPointF,
    QSettings,
    Qt,
    QUrl,
)
from readinglist.ui.window.main_window import MainWindow


def open_window(qtbot: QtBot, library: Library, settings_file: Path) -> MainWindow:
    """A main window on `library`, shown and settled, its settings in `settings_file`."""
    window = MainWindow(QSettings(str(settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.attach(LibraryService(library, window))
    settle(qtbot, window)
    return window


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the window's background reads (the list's ids, the sidebar's counts)."""
    qtbot.waitUntil(window.is_settled, timeout=10_000)


IMPORT_TIMEOUT_MS = 20_000


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def import_by_drop(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> object:
    assert window.imports is not None
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        drop_files(window, paths)
    settle(qtbot, window)
    return finished.args[0] if finished.args else None


def sidebar_count(window: MainWindow, label: str) -> str:
    model = window.sidebar.model
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, label, 1, flags)
    assert found, label
    return str(found[0].siblingAtColumn(1).data())


def click_header(qtbot: QtBot, window: MainWindow, column: Column) -> None:
    """Click the list's header on `column` (sorting by it) and wait for the list."""
    header = window.list_pane.view.horizontalHeader()
    position = header.rect().center()
    position.setX(header.sectionViewportPosition(column) + header.sectionSize(column) // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    settle(qtbot, window)


def row_titles(window: MainWindow) -> list[str]:
    model = window.list_pane.model
    return [model.index(row, Column.TITLE).data() for row in range(model.rowCount())]


def focus_list(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.list_pane.view.setFocus()
    qtbot.waitUntil(window.list_pane.view.hasFocus)


def select_rows(window: MainWindow, rows: list[int]) -> None:
    view = window.list_pane.view
    selection = QItemSelection()
    for row in rows:
        index = window.list_pane.model.index(row, 0)
        selection.select(index, index)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().select(selection, flags)
