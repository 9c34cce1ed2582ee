"""Reading papers and changing the user's data on them: the SQL behind the CLI and the GUI.

Every function takes an open `Connection` so callers choose the transaction
(`library.reading()` or `library.writing()`). The list's order (`find_paper_ids`) is in
`sorting.py`.
"""

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Connection,
    RowMapping,
    and_,
    delete,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert

from readinglist.core.digest import Media, MediaKind
from readinglist.core.paper import DigestAppearance, Paper, ReadingStatus
from readinglist.library.browse import starred_count, status_counts
from readinglist.library.sorting import EVERYTHING, find_paper_ids
from readinglist.library.tables import APPEARANCES, DIGESTS, PAPER_TAGS, PAPERS, TAGS

__all__ = [
    "EVERYTHING",
    "LibrarySummary",
    "UserState",
    "add_tags",
    "find_paper_ids",
    "library_summary",
    "load_paper",
    "load_papers",
    "normalize_tag",
    "paper_id_for",
    "remove_tags",
    "set_note",
    "set_starred",
    "set_status",
    "tag_spelling",
    "tagged_ids",
    "user_states",
]

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class LibrarySummary:
    papers: int
    digests: int
    starred: int
    by_status: dict[ReadingStatus, int]
    tags: int
    newest_digest: dt.date | None


def paper_id_for(connection: Connection, arxiv_id: str) -> int | None:
    row = connection.execute(select(PAPERS.c.id).where(PAPERS.c.arxiv_id == arxiv_id)).first()
    return int(row[0]) if row else None


def load_papers(connection: Connection, ids: Sequence[int]) -> list[Paper]:
    """Full papers for `ids`, in the order given; ids not in the library are left out."""
    papers: dict[int, Paper] = {}
    for start in range(0, len(ids), _CHUNK):
        papers.update(_load_chunk(connection, ids[start : start + _CHUNK]))
    return [papers[paper_id] for paper_id in ids if paper_id in papers]


def load_paper(connection: Connection, arxiv_id: str) -> Paper | None:
    paper_id = paper_id_for(connection, arxiv_id)
    return load_papers(connection, [paper_id])[0] if paper_id is not None else None


def _load_chunk(connection: Connection, ids: Sequence[int]) -> dict[int, Paper]:
    appearances = _appearances(connection, ids)
    tags = _tags_of(connection, ids)
    rows = connection.execute(select(PAPERS).where(PAPERS.c.id.in_(ids))).mappings()
    return {
        row["id"]: _paper(row, appearances.get(row["id"], []), tags.get(row["id"], ()))
        for row in rows
    }


@dataclass(frozen=True, slots=True)
class _AppearanceRow:
    date: dt.date
    votes: int | None
    position: int
    media: Media | None
    summary: tuple[str, ...]


def _appearances(connection: Connection, ids: Sequence[int]) -> dict[int, list[_AppearanceRow]]:
    a, d = APPEARANCES.c, DIGESTS.c
    statement = (
        select(a.paper_id, d.date, a.votes, a.position, a.media_kind, a.media_url, a.summary)
        .join(DIGESTS, d.id == a.digest_id)
        .where(a.paper_id.in_(ids))
        .order_by(a.paper_id, d.date)
    )
    found: dict[int, list[_AppearanceRow]] = defaultdict(list)
    for paper_id, date, votes, position, kind, url, summary in connection.execute(statement):
        media = Media(MediaKind(kind), url) if kind and url else None
        found[paper_id].append(
            _AppearanceRow(date, votes, position, media, tuple(json.loads(summary)))
        )
    return found


def _tags_of(connection: Connection, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    statement = (
        select(PAPER_TAGS.c.paper_id, TAGS.c.name)
        .join(TAGS, TAGS.c.id == PAPER_TAGS.c.tag_id)
        .where(PAPER_TAGS.c.paper_id.in_(ids))
        .order_by(func.lower(TAGS.c.name))
    )
    found: dict[int, list[str]] = defaultdict(list)
    for paper_id, name in connection.execute(statement):
        found[paper_id].append(name)
    return {paper_id: tuple(names) for paper_id, names in found.items()}


def _paper(r: RowMapping, seen: list[_AppearanceRow], tags: tuple[str, ...]) -> Paper:
    latest_media = next((a.media for a in reversed(seen) if a.media), None)
    latest_summary = next((a.summary for a in reversed(seen) if a.summary), ())
    return Paper(
        id=r["id"],
        arxiv_id=r["arxiv_id"],
        title=r["title"],
        url=r["url"],
        authors=tuple(json.loads(r["authors"])),
        authors_truncated=bool(r["authors_truncated"]),
        votes=r["votes"],
        first_seen=r["first_seen"],
        last_seen=r["last_seen"],
        digests=tuple(DigestAppearance(a.date, a.votes, a.position) for a in seen),
        media=latest_media,
        summary=latest_summary,
        starred=bool(r["starred"]),
        status=ReadingStatus(r["status"]),
        status_changed_at=r["status_changed_at"],
        tags=tags,
        note=r["note"],
    )


# --- the user's data -------------------------------------------------------------------------


def set_starred(connection: Connection, ids: Iterable[int], starred: bool) -> None:
    for chunk in _chunks(ids):
        connection.execute(update(PAPERS).where(PAPERS.c.id.in_(chunk)).values(starred=starred))


def set_status(
    connection: Connection, ids: Iterable[int], status: ReadingStatus, now: dt.datetime | None
) -> None:
    """Set the status; the time it changed is kept only where it really changed (an undo
    gives the time it had before, None for never)."""
    for chunk in _chunks(ids):
        statement = (
            update(PAPERS)
            .where(PAPERS.c.id.in_(chunk), PAPERS.c.status != status.value)
            .values(status=status.value, status_changed_at=now)
        )
        connection.execute(statement)


def set_note(connection: Connection, paper_id: int, note: str, now: dt.datetime) -> None:
    statement = (
        update(PAPERS)
        .where(PAPERS.c.id == paper_id, PAPERS.c.note != note)
        .values(note=note, note_changed_at=now)
    )
    connection.execute(statement)


def normalize_tag(name: str) -> str:
    """Tags are trimmed with inner whitespace collapsed; an empty tag is refused."""
    tag = " ".join(name.split())
    if not tag:
        raise ValueError("a tag cannot be empty")
    return tag


def add_tags(connection: Connection, ids: Iterable[int], names: Iterable[str]) -> None:
    """Tag papers; a tag that exists in another case is reused as it is spelled."""
    paper_ids = list(ids)
    for name in dict.fromkeys(normalize_tag(name) for name in names):
        connection.execute(insert(TAGS).values(name=name).on_conflict_do_nothing())
        tag_id = connection.execute(select(TAGS.c.id).where(TAGS.c.name == name)).scalar_one()
        rows = [{"paper_id": paper_id, "tag_id": tag_id} for paper_id in paper_ids]
        if rows:
            connection.execute(insert(PAPER_TAGS).on_conflict_do_nothing(), rows)


def remove_tags(connection: Connection, ids: Iterable[int], names: Iterable[str]) -> None:
    """Untag papers, and forget tags no paper carries any more."""
    tag_ids = select(TAGS.c.id).where(TAGS.c.name.in_([normalize_tag(n) for n in names]))
    for chunk in _chunks(ids):
        connection.execute(
            delete(PAPER_TAGS).where(
                and_(PAPER_TAGS.c.paper_id.in_(chunk), PAPER_TAGS.c.tag_id.in_(tag_ids))
            )
        )
    unused = ~exists().where(PAPER_TAGS.c.tag_id == TAGS.c.id)
    connection.execute(delete(TAGS).where(unused))


@dataclass(frozen=True, slots=True)
class UserState:
    """What a bulk edit of stars or statuses must remember to be undone exactly."""

    starred: bool
    status: ReadingStatus
    status_changed_at: dt.datetime | None


def user_states(connection: Connection, ids: Iterable[int]) -> dict[int, UserState]:
    """Each paper's star, status and when the status last changed."""
    states: dict[int, UserState] = {}
    p = PAPERS.c
    columns = (p.id, p.starred, p.status, p.status_changed_at)
    for chunk in _chunks(ids):
        for paper_id, starred, status, changed in connection.execute(
            select(*columns).where(p.id.in_(chunk))
        ):
            states[int(paper_id)] = UserState(bool(starred), ReadingStatus(status), changed)
    return states


def tag_spelling(connection: Connection, name: str) -> str | None:
    """How the library spells the tag `name` (tags match in any case), if it has it."""
    statement = select(TAGS.c.name).where(TAGS.c.name == normalize_tag(name))
    found = connection.execute(statement).scalar_one_or_none()
    return str(found) if found is not None else None


def tagged_ids(connection: Connection, ids: Iterable[int], name: str) -> set[int]:
    """Those of `ids` that carry the tag `name` (in any case)."""
    tag_id = select(TAGS.c.id).where(TAGS.c.name == normalize_tag(name)).scalar_subquery()
    found: set[int] = set()
    for chunk in _chunks(ids):
        statement = select(PAPER_TAGS.c.paper_id).where(
            PAPER_TAGS.c.tag_id == tag_id, PAPER_TAGS.c.paper_id.in_(chunk)
        )
        found.update(int(row[0]) for row in connection.execute(statement))
    return found


_WRITE_CHUNK = 20_000  # ids per statement: SQLite's bound-variable limit can be 32,766


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    paper_ids = list(ids)
    for start in range(0, len(paper_ids), _WRITE_CHUNK):
        yield paper_ids[start : start + _WRITE_CHUNK]


def library_summary(connection: Connection) -> LibrarySummary:
    by_status = status_counts(connection)
    digests, newest = connection.execute(select(func.count(), func.max(DIGESTS.c.date))).one()
    tags = connection.execute(select(func.count()).select_from(TAGS)).scalar_one()
    return LibrarySummary(
        sum(by_status.values()), digests, starred_count(connection), by_status, tags, newest
    )
