"""Preferences' watched folders on a library file: the list read as it opens, a folder added
and removed kept in the library, a refusal and an unreadable library said under the list,
File → Watch a Folder…'s refusal in the status bar."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library, utc_now
from readinglist.library.watch_folders import add_folder, list_folders
from readinglist.ui.data.service import LibraryService
from readinglist.ui.imports.controller import ImportController
from readinglist.ui.imports.watch_panel import WatchFoldersPanel, watch_a_folder
from readinglist.ui.imports.watching import FolderWatcher
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.gui import IMPORT_TIMEOUT_MS


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("clone")


@pytest.fixture
def watcher(window: MainWindow) -> FolderWatcher:
    assert window.watching is not None
    return window.watching


def panel_choosing(qtbot: QtBot, watcher: FolderWatcher, chosen: Path) -> WatchFoldersPanel:
    """The panel, its folder dialog answering `chosen`."""
    panel = WatchFoldersPanel(watcher, lambda _: chosen)
    qtbot.addWidget(panel)
    return panel


def shown(panel: WatchFoldersPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def watched(library: Library) -> list[Path]:
    with library.reading() as connection:
        return [found.path for found in list_folders(connection)]


def test_preferences_list_the_folders_watched_in_an_earlier_session(
    qtbot: QtBot, window: MainWindow, library: Library, folder: Path
) -> None:
    with library.writing() as connection:
        add_folder(connection, folder, utc_now())

    dialog = window.preferences.open()
    panel = dialog.findChild(WatchFoldersPanel)

    assert panel is not None
    qtbot.waitUntil(lambda: shown(panel) == [str(folder.resolve())])
    assert not panel.message.isVisibleTo(panel)
    dialog.reject()


def test_a_folder_added_and_removed_in_preferences_is_kept_so_in_the_library(
    qtbot: QtBot, watcher: FolderWatcher, library: Library, folder: Path
) -> None:
    panel = panel_choosing(qtbot, watcher, folder)

    with qtbot.waitSignal(watcher.looked, timeout=IMPORT_TIMEOUT_MS):  # adding scans it
        panel.add_button.click()
    assert shown(panel) == [str(folder.resolve())]
    assert watched(library) == [folder.resolve()]

    panel.list.setCurrentRow(0)
    panel.remove_button.click()
    qtbot.waitUntil(lambda: shown(panel) == [])
    assert watched(library) == []
    assert not panel.remove_button.isEnabled()


def test_a_file_is_refused_under_the_list(
    qtbot: QtBot, watcher: FolderWatcher, library: Library, tmp_path: Path
) -> None:
    digest = tmp_path / "01.md"
    digest.write_text("# not a folder\n")
    panel = panel_choosing(qtbot, watcher, digest)

    panel.add_button.click()

    qtbot.waitUntil(lambda: panel.message.isVisibleTo(panel))
    assert panel.message.text() == f"{digest} is not a folder."
    assert watched(library) == []


def test_watch_a_folder_says_a_refusal_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, watcher: FolderWatcher, tmp_path: Path
) -> None:
    gone = tmp_path / "gone"

    watch_a_folder(watcher, lambda _: gone)

    message = f"{gone} is not a folder."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == message)


@pytest.fixture
def closed(
    qtbot: QtBot,
    library: Library,
    folder: Path,
    window_less_service: Callable[[Library], LibraryService],
) -> Iterator[WatchFoldersPanel]:
    """The panel on a library that cannot be read or written any more."""
    service = window_less_service(library)
    watcher = FolderWatcher(service, ImportController(library, service), service)
    library.close()  # every read and write now fails
    panel = panel_choosing(qtbot, watcher, folder)
    yield panel
    watcher.shutdown()


def test_a_library_that_cannot_be_read_says_so_under_the_list(
    closed: WatchFoldersPanel, library: Library
) -> None:
    assert shown(closed) == []
    assert closed.message.isVisibleTo(closed)
    assert closed.message.text().startswith("Could not read the watched folders: ")
    assert str(library.location) in closed.message.text()


def test_a_library_that_cannot_be_written_says_so_under_the_list(
    qtbot: QtBot, closed: WatchFoldersPanel, library: Library
) -> None:
    closed.add_button.click()

    qtbot.waitUntil(lambda: closed.message.text().startswith("Could not save: "))
    assert str(library.location) in closed.message.text()
