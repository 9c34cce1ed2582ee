"""Keeping the full-text index (schema v3, `paper_search`) in step with what imports change.

Triggers keep it in step with people's edits (notes, tags) and with deletions. Imports
change titles, authors and summaries of thousands of papers per transaction, and index
them here, in bulk, when the transaction commits: the importer calls `changing` before it
changes papers already in the library and `changed` after it wrote papers.

Until that commit the index lags the papers an import touched, so the transaction that
imports must not also edit their notes or tags through the triggers: a trigger would take
words out of the index that it does not hold yet. (The rules tag an import's new papers
with the tag trigger dropped, `tagging_unindexed`.)

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
from sqlalchemy.sql.selectable import TableClause

from readinglist.library.dialect import on_postgresql
from readinglist.library.driver import chunks, driver, id_list
from readinglist.library.search import SEARCH_INDEX, text_index

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


# The new papers' own index: the library's columns and tokenizer (a test holds what a rule
# finds there equal to what a search finds), no copy of the text and no sizes, for this
# connection alone.
_NEW_PAPERS = "new_paper_search"
_CREATE_NEW = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_NEW_PAPERS} USING fts5 ({_COLUMNS}, "
    "tokenize = 'unicode61 remove_diacritics 2', content = '', columnsize = 0)"
)
_FILL_NEW = (
    f"INSERT INTO {_NEW_PAPERS} (rowid, {_COLUMNS}) SELECT id, {_COLUMNS} FROM paper_text "
    "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"
)
_EMPTY_NEW = f"INSERT INTO {_NEW_PAPERS} ({_NEW_PAPERS}) VALUES ('delete-all')"
NEW_PAPERS_INDEX = text_index(_NEW_PAPERS)


@contextmanager
def new_papers_indexed(connection: Connection, ids: Sequence[int]) -> Iterator[TableClause]:
    """The text of papers the index does not hold yet (those an import is adding), in a
    small index of their own for the block: rules match them there, and the library's
    index gets them once, at commit, with the tags the rules gave.

    Matched in the library's index instead, the papers were written to it before the rules
    ran, and those a rule tagged written again (taken out and put back whole): in a
    1,000-digest import with 20 rules, 8,670 of 18,002 papers, 0.6 s with reading their
    text back. Indexing every new paper twice costs 0.75 s, about as much, but does not
    grow with what the rules catch, and the library's index is written once, in id order.

    The table is this connection's, made once (a table made changes the schema, and SQLite
    prepares every statement again after that) and emptied after the block; a rollback
    empties it too. A shared library has no index: it yields the library's, where text is
    refused as before."""
    if on_postgresql(connection):
        yield SEARCH_INDEX
        return
    sqlite = driver(connection)
    sqlite.execute(_CREATE_NEW)
    sqlite.execute(_FILL_NEW, (id_list(ids),))
    yield NEW_PAPERS_INDEX
    sqlite.execute(_EMPTY_NEW)


_TAG_TRIGGER = "paper_search_tag_link_insert"


@contextmanager
def tags_indexed_at_commit(connection: Connection, ids: Sequence[int]) -> Iterator[None]:
    """Tag papers in the block with their index rows rewritten once each, at commit, instead
    of by the tag trigger, link by link (a rule tagging thousands of papers an import brought
    made the import 12x slower that way). (No index on a shared library.)"""
    if on_postgresql(connection):
        yield
        return
    changing(connection, ids)
    with _without_tag_trigger(connection):
        yield
    changed(connection, ids)


@contextmanager
def tagging_unindexed(connection: Connection, ids: Sequence[int]) -> Iterator[None]:
    """Tag papers in the block that this transaction added and the index does not hold yet:
    it gets them at commit, tags and all. (The tag trigger would take out of the index
    words it never held, and corrupt it.) (No index on a shared library.)"""
    if on_postgresql(connection):
        yield
        return
    pending = _pending(connection)
    assert all(paper_id in pending.touched and paper_id not in pending.before for paper_id in ids)
    with _without_tag_trigger(connection):
        yield


@contextmanager
def _without_tag_trigger(connection: Connection) -> Iterator[None]:
    """The tag trigger dropped for the block and made again after it, inside the caller's
    transaction: no other connection ever sees it gone, and a rollback brings it back with
    everything else."""
    sqlite = driver(connection)
    found = sqlite.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_TAG_TRIGGER,)
    ).fetchone()
    sqlite.execute(f"DROP TRIGGER {_TAG_TRIGGER}")
    try:
        yield
    finally:
        sqlite.execute(found[0])


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
