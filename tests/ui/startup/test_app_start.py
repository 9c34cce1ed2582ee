"""Starting the window: a library that cannot be opened ends the app with a failure (after
the dialog that says why); a daily backup that cannot be made is said, and the library
opens all the same."""

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library import backup
from readinglist.library.database import open_library
from readinglist.ui import settings
from readinglist.ui.qt import QApplication, QMessageBox, QSettings, QTimer
from readinglist.ui.startup.app import AppOptions, _attach, run_app
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import settle


def test_a_library_that_cannot_be_opened_exits_non_zero(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    garbage = tmp_path / "library.sqlite"
    garbage.write_bytes(b"this is not a library " * 200)
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(
        settings, "open_settings", lambda: QSettings(ini, QSettings.Format.IniFormat)
    )
    said: list[str] = []

    def critical(_: object, __: str, text: str) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    guard = QTimer()  # never hang the run: a loop still going after 30 s is ended
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)
    guard.start(30_000)
    try:
        code = run_app(AppOptions(library=garbage))
    finally:
        guard.stop()

    assert code == 1
    assert said == [
        f"{garbage} is not a readable library: it is damaged or not a library "
        "(`readinglist check` says more)"
    ]


def test_the_window_says_when_todays_backup_could_not_be_made(
    qtbot: QtBot,
    library_path: Path,
    digests: DigestWriter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from readinglist.library.importer import import_paths

    with open_library(library_path, daily_backup=False) as library:
        import_paths(library, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])

    def full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy_pages", full)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()

    assert _attach(window, AppOptions(library=library_path))
    settle(qtbot, window)

    expected = "Today's backup of the library was not made: the disk is full"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == expected, timeout=10_000)
    assert window.list_pane.model.rowCount() == 1  # the library opened all the same
    assert not backup.daily_backups(library_path)
    assert window.service is not None
    window.close()
    window.service.library.close()
