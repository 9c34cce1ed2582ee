"""What the main window's list and sidebar show: light rows and counts, straight from SQL."""

import json
from collections.abc import Sequence

from sqlalchemy import Connection, func, select

from readinglist.core.listing import DigestCount, PaperRow, SidebarCounts
from readinglist.core.paper import ReadingStatus
from readinglist.library.tables import APPEARANCES, DIGESTS, PAPER_TAGS, PAPERS, TAGS

__all__ = ["DigestCount", "PaperRow", "SidebarCounts", "load_rows", "sidebar_counts"]

_CHUNK = 500
_TAG_SEPARATOR = "\x1f"


def load_rows(connection: Connection, ids: Sequence[int]) -> dict[int, PaperRow]:
    rows: dict[int, PaperRow] = {}
    for start in range(0, len(ids), _CHUNK):
        rows.update(_load_chunk(connection, ids[start : start + _CHUNK]))
    return rows


def _load_chunk(connection: Connection, ids: Sequence[int]) -> dict[int, PaperRow]:
    p = PAPERS.c
    tags = (
        select(func.group_concat(TAGS.c.name, _TAG_SEPARATOR))
        .join(PAPER_TAGS, PAPER_TAGS.c.tag_id == TAGS.c.id)
        .where(PAPER_TAGS.c.paper_id == p.id)
        .scalar_subquery()
    )
    columns = (
        p.id,
        p.arxiv_id,
        p.title,
        p.authors,
        p.authors_truncated,
        p.first_seen,
        p.votes,
        p.starred,
        p.status,
        tags,
    )
    found: dict[int, PaperRow] = {}
    for row in connection.execute(select(*columns).where(p.id.in_(ids))):
        tag_names = tuple(sorted(row[9].split(_TAG_SEPARATOR), key=str.lower)) if row[9] else ()
        found[row[0]] = PaperRow(
            row[0],
            row[1],
            row[2],
            tuple(json.loads(row[3])),
            bool(row[4]),
            row[5],
            row[6],
            bool(row[7]),
            ReadingStatus(row[8]),
            tag_names,
        )
    return found


def status_counts(connection: Connection) -> dict[ReadingStatus, int]:
    """How many papers have each status (every status present, zeros included)."""
    per_status = select(PAPERS.c.status, func.count()).group_by(PAPERS.c.status)
    counts = {str(status): int(count) for status, count in connection.execute(per_status)}
    return {status: counts.get(status.value, 0) for status in ReadingStatus}


def starred_count(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).where(PAPERS.c.starred)).scalar_one())


def sidebar_counts(connection: Connection, changed: Sequence[int] | None = None) -> SidebarCounts:
    """Every count the sidebar shows.

    With `changed` (ids of papers whose status changed), only the digests those papers
    appeared in are recounted: a full recount reads every appearance.
    """
    by_status = status_counts(connection)
    return SidebarCounts(
        sum(by_status.values()),
        by_status,
        starred_count(connection),
        all_tags(connection),
        _digest_counts(connection, changed),
        every_digest=changed is None,
    )


def all_tags(connection: Connection) -> tuple[tuple[str, int], ...]:
    """Every tag with how many papers carry it, alphabetically."""
    statement = (
        select(TAGS.c.name, func.count(PAPER_TAGS.c.paper_id))
        .join(PAPER_TAGS, PAPER_TAGS.c.tag_id == TAGS.c.id, isouter=True)
        .group_by(TAGS.c.id)
        .order_by(func.lower(TAGS.c.name))
    )
    return tuple((str(name), int(count)) for name, count in connection.execute(statement))


def _digest_counts(connection: Connection, papers: Sequence[int] | None) -> tuple[DigestCount, ...]:
    a = APPEARANCES.c
    unread = func.count(a.id).filter(PAPERS.c.status == ReadingStatus.UNREAD.value)
    statement = (
        select(DIGESTS.c.date, func.count(a.id), unread)
        .select_from(DIGESTS)
        .join(APPEARANCES, a.digest_id == DIGESTS.c.id, isouter=True)
        .join(PAPERS, PAPERS.c.id == a.paper_id, isouter=True)
        .group_by(DIGESTS.c.id)
        .order_by(DIGESTS.c.date.desc())
    )
    if papers is not None:
        touched = select(a.digest_id).where(a.paper_id.in_(papers))
        statement = statement.where(DIGESTS.c.id.in_(touched))
    return tuple(DigestCount(date, int(n), int(u)) for date, n, u in connection.execute(statement))
