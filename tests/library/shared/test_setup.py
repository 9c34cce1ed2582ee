"""A shared library on a real PostgreSQL server: `init_shared` makes its schema once, refuses
a database that holds something else or a newer schema, upgrades an older one (its owner
only), and the database itself keeps each member's reading state to that member, whatever
SQL they send."""

import threading
import time
import uuid
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import psycopg
import pytest
from psycopg import errors

from readinglist.core.query import parse_query
from readinglist.library import migrations, sorting
from readinglist.library.shared import amending, ddl, opening, search_ddl, setup, text_search
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.amending import Amended, SharedRule
from readinglist.library.shared.opening import open_shared
from readinglist.library.shared.setup import (
    SHARED_VERSION,
    InitOutcome,
    SharedLibraryError,
    check_version,
    init_shared,
)
from tests.helpers.postgres import PostgresDatabase, PostgresServer
from tests.helpers.shared_library import add_paper, connected_as, library_as


def test_its_version_is_an_sqlite_librarys_at_the_same_tables() -> None:
    assert migrations.latest_version() == SHARED_VERSION


def test_init_makes_the_schema_once(postgres_database: PostgresDatabase) -> None:
    address = SharedAddress.parse(postgres_database.url)

    first = init_shared(address)
    again = init_shared(address)

    assert (first.created, first.version) == (True, SHARED_VERSION)
    assert (again.created, again.version) == (False, SHARED_VERSION)
    assert check_version(address) == SHARED_VERSION
    with psycopg.connect(postgres_database.url) as connection:
        [(versions,)] = connection.execute("SELECT count(*) FROM readinglist_schema").fetchall()
        [(role,)] = connection.execute(
            "SELECT count(*) FROM pg_roles WHERE rolname = %s", [ddl.MEMBER]
        ).fetchall()
    assert (versions, role) == (1, 1)


def test_a_database_not_in_utf8_is_refused_saying_how_to_make_one(
    postgres_server: PostgresServer,
) -> None:
    name = f"ascii_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(
            f"CREATE DATABASE {name} ENCODING 'SQL_ASCII' TEMPLATE template0 "
            "LC_COLLATE 'C' LC_CTYPE 'C'".encode()
        )
    try:
        with pytest.raises(SharedLibraryError, match=r"in SQL_ASCII: a shared library needs UTF8"):
            init_shared(SharedAddress.parse(postgres_server.url(name)))
        with psycopg.connect(postgres_server.url(name)) as connection:
            assert setup.read_version(connection) is None  # nothing made
    finally:
        with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)".encode())


def test_an_owner_who_may_not_create_the_member_role_is_told_what_to_ask_for(
    crashable_server: PostgresServer,
) -> None:
    """On a server of its own, where `readinglist_member` is not there yet."""
    server = crashable_server
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute("CREATE ROLE labadmin LOGIN")  # no CREATEROLE
        admin.execute("CREATE DATABASE lab OWNER labadmin")

    with pytest.raises(
        SharedLibraryError, match=r"your role may not create it: ask .* `CREATE ROLE"
    ):
        init_shared(SharedAddress.parse(server.url("lab", "labadmin")))
    with psycopg.connect(server.url("lab")) as connection:
        assert setup.read_version(connection) is None  # nothing made
        assert connection.execute(
            "SELECT count(*) FROM pg_roles WHERE rolname = %s", [ddl.MEMBER]
        ).fetchone() == (0,)

    with psycopg.connect(server.url(), autocommit=True) as admin:  # as the message says
        admin.execute(f"CREATE ROLE {ddl.MEMBER} NOLOGIN".encode())
    assert init_shared(SharedAddress.parse(server.url("lab", "labadmin"))).created


def test_a_database_holding_other_tables_is_left_alone(
    postgres_database: PostgresDatabase,
) -> None:
    with psycopg.connect(postgres_database.url, autocommit=True) as admin:
        admin.execute("CREATE TABLE invoices (id integer)")

    with pytest.raises(SharedLibraryError, match=r"already holds tables .*\(invoices"):
        init_shared(SharedAddress.parse(postgres_database.url))

    with psycopg.connect(postgres_database.url) as connection:
        found = connection.execute("SELECT to_regclass('paper_records')").fetchone()
    assert found == (None,)


def test_a_newer_shared_library_is_refused_saying_so(shared: PostgresDatabase) -> None:
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute("UPDATE readinglist_schema SET version = %s", [SHARED_VERSION + 1])
    address = SharedAddress.parse(shared.url)

    for attempt in (check_version, init_shared):
        with pytest.raises(SharedLibraryError, match="made by a newer readinglist"):
            attempt(address)


def test_an_older_shared_library_is_upgraded_by_its_owner_alone(
    shared: PostgresDatabase, members: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """This readinglist a version ahead, with a step that adds a column: a member's
    readinglist refuses the library and may not upgrade it; its owner's init-shared does,
    in one transaction, and then a member opens it."""
    step = ("ALTER TABLE paper_records ADD COLUMN later text",)
    monkeypatch.setattr(setup, "SHARED_VERSION", SHARED_VERSION + 1)
    monkeypatch.setattr(opening, "SHARED_VERSION", SHARED_VERSION + 1)
    monkeypatch.setitem(setup.STEPS, SHARED_VERSION, step)
    member = SharedAddress.parse(shared.url_as(members[0]))

    upgraded = owners_init(shared, member, "its owner upgrades it with `readinglist init")

    assert (upgraded.upgraded_from, upgraded.version) == (SHARED_VERSION, SHARED_VERSION + 1)
    open_shared(member).close()
    with psycopg.connect(shared.url) as connection:
        connection.execute("SELECT later FROM paper_records")  # the step ran


def owners_init(shared: PostgresDatabase, member: SharedAddress, refusal: str) -> InitOutcome:
    """The owner's init-shared, after the member's readinglist refused the library (saying
    `refusal`) and the member's init-shared was refused, changing nothing."""
    with pytest.raises(SharedLibraryError, match=refusal):
        open_shared(member)
    with pytest.raises(SharedLibraryError, match="only the role that owns its tables"):
        init_shared(member)
    return init_shared(SharedAddress.parse(shared.url))


def test_a_library_made_before_the_lists_index_gets_it_from_its_owner(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    """A shared library at this version made without search_ddl.SORTING (as those made
    before it): a member's init-shared may not add it and changes nothing; its owner's
    adds it once, and says so."""
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute("DROP INDEX paper_records_last_seen_id")
        admin.execute("ALTER TABLE paper_search RESET (toast_tuple_target)")

    with pytest.raises(SharedLibraryError, match="only the role that owns its tables"):
        init_shared(SharedAddress.parse(shared.url_as(members[0])))
    amended = init_shared(SharedAddress.parse(shared.url))
    again = init_shared(SharedAddress.parse(shared.url))

    assert (amended.amended, amended.created, amended.version) == (True, False, SHARED_VERSION)
    assert not again.amended
    with psycopg.connect(shared.url) as connection:
        index = connection.execute("SELECT to_regclass('paper_records_last_seen_id')")
        assert index.fetchone() == ("paper_records_last_seen_id",)
        options = connection.execute(
            "SELECT reloptions FROM pg_class WHERE oid = 'paper_search'::regclass"
        ).fetchone()
        assert options == (["toast_tuple_target=128"],)


def test_a_library_made_before_the_rule_check_gets_it_naming_the_rules_in_its_way(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    """A shared library at this version made without the check that a shared rule only tags
    (ddl.SHARED_RULE_CHECK), holding such a rule of bob's: its owner's init-shared adds the
    check for every write from then on (a member's may not) and names the rule; bob stops
    sharing it, and the next init-shared checks every rule."""
    alice, bob = members
    check = ddl.SHARED_RULE_CHECK_NAME
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute(f"ALTER TABLE rules DROP CONSTRAINT {check}".encode())
    insert = (
        "INSERT INTO rules (name, query, star, shared, created_at) "
        "VALUES (%s, 'x', true, true, now())"
    )
    with connected_as(shared, bob) as as_bob:
        as_bob.execute(insert, ["Starred"])

    with pytest.raises(SharedLibraryError, match="only the role that owns its tables"):
        init_shared(SharedAddress.parse(shared.url_as(alice)))
    amended = init_shared(SharedAddress.parse(shared.url)).amendments
    again = init_shared(SharedAddress.parse(shared.url)).amendments

    assert amended == Amended((amending.RULE_CHECK,), (SharedRule("Starred", bob),))
    assert again == Amended((), (SharedRule("Starred", bob),))
    with connected_as(shared, alice) as as_alice, pytest.raises(errors.CheckViolation):
        as_alice.execute(insert, ["Another"])
    with connected_as(shared, bob) as as_bob:
        as_bob.execute("UPDATE rules SET shared = false WHERE name = 'Starred'")
    assert init_shared(SharedAddress.parse(shared.url)).amendments == Amended(
        (amending.RULE_CHECK,)
    )
    assert init_shared(SharedAddress.parse(shared.url)).amendments == Amended()
    with psycopg.connect(shared.url) as connection:
        validated = connection.execute(
            "SELECT convalidated FROM pg_constraint WHERE conname = %s", [check]
        )
        assert validated.fetchall() == [(True,)]


def test_a_library_made_before_the_word_pairs_gets_them_from_its_owner(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    """A shared library at this version made without `paper_pairs` (as those made before
    it, the latest keeping their pairs among `paper_search`'s words): a member's readinglist
    refuses it (its searches name the pairs) and a member's init-shared changes nothing; its
    owner's adds the pairs of the papers there and of those to come, and drops the old."""
    before = add_paper(shared, "2403.00001", title="Chain of Thought Prompting")
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute("DROP TABLE paper_pairs")
        admin.execute(  # as the fourth pass kept them
            "ALTER TABLE paper_search ADD COLUMN pairs tsvector NOT NULL DEFAULT '''!''', "
            "ADD COLUMN pairs_complete boolean NOT NULL DEFAULT false"
        )
        admin.execute("CREATE INDEX paper_search_pairs ON paper_search USING gin (pairs)")
        # The indexer such a library has writes no pairs (a stand-in: words are there).
        admin.execute(
            "CREATE OR REPLACE FUNCTION readinglist_index(paper bigint) RETURNS void "
            "LANGUAGE plpgsql AS $$ BEGIN END $$"
        )
    member = SharedAddress.parse(shared.url_as(members[0]))

    amended = owners_init(shared, member, "its owner adds them with `readinglist init-shared")
    after = add_paper(shared, "2403.00002", title="Chains of Thought, Again")

    assert amended.amended
    open_shared(member).close()
    with psycopg.connect(shared.url) as connection:
        rows = connection.execute(
            "SELECT rowid FROM paper_pairs WHERE pairs @@ readinglist_pairs_query(%s, 'a') "
            "AND complete ORDER BY rowid",
            ["of thought"],
        )
        assert [row_id for (row_id,) in rows] == [before, after]
        assert connection.execute(search_ddl.HAS_OLD_PAIRS).fetchone() == (False,)


def test_a_library_made_before_the_dates_beside_the_words_gets_them_from_its_owner(
    shared: PostgresDatabase, members: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shared library at this version made without search_ddl.LISTED_ORDER (as those made
    before it): a member's searches list as before, a member's init-shared changes nothing;
    its owner's gives every paper's row of words its date, a part at a time with a member's
    search going on between the parts, and the papers to come theirs."""
    before = add_paper(shared, "2403.00001", title="Robots that fold")
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute("DROP TRIGGER paper_search_last_seen ON paper_records")
        admin.execute(search_ddl.indexing(dated=False).encode())  # as such a library has it
        admin.execute("ALTER TABLE paper_search DROP COLUMN last_seen")
        admin.execute("ALTER TABLE paper_pairs DROP COLUMN last_seen")
        admin.execute(  # the row as such a library made it
            "CREATE OR REPLACE FUNCTION paper_search_paper() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN IF TG_OP = 'INSERT' THEN INSERT INTO paper_search (rowid) "
            "VALUES (NEW.id); END IF; PERFORM readinglist_index(NEW.id); RETURN NULL; END $$"
        )
    made_before = add_paper(shared, "2403.00002", title="Robots at sea")
    member = SharedAddress.parse(shared.url_as(members[0]))
    with library_as(shared, members[0]) as library, library.reading() as connection:
        assert sorted(sorting.find_paper_ids(connection, parse_query("robots"))) == [
            before,
            made_before,
        ]
    with pytest.raises(SharedLibraryError, match="only the role that owns its tables"):
        init_shared(member)
    found_meanwhile, pauses = searching_between_parts(shared, members[0], monkeypatch)

    amended = init_shared(SharedAddress.parse(shared.url)).amendments
    after = add_paper(shared, "2403.00003", title="Robots, again")

    assert amended.added == (amending.LISTED_ORDER,)
    with psycopg.connect(shared.url) as connection:
        for table in ("paper_search", "paper_pairs"):
            dated = connection.execute(
                f"SELECT t.rowid FROM {table} t JOIN paper_records r ON r.id = t.rowid "
                "WHERE t.last_seen = r.last_seen ORDER BY t.rowid"
            )
            assert [row_id for (row_id,) in dated] == [before, made_before, after]
        assert connection.execute(search_ddl.HAS_LISTED_ORDER).fetchone() == (True,)
        left = connection.execute("SELECT count(*) FROM pg_constraint WHERE conname LIKE '%_dated'")
        assert left.fetchone() == (0,)  # the checks that required the dates, gone
    assert found_meanwhile == [[before, made_before]] * 2  # a part a paper; no lock waited on
    assert pauses  # gave way to the lock held on the second part's row


def searching_between_parts(
    shared: PostgresDatabase, member: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[list[int]], list[float]]:
    """What a member's search finds after each part of `amending.fill_listed_order` (a paper
    a part), through a connection that gives up on any lock held for more than 2 s; and the
    pauses the fill made giving way. The first part's date is then made stale, as a part
    that read a paper's date before an import changed it writes it (the fill puts it right);
    the second part's row is held locked for 0.6 s by another transaction (the fill gives
    way to it, and tries again)."""
    found: list[list[int]] = []
    pauses: list[float] = []
    parts = amending._id_parts
    monkeypatch.setattr(text_search, "_DATED", {})  # asked again at each search

    def with_a_search_after_each(connection: psycopg.Connection[Any]) -> Iterator[tuple[int, int]]:
        for number, part in enumerate(parts(connection)):
            if number == 1:
                hold_locked(shared, part[0], for_s=0.6)
            yield part
            if number == 0:
                with psycopg.connect(shared.url, autocommit=True) as admin:
                    admin.execute(
                        "UPDATE paper_search SET last_seen = '1999-01-01' WHERE rowid = %s",
                        [part[0]],
                    )
            text_search._DATED.clear()
            with library_as(shared, member) as library, library.reading() as reading:
                reading.exec_driver_sql("SET LOCAL lock_timeout = '2s'")
                found.append(sorted(sorting.find_paper_ids(reading, parse_query("robots"))))

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        time.sleep(seconds)

    monkeypatch.setattr(amending, "FILL_PART", 1)
    monkeypatch.setattr(amending, "_id_parts", with_a_search_after_each)
    monkeypatch.setattr(amending, "time", SimpleNamespace(sleep=pause))
    return found, pauses


def hold_locked(shared: PostgresDatabase, paper: int, *, for_s: float) -> None:
    """The paper's row of words locked by a transaction of another connection for `for_s`."""
    holder = psycopg.connect(shared.url)
    holder.execute("SELECT 1 FROM paper_search WHERE rowid = %s FOR UPDATE", [paper])

    def release() -> None:
        holder.commit()
        holder.close()

    threading.Timer(for_s, release).start()


def test_an_unreachable_server_is_named_without_its_password() -> None:
    address = SharedAddress.parse("postgresql://alice:hunter2@/lab?host=/nonexistent-socket-dir")

    with pytest.raises(SharedLibraryError) as raised:
        check_version(address)

    said = str(raised.value)
    assert said.startswith("postgresql://alice:***@/lab")
    assert "hunter2" not in said


def test_each_member_sees_only_their_own_reading_state(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    alice, bob = members
    paper = add_paper(shared, "2403.00001")
    with connected_as(shared, alice) as as_alice, connected_as(shared, bob) as as_bob:
        as_alice.execute(
            "UPDATE papers SET status = 'read', starred = true, note = 'mine' WHERE id = %s",
            [paper],
        )
        query = "SELECT status, starred, note FROM papers WHERE id = %s"
        assert as_alice.execute(query, [paper]).fetchone() == ("read", True, "mine")
        assert as_bob.execute(query, [paper]).fetchone() == ("unread", False, "")
        as_bob.execute("UPDATE papers SET status = 'skipped' WHERE id = %s", [paper])
        assert as_alice.execute(query, [paper]).fetchone() == ("read", True, "mine")


def test_every_table_not_wholly_shared_has_its_rows_secured_by_the_database(
    shared: PostgresDatabase,
) -> None:
    """Row-level security, forced on the tables' owner too, on every table of a person's
    rows (each its own), of an owner's (shared ones read by all) and of rows belonging to
    those; the change log's rows are read by whom they concern."""
    with psycopg.connect(shared.url) as admin:
        secured = admin.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
            "AND relkind = 'r' AND relrowsecurity AND relforcerowsecurity"
        ).fetchall()
        own_rows = admin.execute(
            "SELECT tablename, cmd, qual, with_check FROM pg_policies WHERE policyname = 'own_rows'"
        ).fetchall()

    assert {name for (name,) in secured} == {
        *ddl.PERSONAL,
        *ddl.OWNED,
        *ddl.BELONGING,
        "changes",
    }
    mine = "(person = CURRENT_USER)"
    assert sorted(own_rows) == sorted((table, "ALL", mine, mine) for table in ddl.PERSONAL)


def test_raw_sql_cannot_read_or_change_another_members_trash_or_today(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    alice, bob = members
    paper = add_paper(shared, "2403.00003")
    with connected_as(shared, alice) as as_alice, connected_as(shared, bob) as as_bob:
        as_alice.execute("INSERT INTO trash (paper_id, trashed_at) VALUES (%s, now())", [paper])
        as_alice.execute("INSERT INTO triage_state (id, today_since) VALUES (1, now())")
        seen = rows_in(as_bob, TRASH_AND_TODAY)
        deleted = [
            as_bob.execute(f"DELETE FROM {table} WHERE person = %s".encode(), [alice]).rowcount
            for table in TRASH_AND_TODAY
        ]
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            as_bob.execute(
                "INSERT INTO trash (person, paper_id, trashed_at) VALUES (%s, %s, now())",
                [alice, paper],
            )
        kept = rows_in(as_alice, TRASH_AND_TODAY)

    assert (seen, deleted, kept) == ([0, 0], [0, 0], [1, 1])


TRASH_AND_TODAY = ("trash", "triage_state")


def rows_in(connection: psycopg.Connection[Any], tables: tuple[str, ...]) -> list[int]:
    """How many rows of each table the connection's role sees."""
    counted = [connection.execute(f"SELECT count(*) FROM {t}".encode()).fetchone() for t in tables]
    return [int(row[0]) if row is not None else 0 for row in counted]


def test_raw_sql_cannot_change_another_members_rows(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    alice, bob = members
    paper = add_paper(shared, "2403.00002")
    with connected_as(shared, alice) as as_alice, connected_as(shared, bob) as as_bob:
        as_alice.execute("UPDATE papers SET status = 'queued' WHERE id = %s", [paper])
        as_alice.execute(
            "INSERT INTO status_events (paper_id, status, at) VALUES (%s, 'queued', now())",
            [paper],
        )
        changed = [
            as_bob.execute(f"UPDATE {table} SET status = 'read' WHERE person = %s", [alice])
            for table in ("paper_states", "status_events")
        ]
        deleted = as_bob.execute("DELETE FROM paper_states WHERE person = %s", [alice])
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            as_bob.execute(
                "INSERT INTO paper_states (person, paper_id, status) VALUES (%s, %s, 'read')",
                [alice, paper],
            )
        with pytest.raises(errors.InsufficientPrivilege):
            as_bob.execute("UPDATE readinglist_schema SET version = 1")

        assert [cursor.rowcount for cursor in changed] == [0, 0]
        assert deleted.rowcount == 0
        mine = as_alice.execute("SELECT status FROM papers WHERE id = %s", [paper]).fetchone()
        events = as_alice.execute("SELECT count(*) FROM status_events").fetchone()
        assert (mine, events) == (("queued",), (1,))


def test_shared_searches_and_notes_are_seen_by_all_and_changed_by_their_owner(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    alice, bob = members
    paper = add_paper(shared, "2403.00003")
    with connected_as(shared, alice) as as_alice, connected_as(shared, bob) as as_bob:
        for name, is_shared in (("Lab robots", True), ("My robots", False)):
            as_alice.execute(
                "INSERT INTO saved_searches (name, query, shared, created_at) "
                "VALUES (%s, 'robots', %s, now())",
                [name, is_shared],
            )
        as_alice.execute(
            "INSERT INTO shared_notes (paper_id, text) VALUES (%s, 'read §3')", [paper]
        )

        seen = as_bob.execute("SELECT name FROM saved_searches").fetchall()
        notes = as_bob.execute("SELECT author, text FROM shared_notes").fetchall()
        renamed = as_bob.execute("UPDATE saved_searches SET name = 'Mine now'")
        rewritten = as_bob.execute("UPDATE shared_notes SET text = 'gone'")
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            as_bob.execute(
                "INSERT INTO shared_notes (paper_id, author, text) VALUES (%s, %s, 'forged')",
                [paper, alice],
            )

    assert seen == [("Lab robots",)]
    assert notes == [(alice, "read §3")]
    assert (renamed.rowcount, rewritten.rowcount) == (0, 0)
