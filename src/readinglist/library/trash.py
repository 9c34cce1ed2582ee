"""The trash: papers moved there are left out of every list and count but the Trash's, kept
with all the user's data on them until the trash is emptied.

A paper is in the trash while the `trash` table (schema v5) holds its id. An import never
looks at it: a digest that lists a trashed paper again adds its sighting, and the paper
stays in the trash. Emptying the trash deletes its papers, and with them (the schema's
cascades) their sightings, tag links and the trash's rows; tags no paper carries any more
go too.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Select,
    delete,
    exists,
    func,
    not_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal

from readinglist.library import tables
from readinglist.library.dialect import FOUND_MANY, insert, unindexed
from readinglist.library.driver import chunks

_WRITE_CHUNK = 20_000  # ids per statement: SQLite's bound-variable limit can be 32,766


def trashed() -> Select[tuple[int]]:
    """The ids of the papers in the trash."""
    return select(tables.TRASH.c.paper_id)


def not_trashed(paper_id: ColumnElement[int] | None = None) -> ColumnElement[bool]:
    """`NOT (+papers.id IN (SELECT paper_id FROM trash))`: a lookup in the small trash for
    each paper at hand. The `+` keeps SQLite from starting a list there: it walks the list's
    index (which holds the id) and tests each paper it reaches."""
    value = tables.PAPERS.c.id if paper_id is None else paper_id
    return not_(unindexed(value).in_(trashed()))


class NotTrashed(ColumnElement[bool]):
    """`paper_id` (a list's `papers.id` unless given) not in the reader's trash: on a library
    file `not_trashed`; on a shared library `NOT EXISTS` (an anti-join), unless a list's
    words find many papers. As NOT IN, PostgreSQL walked every paper in the list's order
    testing each against the hashed trash, then joined the few a filter picks (20,000
    papers in the trash at 180,000: `date:2016-05` 61 ms, `digest:2017-05-18` 64,
    `tag:robotics` 60; as NOT EXISTS 5, 2, 9). A list that tests every paper against the
    found ids anyway keeps the hashed test: as an anti-join, common words were slower
    (데이터셋 238 against 370 ms). The sidebar's counts, Today and the Reading view's
    figures leave the trash out so too, except in a FILTER, where PostgreSQL joins nothing
    and looks the trash up for each row (browse.py's `_digest_counts`)."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True
    _traverse_internals = [  # noqa: RUF012  (SQLAlchemy's cache key: the paper's id)
        ("paper_id", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, paper_id: ColumnElement[int] | None = None) -> None:
        self.paper_id = tables.PAPERS.c.id if paper_id is None else paper_id

    @property
    def _from_objects(self) -> list[Any]:
        return self.paper_id._from_objects


@compiles(NotTrashed)
def _not_in_trash(element: NotTrashed, compiler: SQLCompiler, **options: Any) -> str:
    if getattr(compiler.dialect, FOUND_MANY, False):
        return compiler.process(not_trashed(element.paper_id), **options)
    kept = ~exists().where(tables.TRASH.c.paper_id == element.paper_id)
    return compiler.process(kept, **options)


@compiles(NotTrashed, "sqlite")
def _not_in_trash_file(element: NotTrashed, compiler: SQLCompiler, **options: Any) -> str:
    return compiler.process(not_trashed(element.paper_id), **options)


def not_trashed_sql(paper_id: str, *, postgresql: bool) -> str:
    """`NotTrashed` in the words of statements written as SQL (library/stats.py): on SQLite
    `NOT IN`, on PostgreSQL `NOT EXISTS`. `paper_id` is qualified by its table: inside
    the subquery a bare `paper_id` would be the trash's own."""
    if postgresql:
        return f"NOT EXISTS (SELECT FROM trash WHERE trash.paper_id = {paper_id})"
    return f"{paper_id} NOT IN (SELECT paper_id FROM trash)"


def move_to_trash(connection: Connection, ids: Iterable[int], now: dt.datetime) -> None:
    """Papers already in the trash keep the time they went there."""
    put_back(connection, dict.fromkeys(ids, now))


def put_back(connection: Connection, times: Mapping[int, dt.datetime]) -> None:
    """Into the trash, each paper since its time (an undone restore gives the times they had)."""
    trash, papers = tables.TRASH, tables.PAPERS
    for chunk in chunks(list(times), _WRITE_CHUNK):
        known = connection.execute(select(papers.c.id).where(papers.c.id.in_(chunk))).scalars()
        rows = [{"paper_id": paper_id, "trashed_at": times[paper_id]} for paper_id in known]
        if rows:
            connection.execute(insert(connection, trash).on_conflict_do_nothing(), rows)


def restore(connection: Connection, ids: Iterable[int]) -> None:
    """Out of the trash, with everything they had."""
    trash = tables.TRASH
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        connection.execute(delete(trash).where(trash.c.paper_id.in_(chunk)))


def trashed_since(connection: Connection, ids: Iterable[int]) -> dict[int, dt.datetime]:
    """Which of `ids` are in the trash, and since when."""
    trash = tables.TRASH
    found: dict[int, dt.datetime] = {}
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        statement = select(trash.c.paper_id, trash.c.trashed_at).where(trash.c.paper_id.in_(chunk))
        found.update({int(paper_id): at for paper_id, at in connection.execute(statement)})
    return found


def trashed_count(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(tables.TRASH)).scalar_one())


def trashed_ids(connection: Connection) -> list[int]:
    return list(connection.execute(select(tables.TRASH.c.paper_id)).scalars())


def empty_trash(connection: Connection) -> int:
    """Delete the trash's papers for good, with their notes, tags and sightings; tags no
    paper carries any more are forgotten. Returns how many papers went."""
    return delete_for_good(connection, trashed_ids(connection))


def delete_for_good(connection: Connection, ids: Iterable[int]) -> int:
    """Those of `ids` that are in the trash deleted for good, as `empty_trash` does (a paper
    restored meanwhile stays). Returns how many papers went."""
    papers, tags, links = tables.PAPERS, tables.TAGS, tables.PAPER_TAGS
    deleted = 0
    for chunk in chunks(list(ids), _WRITE_CHUNK):
        in_trash = papers.c.id.in_(trashed().where(tables.TRASH.c.paper_id.in_(chunk)))
        deleted += connection.execute(delete(papers).where(in_trash)).rowcount
    if deleted:
        connection.execute(delete(tags).where(~exists().where(links.c.tag_id == tags.c.id)))
    return deleted
