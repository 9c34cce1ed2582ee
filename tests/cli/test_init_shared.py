"""`readinglist init-shared URL`: an empty PostgreSQL database made a shared library, said in
words (or JSON), again without changing anything, and a bad or unreachable URL said clearly."""

import json

import psycopg
import pytest

from readinglist.library.shared import ddl, setup
from readinglist.library.shared.setup import SHARED_VERSION
from tests.helpers.cli import RunCli
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import connected_as


def test_init_shared_makes_the_library_and_says_how_to_add_members(
    run: RunCli, postgres_database: PostgresDatabase
) -> None:
    code, out, err = run("init-shared", postgres_database.url)

    assert (code, err) == (0, "")
    assert out.startswith(f"Made the shared library {postgres_database.url} (schema ")
    assert "GRANT readinglist_member TO alice;" in out

    code, out, _ = run("init-shared", "--json", postgres_database.url)
    said = json.loads(out)
    assert code == 0
    assert (said["created"], said["member_role_created"]) == (False, False)


def test_a_library_without_the_lists_index_gets_it_and_says_so(
    run: RunCli, postgres_database: PostgresDatabase
) -> None:
    run("init-shared", postgres_database.url)
    with psycopg.connect(postgres_database.url, autocommit=True) as admin:
        admin.execute("DROP INDEX paper_records_last_seen_id")

    code, out, err = run("init-shared", postgres_database.url)
    _, again, _ = run("init-shared", "--json", postgres_database.url)

    assert (code, err) == (0, "")
    assert out.strip().endswith("added the index its lists of found papers are read by.")
    assert json.loads(again)["amended"] is False


def test_shared_rules_in_the_way_of_the_rule_check_are_named(
    run: RunCli, shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    """A library made before the check that a shared rule only tags, holding one that stars
    (bob's): init-shared adds the check, names it, exits 0 (the library is usable, and the
    database refuses any new one); again, it names it still, changing nothing."""
    bob = members[1]
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute(f"ALTER TABLE rules DROP CONSTRAINT {ddl.SHARED_RULE_CHECK_NAME}".encode())
    with connected_as(shared, bob) as as_bob:
        as_bob.execute(
            "INSERT INTO rules (name, query, star, shared, created_at) "
            "VALUES ('Starred', 'x', true, true, now())"
        )

    code, out, err = run("init-shared", shared.url)
    _, again, _ = run("init-shared", "--json", shared.url)

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{shared.url} is a shared library already (schema {SHARED_VERSION}); added the "
        "database's check that a shared rule only tags.",
        "Shared rules that do more than tag (a star, a status or first in Today): "
        f"Starred ({bob}'s).",
        "The database refuses any such rule from now on; it checks these once their owners "
        "stop sharing them (`readinglist rules unshare NAME`) or remove them, and init-shared "
        "is run again.",
    ]
    said = json.loads(again)
    assert (said["amended"], said["added"]) == (False, [])
    assert said["shared_rules_not_only_tagging"] == [{"name": "Starred", "owner": bob}]


def test_a_password_in_the_url_is_never_printed(
    run: RunCli, postgres_database: PostgresDatabase
) -> None:
    with_password = postgres_database.url.replace("postgres@", "postgres:hunter2@")

    code, out, _ = run("init-shared", with_password)

    assert code == 0
    assert "hunter2" not in out and "postgres:***@" in out


def test_an_address_that_is_no_postgresql_database_is_a_usage_error(run: RunCli) -> None:
    code, _, err = run("init-shared", "mysql://lab/papers")
    assert code == 2
    assert "is not a PostgreSQL address" in err

    code, _, err = run("init-shared", "postgresql://lab-server")
    assert code == 2
    assert "names no database" in err


def test_an_unreachable_server_fails_naming_it(run: RunCli) -> None:
    code, out, err = run("init-shared", "postgresql://alice@/lab?host=/nonexistent-socket-dir")

    assert (code, out) == (1, "")
    assert err.startswith("readinglist: postgresql://alice@/lab?host=/nonexistent-socket-dir: ")


def test_init_shared_upgrades_an_older_library_saying_so(
    run: RunCli, shared: PostgresDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(setup, "SHARED_VERSION", SHARED_VERSION + 1)
    monkeypatch.setitem(setup.STEPS, SHARED_VERSION, ("SELECT 1",))

    code, out, _ = run("init-shared", "--json", shared.url)

    assert code == 0
    assert json.loads(out)["upgraded_from"] == SHARED_VERSION
    code, out, _ = run("init-shared", shared.url)
    assert out.startswith(f"{shared.url} is a shared library already (schema {SHARED_VERSION + 1})")
