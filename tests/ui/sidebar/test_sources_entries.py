"""The sidebar's Sources group (a format per entry, `source:NAME`) and New today
(`added:today`, listed only while the day has papers), kept in step as counts change."""

import dataclasses

from readinglist.core.listing import SidebarCounts, SourceCount
from readinglist.core.paper import ReadingStatus
from readinglist.ui.sidebar.entries import (
    NEW_TODAY_KEY,
    SOURCES_GROUP,
    TODAY_KEY,
    query_for_key,
)
from readinglist.ui.sidebar.model import SidebarModel

COUNTS = SidebarCounts(
    total=10,
    by_status=dict.fromkeys(ReadingStatus, 0),
    starred=0,
    tags=(),
    digests=(),
    sources=(SourceCount("daily-papers-md", 10, 7), SourceCount("gbdata365-json", 3, 2)),
    added_today=4,
    added_today_unread=3,
)


def keys(model: SidebarModel, parent_key: str | None = None) -> list[str]:
    parent = model.index_of(parent_key) if parent_key else model.index(-1, 0)
    rows = range(model.rowCount(parent))
    return [model.entry(model.index(row, 0, parent)).key for row in rows]  # type: ignore[union-attr]


def test_sources_and_new_today_stand_for_their_queries(qtmodeltester: object) -> None:
    model = SidebarModel()
    model.show_counts(COUNTS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    assert keys(model)[:3] == [TODAY_KEY, "all", NEW_TODAY_KEY]  # near the top
    assert keys(model, SOURCES_GROUP) == ["source:daily-papers-md", "source:gbdata365-json"]
    korean = model.index_of("source:gbdata365-json")
    assert korean.data() == "Korean daily papers (gbdata365 JSON)"
    assert korean.siblingAtColumn(1).data() == "2"
    assert korean.data(3) == "Korean daily papers (gbdata365 JSON): 3 papers, 2 unread"
    assert model.index_of(NEW_TODAY_KEY).data(3) == "4 papers, 3 unread"
    assert str(query_for_key("source:gbdata365-json")) == "source:gbdata365-json"
    assert str(query_for_key(NEW_TODAY_KEY)) == "added:today"
    assert query_for_key("source:no-such-format") is None  # a key from another version


def test_new_today_goes_when_the_day_has_no_papers_and_a_source_with_its_last(
    qtmodeltester: object,
) -> None:
    model = SidebarModel()
    model.show_counts(COUNTS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    fewer = COUNTS.sources[:1]
    model.show_counts(dataclasses.replace(COUNTS, added_today=0, sources=fewer))

    assert NEW_TODAY_KEY not in keys(model)
    assert keys(model, SOURCES_GROUP) == ["source:daily-papers-md"]
    model.show_counts(COUNTS)
    assert keys(model)[2] == NEW_TODAY_KEY
