"""The Seen and Rising columns: what their cells and tooltips say, where they sit in the
header (after every older column, Rising hidden until chosen, in a header saved by an
earlier version too), and that a click on either sorts the list in SQL, most first."""

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.listing import PaperRow, SortKey
from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui.list.columns import Column
from readinglist.ui.list.model import PaperTableModel
from readinglist.ui.qt import QAction, QByteArray, Qt, QTableWidget
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import click_header, open_window, row_titles

EARLIER_COLUMNS = 7  # the columns before Seen and Rising (schema v7's list)


def row(seen_count: int = 1, rising: int | None = None) -> PaperRow:
    return PaperRow(
        1,
        "2403.00001",
        "Paper",
        ("Kim",),
        False,
        dt.date(2024, 3, 1),
        12,
        False,
        ReadingStatus.UNREAD,
        (),
        seen_count,
        rising,
    )


def shown(paper: PaperRow, column: Column) -> tuple[str, str | None]:
    """The cell's text and its tooltip, as the model gives them."""
    model = PaperTableModel(lambda ids: dict.fromkeys(ids, paper))
    model.set_ids([paper.id])
    index = model.index(0, column)
    return index.data(), index.data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize(
    ("seen_count", "text", "tip"),
    [
        (1, "", None),  # seen once, as most papers are: nothing to say
        (2, "2×", "Seen 2 times since 2024-03-01"),
        (3, "3×", "Seen 3 times since 2024-03-01"),
    ],
)
def test_seen_says_how_often_a_paper_reappeared(seen_count: int, text: str, tip: str) -> None:
    assert shown(row(seen_count=seen_count), Column.SEEN) == (text, tip)


@pytest.mark.parametrize(
    ("rising", "text", "tip"),
    [
        (None, "", None),  # fewer than two sightings gave votes
        (12, "+12", "Gained 12 votes over its last sightings"),
        (1, "+1", "Gained 1 vote over its last sightings"),
        (0, "0", "No votes gained over its last sightings"),
        (-3, "-3", "Lost 3 votes over its last sightings"),
    ],
)
def test_rising_says_the_votes_gained(rising: int | None, text: str, tip: str | None) -> None:
    assert shown(row(rising=rising), Column.RISING) == (text, tip)


def test_the_new_columns_come_after_every_older_one() -> None:
    """A saved header is positional: the older columns keep their numbers."""
    assert [c.name for c in Column][EARLIER_COLUMNS:] == ["SEEN", "RISING"]
    assert (Column.SEEN.facts.sort_key, Column.RISING.facts.sort_key) == (
        SortKey.SEEN,
        SortKey.RISING,
    )


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    """Bravo seen three times (5, 9, 10 votes: 5 gained), Charlie twice (40, 41: 1 gained),
    Alpha once."""
    first = [
        FakeEntry("2403.00001", title="Bravo", votes=5),
        FakeEntry("2403.00002", title="Alpha", votes=7),
        FakeEntry("2403.00003", title="Charlie", votes=40),
    ]
    second = [FakeEntry("2403.00001", title="Bravo", votes=9)]
    third = [
        FakeEntry("2403.00001", title="Bravo", votes=10),
        FakeEntry("2403.00003", title="Charlie", votes=41),
    ]
    import_paths(
        library,
        [
            digests.write("a.md", "2024-03-01", first),
            digests.write("b.md", "2024-03-02", second),
            digests.write("c.md", "2024-03-03", third),
        ],
    )
    return library


def cells(window: MainWindow, column: Column) -> list[str]:
    model = window.list_pane.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def column_action(window: MainWindow, name: str) -> QAction:
    return next(a for a in window.list_pane.column_actions if a.text() == name)


def test_seen_shows_and_rising_waits_to_be_chosen(window: MainWindow) -> None:
    view = window.list_pane.view
    assert not view.isColumnHidden(Column.SEEN)
    assert view.columnWidth(Column.SEEN) == Column.SEEN.facts.width
    assert view.isColumnHidden(Column.RISING)
    rising = column_action(window, "Rising")
    assert not rising.isChecked()

    rising.trigger()

    assert not view.isColumnHidden(Column.RISING)
    assert view.columnWidth(Column.RISING) == Column.RISING.facts.width


def test_a_click_on_seen_or_rising_puts_the_most_first(qtbot: QtBot, window: MainWindow) -> None:
    column_action(window, "Rising").trigger()

    click_header(qtbot, window, Column.SEEN)
    assert window.list_pane.sort_order() == (SortKey.SEEN, True)
    assert row_titles(window) == ["Bravo", "Charlie", "Alpha"]
    assert cells(window, Column.SEEN) == ["3×", "2×", ""]

    click_header(qtbot, window, Column.SEEN)
    assert row_titles(window) == ["Alpha", "Charlie", "Bravo"]

    click_header(qtbot, window, Column.RISING)
    assert cells(window, Column.RISING) == ["+5", "+1", ""]  # nothing to compare: last
    click_header(qtbot, window, Column.RISING)
    assert cells(window, Column.RISING) == ["", "+1", "+5"]


def earlier_header_state() -> QByteArray:
    """A header as the version before Seen and Rising saved it: Votes moved second, Tags
    hidden, Authors widened, sorted by votes."""
    table = QTableWidget(1, EARLIER_COLUMNS)
    header = table.horizontalHeader()
    header.moveSection(Column.VOTES, 1)
    header.setSectionHidden(Column.TAGS, True)
    header.resizeSection(Column.AUTHORS, 222)
    header.setSortIndicator(Column.VOTES, Qt.SortOrder.DescendingOrder)
    return header.saveState()


def test_a_header_saved_before_the_new_columns_keeps_its_columns_and_adds_them(
    window: MainWindow,
) -> None:
    pane = window.list_pane
    header = pane.view.horizontalHeader()

    assert pane.restore_header_state(earlier_header_state())

    assert header.visualIndex(Column.VOTES) == 1
    assert header.isSectionHidden(Column.TAGS)
    assert header.sectionSize(Column.AUTHORS) == 222
    assert pane.sort_order() == (SortKey.VOTES, True)
    assert not header.isSectionHidden(Column.SEEN)
    assert header.sectionSize(Column.SEEN) == Column.SEEN.facts.width
    assert header.isSectionHidden(Column.RISING)
    assert [a.isChecked() for a in pane.column_actions][-2:] == [True, False]


def test_a_header_saved_with_the_new_columns_is_restored_as_it_was(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    first = open_window(qtbot, library, tmp_path / "s.ini")
    header = first.list_pane.view.horizontalHeader()
    header.setSectionHidden(Column.SEEN, True)
    header.setSectionHidden(Column.RISING, False)
    header.resizeSection(Column.RISING, 80)
    first.close()

    window = open_window(qtbot, library, tmp_path / "s.ini")

    header = window.list_pane.view.horizontalHeader()
    assert header.isSectionHidden(Column.SEEN)
    assert not header.isSectionHidden(Column.RISING)
    assert header.sectionSize(Column.RISING) == 80
    window.close()
