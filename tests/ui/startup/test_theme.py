"""The theme at start-up: `ui/theme` read before the window shows; "system" follows the OS."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from readinglist.ui import settings
from readinglist.ui.preferences.theme import apply_theme, is_dark
from readinglist.ui.qt import QApplication, QPalette, QSettings, Qt
from readinglist.ui.startup.app import install_theme


@pytest.fixture
def app(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QApplication]:
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(
        settings, "open_settings", lambda: QSettings(ini, QSettings.Format.IniFormat)
    )
    yield qapp
    apply_theme(qapp, "system")


def dark_asked(app: QApplication) -> bool:
    return app.styleHints().colorScheme() is Qt.ColorScheme.Dark or is_dark(app)


def test_the_dark_theme_applies_at_start_up(app: QApplication) -> None:
    settings.THEME.write(settings.open_settings(), "dark")

    install_theme(app)

    assert dark_asked(app)
    link = app.palette().color(QPalette.ColorRole.Link)
    assert link.lightness() > 128  # links stay readable on the dark background


def test_system_follows_the_os_and_undoes_a_dark_theme(app: QApplication) -> None:
    apply_theme(app, "dark")
    settings.THEME.write(settings.open_settings(), "system")

    install_theme(app)

    assert app.styleHints().colorScheme() is not Qt.ColorScheme.Dark or not is_dark(app)
    assert not is_dark(app)  # the offscreen platform is light


def test_a_malformed_theme_is_the_system_s(app: QApplication) -> None:
    settings.open_settings().setValue(settings.THEME.key, "purple")

    install_theme(app)

    assert not is_dark(app)
