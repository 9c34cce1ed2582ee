"""The View menu: panes shown or hidden, the text size, the list's columns and full screen,
each remembered for the next start."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui import settings as keys
from readinglist.ui.list.columns import Column
from readinglist.ui.media.pane import PaneState
from readinglist.ui.qt import QAction, QApplication, QSettings, Qt
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import focus_list, open_window, settle


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    import_paths(library, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    return library


def reopen(qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path) -> MainWindow:
    window.close()
    return open_window(qtbot, library, tmp_path / "settings.ini")


def test_panes_hidden_stay_hidden_and_come_back_with_a_width(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    window.view_menu.sidebar.trigger()
    window.view_menu.media.trigger()
    assert not window.sidebar.isVisible() and not window.media.isVisible()

    again = reopen(qtbot, window, library, tmp_path)
    assert not again.sidebar.isVisible() and not again.media.isVisible()
    assert not again.view_menu.sidebar.isChecked()
    again.view_menu.sidebar.trigger()
    again.view_menu.media.trigger()
    assert again.sidebar.isVisible() and again.sidebar.width() > 0
    assert again.media.isVisible() and again.media.height() > 0
    again.close()


def test_text_size_grows_the_list_rows_and_headings_and_is_remembered(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    base = QApplication.font().pointSizeF()
    row_height = window.list_pane.view.verticalHeader().defaultSectionSize()
    title = window.detail.title_label.font().pointSizeF()
    focus_list(qtbot, window)

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)

    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.2)
    rows = window.list_pane.view.verticalHeader()
    qtbot.waitUntil(lambda: rows.defaultSectionSize() > row_height)  # the font change is posted
    qtbot.waitUntil(lambda: window.detail.title_label.font().pointSizeF() > title)
    assert window.detail.title_label.font().pointSizeF() == pytest.approx(title * 1.2)
    again = reopen(qtbot, window, library, tmp_path)
    assert again.view_menu.text_steps() == 2
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.2)

    again.view_menu.actual_size.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    again.view_menu.larger.trigger()
    again.close()
    assert QApplication.font().pointSizeF() == pytest.approx(base)  # put back on closing


def test_text_size_stops_at_its_bounds(tmp_path: Path, window: MainWindow) -> None:
    view_menu = window.view_menu
    for _ in range(20):
        view_menu.smaller.trigger()
    assert view_menu.text_steps() == keys.TEXT_SIZE_STEPS.minimum
    assert not view_menu.smaller.isEnabled()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert keys.TEXT_SIZE_STEPS.read(settings) == keys.TEXT_SIZE_STEPS.minimum


def authors_action(window: MainWindow) -> QAction:
    columns = window.view_menu.columns.actions()
    return next(a for a in columns if a.text() == Column.AUTHORS.facts.name)


def test_the_columns_menu_and_the_headers_menu_share_their_ticks(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    header = window.list_pane.view.horizontalHeader()
    authors = authors_action(window)
    assert authors.isChecked()

    authors.trigger()

    assert header.isSectionHidden(Column.AUTHORS)
    assert authors in window.list_pane.column_actions
    again = reopen(qtbot, window, library, tmp_path)
    assert again.list_pane.view.horizontalHeader().isSectionHidden(Column.AUTHORS)
    assert not authors_action(again).isChecked()
    authors_action(again).trigger()
    assert not again.list_pane.view.horizontalHeader().isSectionHidden(Column.AUTHORS)
    again.close()


def test_full_screen_comes_and_goes(window: MainWindow) -> None:
    window.view_menu.full_screen.trigger()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    window.view_menu.full_screen.trigger()
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


def test_a_hidden_media_pane_loads_nothing_until_it_shows(qtbot: QtBot, window: MainWindow) -> None:
    window.view_menu.media.trigger()  # hidden
    loads: list[object] = []

    def load(media: object, **_: object) -> int:
        loads.append(media)
        return 0

    window.media.loader.load = load  # type: ignore[method-assign]

    window.list_pane.select_row(0)
    settle(qtbot, window)
    assert loads == [] and window.media.state is PaneState.HIDDEN

    window.view_menu.media.trigger()  # shown: the paper's teaser now
    assert len(loads) == 1
