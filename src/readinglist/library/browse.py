"""What the main window's list and sidebar show: light rows and counts, straight from SQL.

The rows go to the driver (`driver.py`): the list asks for a screen of them after every sort
and scroll, the first screen before SQLModel has loaded (see `id_plans.py`). A screen of 40
rows of a 200,000-paper library took 0.4 ms so, 1.3 ms through SQLAlchemy Core.
"""

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Select, func, select

from readinglist.core.listing import DigestCount, PaperRow, SidebarCounts, SourceCount
from readinglist.core.paper import ReadingStatus
from readinglist.library import tables, today
from readinglist.library.driver import Row, day, fetch, id_list, on_postgresql
from readinglist.library.trash import NotTrashed, not_trashed, not_trashed_sql, trashed_count

__all__ = ["DigestCount", "PaperRow", "SidebarCounts", "load_rows", "sidebar_counts"]

_TAG_SEPARATOR = "\x1f"
_ROWS = (
    "SELECT id, arxiv_id, title, authors, authors_truncated, first_seen, votes, starred, "
    "status, seen_count, rising, (SELECT group_concat(tags.name, ?) FROM paper_tags "
    "JOIN tags ON tags.id = paper_tags.tag_id WHERE paper_tags.paper_id = papers.id) "
    "FROM papers WHERE id IN (SELECT value FROM json_each(?))"
)


def load_rows(connection: Connection, ids: Sequence[int]) -> dict[int, PaperRow]:
    """The list's rows of the papers `ids` (those in the library)."""
    rows = fetch(connection, _ROWS, [_TAG_SEPARATOR, id_list(ids)])
    return {row[0]: _row(row) for row in rows}


def _row(row: Row) -> PaperRow:
    paper_id, arxiv_id, title, authors, truncated, first_seen, votes, *rest = row
    starred, status, seen_count, rising, tags = rest
    tag_names = tuple(sorted(tags.split(_TAG_SEPARATOR), key=str.lower)) if tags else ()
    return PaperRow(
        paper_id,
        arxiv_id,
        title,
        tuple(json.loads(authors)),
        bool(truncated),
        day(first_seen),
        votes,
        bool(starred),
        ReadingStatus(status),
        tag_names,
        seen_count,
        rising,
    )


def status_counts(connection: Connection) -> dict[ReadingStatus, int]:
    """How many papers have each status (every status present, zeros included), the trash's
    left out."""
    if on_postgresql(connection):
        counts = _own_status_counts(connection)
    else:
        status = tables.PAPERS.c.status
        per_status = select(status, func.count()).where(NotTrashed()).group_by(status)
        counts = {str(value): int(count) for value, count in connection.execute(per_status)}
    return {status: counts.get(status.value, 0) for status in ReadingStatus}


# A shared library's statuses other than unread, from the reader's own states (a few percent
# of the papers); the papers less those in the trash (no state joined: the view's join goes).
_OWN_STATUSES = (
    "SELECT s.status, count(*) FROM paper_states AS s WHERE s.person = current_user "
    f"AND s.status <> 'unread' AND {not_trashed_sql('s.paper_id', postgresql=True)} "
    "GROUP BY s.status"
)
_KEPT_PAPERS = "SELECT (SELECT count(*) FROM papers) - (SELECT count(*) FROM trash)"


def _own_status_counts(connection: Connection) -> dict[str, int]:
    """Each status's papers on a shared library, unread the rest: the view's status of every
    paper joined each paper's state (180,000 papers, 68,000 states, 20,000 in the trash:
    126 against 213 ms, median of 7, load 4.7)."""
    counts = {str(status): int(n) for status, n in fetch(connection, _OWN_STATUSES)}
    [(kept,)] = fetch(connection, _KEPT_PAPERS)
    return {**counts, ReadingStatus.UNREAD.value: int(kept) - sum(counts.values())}


def starred_count(connection: Connection) -> int:
    """`is:starred`'s count: on a shared library from the reader's own states, not the view's
    star of every paper (180,000 papers: 23 against 129 ms, load 6)."""
    from readinglist.core.query import Query
    from readinglist.core.query_terms import Starred
    from readinglist.library.search import count_matching

    return count_matching(connection, Query(terms=Starred()))


def sidebar_counts(
    connection: Connection,
    changed: Sequence[int] | None = None,
    source_papers: Mapping[str, int] | None = None,
) -> SidebarCounts:
    """Every count the sidebar shows.

    With `changed` (ids of papers whose status changed), only the digests those papers
    appeared in are recounted: a full recount reads every appearance. `source_papers`, each
    source's papers as the last full recount found them (an edit of statuses, stars, tags
    or notes leaves them as they were), spares the sources' recount its pass over every
    sighting.
    """
    by_status = status_counts(connection)
    added, added_unread = added_today_counts(connection)
    return SidebarCounts(
        sum(by_status.values()),
        by_status,
        starred_count(connection),
        all_tags(connection),
        _digest_counts(connection, changed),
        every_digest=changed is None,
        trashed=trashed_count(connection),
        sources=source_counts(connection, by_status, source_papers),
        added_today=added,
        added_today_unread=added_unread,
        today=today.progress(connection),
    )


def added_today_counts(connection: Connection) -> tuple[int, int]:
    """Papers added on the local today (`added:today`, read off the index of `added_at`),
    and how many of them are unread."""
    from readinglist.core.query import Query
    from readinglist.core.query_terms import TODAY, Added, Op
    from readinglist.library.search import count_matching

    today = Added(Op.EQ, TODAY)
    return (
        count_matching(connection, Query(terms=today)),
        count_matching(connection, Query(terms=today, statuses=(ReadingStatus.UNREAD,))),
    )


def source_counts(
    connection: Connection,
    by_status: dict[ReadingStatus, int],
    known_papers: Mapping[str, int] | None = None,
) -> tuple[SourceCount, ...]:
    """Each source format's papers and unread papers, in the registry's order.

    A library of one source (most are) has every paper in it: its counts are the status
    counts, with no sighting read. With several, a source's unread papers are its papers
    less those with another status, found from those few papers (30 ms at 200,000 papers
    in two sources, 20,000 of them read); its papers take a pass over every sighting (0.3-1
    s there), unless `known_papers` gives them.
    """
    from readinglist.core.sources.registry import FORMATS

    sources = connection.execute(select(tables.DIGESTS.c.source).distinct()).scalars()
    present = {str(name) for name in sources}
    if len(present) == 1:
        (name,) = present
        counted = {name: (sum(by_status.values()), by_status[ReadingStatus.UNREAD])}
    else:
        papers = known_papers if known_papers is not None else _papers_by_source(connection)
        others = _other_statuses_by_source(connection)
        counted = {name: (n, n - others.get(name, 0)) for name, n in papers.items()}
    order = {name: index for index, name in enumerate(FORMATS)}
    return tuple(
        SourceCount(name, *counted.get(name, (0, 0)))
        for name in sorted(present, key=lambda name: (order.get(name, len(order)), name))
    )


# From the papers with a status other than unread (few: people set them) to their sightings
# and digests, in that order (CROSS JOIN keeps SQLite to it; from the digests, it tried
# every digest of a source for each paper: 10 s).
_OTHERS = [status.value for status in ReadingStatus if status is not ReadingStatus.UNREAD]
_OTHER_STATUSES_BY_SOURCE = (
    "SELECT digests.source, count(DISTINCT papers.id) FROM papers "
    "CROSS JOIN sightings CROSS JOIN digests "
    "WHERE sightings.paper_id = papers.id AND digests.id = sightings.digest_id "
    f"AND papers.status IN ({', '.join('?' for _ in _OTHERS)}) "
    "AND papers.id NOT IN (SELECT paper_id FROM trash) GROUP BY digests.source"
)
# A shared library's: from the reader's own states (the view's status hid them from the
# planner, which joined every paper's state: in psql 400-460 against 160-300 ms, 180,000
# papers, 66,686 states, 20,000 in the trash, shared_counts.py --hold, load 4; through the
# library within the noise at load 6-8, docs/postgres-notes.md).
_OWN_OTHER_STATUSES_BY_SOURCE = (
    "SELECT digests.source, count(DISTINCT s.paper_id) FROM paper_states AS s "
    "JOIN sightings ON sightings.paper_id = s.paper_id "
    "JOIN digests ON digests.id = sightings.digest_id "
    f"WHERE s.person = current_user AND s.status IN ({', '.join('?' for _ in _OTHERS)}) "
    f"AND {not_trashed_sql('s.paper_id', postgresql=True)} GROUP BY digests.source"
)


def _other_statuses_by_source(connection: Connection) -> dict[str, int]:
    """Each source's papers with a status other than unread, the trash's left out."""
    on_postgres = on_postgresql(connection)
    sql = _OWN_OTHER_STATUSES_BY_SOURCE if on_postgres else _OTHER_STATUSES_BY_SOURCE
    return {str(name): int(n) for name, n in fetch(connection, sql, _OTHERS)}


def _papers_by_source(connection: Connection) -> dict[str, int]:
    """Each source's papers (seen in it at least once), the trash's left out."""
    digests, sightings = tables.DIGESTS, tables.SIGHTINGS
    a = sightings.c
    kept = not_trashed(a.paper_id)  # NOT IN: in a FILTER (`_digest_counts` says why)
    listed = func.count(a.paper_id.distinct()).filter(kept)
    statement = (
        select(digests.c.source, listed)
        .select_from(digests)
        .join(sightings, a.digest_id == digests.c.id)
        .group_by(digests.c.source)
    )
    return {str(name): int(n) for name, n in connection.execute(statement)}


def all_tags(connection: Connection) -> tuple[tuple[str, int], ...]:
    """Every tag with how many papers carry it, alphabetically; a tag only papers in the
    trash carry is left out (it comes back with them)."""
    tags, links = tables.TAGS, tables.PAPER_TAGS
    carried = func.count(links.c.paper_id)
    statement = (
        select(tags.c.name, carried)
        .join(links, links.c.tag_id == tags.c.id)
        .where(NotTrashed(links.c.paper_id))
        .group_by(tags.c.id)
        .having(carried > 0)
        .order_by(func.lower(tags.c.name))
    )
    return tuple((str(name), int(count)) for name, count in connection.execute(statement))


def _digest_counts(connection: Connection, papers: Sequence[int] | None) -> tuple[DigestCount, ...]:
    """Each day's papers and unread papers: every day's, or those of the days `papers` were
    seen on."""
    if papers is None and on_postgresql(connection):
        rows: Iterable[Sequence[Any]] = fetch(connection, _OWN_DAY_COUNTS)
    else:
        rows = connection.execute(_day_counts(papers))
    return tuple(DigestCount(date, int(n), int(u)) for date, n, u in rows)


# Every day's counts on a shared library. A date's papers are its one digest's sightings
# (unique by paper), counted as they come (hashed by digest); only days of several digests
# count distinct papers, which sorts their sightings. The trash is an anti-join, unread the
# papers with no state of the reader's saying otherwise (a hashed join): not the view,
# whose join hides the states from the planner. As `_day_counts` below it sorted every
# sighting by date and tested each against the trash twice: 450-750 against 250-380 ms in
# psql, 800-1,005 against 479-519 through the library (180,000 papers, 66,686 states,
# 20,000 in the trash, shared_counts.py --hold, load 4-8).
_OWN_DAY_COUNTS = """
WITH kept AS NOT MATERIALIZED (
    SELECT s.digest_id, s.paper_id, own.paper_id IS NULL AS unread FROM sightings AS s
    LEFT JOIN paper_states AS own ON own.person = current_user AND own.paper_id = s.paper_id
        AND own.status <> 'unread'
    WHERE NOT EXISTS (SELECT FROM trash WHERE trash.paper_id = s.paper_id)),
several AS (SELECT date FROM digests GROUP BY date HAVING count(*) > 1),
each_digest AS (
    SELECT digest_id, count(*) AS listed, count(*) FILTER (WHERE unread) AS unread FROM kept
    GROUP BY digest_id)
SELECT d.date, coalesce(sum(c.listed), 0), coalesce(sum(c.unread), 0) FROM digests AS d
LEFT JOIN each_digest AS c ON c.digest_id = d.id
WHERE d.date NOT IN (SELECT date FROM several) GROUP BY d.date
UNION ALL
SELECT d.date, count(DISTINCT k.paper_id), count(DISTINCT k.paper_id) FILTER (WHERE k.unread)
FROM digests AS d LEFT JOIN kept AS k ON k.digest_id = d.id
WHERE d.date IN (SELECT date FROM several) GROUP BY d.date
ORDER BY 1 DESC
"""


def _day_counts(papers: Sequence[int] | None) -> Select[tuple[dt.date, int, int]]:
    digests, sightings, everyone = tables.DIGESTS, tables.SIGHTINGS, tables.PAPERS
    a = sightings.c
    # In a FILTER PostgreSQL joins nothing: NOT IN hashes the trash once for every sighting,
    # NOT EXISTS looks each up (every source's papers: 865 against 227 ms with 20,000 in the
    # trash, load 5); for the few days an edit recounts, the lookups win (1.6 against 28 ms).
    kept = not_trashed(a.paper_id) if papers is None else NotTrashed(a.paper_id)
    listed = func.count(a.paper_id.distinct())  # a day's papers, in one source or several
    unread = listed.filter(everyone.c.status == ReadingStatus.UNREAD.value, kept)
    statement = (
        select(digests.c.date, listed.filter(kept), unread)
        .select_from(digests)
        .join(sightings, a.digest_id == digests.c.id, isouter=True)
        .join(everyone, everyone.c.id == a.paper_id, isouter=True)
        .group_by(digests.c.date)
        .order_by(digests.c.date.desc())
    )
    if papers is not None:  # the days those papers were seen, in every source of the day
        seen = digests.alias("seen")
        touched = (
            select(seen.c.date)
            .join(sightings, a.digest_id == seen.c.id)
            .where(a.paper_id.in_(papers))
            .correlate(None)
        )
        statement = statement.where(digests.c.date.in_(touched))
    return statement
