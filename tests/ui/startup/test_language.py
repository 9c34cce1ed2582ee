"""The UI's language: the system's, unless the `ui/language` setting says "en" or "ko"; Qt's
own strings (standard buttons, text fields' menus) follow the app's."""

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist import resources
from readinglist.core.listing import PaperRow
from readinglist.core.paper import ReadingStatus
from readinglist.ui import settings
from readinglist.ui.i18n import ui_locale
from readinglist.ui.list.columns import COLUMNS, Column
from readinglist.ui.qt import (
    QApplication,
    QCoreApplication,
    QLocale,
    QMenu,
    QSettings,
    QTranslator,
)
from readinglist.ui.startup.app import install_language
from readinglist.ui.window.main_window import MainWindow

KOREAN = QLocale("ko_KR")
ENGLISH = QLocale("en_US")


@pytest.fixture
def choose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Writes the `ui/language` setting where start-up reads it."""
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(
        settings, "open_settings", lambda: QSettings(ini, QSettings.Format.IniFormat)
    )

    def write(language: str) -> None:
        settings.LANGUAGE.write(settings.open_settings(), language)

    return write


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, with whatever translators a test installs removed afterwards."""
    qm = resources.translations_dir() / "readinglist_ko.qm"
    assert qm.is_file(), f"no {qm}: run `make translations`"
    yield qapp
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


def _menu_titles(qtbot: QtBot, tmp_path: Path) -> list[str]:
    window = MainWindow(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return [action.text() for action in window.menuBar().actions()]


def test_the_setting_ko_shows_korean_on_an_english_system(
    app: QApplication, choose: Callable[[str], None], qtbot: QtBot, tmp_path: Path
) -> None:
    choose("ko")
    loaded = install_language(app, system=ENGLISH)

    assert [Path(path).name for path in loaded] == ["readinglist_ko.qm", "qtbase_ko.qm"]
    assert "파일(&F)" in _menu_titles(qtbot, tmp_path)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"


def test_the_setting_en_keeps_english_on_a_korean_system(
    app: QApplication, choose: Callable[[str], None], qtbot: QtBot, tmp_path: Path
) -> None:
    choose("en")

    assert install_language(app, system=KOREAN) == []
    assert "&File" in _menu_titles(qtbot, tmp_path)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_lists_status_is_in_the_ui_language(
    app: QApplication, choose: Callable[[str], None]
) -> None:
    row = PaperRow(
        1, "2403.00001", "T", (), False, dt.date(2024, 3, 1), 1, False, ReadingStatus.UNREAD, ()
    )
    status = COLUMNS[Column.STATUS].display
    assert status(row) == "● unread"

    choose("ko")
    install_language(app, system=ENGLISH)

    assert status(row) == "● 읽지 않음"


@pytest.mark.parametrize("language", ["", "  ", "klingon"])
def test_no_language_or_an_unknown_one_follows_the_system(
    app: QApplication, choose: Callable[[str], None], language: str
) -> None:
    choose(language)

    assert install_language(app, system=ENGLISH) == []
    assert len(install_language(app, system=KOREAN)) == 2


def test_a_language_without_its_translation_is_english_throughout(app: QApplication) -> None:
    """Qt's own German buttons are not loaded into an English app."""
    from readinglist.ui.i18n import install_translators

    assert install_translators(app, QLocale(QLocale.Language.German)) == []


@pytest.mark.parametrize(
    ("setting", "system", "language"),
    [
        ("", KOREAN, QLocale.Language.Korean),
        ("", ENGLISH, QLocale.Language.English),
        ("en", KOREAN, QLocale.Language.English),
        ("ko", ENGLISH, QLocale.Language.Korean),
        (" ko_KR ", ENGLISH, QLocale.Language.Korean),
        ("not a language", KOREAN, QLocale.Language.Korean),
    ],
)
def test_the_setting_picks_the_locale(
    setting: str, system: QLocale, language: QLocale.Language
) -> None:
    assert ui_locale(setting, system).language() == language


def _clashing_mnemonics(menu: QMenu) -> list[str]:
    """Entries of `menu` (and its submenus) that share their `&` letter with another."""
    by_letter: dict[str, list[str]] = {}
    clashes = []
    for action in menu.actions():
        if letter := re.search(r"&([^&])", action.text().replace("&&", "")):
            by_letter.setdefault(letter.group(1).lower(), []).append(action.text())
        if isinstance(submenu := action.menu(), QMenu):
            clashes += _clashing_mnemonics(submenu)
    return clashes + [" / ".join(texts) for texts in by_letter.values() if len(texts) > 1]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_no_two_entries_of_a_menu_share_their_letter(
    app: QApplication, choose: Callable[[str], None], qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    """Alt+letter picks one entry (two with one letter only cycle between them)."""
    choose(language)
    install_language(app, system=ENGLISH)
    window = MainWindow(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)

    clashes = [clash for menu in _menus(window) for clash in _clashing_mnemonics(menu)]
    assert clashes == []


def _menus(window: MainWindow) -> list[QMenu]:
    found = [action.menu() for action in window.menuBar().actions()]
    return [menu for menu in found if isinstance(menu, QMenu)]
