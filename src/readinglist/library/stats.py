"""What the Reading view and `readinglist stats` are computed from: the status history, when
the papers read arrived, what is queued now, and the tags and authors of what was read.

Counted in SQL, through the driver, in a few statements on indexes that hold the status
(schema v9): papers read and skipped per week, the queue's changes per week, the days with
something read, the days from arrival to first read; `core.stats` puts them together.
Replaying 80,000 events in Python took three times as long. Papers in the trash are left
out, as they are of every count but the Trash's.

Weeks are numbered in SQL with integer arithmetic on each moment's milliseconds (as SQLite's
date functions hold them), not named with `date(at, shift, '-6 days', 'weekday 1')`: the
same Monday, in half the time (42 against 83 ms over a year's 60,000 events). The authors
of what was read are joined into one JSON list by SQLite and counted in Python: grouping
346,000 names in SQL (`json_each`, a sorter) took 236 ms, this 133 (stats_bench, a year).
"""

import datetime as dt
import json
from collections import Counter

from sqlalchemy import Connection

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import TOP, ReadingHistory, ReadingStats, reading_stats
from readinglist.library.driver import day, fetch, moment, stored_moment

_KEPT = "paper_id NOT IN (SELECT paper_id FROM trash)"
# Weeks counted from Monday 1900-01-01: the local day's number (the moment's milliseconds,
# exact in a double, moved by the UTC offset and by 1900-01-01's, all integers), over 7.
_MONDAY = dt.date(1900, 1, 1)
_MONDAY_MS = 208_657_771_200_000  # julianday('1900-01-01') * 86,400,000
_DAY_MS = 86_400_000
_WEEK = f"(CAST(round(julianday(at) * {_DAY_MS}) AS INTEGER) + ?) / {_DAY_MS} / 7"
_DONE = (
    f"SELECT {_WEEK} AS week, status, count(DISTINCT paper_id) FROM status_events "
    f"WHERE status IN ('read', 'skipped') AND at >= ? AND {_KEPT} GROUP BY week, status"
)
# Each change's effect on the queue: +1 into it, -1 out of it (a paper's first change comes
# from unread), read along the (paper_id, at, status) index for the papers ever queued.
_QUEUE_CHANGES = (
    f"SELECT {_WEEK} AS week, sum(change) FROM (SELECT at, (status = 'queued') - ("
    "coalesce(lag(status) OVER (PARTITION BY paper_id ORDER BY at, id), 'unread') = 'queued'"
    ") AS change FROM status_events WHERE paper_id IN (SELECT paper_id FROM status_events "
    f"WHERE status = 'queued') AND {_KEPT}) WHERE change <> 0 GROUP BY week"
)
_READ_DAYS = f"SELECT DISTINCT date(at, ?) FROM status_events WHERE status = 'read' AND {_KEPT}"
_DAYS_TO_READ = (
    "SELECT julianday(first.at) - julianday(papers.added_at) FROM (SELECT paper_id, "
    f"min(at) AS at FROM status_events WHERE status = 'read' AND {_KEPT} GROUP BY paper_id "
    "HAVING min(at) >= ?) AS first JOIN papers ON papers.id = first.paper_id"
)
_QUEUED = (
    "SELECT coalesce(status_changed_at, added_at), status_changed_at IS NULL FROM papers "
    "WHERE status = 'queued' AND id NOT IN (SELECT paper_id FROM trash)"
)
_READ_SINCE = f"SELECT paper_id FROM status_events WHERE status = 'read' AND at >= ? AND {_KEPT}"
_TOP_TAGS = (
    "SELECT tags.name, count(*) AS papers FROM paper_tags JOIN tags ON tags.id = paper_tags.tag_id "
    f"WHERE paper_tags.paper_id IN ({_READ_SINCE}) GROUP BY tags.id "
    "ORDER BY papers DESC, tags.name LIMIT ?"
)
# Every author of each paper read since (once a paper; a name as often as its lists hold
# it, as `json_each` would count it), the lists' brackets cut: one JSON list's items.
_READ_AUTHORS = (
    "SELECT group_concat(substr(authors, 2, length(authors) - 2)) FROM papers "
    f"WHERE id IN ({_READ_SINCE}) AND authors <> '[]'"
)


def load_history(
    connection: Connection, start: dt.datetime, offset: dt.timedelta
) -> ReadingHistory:
    """The history counted in the reader's days (UTC moved by `offset`, today's), the weeks'
    figures from `start` (aware) on, the queue's changes over all of it."""
    shift = f"{int(offset.total_seconds()):+d} seconds"
    week_shift = int(offset.total_seconds()) * 1000 - _MONDAY_MS
    since = stored_moment(start)
    done = {
        (_monday(week), ReadingStatus(status)): int(count)
        for week, status, count in fetch(connection, _DONE, [week_shift, since])
    }
    changes = {
        _monday(week): int(change)
        for week, change in fetch(connection, _QUEUE_CHANGES, [week_shift])
    }
    read_days = frozenset(day(text) for (text,) in fetch(connection, _READ_DAYS, [shift]))
    to_read = [max(0.0, float(days)) for (days,) in fetch(connection, _DAYS_TO_READ, [since])]
    queued = fetch(connection, _QUEUED)
    return ReadingHistory(
        done=done,
        queue_changes=changes,
        read_days=read_days,
        days_to_read=to_read,
        queued_since=[_moment(since) for since, _ in queued],
        queued_before_history=sum(1 for _, unknown in queued if unknown),
    )


def top_read(
    connection: Connection, since: dt.datetime
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The tags and the authors of the papers read since `since` (aware), most first."""
    start = stored_moment(since)
    tags = [(str(name), int(n)) for name, n in fetch(connection, _TOP_TAGS, [start, TOP])]
    return tags, read_authors(connection, start)


def read_authors(connection: Connection, start: str) -> list[tuple[str, int]]:
    """The `TOP` authors of the papers read since `start` (stored), most papers first, then
    by name (code points: SQLite's order of UTF-8 text)."""
    [(joined,)] = fetch(connection, _READ_AUTHORS, [start])
    counts = Counter[str](json.loads(f"[{joined or ''}]"))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP]


def _monday(week: int) -> dt.date:
    return _MONDAY + dt.timedelta(weeks=int(week))


def library_stats(
    connection: Connection, since: dt.date, now: dt.datetime, zone: dt.tzinfo
) -> ReadingStats:
    """The Reading view's figures from `since` (a local day) to `now` (aware). Days are
    placed with today's UTC offset: a change within an hour of a daylight-saving switch may
    count on the neighbouring day."""
    start = dt.datetime.combine(since, dt.time(), zone)
    offset = now.astimezone(zone).utcoffset() or dt.timedelta()
    history = load_history(connection, start, offset)
    return reading_stats(history, top_read(connection, start), since, now, zone)


def _moment(text: str) -> dt.datetime:
    found = moment(text)
    assert found is not None  # the columns read are NOT NULL
    return found
