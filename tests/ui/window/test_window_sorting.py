"""A header's first click sorts as people look first: most voted, newest, starred first;
text A to Z. The next click reverses it. Papers without votes come last when most voted
come first."""

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import Qt
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import click_header, row_titles


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    papers = [
        FakeEntry("2403.00001", title="Bravo", votes=5),
        FakeEntry("2403.00002", title="Alpha", votes=None),
        FakeEntry("2403.00003", title="Charlie", votes=40),
    ]
    import_paths(library, [digests.write("d.md", "2024-03-01", papers)])
    return library


def votes(window: MainWindow) -> list[str]:
    model = window.list_pane.model
    return [model.index(row, Column.VOTES).data() for row in range(model.rowCount())]


def test_the_first_click_on_votes_puts_the_most_voted_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_header(qtbot, window, Column.VOTES)
    assert votes(window) == ["40", "5", ""]
    header = window.list_pane.view.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    click_header(qtbot, window, Column.VOTES)
    assert votes(window) == ["", "5", "40"]


def test_the_first_click_on_a_title_sorts_a_to_z(qtbot: QtBot, window: MainWindow) -> None:
    click_header(qtbot, window, Column.TITLE)
    assert row_titles(window) == ["Alpha", "Bravo", "Charlie"]
    click_header(qtbot, window, Column.VOTES)
    assert row_titles(window) == ["Charlie", "Bravo", "Alpha"]
