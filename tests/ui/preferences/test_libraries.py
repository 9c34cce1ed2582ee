"""File → Open Library…, Connect to a Shared Library… and Open Recent: another library
opens in a new start of readinglist once this window has closed (`--library PLACE`)."""

import os
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.shared.address import PASSWORD_ENV, SharedAddress
from readinglist.ui import settings as keys
from readinglist.ui.preferences.connect import ConnectDialog
from readinglist.ui.preferences.libraries import RECENT_LIMIT, LibraryMenu, recent_libraries
from readinglist.ui.qt import QFileDialog, QMessageBox, QProcess, QSettings, QWidget
from readinglist.ui.startup import app as startup
from readinglist.ui.window.main_window import MainWindow


def library_file(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def menu_texts(menu: LibraryMenu) -> list[str]:
    return [action.text() for action in menu.recent_menu.actions()]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    made = QWidget()
    qtbot.addWidget(made)
    return made


@pytest.fixture
def current(tmp_path: Path) -> Path:
    """The library the window shows."""
    return library_file(tmp_path, "current.sqlite")


def test_open_recent_lists_the_last_libraries_and_prunes_missing_ones(
    tmp_path: Path, settings: QSettings, parent: QWidget, current: Path
) -> None:
    menu = LibraryMenu(settings, parent, lambda: current)
    older = [library_file(tmp_path, f"lib{number}.sqlite") for number in range(10)]
    for path in older:
        menu.remember(path)
    menu.remember(current)

    assert len(recent_libraries(settings)) == RECENT_LIMIT
    assert menu_texts(menu) == [str(path) for path in reversed(older[-7:])]  # not current
    older[9].unlink()
    menu.recent_menu.aboutToShow.emit()

    assert str(older[9]) not in menu_texts(menu)
    assert older[9] not in recent_libraries(settings)
    chosen: list[Path] = []
    menu.chosen.connect(chosen.append)
    menu.recent_menu.actions()[0].trigger()
    assert chosen == [older[8]]


def test_open_recent_is_disabled_when_there_is_no_other_library(
    tmp_path: Path, settings: QSettings, parent: QWidget, current: Path
) -> None:
    menu = LibraryMenu(settings, parent, lambda: current)
    menu.remember(current)
    keys.RECENT_LIBRARIES.write(settings, f"{current}\n{tmp_path / 'gone.sqlite'}")
    menu.rebuild()

    assert menu_texts(menu) == []
    assert not menu.recent_menu.isEnabled()


def test_open_library_asks_for_a_file_and_not_for_the_one_shown(
    tmp_path: Path, settings: QSettings, parent: QWidget, current: Path
) -> None:
    answers = [current, tmp_path / "new.sqlite"]
    menu = LibraryMenu(settings, parent, lambda: current, choose=lambda: answers.pop(0))
    chosen: list[Path] = []
    menu.chosen.connect(chosen.append)

    menu.open_action.trigger()  # the library already shown: nothing
    menu.open_action.trigger()

    assert chosen == [tmp_path / "new.sqlite"]


def test_open_library_starts_in_the_folder_last_used_and_takes_a_file_as_it_is(
    tmp_path: Path, settings: QSettings, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys.LAST_FOLDER.write(settings, str(tmp_path))
    asked: list[tuple[str, object]] = []

    def save_file(*args: object, options: object) -> tuple[str, str]:
        asked.append((str(args[2]), options))
        return str(tmp_path / "elsewhere" / "lab"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)
    menu = LibraryMenu(settings, parent, lambda: None)
    chosen: list[Path] = []
    menu.chosen.connect(chosen.append)

    menu.open_action.trigger()

    assert asked == [(str(tmp_path), QFileDialog.Option.DontConfirmOverwrite)]
    assert chosen == [tmp_path / "elsewhere" / "lab.sqlite"]
    assert keys.LAST_FOLDER.read(settings) == str(tmp_path / "elsewhere")


def test_the_recent_libraries_are_not_looked_at_before_the_menu_shows(
    tmp_path: Path, settings: QSettings, parent: QWidget
) -> None:
    keys.RECENT_LIBRARIES.write(settings, str(tmp_path / "gone.sqlite"))
    menu = LibraryMenu(settings, parent, lambda: None)
    assert recent_libraries(settings) == [tmp_path / "gone.sqlite"]  # not pruned yet
    menu.recent_menu.aboutToShow.emit()
    assert recent_libraries(settings) == [] and not menu.recent_menu.isEnabled()


def test_the_window_remembers_its_library(window: MainWindow) -> None:
    assert window.service is not None
    assert recent_libraries(window.settings)[0] == window.service.library.path.absolute()


def test_opening_another_library_closes_the_window_for_a_new_start(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    window.libraries.open(other)

    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.next_library == other


def test_the_new_start_runs_readinglist_on_the_chosen_library(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[tuple[str, list[str]]] = []

    def start_detached(program: str, arguments: list[str]) -> tuple[bool, int]:
        started.append((program, arguments))
        return True, 4242

    monkeypatch.setattr(QProcess, "startDetached", start_detached)
    other = tmp_path / "other.sqlite"

    assert startup.start_on_library(other, ["-style", "Fusion"])

    assert started == [
        (sys.executable, ["-m", "readinglist", "-style", "Fusion", "--library", str(other)])
    ]


def test_a_new_start_that_fails_is_said(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: object
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QProcess, "startDetached", lambda *_: (False, 0))
    monkeypatch.setattr(QMessageBox, "critical", lambda _, __, text: said.append(text))
    other = tmp_path / "other.sqlite"

    assert not startup.open_next(other, startup.AppOptions())

    assert said == [f"readinglist could not be started again to open {other}."]


LAB = "postgresql://alice:s3cret@lab.example.org/papers"


def test_a_shared_library_is_remembered_without_its_password_and_kept(
    settings: QSettings, parent: QWidget, current: Path
) -> None:
    menu = LibraryMenu(settings, parent, lambda: current)
    menu.remember(SharedAddress.parse(LAB))
    menu.recent_menu.aboutToShow.emit()  # no file to look for: kept

    assert menu_texts(menu) == ["postgresql://alice@lab.example.org/papers"]
    assert "s3cret" not in keys.RECENT_LIBRARIES.read(settings)


def test_connect_asks_for_an_address_and_a_password_for_this_connection(
    qtbot: QtBot, settings: QSettings, parent: QWidget, current: Path
) -> None:
    dialog = ConnectDialog(parent, "https://lab.example.org/papers")
    dialog.accept()  # refused, saying why; the form stays open
    refused = dialog.chosen
    assert refused is None and "not a PostgreSQL address" in dialog.problem.text()
    dialog.address_edit.setText("postgresql://alice@lab.example.org/papers")
    dialog.password_edit.setText("s3cret")
    dialog.accept()
    assert dialog.chosen == SharedAddress.parse(LAB)

    menu = LibraryMenu(settings, parent, lambda: current, choose_shared=lambda: dialog.chosen)
    with qtbot.waitSignal(menu.chosen) as chosen:
        menu.connect_action.trigger()
    assert chosen.args == [SharedAddress.parse(LAB)]


def test_a_new_start_on_a_shared_library_gets_its_password_in_its_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[list[str]] = []

    def start_detached(_: str, arguments: list[str]) -> tuple[bool, int]:
        started.append(arguments)
        return True, 4242

    monkeypatch.setattr(QProcess, "startDetached", start_detached)
    monkeypatch.delenv(PASSWORD_ENV, raising=False)  # put back as it was after the test

    assert startup.start_on_library(SharedAddress.parse(LAB))

    assert started == [
        ["-m", "readinglist", "--library", "postgresql://alice@lab.example.org/papers"]
    ]
    assert os.environ[PASSWORD_ENV] == "s3cret"
