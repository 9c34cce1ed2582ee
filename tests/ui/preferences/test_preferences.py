"""Edit → Preferences…: built from the settings' declarations, a page a section, fitting a
laptop's screen; OK writes, Cancel does not, Restore Defaults restores; what can apply at once
does, without a restart."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.media_cache import MEGABYTE
from readinglist.ui import settings as keys
from readinglist.ui.i18n import tr
from readinglist.ui.imports.subscription_list import SubscriptionList
from readinglist.ui.imports.watch_panel import WatchFoldersPanel
from readinglist.ui.preferences.dialog import PreferencesDialog
from readinglist.ui.preferences.theme import apply_theme, is_dark
from readinglist.ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QKeySequence,
    QLabel,
    QSettings,
    QSpinBox,
    Qt,
    QWidget,
)
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import focus_list, import_by_drop

SHOWN = [setting for section in keys.PREFERENCES for setting in section.settings]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot: QtBot, settings: QSettings) -> PreferencesDialog:
    made = PreferencesDialog(settings)
    qtbot.addWidget(made)
    return made


@pytest.fixture(autouse=True)
def system_theme_after() -> Iterator[None]:
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "system")


def field(dialog: PreferencesDialog, setting: keys.Setting[Any]) -> QWidget:
    return dialog.fields[setting.key][1].widget


def page(dialog: PreferencesDialog, index: int) -> QWidget:
    shown = dialog.pages.widget(index)
    assert shown is not None
    return shown


def button(dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> None:
    dialog.buttons.button(which).click()


def test_every_preference_is_declared_with_a_label_and_shown_by_kind(
    dialog: PreferencesDialog, settings: QSettings
) -> None:
    assert list(dialog.fields) == [setting.key for setting in SHOWN]
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [box.text() for box in dialog.findChildren(QCheckBox)]
    for setting in SHOWN:
        assert setting.label and tr(setting.label) in texts
    assert isinstance(field(dialog, keys.ADVANCE_AFTER_STATUS), QCheckBox)
    theme = field(dialog, keys.THEME)
    assert isinstance(theme, QComboBox)
    assert [theme.itemText(i) for i in range(theme.count())] == ["As the system", "Light", "Dark"]
    cache = field(dialog, keys.MEDIA_CACHE_MEGABYTES)
    assert isinstance(cache, QSpinBox)
    assert (cache.minimum(), cache.value(), cache.suffix()) == (50, 500, " MB")
    assert "Takes effect when readinglist starts again." in texts  # next to the language


def test_each_section_is_a_page_titled_as_declared_with_its_fields(
    dialog: PreferencesDialog,
) -> None:
    titles = [dialog.pages.tabText(index) for index in range(dialog.pages.count())]
    assert titles == [tr(section.title) for section in keys.PREFERENCES]
    assert titles == [
        "General",
        "Today",
        "Appearance",
        "Media",
        "Watch folders",
        "Subscriptions",
        "Library",
    ]
    for index, section in enumerate(keys.PREFERENCES):
        for setting in section.settings:
            assert page(dialog, index).isAncestorOf(field(dialog, setting)), setting.key


def test_keys_turn_the_pages_from_any_field(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    """Ctrl+Tab and Ctrl+Shift+Tab as QTabWidget has them; Ctrl+PgDown and Ctrl+PgUp too,
    even from a spin box (whose PgDown steps by ten), both going round."""
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    last = dialog.pages.count() - 1

    qtbot.keyClick(field(dialog, keys.LANGUAGE), Qt.Key.Key_Tab, control)
    assert dialog.pages.currentIndex() == 1
    qtbot.keyClick(field(dialog, keys.TODAY_ORDER), Qt.Key.Key_Backtab, control | shift)
    assert dialog.pages.currentIndex() == 0
    qtbot.keyClick(field(dialog, keys.LANGUAGE), Qt.Key.Key_PageUp, control)
    assert dialog.pages.currentIndex() == last
    dialog.pages.setCurrentIndex(3)
    cache = field(dialog, keys.MEDIA_CACHE_MEGABYTES)
    assert isinstance(cache, QSpinBox)
    qtbot.keyClick(cache, Qt.Key.Key_PageDown, control)
    assert dialog.pages.currentIndex() == 4 and cache.value() == 500
    qtbot.keyClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.Key.Key_PageDown, control
    )
    assert dialog.pages.currentIndex() == 5


def test_the_dialog_shows_the_stored_values(qtbot: QtBot, settings: QSettings) -> None:
    keys.THEME.write(settings, "dark")
    keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES.write(settings, 7)
    keys.ADVANCE_AFTER_STATUS.write(settings, False)
    keys.LANGUAGE.write(settings, "ko")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)

    assert dialog.fields[keys.THEME.key][1].value() == "dark"
    assert dialog.fields[keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES.key][1].value() == 7
    assert dialog.fields[keys.ADVANCE_AFTER_STATUS.key][1].value() is False
    assert dialog.fields[keys.LANGUAGE.key][1].value() == "ko"


def test_malformed_stored_values_show_the_defaults(qtbot: QtBot, tmp_path: Path) -> None:
    ini = tmp_path / "odd.ini"
    ini.write_text(
        "[ui]\ntheme=purple\nlanguage=klingon\n[media]\ncacheMegabytes=lots\n"
        "loadAutomatically=maybe\n",
        encoding="utf-8",
    )
    dialog = PreferencesDialog(QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)

    for setting in (keys.THEME, keys.LANGUAGE, keys.MEDIA_CACHE_MEGABYTES):
        assert dialog.fields[setting.key][1].value() == setting.default
    assert dialog.fields[keys.LOAD_MEDIA_AUTOMATICALLY.key][1].value() is True


def test_ok_writes_only_what_changed(dialog: PreferencesDialog, settings: QSettings) -> None:
    changed: list[keys.Setting[Any]] = []
    dialog.changed.connect(changed.append)
    theme = field(dialog, keys.THEME)
    assert isinstance(theme, QComboBox)
    theme.setCurrentIndex(theme.findData("light"))
    limit = field(dialog, keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES)
    assert isinstance(limit, QSpinBox)
    limit.setValue(9)

    button(dialog, QDialogButtonBox.StandardButton.Ok)

    assert keys.THEME.read(settings) == "light"
    assert keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES.read(settings) == 9
    assert changed == [keys.THEME, keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES]
    assert not settings.contains(keys.LANGUAGE.key)  # unchanged: not written


def test_cancel_writes_nothing(dialog: PreferencesDialog, settings: QSettings) -> None:
    check = field(dialog, keys.LOAD_MEDIA_AUTOMATICALLY)
    assert isinstance(check, QCheckBox)
    check.setChecked(False)

    button(dialog, QDialogButtonBox.StandardButton.Cancel)

    assert settings.allKeys() == []


def test_restore_defaults_restores_them_on_ok(qtbot: QtBot, settings: QSettings) -> None:
    keys.THEME.write(settings, "dark")
    keys.MEDIA_CACHE_MEGABYTES.write(settings, 80)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)

    button(dialog, QDialogButtonBox.StandardButton.RestoreDefaults)
    assert keys.THEME.read(settings) == "dark"  # not before OK
    defaults = [setting.default for setting, _ in dialog.fields.values()]
    assert [field.value() for _, field in dialog.fields.values()] == defaults  # every page's
    button(dialog, QDialogButtonBox.StandardButton.Ok)

    assert keys.THEME.read(settings) == "system"
    assert keys.MEDIA_CACHE_MEGABYTES.read(settings) == 500


# --- in the window ---------------------------------------------------------------------------


def open_preferences(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    window.preferences.action.trigger()
    dialog = window.preferences.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: exposed(dialog))
    return dialog


def exposed(widget: QWidget) -> bool:
    handle = widget.windowHandle()
    return handle is not None and handle.isExposed()


def test_edit_preferences_has_a_key_of_its_own(window: MainWindow) -> None:
    action = window.preferences.action
    places = [(c.place, c.name) for c in window.commands() if c.action is action]
    assert places == [("Edit", "Preferences…")]
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert action.shortcuts() == (platform or [QKeySequence("Ctrl+,")])


def test_advance_after_status_applies_at_once_both_ways(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    import_by_drop(
        qtbot, window, [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))]
    )
    dialog = open_preferences(qtbot, window)
    check = field(dialog, keys.ADVANCE_AFTER_STATUS)
    assert isinstance(check, QCheckBox) and check.isChecked()
    check.setChecked(False)
    button(dialog, QDialogButtonBox.StandardButton.Ok)

    assert not window.menu_actions.advance.isChecked()
    window.list_pane.select_row(0)
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_X)
    assert window.list_pane.view.currentIndex().row() == 0  # stayed

    window.menu_actions.advance.setChecked(True)  # the menu's way
    dialog = open_preferences(qtbot, window)
    check = field(dialog, keys.ADVANCE_AFTER_STATUS)
    assert isinstance(check, QCheckBox) and check.isChecked()
    button(dialog, QDialogButtonBox.StandardButton.Cancel)


def test_media_preferences_reach_the_media_pane(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_preferences(qtbot, window)
    check, cache, limit = (
        field(dialog, setting)
        for setting in (
            keys.LOAD_MEDIA_AUTOMATICALLY,
            keys.MEDIA_CACHE_MEGABYTES,
            keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES,
        )
    )
    assert isinstance(check, QCheckBox)
    assert isinstance(cache, QSpinBox) and isinstance(limit, QSpinBox)
    check.setChecked(False)
    cache.setValue(120)
    limit.setValue(3)
    button(dialog, QDialogButtonBox.StandardButton.Ok)

    media = window.media
    assert not media.load_automatically_action.isChecked()
    assert media.loader.cache.limit_bytes == 120 * MEGABYTE
    assert media.loader.fetcher.limits.max_bytes == 3 * MEGABYTE


def test_the_theme_applies_at_once(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dialog = open_preferences(qtbot, window)
    theme = field(dialog, keys.THEME)
    assert isinstance(theme, QComboBox)
    theme.setCurrentIndex(theme.findData("dark"))
    button(dialog, QDialogButtonBox.StandardButton.Ok)

    assert is_dark(app) or app.styleHints().colorScheme() is Qt.ColorScheme.Dark

    dialog = open_preferences(qtbot, window)
    theme = field(dialog, keys.THEME)
    assert isinstance(theme, QComboBox)
    theme.setCurrentIndex(theme.findData("system"))
    button(dialog, QDialogButtonBox.StandardButton.Ok)

    assert not is_dark(app)  # the offscreen platform is light


def test_the_library_section_shows_where_the_library_is(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_preferences(qtbot, window)
    library_page = page(dialog, keys.PREFERENCES.index(keys.LIBRARY_SECTION))
    texts = [label.text() for label in library_page.findChildren(QLabel)]
    assert window.service is not None
    assert str(window.service.library.path) in texts
    button(dialog, QDialogButtonBox.StandardButton.Cancel)


LAPTOP_HEIGHT = 768  # px: the smallest usual laptop screen (1366x768)
ROOM_LEFT = 168  # px of it for the title bar, the desktop's panel or taskbar, the frame
NARROW_SCREEN = 800  # px: the offscreen platform's screen is 800x800
ROWS_IN_VIEW = 4


def test_the_dialog_fits_a_laptop_screen_with_every_features_rows(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its smallest size, with the watched folders' and the subscriptions' lists on their
    pages, leaves 168 px of a 768 px tall screen to the title bar and the desktop's panel (it
    was 1,088 px tall, one column of groups), and is narrower than an 800 px screen."""
    dialog = open_preferences(qtbot, window)
    smallest = dialog.minimumSizeHint()

    assert smallest.height() <= LAPTOP_HEIGHT - ROOM_LEFT
    assert smallest.width() <= NARROW_SCREEN
    pages = {
        dialog.pages.tabText(index): page(dialog, index) for index in range(dialog.pages.count())
    }
    assert pages["Watch folders"].findChild(WatchFoldersPanel) is not None
    assert pages["Subscriptions"].findChild(SubscriptionList) is not None
    button(dialog, QDialogButtonBox.StandardButton.Cancel)


def test_the_lists_show_rows_with_their_buttons_beside_at_the_smallest_size(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Empty, at the dialog's smallest size: the subscriptions' table has room for four rows
    under its header, the watched folders' list for four lines; no button covers either."""
    dialog = open_preferences(qtbot, window)
    dialog.resize(dialog.minimumSizeHint())
    qtbot.waitUntil(lambda: dialog.size() == dialog.minimumSizeHint())
    listed = dialog.findChild(SubscriptionList)
    assert listed is not None
    dialog.show_section(keys.SUBSCRIPTIONS_SECTION)
    qtbot.waitUntil(listed.isVisible)
    table = listed.table
    assert table.rowCount() == 0
    assert table.viewport().height() >= ROWS_IN_VIEW * table.verticalHeader().defaultSectionSize()
    for pressed in (listed.add_button, listed.remove_button):
        assert not pressed.geometry().intersects(table.geometry())

    panel = dialog.findChild(WatchFoldersPanel)
    assert panel is not None
    dialog.show_section(keys.WATCH_SECTION)
    qtbot.waitUntil(panel.isVisible)
    assert panel.list.count() == 0
    line = panel.list.fontMetrics().lineSpacing()
    assert panel.list.viewport().height() >= ROWS_IN_VIEW * line
    for pressed in (panel.add_button, panel.remove_button):
        assert not pressed.geometry().intersects(panel.list.geometry())
    button(dialog, QDialogButtonBox.StandardButton.Cancel)
