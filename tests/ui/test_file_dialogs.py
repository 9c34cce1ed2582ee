"""The file dialogs start in the folder last used, or the home folder: never in the process's
working folder (`/` for the packaged app started from a desktop launcher)."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.export import ExportFormat
from readinglist.ui.detail import unsaved_notes
from readinglist.ui.export import actions as export_actions
from readinglist.ui.file_dialogs import FileDialogs
from readinglist.ui.qt import QFileDialog, QSettings, QWidget
from readinglist.ui.settings import LAST_FOLDER
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import IMPORT_TIMEOUT_MS, row_titles, settle


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, and `/` as the working folder, as a launcher has."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.chdir("/")
    return folder


def test_the_import_dialog_starts_at_home_then_where_the_last_files_were(
    qtbot: QtBot,
    window: MainWindow,
    digests: DigestWriter,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = digests.write("a.md", "2024-03-01", entries("2403.00001"))
    opened: list[str] = []

    def open_files(_: QWidget, __: str, start: str, ___: str) -> tuple[list[str], str]:
        opened.append(start)
        return ([str(first)] if len(opened) == 1 else []), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_files)
    assert window.imports is not None

    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS):
        window.menu_actions.import_files.trigger()
    settle(qtbot, window)
    window.menu_actions.import_files.trigger()  # cancelled: nothing to import

    assert opened == [str(home), str(digests.folder)]
    assert row_titles(window) == ["Paper 2403.00001"]


def test_every_dialog_shares_the_folder_last_used(
    qtbot: QtBot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    papers, exports = tmp_path / "papers", tmp_path / "exports"
    papers.mkdir()
    exports.mkdir()
    seen: list[str] = []

    def folder(_: QWidget, __: str, start: str) -> str:
        seen.append(start)
        return str(papers)

    def save_file(_: QWidget, __: str, start: str, ___: str, **____: object) -> tuple[str, str]:
        seen.append(start)
        return str(exports / "mine.bib"), ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)

    assert FileDialogs(parent, settings).folder("Import") == papers
    where = export_actions.dialogs(parent, settings).where(ExportFormat.BIBTEX)
    note_file = unsaved_notes.dialogs(parent, settings).file_for("note.md")

    assert where == exports / "mine.bib" and note_file == exports / "mine.bib"
    assert seen == [str(home), str(papers / "readinglist.bib"), str(exports / "note.md")]
    assert LAST_FOLDER.read(settings) == str(exports)


def test_a_folder_since_removed_gives_the_home_folder(
    qtbot: QtBot, home: Path, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    LAST_FOLDER.write(settings, str(tmp_path / "gone"))
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = FileDialogs(parent, settings)

    assert dialogs.start_folder() == home
    LAST_FOLDER.write(settings, "relative/folder")
    assert dialogs.start_folder() == home
