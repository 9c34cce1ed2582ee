"""A picture of one's reading, computed from the history of reading statuses (issue 16).

Qt-free and storage-free: the library hands over plain rows (each status change, when papers
arrived, what is queued now) and this module turns them into the figures the Reading view
plots and `readinglist stats` prints. Days and weeks are the reader's own: every moment is
stored in UTC and placed in `zone` here (weeks start on Monday).
"""

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from readinglist.core.paper import ReadingStatus
from readinglist.core.translatable import QT_TR_NOOP

DEFAULT_WEEKS = 12  # shown when no start is given: about a quarter
TOP = 10  # tags and authors listed

# How long queued papers have waited, in days: (label, fewer than this many days).
BACKLOG_AGES: tuple[tuple[str, int | None], ...] = (
    (QT_TR_NOOP("under a week"), 7),
    (QT_TR_NOOP("1-4 weeks"), 28),
    (QT_TR_NOOP("1-3 months"), 91),
    (QT_TR_NOOP("3-12 months"), 365),
    (QT_TR_NOOP("over a year"), None),
)


@dataclass(frozen=True, slots=True)
class ReadingHistory:
    """What the figures are computed from: the status history, counted by the library in
    the reader's days and weeks (a week is keyed by its Monday).

    `done`: papers read and skipped each week (each paper once a week). `queue_changes`: how
    much the queue grew (or shrank) each week, over the whole history. `read_days`: every day
    something was read. `days_to_read`: from arrival to first read, for each paper first read
    since the start asked for. `queued_days`: the papers queued now, by the whole days they have
    waited since they were queued. `queued_before_history`: papers queued with no event
    (queued since before the history).
    """

    done: Mapping[tuple[dt.date, ReadingStatus], int]
    queue_changes: Mapping[dt.date, int]
    read_days: frozenset[dt.date]
    days_to_read: Sequence[float]
    queued_days: Mapping[int, int]
    queued_before_history: int = 0


@dataclass(frozen=True, slots=True)
class Week:
    """A week (from Monday `start`): papers read and skipped in it, and the queue's size at
    its end (or now, for the current week)."""

    start: dt.date
    read: int
    skipped: int
    queued: int


@dataclass(frozen=True, slots=True)
class ReadingStats:
    since: dt.date
    today: dt.date
    weeks: tuple[Week, ...]
    backlog: tuple[tuple[str, int], ...]  # (BACKLOG_AGES label, queued papers)
    current_streak: int  # days in a row with a paper read, up to today (or yesterday)
    longest_streak: int
    days_to_read: tuple[float, ...]  # from arrival to first read, for papers read since
    top_tags: tuple[tuple[str, int], ...]
    top_authors: tuple[tuple[str, int], ...]

    @property
    def read(self) -> int:
        return sum(week.read for week in self.weeks)

    @property
    def skipped(self) -> int:
        return sum(week.skipped for week in self.weeks)

    @property
    def queued(self) -> int:
        return sum(count for _, count in self.backlog)

    @property
    def median_days_to_read(self) -> float | None:
        return statistics.median(self.days_to_read) if self.days_to_read else None

    def to_json(self) -> dict[str, object]:
        """The figures as `readinglist stats --json` prints them."""
        return {
            "since": self.since.isoformat(),
            "today": self.today.isoformat(),
            "read": self.read,
            "skipped": self.skipped,
            "queued": self.queued,
            "weeks": [
                {
                    "start": w.start.isoformat(),
                    "read": w.read,
                    "skipped": w.skipped,
                    "queued": w.queued,
                }
                for w in self.weeks
            ],
            "backlog": [{"age": label, "papers": count} for label, count in self.backlog],
            "streak": {"current": self.current_streak, "longest": self.longest_streak},
            "days_to_read": {
                "papers": len(self.days_to_read),
                "median": _rounded(self.median_days_to_read),
                "p90": _rounded(percentile(self.days_to_read, 0.9)),
            },
            "top_tags": [{"tag": name, "papers": count} for name, count in self.top_tags],
            "top_authors": [{"author": name, "papers": count} for name, count in self.top_authors],
        }


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def default_since(today: dt.date) -> dt.date:
    """The Monday `DEFAULT_WEEKS` weeks back, counting this week."""
    return week_start(today) - dt.timedelta(weeks=DEFAULT_WEEKS - 1)


def reading_stats(
    history: ReadingHistory,
    top: tuple[Sequence[tuple[str, int]], Sequence[tuple[str, int]]],
    since: dt.date,
    now: dt.datetime,
    zone: dt.tzinfo,
) -> ReadingStats:
    """The figures from `since` to `now` (aware); `top`: the tags and the authors of the
    papers read since, most first, as the library counted them."""
    today = now.astimezone(zone).date()
    current, longest = streaks(set(history.read_days), today)
    return ReadingStats(
        since=since,
        today=today,
        weeks=tuple(_weeks(history, since, today)),
        backlog=backlog(history.queued_days),
        current_streak=current,
        longest_streak=longest,
        days_to_read=tuple(history.days_to_read),
        top_tags=tuple(top[0][:TOP]),
        top_authors=tuple(top[1][:TOP]),
    )


def _weeks(history: ReadingHistory, since: dt.date, today: dt.date) -> Iterable[Week]:
    """Each week from `since`'s to today's, the queue at its end summed from every change
    before it."""
    start = week_start(since)
    queued = history.queued_before_history + sum(
        change for week, change in history.queue_changes.items() if week < start
    )
    while start <= today:
        queued += history.queue_changes.get(start, 0)
        read = history.done.get((start, ReadingStatus.READ), 0)
        skipped = history.done.get((start, ReadingStatus.SKIPPED), 0)
        yield Week(start, read, skipped, queued)
        start += dt.timedelta(weeks=1)


def backlog(queued_days: Mapping[int, int]) -> tuple[tuple[str, int], ...]:
    """Queued papers by how long they have waited (`BACKLOG_AGES`), from the papers queued by
    whole days waited."""
    counts: Counter[str] = Counter()
    for days, papers in queued_days.items():
        label = next(name for name, below in BACKLOG_AGES if below is None or days < below)
        counts[label] += papers
    return tuple((label, counts[label]) for label, _ in BACKLOG_AGES)


def streaks(days: set[dt.date], today: dt.date) -> tuple[int, int]:
    """The run of days with something read that reaches today (or yesterday: today is not
    over), and the longest run."""
    longest, run, previous = 0, 0, None
    for day in sorted(days):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest, previous = max(longest, run), day
    ended = previous is None or (today - previous).days > 1
    return (0 if ended else run), longest


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The value below which `fraction` of them lie (nearest rank); None for none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
