"""The tests' PostgreSQL server is a real one: it stores and shares committed rows, delivers
notifications between connections, and enforces row-level security per role.

The groundwork of the shared library (issue 17); nothing of the app runs here yet. Each test
that uses the server is marked `postgres` by tests/conftest.py.
"""

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors

from tests.helpers.postgres import (
    REQUIRE_ENV,
    PostgresDatabase,
    PostgresServer,
    missing_server,
    two_connections,
)

NOTIFY_TIMEOUT_S = 10.0  # a bound, not a wait: the notification comes in milliseconds


def test_the_server_listens_only_on_its_own_socket(
    postgres_server: PostgresServer, postgres_database: PostgresDatabase
) -> None:
    with psycopg.connect(postgres_database.url) as connection:
        settings = {
            name: connection.execute(f"SHOW {name}").fetchone()
            for name in ("listen_addresses", "unix_socket_directories", "server_encoding")
        }
    assert settings == {
        "listen_addresses": ("",),
        "unix_socket_directories": (str(postgres_server.socket_dir),),
        "server_encoding": ("UTF8",),
    }
    # Printed, not asserted: what the session paid for its server (also in the summary).
    print(f"PostgreSQL from {postgres_server.bin_dir}: {postgres_server.times}")


def test_a_row_written_is_read_back(postgres_database: PostgresDatabase) -> None:
    with psycopg.connect(postgres_database.url) as connection:
        connection.execute("CREATE TABLE papers (id serial PRIMARY KEY, title text NOT NULL)")
        connection.execute("INSERT INTO papers (title) VALUES (%s)", ("데이터셋은 크다",))
        connection.commit()
        rows = connection.execute("SELECT id, title FROM papers").fetchall()
    assert rows == [(1, "데이터셋은 크다")]


def test_two_connections_see_each_others_committed_rows(
    postgres_database: PostgresDatabase,
) -> None:
    with two_connections(postgres_database) as (first, second):
        first.execute("CREATE TABLE tags (name text PRIMARY KEY)")
        second.execute("INSERT INTO tags VALUES ('robotics')")
        unseen = first.execute("SELECT count(*) FROM tags").fetchone()
        second.commit()
        seen = first.execute("SELECT name FROM tags").fetchall()
        first.execute("INSERT INTO tags VALUES ('agents')")
        both = second.execute("SELECT name FROM tags ORDER BY name").fetchall()
    assert unseen == (0,)
    assert seen == [("robotics",)]
    assert both == [("agents",), ("robotics",)]


def test_a_notification_reaches_a_listening_connection(
    postgres_database: PostgresDatabase,
) -> None:
    with two_connections(postgres_database) as (listener, sender):
        listener.execute("LISTEN library_changes")
        sender.execute("SELECT pg_notify('library_changes', '42')")
        before_commit = list(listener.notifies(timeout=0.2, stop_after=1))
        sender.commit()
        received = list(listener.notifies(timeout=NOTIFY_TIMEOUT_S, stop_after=1))
        sender_pid = sender.info.backend_pid
    assert before_commit == []  # delivered only once the sender's transaction commits
    assert [(n.channel, n.payload, n.pid) for n in received] == [
        ("library_changes", "42", sender_pid)
    ]


@pytest.fixture
def two_members(postgres_database: PostgresDatabase) -> Iterator[tuple[str, str]]:
    """Two login roles (alice_…, bob_…; roles belong to the whole server, hence the unique
    names), each with a row of its own in a `reading_state` table under row-level security;
    the roles are dropped afterwards."""
    suffix = uuid.uuid4().hex[:8]
    alice, bob = f"alice_{suffix}", f"bob_{suffix}"
    with psycopg.connect(postgres_database.url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {alice} LOGIN")
        admin.execute(f"CREATE ROLE {bob} LOGIN")
        admin.execute(
            "CREATE TABLE reading_state ("
            " paper_id int NOT NULL,"
            " member name NOT NULL DEFAULT current_user,"
            " status text NOT NULL,"
            " PRIMARY KEY (member, paper_id))"
        )
        admin.execute("ALTER TABLE reading_state ENABLE ROW LEVEL SECURITY")
        admin.execute(
            "CREATE POLICY own_rows ON reading_state"
            " USING (member = current_user) WITH CHECK (member = current_user)"
        )
        admin.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON reading_state TO {alice}, {bob}")
        admin.execute(
            "INSERT INTO reading_state VALUES"
            " (1, %s, 'read'), (1, %s, 'unread'), (2, %s, 'skipped')",
            (alice, bob, bob),
        )
    try:
        yield alice, bob
    finally:
        with psycopg.connect(postgres_database.url, autocommit=True) as admin:
            admin.execute(f"DROP OWNED BY {alice}, {bob}")
            admin.execute(f"DROP ROLE {alice}, {bob}")


def test_each_member_reads_and_changes_only_its_own_rows(
    postgres_database: PostgresDatabase, two_members: tuple[str, str]
) -> None:
    alice, bob = two_members
    with psycopg.connect(postgres_database.url_as(alice), autocommit=True) as connection:
        assert connection.execute("SELECT current_user").fetchone() == (alice,)
        seen = connection.execute("SELECT paper_id, member, status FROM reading_state").fetchall()
        mine = connection.execute("UPDATE reading_state SET status = 'starred' WHERE paper_id = 1")
        assert mine.rowcount == 1
        theirs = connection.execute(
            "UPDATE reading_state SET status = 'read' WHERE member = %s", (bob,)
        )
        deleted = connection.execute("DELETE FROM reading_state WHERE member = %s", (bob,))
    assert seen == [(1, alice, "read")]
    assert (theirs.rowcount, deleted.rowcount) == (0, 0)
    with psycopg.connect(postgres_database.url_as(bob)) as connection:
        bobs = connection.execute("SELECT paper_id, status FROM reading_state ORDER BY 1")
        assert bobs.fetchall() == [(1, "unread"), (2, "skipped")]


def test_a_member_cannot_write_a_row_as_another(
    postgres_database: PostgresDatabase, two_members: tuple[str, str]
) -> None:
    alice, bob = two_members
    with psycopg.connect(postgres_database.url_as(alice), autocommit=True) as connection:
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("INSERT INTO reading_state VALUES (3, %s, 'read')", (bob,))
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("UPDATE reading_state SET member = %s WHERE paper_id = 1", (bob,))
    with psycopg.connect(postgres_database.url) as admin:  # the owner: no policy applies
        rows = admin.execute("SELECT paper_id, member, status FROM reading_state ORDER BY 2, 1")
        assert rows.fetchall() == [(1, alice, "read"), (1, bob, "unread"), (2, bob, "skipped")]


@pytest.mark.parametrize(
    ("environment", "outcome"),
    [
        ({"CI": "true"}, pytest.fail.Exception),
        ({REQUIRE_ENV: "1"}, pytest.fail.Exception),
        ({"CI": "false"}, pytest.skip.Exception),
        ({}, pytest.skip.Exception),
    ],
)
def test_without_a_server_tests_fail_under_ci_and_skip_elsewhere(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], outcome: type[BaseException]
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(outcome, match="no PostgreSQL server binaries"):
        missing_server("no PostgreSQL server binaries (initdb, pg_ctl)")
