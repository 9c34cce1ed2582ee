"""What the Reading view and `readinglist stats` are computed from: the status history, when
the papers read arrived, what is queued now, and the tags and authors of what was read.

Counted in SQL, through the driver, in a few statements on indexes that hold the status
(schema v9): papers read and skipped per week, the queue's changes per week, the days with
something read, the days from arrival to first read; `core.stats` puts them together.
Replaying 80,000 events in Python took three times as long. Papers in the trash are left
out, as they are of every count but the Trash's.
"""

import datetime as dt

from sqlalchemy import Connection

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import TOP, ReadingHistory, ReadingStats, reading_stats
from readinglist.library.driver import day, fetch, moment, stored_moment

_KEPT = "paper_id NOT IN (SELECT paper_id FROM trash)"
_WEEK = "date(at, ?, '-6 days', 'weekday 1')"  # the Monday on or before the local day
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
_TOP_AUTHORS = (
    "SELECT author.value, count(*) AS papers FROM papers, json_each(papers.authors) AS author "
    f"WHERE papers.id IN ({_READ_SINCE}) GROUP BY author.value "
    "ORDER BY papers DESC, author.value LIMIT ?"
)


def load_history(
    connection: Connection, start: dt.datetime, offset: dt.timedelta
) -> ReadingHistory:
    """The history counted in the reader's days (UTC moved by `offset`, today's), the weeks'
    figures from `start` (aware) on, the queue's changes over all of it."""
    shift = f"{int(offset.total_seconds()):+d} seconds"
    since = stored_moment(start)
    done = {
        (day(week), ReadingStatus(status)): int(count)
        for week, status, count in fetch(connection, _DONE, [shift, since])
    }
    changes = {
        day(week): int(change) for week, change in fetch(connection, _QUEUE_CHANGES, [shift])
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
    authors = [(str(name), int(n)) for name, n in fetch(connection, _TOP_AUTHORS, [start, TOP])]
    return tags, authors


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
