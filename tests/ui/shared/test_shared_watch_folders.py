"""Preferences' watched folders on a shared library, never read or written on the window's
thread (where a server far away or gone would hold the window): the list as Preferences
opens, a folder added and removed; a library that cannot be read says so under the list."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library, utc_now
from readinglist.library.watch_folders import add_folder, list_folders
from readinglist.ui.imports.watch_panel import WatchFoldersPanel
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.postgres import PostgresDatabase, shut_out
from tests.helpers.shared_library import library_as, transactions_asked_here


@pytest.fixture
def window(alices_window: MainWindow) -> MainWindow:
    return alices_window


@pytest.fixture
def asked_here(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each transaction the window's thread asks for is asked, once it has opened."""
    assert window.service is not None
    return transactions_asked_here(window.service.library, monkeypatch)


@pytest.fixture
def look(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[Library]:
    with library_as(shared, members[0]) as library:
        yield library


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("clone")


def watched(library: Library) -> list[Path]:
    with library.reading() as connection:
        return [found.path for found in list_folders(connection)]


def shown(panel: WatchFoldersPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def preferences_panel(window: MainWindow) -> WatchFoldersPanel:
    panel = window.preferences.open().findChild(WatchFoldersPanel)
    assert panel is not None
    return panel


def test_preferences_read_the_watched_folders_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, look: Library, folder: Path, asked_here: list[str]
) -> None:
    with look.writing() as connection:
        add_folder(connection, folder, utc_now())

    panel = preferences_panel(window)

    qtbot.waitUntil(lambda: shown(panel) == [str(folder.resolve())])
    assert asked_here == []


def test_a_folder_is_added_and_removed_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, look: Library, folder: Path, asked_here: list[str]
) -> None:
    assert window.watching is not None
    panel = WatchFoldersPanel(window.watching, lambda _: folder)
    qtbot.addWidget(panel)

    panel.add_button.click()
    qtbot.waitUntil(lambda: shown(panel) == [str(folder.resolve())])
    assert watched(look) == [folder.resolve()]
    panel.list.setCurrentRow(0)
    panel.remove_button.click()
    qtbot.waitUntil(lambda: shown(panel) == [])
    assert watched(look) == []
    assert not panel.message.isVisibleTo(panel)
    assert asked_here == []


def test_watched_folders_the_server_cannot_give_say_so_naming_the_library(
    qtbot: QtBot,
    window: MainWindow,
    shared: PostgresDatabase,
    members: tuple[str, str],
    asked_here: list[str],
) -> None:
    with shut_out(shared, members[0]):
        panel = preferences_panel(window)
        qtbot.waitUntil(lambda: panel.message.isVisibleTo(panel), timeout=20_000)

    assert panel.message.text().startswith("Could not read the watched folders: ")
    assert "postgresql://" in panel.message.text()  # the library named
    assert asked_here == []
