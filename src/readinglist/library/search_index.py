"""Keeping the full-text index (schema v3, `paper_search`) in step with what imports change.

Triggers keep it in step with people's edits (notes, tags) and with deletions. Imports
change titles, authors and summaries of thousands of papers per transaction, and index
them here, in bulk, when the transaction commits: the importer calls `changing` before it
changes papers already in the library and `changed` after it wrote papers.

Until that commit the index lags the papers an import touched, so the transaction that
imports must not also edit their notes or tags (the importer's never does): a trigger
would take words out of the index that it does not hold yet.

Why at commit: FTS5 holds the terms it is given in memory and writes them out as a new
segment (later merged with the others) whenever a statement opens a savepoint, as
triggers, INSERT ... SELECT and RETURNING do, or when a row id comes that is lower than
the last. Indexing through triggers, or file by file, wrote a segment per row or per file
and made a 200,000-paper import 2-3x slower; in id order at commit, one segment per
megabyte of text.

The new text goes from `paper_text` to the index in one INSERT ... SELECT, in SQLite: read
into Python and bound again, the 400 MB of a 200,000-paper import were decoded and
encoded twice over, and the import took 3% longer. One statement, so one savepoint.
"""

import sqlite3
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.exc import DatabaseError

from readinglist.library.dialect import on_postgresql
from readinglist.library.driver import chunks, driver, id_list

_COLUMNS = "title, authors, summary, note, tags, arxiv_id"
_SELECT = f"SELECT id, {_COLUMNS} FROM paper_text WHERE id IN "
_DELETE = (
    f"INSERT INTO paper_search (paper_search, rowid, {_COLUMNS}) "
    "VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT = (
    f"INSERT INTO paper_search (rowid, {_COLUMNS}) SELECT id, {_COLUMNS} FROM paper_text "
    "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"
)

type IndexedText = tuple[Any, ...]  # (id, title, authors, summary, note, tags, arxiv_id)


@dataclass(slots=True)
class _Pending:
    """Papers this transaction changed, and what the index held for those it held."""

    touched: dict[int, None] = field(default_factory=dict)  # an ordered set
    before: dict[int, IndexedText] = field(default_factory=dict)


_PENDING: "weakref.WeakKeyDictionary[Connection, _Pending]" = weakref.WeakKeyDictionary()


def changing(connection: Connection, ids: Sequence[int]) -> None:
    """Call before changing the title, authors or appearances of papers in the library.
    (A shared library has no FTS5 index: its search comes with the next step, issue 17.)"""
    if on_postgresql(connection):
        return
    pending = _pending(connection)
    unseen = [paper_id for paper_id in ids if paper_id not in pending.touched]
    for row in _texts(driver(connection), unseen):
        pending.before[row[0]] = row
    pending.touched.update(dict.fromkeys(unseen))


def changed(connection: Connection, ids: Iterable[int]) -> None:
    """Call after writing papers (new ones included): indexed afresh at commit."""
    if on_postgresql(connection):
        return
    _pending(connection).touched.update(dict.fromkeys(ids))


def _pending(connection: Connection) -> _Pending:
    pending = _PENDING.get(connection)
    if pending is None:
        pending = _PENDING[connection] = _Pending()
        event.listen(connection, "commit", _write_pending, once=True)
        event.listen(connection, "rollback", _forget_pending, once=True)
    return pending


def write_now(connection: Connection) -> None:
    """Index what this transaction changed now rather than at commit: rules test the text of
    the papers an import brought before it commits, and tag them (a tag's trigger needs the
    paper's text in the index). What changes afterwards is pending again."""
    if connection in _PENDING:
        event.remove(connection, "commit", _write_pending)
        _write_pending(connection)


_TAG_TRIGGER = "paper_search_tag_link_insert"


@contextmanager
def tags_indexed_at_commit(connection: Connection, ids: Sequence[int]) -> Iterator[None]:
    """Tag papers in the block with their index rows rewritten once each, at commit, instead
    of by the tag trigger, link by link (a rule tagging thousands of papers an import brought
    made the import 12x slower that way). The trigger is dropped for the block and made
    again after it, inside the caller's transaction: no other connection ever sees it gone,
    and a rollback brings it back with everything else. (No index on a shared library.)"""
    if on_postgresql(connection):
        yield
        return
    sqlite = driver(connection)
    found = sqlite.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_TAG_TRIGGER,)
    ).fetchone()
    changing(connection, ids)
    sqlite.execute(f"DROP TRIGGER {_TAG_TRIGGER}")
    try:
        yield
    finally:
        sqlite.execute(found[0])
    changed(connection, ids)


def _write_pending(connection: Connection) -> None:
    """Runs just before COMMIT, in the transaction: deletes, then inserts, each by id."""
    pending = _PENDING.pop(connection, None)
    event.remove(connection, "rollback", _forget_pending)
    if pending is None:
        return
    # The sqlite3 connection itself: what runs inside SQLAlchemy's commit must not re-enter it.
    sqlite = driver(connection)
    sqlite.executemany(_DELETE, [pending.before[key] for key in sorted(pending.before)])
    sqlite.execute(_INSERT, (id_list(list(pending.touched)),))


def _forget_pending(connection: Connection) -> None:
    _PENDING.pop(connection, None)
    event.remove(connection, "commit", _write_pending)


def _texts(sqlite: sqlite3.Connection, ids: Sequence[int]) -> list[IndexedText]:
    rows: list[IndexedText] = []
    for chunk in chunks(ids):
        statement = _SELECT + "(" + ", ".join("?" * len(chunk)) + ")"
        rows.extend(sqlite.execute(statement, chunk))
    return rows


def rebuild_index(connection: Connection) -> None:
    """Index every paper afresh: what the v3 migration does, and a repair."""
    connection.exec_driver_sql("INSERT INTO paper_search (paper_search) VALUES ('rebuild')")


def index_is_sound(connection: Connection) -> bool:
    """Whether the index holds exactly the library's text (FTS5's own check against it)."""
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(
                "INSERT INTO paper_search (paper_search, rank) VALUES ('integrity-check', 1)"
            )
    except DatabaseError as error:
        if getattr(error.orig, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"):
            return False
        raise
    return True
