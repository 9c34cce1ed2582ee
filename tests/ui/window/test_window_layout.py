"""The first window fits the screen: most of it, with the list the widest pane (a new user
saw 790x600 on a 1440x900 screen and titles cut to "Attention Is…")."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QRect, QSettings
from readinglist.ui.window.layout import first_geometry, first_pane_widths
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import import_by_drop

LAPTOP = QRect(0, 0, 1440, 900 - 28)  # less a panel


def test_the_first_window_takes_most_of_a_laptop_screen() -> None:
    place = first_geometry(LAPTOP)
    assert (place.width(), place.height()) == (1224, 741)
    assert LAPTOP.contains(place)
    assert place.center() == LAPTOP.center()


def test_a_small_screen_gets_all_of_it_and_a_large_one_no_more_than_enough() -> None:
    assert first_geometry(QRect(0, 0, 800, 600)).size() == QRect(0, 0, 800, 560).size()
    assert first_geometry(QRect(0, 0, 640, 480)) == QRect(0, 0, 640, 480)
    assert first_geometry(QRect(0, 0, 3840, 2160)).width() == 1600


def test_at_the_first_size_titles_are_wider_than_any_other_column(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    place = first_geometry(LAPTOP)
    window.resize(place.size())
    window.main_splitter.setSizes(first_pane_widths(place.width()))
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    sidebar, papers, side = window.main_splitter.sizes()
    assert papers > side > sidebar
    view = window.list_pane.view
    widest_other = max(view.columnWidth(c) for c in Column if c != Column.TITLE)
    qtbot.waitUntil(lambda: view.columnWidth(Column.TITLE) > widest_other)


def test_the_first_start_sizes_the_window_from_its_screen(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.size() == first_geometry(window.screen().availableGeometry()).size()
