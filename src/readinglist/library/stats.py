"""What the Reading view and `readinglist stats` are computed from: the status history, when
the papers read arrived, what is queued now, and the tags and authors of what was read.

Counted in SQL, through the driver, in a few statements on indexes that hold the status
(schema v9): papers read and skipped per week, the queue's changes per week, the days with
something read, the days from arrival to first read; `core.stats` puts them together.
Replaying 80,000 events in Python took three times as long. Papers in the trash are left
out, as they are of every count but the Trash's.

Weeks and days are numbered in SQL with integer arithmetic on each moment's milliseconds (as
SQLite's date functions hold them), not named with `date(at, shift, '-6 days', 'weekday 1')`
or `date(at, shift)`: the same Monday in half the time (42 against 83 ms over a year's 60,000
events), the same day in two thirds (13 against 19 ms). The authors of what was read are
joined by SQLite, as UTF-8 bytes, and counted in Python: grouping 346,000 names in SQL
(`json_each`, a sorter) took 236 ms, this 133 (stats_bench, a year), cutting the bytes
rather than decoding JSON 55 less. The papers queued now are counted by the days they have
waited in SQL, not read one by one (50 ms of Python less for 9,400 of them).

The statements run in two halves, the papers read since (looked up once for their authors
and their arrival) on another connection in a worker thread (`library_stats`'s `beside`),
the rest on the caller's: with a core free the halves overlap; with none, they take their
sum (stats_bench's library, a year: 267 ms against 369 one after another, load 1.1-1.7).

On a shared library (PostgreSQL) the same figures come from statements in PostgreSQL's words
(`_ON_POSTGRESQL`, chosen once, in `_statements`): the same parameters and the same rows,
each moment's day numbered as SQLite numbers it and each duration taken from the julian
milliseconds SQLite would give the moment, so that the figures are the same to the bit for
the same history. They are the member's own: the server's row-level security shows each
member only their own status history, states and trash.
"""

import datetime as dt
import heapq
import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Connection

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import TOP, ReadingHistory, ReadingStats, reading_stats
from readinglist.library.driver import Row, fetch, on_postgresql, stored_moment
from readinglist.library.trash import not_trashed_sql

_KEPT = not_trashed_sql("paper_id", postgresql=False)
# Days counted from Monday 1900-01-01: the local day's number (the moment's milliseconds,
# exact in a double, moved by the UTC offset and by 1900-01-01's, all integers); weeks: / 7.
_MONDAY = dt.date(1900, 1, 1)
_MONDAY_MS = 208_657_771_200_000  # julianday('1900-01-01') * 86,400,000
_DAY_MS = 86_400_000
_DAY_MS_FLOAT = 86_400_000.0  # what SQLite's julianday() divides its milliseconds by
_DAY = f"(CAST(round(julianday(at) * {_DAY_MS}) AS INTEGER) + ?) / {_DAY_MS}"
_WEEK = f"{_DAY} / 7"
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
_READ_DAYS = f"SELECT DISTINCT {_DAY} FROM status_events WHERE status = 'read' AND {_KEPT}"
_JULIAN_MS = "CAST(round(julianday({}) * 86400000) AS INTEGER)"
# The papers queued now by the whole days they have waited (to now, in julian milliseconds),
# and how many of them were queued before the history began: a few hundred rows, where
# reading each paper's moment took 50 ms of Python more over 9,400 queued papers.
_QUEUED = (
    f"SELECT (? - {_JULIAN_MS.format('coalesce(status_changed_at, added_at)')}) / {_DAY_MS} "
    "AS days, count(*), sum(status_changed_at IS NULL) FROM papers "
    f"WHERE status = 'queued' AND {not_trashed_sql('id', postgresql=False)} GROUP BY days"
)
_READ_SINCE = f"SELECT paper_id FROM status_events WHERE status = 'read' AND at >= ? AND {_KEPT}"
_TOP_TAGS = (
    "SELECT tags.name, count(*) AS papers FROM paper_tags JOIN tags ON tags.id = paper_tags.tag_id "
    f"WHERE paper_tags.paper_id IN ({_READ_SINCE}) GROUP BY tags.id "
    "ORDER BY papers DESC, tags.name LIMIT ?"
)
# Of each paper read since the start (once; not in the trash): its authors, the JSON lists
# written one after the other (a name as often as its lists hold it, as `json_each` would
# count it), and, for those first read since the start, the moments of that read and of the
# paper's arrival as SQLite's julian milliseconds. One statement, so that each paper's row is
# looked up once (157 against 178 ms of CPU over a year). The lists are joined as they are:
# cutting their brackets in SQL (`substr`, `length`: UTF-8 counted twice) took 17 ms more.
_READ_PAPERS = (
    "SELECT CAST(group_concat(authors, '') FILTER (WHERE authors <> '[]') AS BLOB), "
    f"json_group_array({_JULIAN_MS.format('first.at')}) FILTER (WHERE first.at >= ?1), "
    f"json_group_array({_JULIAN_MS.format('papers.added_at')}) FILTER (WHERE first.at >= ?1) "
    "FROM (SELECT paper_id, min(at) AS at FROM status_events WHERE status = 'read' AND "
    f"{_KEPT} GROUP BY paper_id HAVING max(at) >= ?1) AS first "
    "JOIN papers ON papers.id = first.paper_id"
)


class _Statements(NamedTuple):
    """The statements in one engine's words: the same parameters, the same rows."""

    done: str
    queue_changes: str
    read_days: str
    queued: str
    top_tags: str
    read_papers: str


_ON_SQLITE = _Statements(_DONE, _QUEUE_CHANGES, _READ_DAYS, _QUEUED, _TOP_TAGS, _READ_PAPERS)

# On a shared library (PostgreSQL) moments are `timestamptz`, and each is turned into the
# julian milliseconds that SQLite's julianday() gives the same moment stored as text: every
# duration is the same to the millisecond and to the bit. SQLite takes the whole minutes
# exactly and the seconds as a double (whole seconds plus the fraction over 1,000,000.0),
# times 1000, plus 0.5, cut (computeJD): a fraction of exactly half a millisecond goes up or
# down as that double falls (rounding the microseconds instead differed on 1 in 100 of
# those). Any other fraction is rounded half up whatever the double (it is at least a
# microsecond from the tie), so only the ties take SQLite's float8 operations here, which
# give its integers. The microseconds come from the moment's UTC day (date_part of a `time`
# is exact in a double), not `extract(epoch …)` three times, a numeric each: 0.75 against
# 1.9 µs a moment (600,000 of them, load 5-7).
_EPOCH_MS = 210_866_760_000_000  # julianday('1970-01-01') * 86,400,000


def _pg_julian_ms(moment: str) -> str:
    """SQL: `moment` (a timestamptz after 1970) as SQLite's julian milliseconds."""
    utc = f"({moment} AT TIME ZONE 'UTC')"
    days = f"({utc}::date - date '1970-01-01')::bigint * {_DAY_MS}"
    micros = f"round(date_part('epoch', {utc}::time) * 1000000::float8)::bigint"  # of the day
    seconds = (
        f"({micros} % 60000000 / 1000000)::float8 + ({micros} % 1000000)::float8 / 1000000::float8"
    )
    tie = f"{micros} / 60000000 * 60000 + floor(({seconds}) * 1000::float8 + 0.5::float8)::bigint"
    return (
        f"({_EPOCH_MS} + {days} + CASE WHEN {micros} % 1000 = 500 THEN {tie} "
        f"ELSE ({micros} + 500) / 1000 END)"
    )


# A moment's day, from Monday 1900-01-01: the date of the moment moved by the UTC offset (the
# shift's, whole seconds) and half a millisecond, as SQLite's `(julian ms + shift) / day`
# numbers it, in a fraction of the time of turning it into julian milliseconds first (0.05
# against 1.9 µs a moment, 600,000 of them). The same day to the microsecond: SQLite rounds the
# moment to the millisecond, half up except at some ties (above), and a tie that a day
# boundary turns on is a local 23:59:59.9995, whose seconds in UTC are a whole number and
# 0.9995, which every whole number from 0 to 59 rounds up (a test holds such moments).
_PG_DAY = (
    f"(((at AT TIME ZONE 'UTC') + (CAST(? AS bigint) + {_MONDAY_MS}) * interval '1 millisecond'"
    " + interval '500 microseconds')::date - date '1900-01-01')"
)
_PG_WEEK = f"{_PG_DAY} / 7"
# The trash left out as an anti-join, as a shared library's other counts leave it
# (`trash.NotTrashed`); here no faster than NOT IN: the six statements took 217 against 230
# ms with 20,000 papers in the trash (shared_counts.py's library, best of 9, load 3.5).
_PG_KEPT = not_trashed_sql("status_events.paper_id", postgresql=True)
_PG_STATE_KEPT = not_trashed_sql("s.paper_id", postgresql=True)
_PG_SINCE = "CAST(? AS timestamp) AT TIME ZONE 'UTC'"  # the start, stored as SQLite stores it
_PG_READ_SINCE = (
    f"SELECT paper_id FROM status_events WHERE status = 'read' AND at >= {_PG_SINCE} AND {_PG_KEPT}"
)
_ON_POSTGRESQL = _Statements(
    done=(
        f"SELECT {_PG_WEEK} AS week, status, count(DISTINCT paper_id) FROM status_events "
        f"WHERE status IN ('read', 'skipped') AND at >= {_PG_SINCE} AND {_PG_KEPT} "
        "GROUP BY week, status"
    ),
    queue_changes=(
        f"SELECT {_PG_WEEK} AS week, sum(change) FROM (SELECT at, (status = 'queued')::int - ("
        "coalesce(lag(status) OVER (PARTITION BY paper_id ORDER BY at, id), 'unread') = 'queued'"
        ")::int AS change FROM status_events WHERE paper_id IN (SELECT paper_id FROM "
        f"status_events WHERE status = 'queued') AND {_PG_KEPT}) AS changes WHERE change <> 0 "
        "GROUP BY week"
    ),
    read_days=f"SELECT DISTINCT {_PG_DAY} FROM status_events WHERE status = 'read' AND {_PG_KEPT}",
    # From the member's states, not the view `papers`: a queued paper has a state, and the
    # view's `coalesce(status, 'unread')` would join every record (half the time: 64 against
    # 137 ms for 7,253 queued of 200,000, stats_bench --shared, load 8-11). A record is looked
    # up only for a paper queued before the history (its arrival), not joined for all (that
    # read the 200,000 records, in parallel workers: 6 against 80-100 ms), and each paper's
    # moment is taken once, in a subquery kept whole (OFFSET 0): flattened, the lookup was
    # written into each use of the moment in the julian milliseconds, 25-60 ms more.
    queued=(
        f"SELECT (CAST(? AS bigint) - {_pg_julian_ms('at')}) / {_DAY_MS} AS days, count(*), "
        "count(*) FILTER (WHERE before) FROM (SELECT coalesce(s.status_changed_at, (SELECT "
        "r.added_at FROM paper_records AS r WHERE r.id = s.paper_id)) AS at, "
        "s.status_changed_at IS NULL AS before FROM paper_states AS s WHERE s.person = "
        f"current_user AND s.status = 'queued' AND {_PG_STATE_KEPT} OFFSET 0) AS queued "
        "GROUP BY days"
    ),
    # Ties by name as SQLite's NOCASE orders them: ASCII letters folded to lower case, then
    # the UTF-8 bytes (code points).
    top_tags=(
        "SELECT tags.name, count(*) AS papers FROM paper_tags JOIN tags ON tags.id = "
        f"paper_tags.tag_id WHERE paper_tags.paper_id IN ({_PG_READ_SINCE}) GROUP BY tags.id "
        "ORDER BY papers DESC, translate(tags.name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
        "'abcdefghijklmnopqrstuvwxyz') COLLATE \"C\" LIMIT ?"
    ),
    # As SQLite's: the authors' lists joined as UTF-8 bytes, the moments as JSON lists; from
    # the records (the view's state columns are not read, and the planner left them out).
    read_papers=(
        "SELECT convert_to(string_agg(authors, '') FILTER (WHERE authors <> '[]'), 'UTF8'), "
        f"coalesce(json_agg({_pg_julian_ms('first.at')}) FILTER (WHERE first.at >= since), "
        f"'[]')::text, coalesce(json_agg({_pg_julian_ms('r.added_at')}) FILTER "
        f"(WHERE first.at >= since), '[]')::text FROM (SELECT {_PG_SINCE} AS since) AS start "
        "JOIN (SELECT paper_id, min(at) AS at, max(at) AS last FROM status_events "
        f"WHERE status = 'read' AND {_PG_KEPT} GROUP BY paper_id) AS first ON first.last >= since "
        "JOIN paper_records AS r ON r.id = first.paper_id"
    ),
)


@dataclass(frozen=True, slots=True)
class _Span:
    """What the statements are given: the start (stored), the shift that numbers each
    moment's local day from Monday 1900-01-01 (today's UTC offset, in milliseconds) and now
    (julian milliseconds)."""

    since: str
    shift: int
    now: int


type _Top = list[tuple[str, int]]


class _Mine(NamedTuple):
    """What the caller's connection reads."""

    done: dict[tuple[dt.date, ReadingStatus], int]
    queue_changes: dict[dt.date, int]
    read_days: frozenset[dt.date]
    queued: list[Row]  # (days waited, papers, of them queued before the history)
    tags: _Top


class _Beside(NamedTuple):
    """What the other connection reads: of the papers read since the start, the days from
    arrival to first read and the authors."""

    days_to_read: list[float]
    authors: _Top


def library_stats(
    connection: Connection,
    since: dt.date,
    now: dt.datetime,
    zone: dt.tzinfo,
    *,
    beside: bool = True,
) -> ReadingStats:
    """The Reading view's figures from `since` (a local day) to `now` (aware). Days are
    placed with today's UTC offset: a change within an hour of a daylight-saving switch may
    count on the neighbouring day.

    With `beside`, the papers read since (their authors, the days from arrival to first read)
    are read on a second connection to the same library, in a worker thread, while
    `connection` reads the rest:
    SQLite lets go of the GIL while it steps, so on two cores the halves overlap. That is two
    read transactions, begun together: a change written between their first reads may show
    in one half and not yet in the other (the next refresh has both). Without `beside`,
    everything is read in `connection`'s transaction, one statement after another."""
    start = dt.datetime.combine(since, dt.time(), zone)
    offset = now.astimezone(zone).utcoffset() or dt.timedelta()
    shift = int(offset.total_seconds()) * 1000 - _MONDAY_MS
    span = _Span(stored_moment(start), shift, _julian_ms(now))
    if beside:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="reading-stats") as pool:
            other = pool.submit(_in_another_transaction, connection, span)
            mine = _my_part(connection, span)
            theirs = other.result()
    else:
        mine, theirs = _my_part(connection, span), _beside_part(connection, span)
    history = ReadingHistory(
        done=mine.done,
        queue_changes=mine.queue_changes,
        read_days=mine.read_days,
        days_to_read=theirs.days_to_read,
        queued_days={int(days): int(papers) for days, papers, _ in mine.queued},
        queued_before_history=sum(int(unknown) for _, _, unknown in mine.queued),
    )
    return reading_stats(history, (mine.tags, theirs.authors), since, now, zone)


def _my_part(connection: Connection, span: _Span) -> _Mine:
    """Papers read and skipped each week (each paper once a week), the queue's changes each
    week (over the whole history), the days with something read, what is queued now and the
    tags read most."""
    sql = _statements(connection)
    done = {
        (_monday(week), ReadingStatus(status)): int(count)
        for week, status, count in fetch(connection, sql.done, [span.shift, span.since])
    }
    changes = {
        _monday(week): int(change)
        for week, change in fetch(connection, sql.queue_changes, [span.shift])
    }
    read_days = frozenset(
        _MONDAY + dt.timedelta(days=int(number))
        for (number,) in fetch(connection, sql.read_days, [span.shift])
    )
    tags = [(str(name), int(n)) for name, n in fetch(connection, sql.top_tags, [span.since, TOP])]
    return _Mine(done, changes, read_days, fetch(connection, sql.queued, [span.now]), tags)


def _statements(connection: Connection) -> _Statements:
    """The statements in the words of `connection`'s engine: the one place they are chosen."""
    return _ON_POSTGRESQL if on_postgresql(connection) else _ON_SQLITE


def _in_another_transaction(connection: Connection, span: _Span) -> _Beside:
    """`_beside_part` in a read transaction of its own, on another of the library's
    connections."""
    with connection.engine.connect() as other, other.begin():
        return _beside_part(other, span)


def _beside_part(connection: Connection, span: _Span) -> _Beside:
    """Of the papers read since the start: the days from arrival to first read, for those
    first read since, and the `TOP` authors, most papers first, then by name (code points:
    SQLite's order of UTF-8 text).

    The days are `julianday(first read) - julianday(arrival)` to the last bit: SQLite's
    `julianday()` is its julian milliseconds over 86,400,000.0, and the same division of the
    same integers here gives the same doubles."""
    read_papers = _statements(connection).read_papers
    [(joined, firsts, arrivals)] = fetch(connection, read_papers, [span.since])
    days = [
        max(0.0, first / _DAY_MS_FLOAT - arrived / _DAY_MS_FLOAT)
        for first, arrived in zip(json.loads(firsts), json.loads(arrivals), strict=True)
    ]
    return _Beside(days, _top_names(joined or b""))


def _top_names(joined: bytes) -> _Top:
    """The `TOP` names in `joined` (JSON lists of names, UTF-8, one after the other), by how
    often they come, then by name (code points: the order of their UTF-8 bytes)."""
    counts = Counter[bytes](_names(joined))
    top = heapq.nsmallest(TOP, counts.items(), key=lambda item: (-item[1], item[0]))
    return [(name.decode(), count) for name, count in top]


def _names(joined: bytes) -> list[bytes]:
    """The names in `joined`, UTF-8. As the library writes them (`["A", "B"]`, no escapes),
    cut as bytes, uncoded: a quarter of the time of decoding them as JSON (21 against 76 ms
    for 346,000 names). Each cut leaves a piece with no quote in it only if the text is
    lists of plain strings; otherwise the lists are decoded."""
    if b"\\" not in joined and joined.startswith(b'["') and joined.endswith(b'"]'):
        names = joined[2:-2].replace(b'"]["', b'", "').split(b'", "')
        if joined.count(b'"') == 2 * len(names):
            return names
    return [name.encode() for name in _decoded(joined.decode())]


def _decoded(joined: str) -> list[str]:
    """The items of the JSON lists in `joined`, one list after the other."""
    decoder, names, at = json.JSONDecoder(), list[str](), 0
    while at < len(joined):
        if joined[at].isspace():
            at += 1
            continue
        items, at = decoder.raw_decode(joined, at)
        names.extend(items)
    return names


def _monday(week: int) -> dt.date:
    return _MONDAY + dt.timedelta(weeks=int(week))


def _julian_ms(at: dt.datetime) -> int:
    """`at` (aware) as SQLite's julian milliseconds (`julianday(at) * 86,400,000`)."""
    since_monday = at.astimezone(dt.UTC).replace(tzinfo=None) - dt.datetime(1900, 1, 1)
    return _MONDAY_MS + round(since_monday / dt.timedelta(milliseconds=1))
