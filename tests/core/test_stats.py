"""The Reading view's figures, assembled from the counts the library makes (see
tests/library/test_stats.py for the counts themselves against a history by hand)."""

import datetime as dt

import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import (
    ReadingHistory,
    backlog,
    default_since,
    percentile,
    reading_stats,
    streaks,
)

READ, SKIPPED = ReadingStatus.READ, ReadingStatus.SKIPPED
UTC = dt.UTC
NOW = dt.datetime(2026, 12, 2, 12, tzinfo=UTC)  # a Wednesday
MONDAY = dt.date(2026, 11, 30)


def test_weeks_carry_the_queue_from_every_change_before_them() -> None:
    week = dt.timedelta(weeks=1)
    history = ReadingHistory(
        done={(MONDAY - week, READ): 3, (MONDAY, SKIPPED): 2},
        queue_changes={MONDAY - 5 * week: 4, MONDAY - week: -1, MONDAY: 2},
        read_days=frozenset(),
        days_to_read=[1.0, 3.0, 8.0],
        queued_days={},
        queued_before_history=1,
    )
    stats = reading_stats(history, (["x"] * 12, []), MONDAY - week, NOW, UTC)  # type: ignore[list-item]

    assert [(w.start, w.read, w.skipped, w.queued) for w in stats.weeks] == [
        (MONDAY - week, 3, 0, 1 + 4 - 1),
        (MONDAY, 0, 2, 1 + 4 - 1 + 2),
    ]
    assert (stats.read, stats.skipped, stats.median_days_to_read) == (3, 2, 3.0)
    assert len(stats.top_tags) == 10  # the top ten


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
    ages = dict(backlog({7: 1, 6: 2, 427: 1, 365: 3}))
    assert (ages["1-4 weeks"], ages["over a year"], ages["under a week"]) == (1, 4, 2)
    assert percentile([], 0.9) is None
    assert percentile([3.0], 0.9) == 3.0
    assert default_since(dt.date(2026, 12, 2)) == dt.date(2026, 9, 14)  # 12 Mondays
