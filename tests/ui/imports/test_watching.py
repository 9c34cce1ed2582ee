"""Watched folders in the window: files that arrive import by themselves, each once and
whole; a missing folder is said once and stays; Preferences and File list and add them."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.import_report import FileStatus, ImportReport
from readinglist.library.database import Library, utc_now
from readinglist.library.watch_folders import add_folder, list_folders
from readinglist.ui.imports.watch_panel import WatchFoldersPanel
from readinglist.ui.imports.watching import FolderWatcher
from readinglist.ui.qt import QDialogButtonBox
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import digest_text, entries
from tests.helpers.gui import IMPORT_TIMEOUT_MS, row_titles, settle

MANUAL = 3_600_000  # ms: a settle delay never reached, for tests that look themselves


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "clone"
    made.mkdir()
    return made


@pytest.fixture
def reports(window: MainWindow) -> list[ImportReport]:
    assert window.imports is not None
    done: list[ImportReport] = []
    window.imports.finished.connect(done.append)
    return done


def _watcher(window: MainWindow, settle_ms: int) -> Iterator[FolderWatcher]:
    assert window.imports is not None and window.service is not None
    watcher = FolderWatcher(window.service, window.imports, window, settle_ms=settle_ms)
    yield watcher
    watcher.shutdown()


@pytest.fixture
def manual(window: MainWindow) -> Iterator[FolderWatcher]:
    yield from _watcher(window, MANUAL)


@pytest.fixture
def quick(window: MainWindow) -> Iterator[FolderWatcher]:
    yield from _watcher(window, 100)


def add(qtbot: QtBot, watcher: FolderWatcher, folder: Path) -> None:
    """Watch `folder`, and wait for the look that adding it asks for."""
    with qtbot.waitSignal(watcher.looked, timeout=IMPORT_TIMEOUT_MS):
        watcher.add(folder)


def look(qtbot: QtBot, watcher: FolderWatcher) -> None:
    with qtbot.waitSignal(watcher.looked, timeout=IMPORT_TIMEOUT_MS):
        watcher.look()


def imported(reports: list[ImportReport]) -> list[tuple[str, FileStatus, int]]:
    return [(f.name, f.status, f.papers_new) for r in reports for f in r.files]


def wait_for_imports(qtbot: QtBot, window: MainWindow) -> None:
    assert window.imports is not None
    imports = window.imports
    qtbot.waitUntil(lambda: not imports.is_running(), timeout=IMPORT_TIMEOUT_MS)
    settle(qtbot, window)


def test_a_file_written_in_pieces_and_one_renamed_into_place_each_import_once_whole(
    qtbot: QtBot,
    window: MainWindow,
    manual: FolderWatcher,
    folder: Path,
    reports: list[ImportReport],
) -> None:
    add(qtbot, manual, folder)
    text = digest_text("2024-03-01", entries("2403.00001", "2403.00002", "2403.00003")).encode()
    slow = folder / "2024" / "03-01.md"
    slow.parent.mkdir()
    for start in range(0, len(text), len(text) // 3 + 1):
        with slow.open("ab") as file:
            file.write(text[start : start + len(text) // 3 + 1])
        look(qtbot, manual)  # a look sees it grow: it waits
        assert reports == []
    partial = folder / "03-02.md.part"
    partial.write_text(digest_text("2024-03-02", entries("2403.00004")))
    look(qtbot, manual)  # the written file settles; the partial one is passed over
    wait_for_imports(qtbot, window)
    partial.rename(folder / "03-02.md")
    look(qtbot, manual)
    look(qtbot, manual)
    wait_for_imports(qtbot, window)
    look(qtbot, manual)
    look(qtbot, manual)

    assert imported(reports) == [
        ("03-01.md", FileStatus.IMPORTED, 3),
        ("03-02.md", FileStatus.IMPORTED, 1),
    ]
    assert len(row_titles(window)) == 4


def test_a_change_in_a_watched_folder_imports_after_the_settle_delay(
    qtbot: QtBot,
    window: MainWindow,
    quick: FolderWatcher,
    folder: Path,
    reports: list[ImportReport],
) -> None:
    add(qtbot, quick, folder)
    written = folder / "01.md.tmp"
    written.write_text(digest_text("2024-03-01", entries("2403.00001")))
    written.rename(folder / "01.md")  # the folder's watcher sees it: no look is asked for

    qtbot.waitUntil(lambda: bool(reports), timeout=IMPORT_TIMEOUT_MS)
    settle(qtbot, window)
    assert imported(reports) == [("01.md", FileStatus.IMPORTED, 1)]
    assert row_titles(window) == ["Paper 2403.00001"]
    assert "1 file imported" in window.import_status.label.text()


def test_the_start_up_scan_imports_what_arrived_while_closed(
    qtbot: QtBot, window: MainWindow, library: Library, folder: Path, reports: list[ImportReport]
) -> None:
    with library.writing() as connection:  # watched in an earlier session
        add_folder(connection, folder, utc_now())
    (folder / "01.md").write_text(digest_text("2024-03-01", entries("2403.00001")))
    (folder / "notes.md").write_text("# not a digest\n")

    assert window.imports is not None and window.service is not None
    started = FolderWatcher(window.service, window.imports, window, settle_ms=100)
    started.start()
    qtbot.waitUntil(lambda: bool(reports), timeout=IMPORT_TIMEOUT_MS)
    started.shutdown()

    assert sorted(imported(reports)) == [
        ("01.md", FileStatus.IMPORTED, 1),
        ("notes.md", FileStatus.REJECTED, 0),
    ]
    assert "1 file rejected" in window.import_status.label.text()


def test_a_missing_folder_is_said_once_and_stays_watched(
    qtbot: QtBot, window: MainWindow, library: Library, manual: FolderWatcher, folder: Path
) -> None:
    said: list[str] = []
    manual.said.connect(said.append)
    add(qtbot, manual, folder)
    folder.rename(folder.with_name("unplugged"))

    look(qtbot, manual)
    look(qtbot, manual)

    assert said == [f"The watched folder {folder.resolve()} is missing: it stays watched."]
    with library.reading() as connection:
        (kept,) = list_folders(connection)
    assert kept.missing
    assert [f.missing for f in manual.folders() or []] == [True]


def test_preferences_list_the_watched_folders_and_remove_one(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, folder: Path
) -> None:
    watcher = window.watching
    assert watcher is not None
    gone = tmp_path / "gone"
    gone.mkdir()
    for path in (folder, gone):
        add(qtbot, watcher, path)
    gone.rmdir()
    look(qtbot, watcher)

    window.preferences.action.trigger()
    dialog = window.preferences.dialog
    assert dialog is not None
    (panel,) = dialog.findChildren(WatchFoldersPanel)
    shown = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert shown == [str(folder.resolve()), f"{gone.resolve()} (missing)"]

    panel.list.setCurrentRow(1)
    panel.remove_button.click()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_file_menu_has_watch_a_folder(window: MainWindow) -> None:
    action = window.menu_actions.watch_folder
    places = [(c.place, c.name) for c in window.commands() if c.action is action]
    assert places == [("File", "Watch a Folder…")]


def test_the_app_scans_the_watched_folders_once_the_first_rows_are_read(
    qtbot: QtBot, library_path: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readinglist.library.database import open_library
    from readinglist.ui.qt import QSettings
    from readinglist.ui.startup.app import AppOptions, _attach

    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    with open_library(library_path, daily_backup=False) as opened, opened.writing() as connection:
        add_folder(connection, folder, utc_now())
    (folder / "01.md").write_text(digest_text("2024-03-01", entries("2403.00001")))
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()

    assert _attach(window, AppOptions(library=library_path))
    qtbot.waitUntil(lambda: row_titles(window) == ["Paper 2403.00001"], timeout=IMPORT_TIMEOUT_MS)

    assert window.service is not None
    window.close()
    window.service.library.close()
