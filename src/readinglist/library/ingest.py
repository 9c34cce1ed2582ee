"""Storing one file's sightings: the SQL side of an import, run inside one write transaction.

A file's sightings are stored a day at a time (a JSON file or a feed may hold several), each
day in its source's digest. Written against SQLAlchemy Core with executemany, not ORM
objects: the ORM's per-object path is about 6x slower for bulk inserts. The two bulk
inserts (a new paper and a sighting per entry) and the reads made for every file go
further, straight to the driver with values in stored form (ISO dates, 0/1): SQLAlchemy's
per-row processing took 3 s of a 200,000-entry import, and its work per statement, more than
SQLite's for these small reads, another 3.5 s (together 16%). On a shared library the same
statements go to psycopg (`driver.fetch`), writing the shared `paper_records` rather than
the per-person view (`dialect.paper_records`); PostgreSQL's `greatest` is SQLite's scalar
`max`. Booleans are passed as Python's (sqlite3 stores them as 0 and 1). Never touches the user's
columns (starred, status, note, tags): re-importing is always safe, and a paper seen again
gains a sighting, never a second row. Updates the full-text index for the papers it changes
(see `search_index`).
"""

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from readinglist.core.sources.sighting import Reading, Sighting, votes_gained
from readinglist.library import driver, search_index, tables
from readinglist.library.dialect import on_postgresql, paper_records
from readinglist.library.driver import chunks, fetch, fetch_many, greatest, stored_moment

_KNOWN_FILE = "SELECT 1 FROM digest_files WHERE content_hash = ?"
_DIGEST = "SELECT id FROM digests WHERE source = ? AND date = ?"
_SEEN = "SELECT paper_id FROM sightings WHERE digest_id = ?"
_SIGHTINGS_VOTES = (  # newest first, as `votes_gained` takes them (the v7 step's order)
    "SELECT sightings.paper_id, sightings.votes FROM sightings "
    "JOIN digests ON digests.id = sightings.digest_id WHERE sightings.paper_id IN ({marks}) "
    "ORDER BY sightings.paper_id, digests.date DESC, sightings.votes DESC"
)
_SET_SEEN_FIGURES = "UPDATE {papers} SET seen_count = ?, rising = ? WHERE id = ?"
_UPDATE_PAPER = (
    "UPDATE {papers} SET title = ?, first_seen = ?, last_seen = ?, votes = ?, votes_date = ?, "
    "authors = ?, authors_truncated = ? WHERE id = ?"
)
_KNOWN_COLUMNS = (
    "arxiv_id, id, title, first_seen, last_seen, votes, votes_date, authors, authors_truncated"
)

# The two bulk statements, for the driver. starred, status and note take the table's
# defaults; the upsert, on a day already known, only fills in what was missing.
_INSERT_PAPERS = (
    "INSERT INTO {papers} (arxiv_id, url, title, authors, authors_truncated, first_seen, "
    "last_seen, votes, votes_date, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_SIGHTINGS = (
    "INSERT INTO sightings AS s (paper_id, digest_id, position, votes, comments, title_ko, "
    "summary, summary_language, summary_error, abstract, media_kind, media_url, links, categories, "
    "keywords, suggested_tags, id_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (paper_id, digest_id) DO UPDATE SET "  # the row kept is `s` (PostgreSQL
    # takes a bare column's name as the row proposed's too: ambiguous)
    "votes = {greatest}(coalesce(s.votes, excluded.votes), coalesce(excluded.votes, s.votes)), "
    "comments = {greatest}(coalesce(s.comments, excluded.comments), "
    "coalesce(excluded.comments, s.comments)), "
    "title_ko = coalesce(s.title_ko, excluded.title_ko), "
    "media_kind = coalesce(s.media_kind, excluded.media_kind), "
    "media_url = coalesce(s.media_url, excluded.media_url), "
    "summary = CASE WHEN s.summary = '[]' THEN excluded.summary ELSE s.summary END, "
    "summary_language = CASE WHEN s.summary = '[]' THEN excluded.summary_language "
    "ELSE s.summary_language END, "
    "summary_error = CASE WHEN s.summary = '[]' THEN excluded.summary_error "
    "ELSE s.summary_error END, "
    "abstract = coalesce(s.abstract, excluded.abstract), "
    "links = CASE WHEN s.links = '{{}}' THEN excluded.links ELSE s.links END, "
    "categories = CASE WHEN s.categories = '[]' THEN excluded.categories ELSE s.categories END, "
    "keywords = CASE WHEN s.keywords = '[]' THEN excluded.keywords ELSE s.keywords END, "
    "suggested_tags = CASE WHEN s.suggested_tags = '[]' THEN excluded.suggested_tags "
    "ELSE s.suggested_tags END, "
    "id_only = s.id_only AND excluded.id_only"
)


@dataclass(frozen=True, slots=True)
class StoreResult:
    digest_new: bool
    papers_new: int
    sightings_new: int
    new_ids: tuple[int, ...] = ()  # the papers this file added (rules act on them)


@dataclass(slots=True)
class _KnownPaper:
    id: int
    title: str
    first_seen: dt.date
    last_seen: dt.date
    votes: int | None
    votes_date: dt.date | None
    authors: str
    authors_truncated: bool

    @classmethod
    def stored(cls, row: Sequence[Any]) -> "_KnownPaper":
        """From the driver's row of `_KNOWN_COLUMNS` after the arXiv id (SQLite's ISO dates
        and 0/1, or psycopg's dates and booleans)."""
        paper_id, title, first, last, votes, votes_date, authors, truncated = row
        day = driver.day
        voted = day(votes_date) if votes_date else None
        return cls(paper_id, title, day(first), day(last), votes, voted, authors, bool(truncated))


@dataclass(frozen=True, slots=True)
class StoredFile:
    """Where a file came from, for `digest_files` and each digest it brings."""

    content_hash: str
    source_name: str
    now: dt.datetime


def is_known_file(connection: Connection, content_hash: str) -> bool:
    return bool(fetch(connection, _KNOWN_FILE, (content_hash,)))


def known_file_hashes(connection: Connection) -> set[str]:
    """Hashes of the files imported so far."""
    return set(connection.execute(select(tables.DIGEST_FILES.c.content_hash)).scalars())


def store_reading(connection: Connection, reading: Reading, file: StoredFile) -> StoreResult | None:
    """Add a file's papers and sightings, a day at a time. None if this exact file was
    stored before."""
    if is_known_file(connection, file.content_hash):
        return None
    digest_new, new_ids, sightings_new = False, [], 0
    for day, sightings in _by_day(reading):
        digest_id, new = _digest_id(connection, reading.format, day, file)
        papers, seen = _store_day(connection, day, (digest_id, new), sightings, file.now)
        digest_new, sightings_new = new or digest_new, sightings_new + seen
        new_ids += papers
    papers_new = len(new_ids)
    connection.execute(
        tables.DIGEST_FILES.insert(),
        {
            "content_hash": file.content_hash,
            "format": reading.format,
            "source_name": file.source_name,
            "imported_at": file.now,
            "papers_new": papers_new,
            "sightings_new": sightings_new,
        },
    )
    return StoreResult(digest_new, papers_new, sightings_new, tuple(new_ids))


def _by_day(reading: Reading) -> list[tuple[dt.date, list[Sighting]]]:
    """The sightings of each day the file is of, days in order; a paper listed twice on one
    day is seen once: its first listing counts."""
    days: dict[dt.date, dict[str, Sighting]] = {day: {} for day in reading.days}
    for sighting in reading.sightings:
        days[sighting.day].setdefault(sighting.arxiv_id, sighting)
    return [(day, list(days[day].values())) for day in sorted(days)]


def _store_day(
    connection: Connection,
    day: dt.date,
    digest: tuple[int, bool],
    sightings: Sequence[Sighting],
    now: dt.datetime,
) -> tuple[list[int], int]:
    """The ids of the new papers, and how many new sightings, of one day's sightings in its
    digest (its id, and whether this file made it)."""
    known = _known_papers(connection, [sighting.arxiv_id for sighting in sightings])
    search_index.changing(connection, [paper.id for paper in known.values()])
    fresh = [sighting for sighting in sightings if sighting.arxiv_id not in known]
    _insert_papers(connection, fresh, day, now)
    seen_again = [sighting for sighting in sightings if sighting.arxiv_id in known]
    _update_papers(connection, seen_again, known, day)
    fresh_ids = _paper_ids(connection, fresh)
    ids = {**{k: p.id for k, p in known.items()}, **fresh_ids}
    sightings_new = _upsert_sightings(connection, sightings, ids, digest)
    _update_seen_figures(connection, [paper.id for paper in known.values()])
    search_index.changed(connection, ids.values())
    return sorted(fresh_ids.values()), sightings_new


def _digest_id(
    connection: Connection, source: str, date: dt.date, file: StoredFile
) -> tuple[int, bool]:
    existing = fetch(connection, _DIGEST, (source, date.isoformat()))
    if existing:
        return int(existing[0][0]), False
    values = {
        "source": source,
        "date": date,
        "source_name": file.source_name,
        "content_hash": file.content_hash,
        "imported_at": file.now,
    }
    # lastrowid, not RETURNING: that opens a statement savepoint, where FTS5 writes out the
    # terms it holds (see search_index), and it would do so at every file. psycopg has no
    # lastrowid: PostgreSQL's comes back with RETURNING, as SQLAlchemy asks for it there.
    inserted = connection.execute(tables.DIGESTS.insert(), values)
    key = inserted.inserted_primary_key if on_postgresql(connection) else None
    if key is not None:
        return int(key[0]), True
    return int(inserted.lastrowid), True


def _known_papers(connection: Connection, arxiv_ids: Sequence[str]) -> dict[str, _KnownPaper]:
    rows = _by_arxiv_id(connection, _KNOWN_COLUMNS, arxiv_ids)
    return {row[0]: _KnownPaper.stored(row[1:]) for row in rows}


def _paper_ids(connection: Connection, sightings: Sequence[Sighting]) -> dict[str, int]:
    arxiv_ids = [sighting.arxiv_id for sighting in sightings]
    return dict(_by_arxiv_id(connection, "arxiv_id, id", arxiv_ids))


def _by_arxiv_id(
    connection: Connection, columns: str, arxiv_ids: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """`columns` of the papers with these arXiv ids, a few hundred ids per statement."""
    for chunk in chunks(arxiv_ids):
        marks = ", ".join("?" * len(chunk))
        statement = f"SELECT {columns} FROM {paper_records(connection)} WHERE arxiv_id IN ({marks})"
        yield from fetch(connection, statement, chunk)


def _insert_papers(
    connection: Connection, sightings: Sequence[Sighting], date: dt.date, now: dt.datetime
) -> None:
    """New papers; one known by its id only is titled '' until a source names it."""
    day, added = date.isoformat(), stored_moment(now)
    rows = [
        (
            sighting.arxiv_id,
            sighting.links.arxiv,
            sighting.title or "",
            _json(sighting.authors),
            sighting.authors_truncated,
            day,
            day,
            sighting.votes,
            day if sighting.votes is not None else None,
            added,
        )
        for sighting in sightings
    ]
    fetch_many(connection, _INSERT_PAPERS.format(papers=paper_records(connection)), rows)


def _update_papers(
    connection: Connection,
    sightings: Sequence[Sighting],
    known: dict[str, _KnownPaper],
    date: dt.date,
) -> None:
    """Dates seen, latest votes, the fullest author list and a title where there was none,
    from a sighting of `date`."""
    rows = []
    for sighting in sightings:
        paper = known[sighting.arxiv_id]
        votes, votes_date = _latest_votes(paper, sighting.votes, date)
        authors, truncated = _fuller_authors(paper, sighting)
        rows.append(
            (
                paper.title or sighting.title or "",
                min(paper.first_seen, date).isoformat(),
                max(paper.last_seen, date).isoformat(),
                votes,
                None if votes_date is None else votes_date.isoformat(),
                authors,
                truncated,
                paper.id,
            )
        )
    fetch_many(connection, _UPDATE_PAPER.format(papers=paper_records(connection)), rows)


def _latest_votes(
    paper: _KnownPaper, votes: int | None, date: dt.date
) -> tuple[int | None, dt.date | None]:
    if votes is None or paper.votes_date is None:
        return (paper.votes, paper.votes_date) if votes is None else (votes, date)
    if date > paper.votes_date:
        return votes, date
    if date == paper.votes_date:  # two files of one day: votes only grow, so the larger is newer
        return max(votes, paper.votes or 0), date
    return paper.votes, paper.votes_date


def _fuller_authors(paper: _KnownPaper, sighting: Sighting) -> tuple[str, bool]:
    known = json.loads(paper.authors)
    better = (
        paper.authors_truncated and not sighting.authors_truncated and sighting.authors
    ) or len(sighting.authors) > len(known)
    if better:
        return _json(sighting.authors), sighting.authors_truncated
    return paper.authors, paper.authors_truncated


def _update_seen_figures(connection: Connection, paper_ids: Sequence[int]) -> None:
    """How often each paper seen again has been seen, and the votes it gained lately
    (`papers.seen_count`, `papers.rising`: the list sorts by them). A new paper keeps the
    defaults (seen once, nothing gained)."""
    voted: dict[int, list[int]] = {paper_id: [] for paper_id in paper_ids}
    counts = dict.fromkeys(paper_ids, 0)
    for chunk in chunks(paper_ids):
        marks = ", ".join("?" * len(chunk))
        for paper_id, votes in fetch(connection, _SIGHTINGS_VOTES.format(marks=marks), chunk):
            counts[paper_id] += 1
            if votes is not None:
                voted[paper_id].append(votes)
    figures = [(counts[i], votes_gained(voted[i]), i) for i in paper_ids]
    fetch_many(connection, _SET_SEEN_FIGURES.format(papers=paper_records(connection)), figures)


def _upsert_sightings(
    connection: Connection,
    sightings: Sequence[Sighting],
    ids: dict[str, int],
    digest: tuple[int, bool],
) -> int:
    """Insert new sightings; on a day already known, only fill in what was missing (a
    digest this file made has no sightings yet to look for)."""
    digest_id, new = digest
    existing = set() if new else {row[0] for row in fetch(connection, _SEEN, (digest_id,))}
    rows = [_sighting_row(sighting, ids[sighting.arxiv_id], digest_id) for sighting in sightings]
    fetch_many(connection, _UPSERT_SIGHTINGS.format(greatest=greatest(connection)), rows)
    return sum(1 for row in rows if row[0] not in existing)


def _sighting_row(sighting: Sighting, paper_id: int, digest_id: int) -> tuple[Any, ...]:
    media, language = sighting.media, sighting.summary_language
    given = sighting.links.given(sighting.arxiv_id)
    return (
        paper_id,
        digest_id,
        sighting.position,
        sighting.votes,
        sighting.comments,
        sighting.title_ko,
        _json(sighting.summary),
        language.value if language else None,
        sighting.summary_error,
        sighting.abstract,
        media.kind.value if media else None,
        media.url if media else None,
        json.dumps(given, ensure_ascii=False) if given else "{}",
        _json(sighting.categories),
        _json(sighting.keywords),
        _json(sighting.suggested_tags),
        sighting.id_only,
    )


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False) if values else "[]"
