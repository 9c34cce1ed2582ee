"""Storing one parsed digest: the SQL side of an import, run inside one write transaction.

Written against SQLAlchemy Core with executemany, not ORM objects: the ORM's per-object
path is about 6x slower for bulk inserts. The two bulk inserts (a new paper and an
appearance per entry) and the reads made for every file go further, straight to the
driver with values in stored form (ISO dates, 0/1): SQLAlchemy's per-row processing took
3 s of a 200,000-entry import, and its work per statement, more than SQLite's for these
small reads, another 3.5 s (together 16%). Never touches the user's columns
(starred, status, note, tags): re-importing is always safe. Updates the full-text index
for the papers it changes (see `search_index`).
"""

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from readinglist.core.digest import Digest, Entry
from readinglist.library import search_index, tables
from readinglist.library.driver import chunks, driver, stored_moment

_KNOWN_FILE = "SELECT 1 FROM digest_files WHERE content_hash = ?"
_KNOWN_COLUMNS = (
    "arxiv_id, id, first_seen, last_seen, votes, votes_date, authors, authors_truncated"
)

# The two bulk statements, for the driver. starred, status and note take the table's
# defaults; the upsert, on a day already known, only fills in what was missing.
_INSERT_PAPERS = (
    "INSERT INTO papers (arxiv_id, url, title, authors, authors_truncated, first_seen, "
    "last_seen, votes, votes_date, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_APPEARANCES = (
    "INSERT INTO appearances (paper_id, digest_id, position, votes, media_kind, media_url, "
    "summary) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (paper_id, digest_id) DO UPDATE SET "
    "votes = max(coalesce(votes, excluded.votes), coalesce(excluded.votes, votes)), "
    "media_kind = coalesce(media_kind, excluded.media_kind), "
    "media_url = coalesce(media_url, excluded.media_url), "
    "summary = CASE WHEN summary = '[]' THEN excluded.summary ELSE summary END"
)


@dataclass(frozen=True, slots=True)
class StoreResult:
    digest_new: bool
    papers_new: int
    appearances_new: int


@dataclass(slots=True)
class _KnownPaper:
    id: int
    first_seen: dt.date
    last_seen: dt.date
    votes: int | None
    votes_date: dt.date | None
    authors: str
    authors_truncated: bool

    @classmethod
    def stored(cls, row: Sequence[Any]) -> "_KnownPaper":
        """From the driver's row of `_KNOWN_COLUMNS` after the arXiv id (ISO dates, 0/1)."""
        paper_id, first, last, votes, votes_date, authors, truncated = row
        day = dt.date.fromisoformat
        voted = day(votes_date) if votes_date else None
        return cls(paper_id, day(first), day(last), votes, voted, authors, bool(truncated))


def is_known_file(connection: Connection, content_hash: str) -> bool:
    found = driver(connection).execute(_KNOWN_FILE, (content_hash,))
    return found.fetchone() is not None


def known_file_hashes(connection: Connection) -> set[str]:
    """Hashes of the files imported so far."""
    return set(connection.execute(select(tables.DIGEST_FILES.c.content_hash)).scalars())


def store_digest(
    connection: Connection, digest: Digest, content_hash: str, source_name: str, now: dt.datetime
) -> StoreResult | None:
    """Add a digest's papers and appearances. None if this exact file was stored before."""
    if is_known_file(connection, content_hash):
        return None
    digest_id, digest_new = _digest_id(connection, digest.date, content_hash, source_name, now)
    entries = _first_per_paper(digest.entries)
    known = _known_papers(connection, [entry.arxiv_id for entry in entries])
    search_index.changing(connection, [paper.id for paper in known.values()])
    fresh = [entry for entry in entries if entry.arxiv_id not in known]
    _insert_papers(connection, fresh, digest.date, now)
    _update_papers(
        connection, [entry for entry in entries if entry.arxiv_id in known], known, digest.date
    )
    ids = {**{k: p.id for k, p in known.items()}, **_paper_ids(connection, fresh)}
    appearances_new = _upsert_appearances(connection, entries, ids, digest_id)
    search_index.changed(connection, ids.values())
    connection.execute(
        tables.DIGEST_FILES.insert(),
        {
            "content_hash": content_hash,
            "digest_id": digest_id,
            "source_name": source_name,
            "imported_at": now,
            "papers_new": len(fresh),
            "appearances_new": appearances_new,
        },
    )
    return StoreResult(digest_new, len(fresh), appearances_new)


def _digest_id(
    connection: Connection, date: dt.date, content_hash: str, source_name: str, now: dt.datetime
) -> tuple[int, bool]:
    existing = connection.execute(
        select(tables.DIGESTS.c.id).where(tables.DIGESTS.c.date == date)
    ).first()
    if existing is not None:
        return int(existing[0]), False
    values = {
        "date": date,
        "source_name": source_name,
        "content_hash": content_hash,
        "imported_at": now,
    }
    # lastrowid, not RETURNING: that opens a statement savepoint, where FTS5 writes out the
    # terms it holds (see search_index), and it would do so at every file.
    digest_id = connection.execute(tables.DIGESTS.insert(), values).lastrowid
    return int(digest_id), True


def _first_per_paper(entries: Iterable[Entry]) -> list[Entry]:
    """A paper listed twice in one file appears once: its first listing counts."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        seen.setdefault(entry.arxiv_id, entry)
    return list(seen.values())


def _known_papers(connection: Connection, arxiv_ids: Sequence[str]) -> dict[str, _KnownPaper]:
    rows = _by_arxiv_id(connection, _KNOWN_COLUMNS, arxiv_ids)
    return {row[0]: _KnownPaper.stored(row[1:]) for row in rows}


def _paper_ids(connection: Connection, entries: Sequence[Entry]) -> dict[str, int]:
    return dict(_by_arxiv_id(connection, "arxiv_id, id", [entry.arxiv_id for entry in entries]))


def _by_arxiv_id(
    connection: Connection, columns: str, arxiv_ids: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """`columns` of the papers with these arXiv ids, a few hundred ids per statement."""
    for chunk in chunks(arxiv_ids):
        marks = ", ".join("?" * len(chunk))
        statement = f"SELECT {columns} FROM papers WHERE arxiv_id IN ({marks})"
        yield from driver(connection).execute(statement, chunk)


def _insert_papers(
    connection: Connection, entries: Sequence[Entry], date: dt.date, now: dt.datetime
) -> None:
    day, added = date.isoformat(), stored_moment(now)
    rows = [
        (
            entry.arxiv_id,
            entry.url,
            entry.title,
            _json(entry.authors),
            int(entry.authors_truncated),
            day,
            day,
            entry.votes,
            day if entry.votes is not None else None,
            added,
        )
        for entry in entries
    ]
    driver(connection).executemany(_INSERT_PAPERS, rows)


def _update_papers(
    connection: Connection, entries: Sequence[Entry], known: dict[str, _KnownPaper], date: dt.date
) -> None:
    """Dates seen, latest votes and the fullest author list, from a digest of `date`."""
    rows = []
    for entry in entries:
        paper = known[entry.arxiv_id]
        votes, votes_date = _latest_votes(paper, entry.votes, date)
        authors, truncated = _fuller_authors(paper, entry)
        rows.append(
            {
                "b_id": paper.id,
                "first_seen": min(paper.first_seen, date),
                "last_seen": max(paper.last_seen, date),
                "votes": votes,
                "votes_date": votes_date,
                "authors": authors,
                "authors_truncated": truncated,
            }
        )
    if rows:
        statement = update(tables.PAPERS).where(tables.PAPERS.c.id == bindparam("b_id"))
        connection.execute(statement, rows)


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


def _fuller_authors(paper: _KnownPaper, entry: Entry) -> tuple[str, bool]:
    known = json.loads(paper.authors)
    better = (paper.authors_truncated and not entry.authors_truncated and entry.authors) or len(
        entry.authors
    ) > len(known)
    if better:
        return _json(entry.authors), entry.authors_truncated
    return paper.authors, paper.authors_truncated


def _upsert_appearances(
    connection: Connection, entries: Sequence[Entry], ids: dict[str, int], digest_id: int
) -> int:
    """Insert new appearances; on a day already known, only fill in what was missing."""
    existing = set(
        connection.execute(
            select(tables.APPEARANCES.c.paper_id).where(tables.APPEARANCES.c.digest_id == digest_id)
        ).scalars()
    )
    rows = [
        (
            ids[entry.arxiv_id],
            digest_id,
            entry.position,
            entry.votes,
            entry.media.kind.value if entry.media else None,
            entry.media.url if entry.media else None,
            _json(entry.summary),
        )
        for entry in entries
    ]
    driver(connection).executemany(_UPSERT_APPEARANCES, rows)
    return sum(1 for row in rows if row[0] not in existing)


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)
