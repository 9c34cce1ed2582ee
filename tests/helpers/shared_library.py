"""Helpers for tests of a shared library: papers added as its owner, members connected."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg

from tests.helpers.postgres import PostgresDatabase

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

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
