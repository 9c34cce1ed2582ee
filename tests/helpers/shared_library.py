"""Helpers for tests of a shared library: papers added as its owner, members connected, a
library of its own on a server a test crashes."""

import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
import pytest

from tests.helpers.postgres import PostgresDatabase, PostgresServer, fresh_database

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from readinglist.library.database import Library
    from readinglist.ui.window.main_window import MainWindow


def connected_as(database: PostgresDatabase, role: str) -> "psycopg.Connection[Any]":
    return psycopg.connect(database.url_as(role), autocommit=True)


def add_paper(
    database: PostgresDatabase, arxiv_id: str, *, title: str = "A paper", votes: int | None = None
) -> int:
    """A paper in the shared library, added as its owner (as an import will); its id."""
    with psycopg.connect(database.url, autocommit=True) as admin:
        row = admin.execute(
            "INSERT INTO papers (arxiv_id, url, title, votes, first_seen, last_seen, added_at) "
            "VALUES (%s, 'https://arxiv.org/abs/' || %s, %s, %s, current_date, current_date, "
            "now()) RETURNING id",
            [arxiv_id, arxiv_id, title, votes],
        ).fetchone()
    assert row is not None
    return int(row[0])


@contextmanager
def library_as(database: PostgresDatabase, role: str) -> Iterator["Library"]:
    """The shared library as `role` sees it (for a test's own reads and writes); closed
    after."""
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.opening import open_shared

    library = open_shared(SharedAddress.parse(database.url_as(role)))
    try:
        yield library
    finally:
        library.close()


@contextmanager
def window_as(
    qtbot: "QtBot", database: PostgresDatabase, role: str, place: Path, monkeypatch: Any
) -> Iterator["MainWindow"]:
    """A window on the shared library as `role`, opened as start-up opens it (its settings
    and media cache in `place`); closed after."""
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.opening import open_shared
    from readinglist.ui.live.updates import WINDOW_CLIENT
    from tests.helpers.gui import open_window

    monkeypatch.setenv("READINGLIST_CACHE", str(place / "media-cache"))
    library = open_shared(SharedAddress.parse(database.url_as(role)), client=WINDOW_CLIENT)
    window = open_window(qtbot, library, place / "settings.ini")
    try:
        yield window
    finally:
        window.close()
        library.close()


def transactions_asked_here(library: "Library", monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each read or write transaction the window's thread asks `library` for is asked
    (a stack's last lines), from now on; but the change log's place, taken as the window
    opens the library, before its first reads (`ChangeFeed.start_here`)."""
    asked: list[str] = []

    def watched(transaction: Callable[[], AbstractContextManager[Any]]) -> Callable[..., Any]:
        def asked_here() -> AbstractContextManager[Any]:
            stack = "".join(traceback.format_stack(limit=12))
            if threading.current_thread() is threading.main_thread() and "start_here" not in stack:
                asked.append(stack)
            return transaction()

        return asked_here

    monkeypatch.setattr(library, "reading", watched(library.reading))
    monkeypatch.setattr(library, "writing", watched(library.writing))
    return asked


@contextmanager
def library_on(server: PostgresServer, tablespace: str | None = None) -> "Iterator[Library]":
    """A new shared library on `server` (in `tablespace`), opened by its owner: for a test
    that crashes its own server (`crashable_server`)."""
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.opening import open_shared
    from readinglist.library.shared.setup import init_shared

    with fresh_database(server) as database:
        if tablespace is not None:
            with psycopg.connect(server.url(), autocommit=True) as admin:
                admin.execute(f'ALTER DATABASE "{database.name}" SET TABLESPACE {tablespace}')
        address = SharedAddress.parse(database.url)
        init_shared(address)
        library = open_shared(address)
        try:
            yield library
        finally:
            library.close()
