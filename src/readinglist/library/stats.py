"""What the Reading view and `readinglist stats` are computed from: the status history, when
the papers read arrived, what is queued now, and the tags and authors of what was read.

Read through the driver in a few statements; the figures themselves are `core.stats`'s.
Papers in the trash are left out, as they are of every count but the Trash's.
"""

import datetime as dt

from sqlalchemy import Connection

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import TOP, ReadingHistory, ReadingStats, StatusEvent, reading_stats
from readinglist.library.driver import fetch, moment, stored_moment

_KEPT = "paper_id NOT IN (SELECT paper_id FROM trash)"
_EVENTS = f"SELECT paper_id, status, at FROM status_events WHERE {_KEPT} ORDER BY at, id"
_ARRIVED = (
    "SELECT id, added_at FROM papers WHERE id IN "
    f"(SELECT paper_id FROM status_events WHERE status = 'read' AND {_KEPT})"
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


def load_history(connection: Connection) -> ReadingHistory:
    events = [
        StatusEvent(int(paper_id), ReadingStatus(status), _moment(at))
        for paper_id, status, at in fetch(connection, _EVENTS)
    ]
    arrived = {int(paper_id): _moment(at) for paper_id, at in fetch(connection, _ARRIVED)}
    queued = fetch(connection, _QUEUED)
    return ReadingHistory(
        events=events,
        arrived=arrived,
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
    """The Reading view's figures from `since` (a local day) to `now` (aware)."""
    start = dt.datetime.combine(since, dt.time(), zone)
    history = load_history(connection)
    return reading_stats(history, top_read(connection, start), since, now, zone)


def _moment(text: str) -> dt.datetime:
    found = moment(text)
    assert found is not None  # the columns read are NOT NULL
    return found
