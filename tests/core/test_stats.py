"""The Reading view's figures against a small history computed by hand."""

import datetime as dt

import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import (
    ReadingHistory,
    StatusEvent,
    backlog,
    default_since,
    percentile,
    reading_stats,
    streaks,
)

READ, QUEUED, SKIPPED = ReadingStatus.READ, ReadingStatus.QUEUED, ReadingStatus.SKIPPED
UTC = dt.UTC


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


HISTORY = ReadingHistory(
    events=[
        StatusEvent(1, QUEUED, at("2026-11-10 09:00")),  # before the first week shown
        StatusEvent(1, READ, at("2026-11-17 10:00")),
        StatusEvent(2, QUEUED, at("2026-11-18 08:00")),
        StatusEvent(3, READ, at("2026-11-24 12:00")),
        StatusEvent(4, SKIPPED, at("2026-11-25 12:00")),
        StatusEvent(5, READ, at("2026-11-30 06:00")),
        StatusEvent(6, READ, at("2026-12-01 06:00")),
    ],
    arrived={
        1: at("2026-11-09 09:00"),
        3: at("2026-11-24 00:00"),
        5: at("2026-11-29 06:00"),
        6: at("2026-11-01 06:00"),
    },
    queued_since=[at("2026-11-18 08:00"), at("2025-10-01 00:00")],
    queued_before_history=1,  # the second: queued before there was a history
)
NOW = at("2026-12-02 12:00")  # a Wednesday
TOP_READ = ([("robots", 2)], [("Ada Lovelace", 3)])


def test_the_figures_of_a_history_computed_by_hand() -> None:
    stats = reading_stats(HISTORY, TOP_READ, dt.date(2026, 11, 16), NOW, UTC)

    weeks = [(w.start.isoformat(), w.read, w.skipped, w.queued) for w in stats.weeks]
    assert weeks == [
        ("2026-11-16", 1, 0, 2),  # 1 read; queued: 9 all along, 1 (then read), 2
        ("2026-11-23", 1, 1, 2),
        ("2026-11-30", 2, 0, 2),
    ]
    assert (stats.read, stats.skipped, stats.queued) == (4, 1, 2)
    assert dict(stats.backlog) == {
        "under a week": 0,
        "1-4 weeks": 1,
        "1-3 months": 0,
        "3-12 months": 0,
        "over a year": 1,
    }
    assert (stats.current_streak, stats.longest_streak) == (2, 2)  # Nov 30, Dec 1
    assert sorted(round(d, 2) for d in stats.days_to_read) == [0.5, 1.0, 8.04, 30.0]
    assert stats.median_days_to_read == pytest.approx((1.0 + 8 + 1 / 24) / 2)
    figures = stats.to_json()
    assert figures["days_to_read"] == {"papers": 4, "median": 4.5, "p90": 30.0}
    assert figures["top_tags"] == [{"tag": "robots", "papers": 2}]
    assert figures["top_authors"] == [{"author": "Ada Lovelace", "papers": 3}]


def test_weeks_and_days_are_the_readers_own() -> None:
    """A read at 23:30 UTC on Sunday is Monday's in Seoul: the next week's."""
    seoul = dt.timezone(dt.timedelta(hours=9))
    late = ReadingHistory([StatusEvent(1, READ, at("2026-11-29 23:30"))], {}, [])
    stats = reading_stats(late, ([], []), dt.date(2026, 11, 23), NOW, seoul)
    assert [(w.start.isoformat(), w.read) for w in stats.weeks] == [
        ("2026-11-23", 0),
        ("2026-11-30", 1),
    ]


def test_a_paper_read_twice_in_a_week_counts_once() -> None:
    twice = ReadingHistory(
        [
            StatusEvent(1, READ, at("2026-12-01 08:00")),
            StatusEvent(1, QUEUED, at("2026-12-01 09:00")),
            StatusEvent(1, READ, at("2026-12-02 08:00")),
        ],
        {},
        [],
    )
    stats = reading_stats(twice, ([], []), dt.date(2026, 11, 30), NOW, UTC)
    assert [(w.read, w.queued) for w in stats.weeks] == [(1, 0)]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], (0, 0)),
        (["2026-12-02"], (1, 1)),
        (["2026-11-28", "2026-11-29", "2026-11-30"], (0, 3)),  # ended two days ago
        (["2026-11-20", "2026-11-30", "2026-12-01", "2026-12-02"], (3, 3)),
    ],
)
def test_streaks(days: list[str], expected: tuple[int, int]) -> None:
    assert streaks({dt.date.fromisoformat(d) for d in days}, dt.date(2026, 12, 2)) == expected


def test_the_backlog_and_percentiles_edges() -> None:
    assert dict(backlog([at("2026-11-25 12:00")], NOW))["1-4 weeks"] == 1  # 7 days exactly
    assert percentile([], 0.9) is None
    assert percentile([3.0], 0.9) == 3.0
    assert default_since(dt.date(2026, 12, 2)) == dt.date(2026, 9, 14)  # 12 Mondays
