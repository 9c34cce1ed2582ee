"""Digests in the sidebar by year and month: the newest open, the rest folded, unread papers
rolled up, each year and month a list of its own; the model stays sound as days come."""

import datetime as dt

from pytestqt.qtbot import QtBot

from readinglist.core.listing import DigestCount, SidebarCounts
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.ui.qt import QApplication, QFontMetrics
from readinglist.ui.sidebar.entries import DIGESTS_GROUP, Entry
from readinglist.ui.sidebar.model import QUERY_ROLE, SidebarModel
from readinglist.ui.sidebar.pane import SidebarPane

DAYS = ["2025-05-09", "2025-05-02", "2025-04-30", "2024-12-31", "2024-11-05"]


def counts(days: list[str], unread: int = 2, every_digest: bool = True) -> SidebarCounts:
    return SidebarCounts(
        total=10,
        by_status=dict.fromkeys(ReadingStatus, 0),
        starred=0,
        tags=(),
        digests=tuple(DigestCount(dt.date.fromisoformat(d), 5, unread) for d in days),
        every_digest=every_digest,
    )


def labels(model: SidebarModel, key: str) -> list[str]:
    parent = model.index_of(key)
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def count(model: SidebarModel, key: str) -> str:
    return str(model.index_of(key).siblingAtColumn(1).data())


def test_days_nest_in_months_in_years_with_their_unread_rolled_up(
    qtmodeltester: object,
) -> None:
    model = SidebarModel()
    model.show_counts(counts(DAYS))
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    assert labels(model, DIGESTS_GROUP) == ["2025", "2024"]
    assert labels(model, "year:2025") == ["May", "April"]
    assert labels(model, "month:2025-05") == ["2025-05-09", "2025-05-02"]
    assert (count(model, "year:2025"), count(model, "month:2025-05")) == ("6", "4")
    assert model.index_of("year:2025").data(3) == "15 papers, 6 unread"  # the tooltip


def test_a_year_and_a_month_each_stand_for_their_digests() -> None:
    model = SidebarModel()
    model.show_counts(counts(DAYS))
    assert model.index_of("month:2024-12").data(QUERY_ROLE) == parse_query("digest:2024-12")
    assert model.index_of("year:2024").data(QUERY_ROLE) == parse_query("digest:2024")


def test_a_new_month_and_year_arrive_in_place(qtmodeltester: object) -> None:
    model = SidebarModel()
    model.show_counts(counts(DAYS))
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    model.show_counts(counts(["2026-01-02", "2025-06-01", *DAYS]))

    assert labels(model, DIGESTS_GROUP) == ["2026", "2025", "2024"]
    assert labels(model, "year:2025") == ["June", "May", "April"]
    model.show_counts(counts(DAYS[2:]))  # days gone, and with them May and 2026
    assert labels(model, DIGESTS_GROUP) == ["2025", "2024"]
    assert labels(model, "year:2025") == ["April"]
    assert not model.index_of("month:2025-05").isValid()


def test_one_digests_edit_updates_its_month_and_year() -> None:
    model = SidebarModel()
    model.show_counts(counts(DAYS))
    model.show_counts(counts(["2025-05-02"], unread=0, every_digest=False))
    assert count(model, "digest:2025-05-02") == ""
    assert (count(model, "month:2025-05"), count(model, "year:2025")) == ("2", "4")


def test_only_the_newest_year_and_month_are_open(qtbot: QtBot) -> None:
    pane = SidebarPane()
    qtbot.addWidget(pane)
    pane.show_counts(counts(DAYS))
    tree, model = pane.tree, pane.model

    assert tree.isExpanded(model.index_of("year:2025"))
    assert tree.isExpanded(model.index_of("month:2025-05"))
    assert not tree.isExpanded(model.index_of("month:2025-04"))
    assert not tree.isExpanded(model.index_of("year:2024"))

    pane.show_counts(counts(["2025-06-01", *DAYS]))  # a new month: it opens
    assert tree.isExpanded(model.index_of("month:2025-06"))

    pane.select_key("digest:2024-11-05")  # a day in a folded month: shown
    assert tree.isExpanded(model.index_of("month:2024-11"))
    assert tree.currentIndex() == model.index_of("digest:2024-11-05")


def test_at_its_narrowest_no_label_is_elided(qtbot: QtBot) -> None:
    """ "Saved searches" and a day three levels down fit, at the normal text size and a
    larger one."""
    for point_size in (QApplication.font().pointSizeF(), 16.0):
        pane = SidebarPane()
        qtbot.addWidget(pane)
        font = pane.font()
        font.setPointSizeF(point_size)
        pane.setFont(font)
        pane.show_counts(counts(DAYS))
        pane.resize(pane.minimumWidth(), 600)
        pane.show()
        qtbot.waitUntil(pane.tree.isVisible)
        for key in ("group:saved", "digest:2025-05-09"):
            index = pane.model.index_of(key)
            room = pane.tree.visualRect(index).width()
            font = pane.tree.font()
            font.setBold(key.startswith("group:"))
            wanted = QFontMetrics(font).horizontalAdvance(index.data())
            assert wanted <= room, (key, point_size, wanted, room)


def test_a_days_tooltip_counts_in_words_grouped_as_everywhere(qapp: object) -> None:
    assert Entry("digest:2025-05-09", "2025-05-09", 1234, papers=5493).hint == (
        "5,493 papers, 1,234 unread"
    )
    assert Entry("digest:2025-05-09", "2025-05-09", 0, papers=1).hint == "1 paper, 0 unread"
    assert Entry("tag:x", "x", 3).hint == ""  # a tag says nothing more than its count
