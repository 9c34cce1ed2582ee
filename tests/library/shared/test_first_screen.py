"""A list's first screen on a shared library (`sorting.first_paper_ids`): the same papers as
the whole list's first rows; None when the server takes longer than it is given, which stops
the statement and leaves the reader's transaction as it was, its own time bound included."""

from typing import Any

import pytest
from sqlalchemy import Connection

from readinglist.core.listing import SortKey
from readinglist.core.query import Query, parse_query
from readinglist.library import sorting
from readinglist.library.database import Library
from readinglist.library.driver import fetch_binary
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper

pytestmark = pytest.mark.postgres


def first(connection: Connection, query: Query, within_ms: int) -> list[int] | None:
    return sorting.first_paper_ids(
        connection, query, SortKey.VOTES, True, limit=2, within_ms=within_ms
    )


def test_the_first_screen_is_the_lists_first_rows(
    shared: PostgresDatabase, member_libraries: tuple[Library, Library]
) -> None:
    for number in range(5):
        add_paper(shared, f"2403.{number:05d}", title=f"Robots {number}", votes=number)
    alice, _ = member_libraries
    query = parse_query("robots")
    with alice.reading() as connection:
        whole = sorting.find_paper_ids(connection, query, SortKey.VOTES, True)
        assert first(connection, query, within_ms=10_000) == whole[:2]
        assert len(whole) == 5


def test_a_first_screen_the_server_gives_up_on_leaves_the_reading_as_it_was(
    shared: PostgresDatabase,
    member_libraries: tuple[Library, Library],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_paper(shared, "2403.00001", title="Robots")
    alice, _ = member_libraries

    def slow(connection: Connection, *_: Any) -> list[int]:
        fetch_binary(connection, "SELECT pg_sleep(5)", ())  # as the lists' ids are read
        return []

    with alice.reading() as connection:
        timeout_before = connection.exec_driver_sql("SHOW statement_timeout").scalar()
        with monkeypatch.context() as patched:
            patched.setattr(sorting, "find_paper_ids", slow)
            assert first(connection, Query(), within_ms=50) is None
        assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == timeout_before
        assert first(connection, Query(), within_ms=10_000) is not None
        assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == timeout_before
        assert len(sorting.find_paper_ids(connection, Query())) == 1
