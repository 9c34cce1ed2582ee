"""A shared library's failures in words (`failures.reason`, which the window's "Could not
save: …" and the command line's one line say): each raised by a real server, through
SQLAlchemy as the library raises them or by psycopg itself, never the SQL nor the name of an
exception class."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from readinglist.library import failures
from readinglist.library.database import Library
from tests.helpers.postgres import PostgresDatabase, shut_out
from tests.helpers.shared_library import add_paper, connected_as


def failure_of(library: Library, statement: str) -> BaseException:
    return raised_by(library, lambda connection: connection.execute(text(statement)))


def test_a_statement_the_server_stops_for_its_time_says_so(
    member_libraries: tuple[Library, Library],
) -> None:
    alice, _ = member_libraries
    error = failure_of(alice, "SET LOCAL statement_timeout = 50; SELECT pg_sleep(5)")
    assert failures.reason(error) == failures.TOO_LONG


def test_a_row_of_another_members_says_the_role_may_not(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    alice, bob = members
    paper = add_paper(shared, "2403.00001")
    with connected_as(shared, bob) as as_bob, pytest.raises(psycopg.Error) as raised:
        as_bob.execute(
            "INSERT INTO paper_states (person, paper_id, status) VALUES (%s, %s, 'read')",
            [alice, paper],
        )
    assert failures.reason(raised.value) == failures.NOT_ALLOWED


def test_a_server_not_there_says_it_cannot_be_reached(tmp_path: Path) -> None:
    with pytest.raises(psycopg.OperationalError) as raised:
        psycopg.connect(f"postgresql://nobody@/none?host={tmp_path}", connect_timeout=2)
    assert failures.reason(raised.value) == failures.OUT_OF_REACH


def test_a_login_the_server_refuses_is_said_in_the_servers_words(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    alice, _ = members
    with shut_out(shared, alice), pytest.raises(psycopg.OperationalError) as raised:
        psycopg.connect(shared.url_as(alice))
    assert failures.reason(raised.value) == f'role "{alice}" is not permitted to log in'


def test_a_connection_ended_by_the_server_says_it_was_lost(
    shared: PostgresDatabase, member_libraries: tuple[Library, Library]
) -> None:
    alice, _ = member_libraries

    def ended(connection: Connection) -> None:
        backend = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with psycopg.connect(shared.url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [backend])
        connection.execute(text("SELECT 1"))

    assert failures.reason(raised_by(alice, ended)) == failures.OUT_OF_REACH


def test_another_failure_is_the_servers_own_first_line_without_the_sql(
    member_libraries: tuple[Library, Library],
) -> None:
    alice, _ = member_libraries
    error = failure_of(alice, "SELECT 'a secret note'::integer")
    words = failures.reason(error)
    assert words == 'invalid input syntax for type integer: "a secret note"'
    assert "SELECT" not in words and "\n" not in words


def raised_by(library: Library, job: Callable[[Connection], Any]) -> BaseException:
    """What `job` raised in a write of `library`: psycopg's error in SQLAlchemy's wrapper."""
    with pytest.raises(DBAPIError) as raised, library.writing() as connection:
        job(connection)
    return raised.value


def test_a_statement_the_server_cannot_take_as_written_is_a_bug_not_a_failure(
    member_libraries: tuple[Library, Library],
) -> None:
    alice, _ = member_libraries
    error = failure_of(alice, "SELECT no_such_column FROM paper_records")
    assert failures.reason(error) is None  # said as unexpected, and raised on the command line
