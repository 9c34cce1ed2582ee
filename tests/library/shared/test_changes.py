"""Live updates on a shared library: a change one member commits rings the others' doorbell,
the log says what changed (a member's own statuses to them alone), and a window catches up
exactly, even past a transaction that was still open when it last read."""

import datetime as dt

import psycopg

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library
from readinglist.library.saved_searches import save_search, set_shared
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.changes import (
    Change,
    Cursor,
    Doorbell,
    changes_since,
    cursor_now,
)
from readinglist.library.user_edits import AddTagEdit, StatusEdit, write_in_parts
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper

NOW = dt.datetime(2026, 12, 6, 9, tzinfo=dt.UTC)
RING_BOUND_S = 10.0  # a bound, not a wait: the ring comes as the commit does


def seen(library: Library, cursor: Cursor) -> tuple[list[Change], Cursor]:
    with library.reading() as connection:
        return changes_since(connection, cursor)


def test_a_change_rings_and_the_log_says_what_each_member_may_see(
    shared: PostgresDatabase, members: tuple[str, str], member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    paper = add_paper(shared, "2403.00001")
    with alice.reading() as connection:
        start = cursor_now(connection)
    doorbell = Doorbell(SharedAddress.parse(shared.url_as(members[0])))
    try:
        write_in_parts(bob, AddTagEdit([paper], "robots"))
        assert doorbell.wait(RING_BOUND_S)
    finally:
        doorbell.close()
    write_in_parts(bob, StatusEdit([paper], ReadingStatus.READ))

    changes, _ = seen(alice, start)
    theirs, _ = seen(bob, start)

    assert {(change.kind, change.person) for change in changes} == {
        ("paper", members[1]),
        ("tag", members[1]),
    }
    assert all(change.row_id == paper for change in changes if change.kind == "paper")
    assert len(theirs) == len(changes) + 1  # bob's own status: to bob alone


def test_catching_up_takes_a_transaction_that_was_open_at_the_last_read(
    shared: PostgresDatabase, members: tuple[str, str], member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    paper = add_paper(shared, "2403.00002")
    with alice.reading() as connection:
        start = cursor_now(connection)
    with psycopg.connect(shared.url_as(members[1])) as slow:
        slow.execute("INSERT INTO shared_notes (paper_id, text) VALUES (%s, 'later')", [paper])
        write_in_parts(bob, AddTagEdit([paper], "robots"))  # numbered after the open one

        first, cursor = seen(alice, start)
        slow.commit()
    second, _ = seen(alice, cursor)

    assert [change.kind for change in first] == ["tag", "paper"]  # the tag, then its link
    assert [change.kind for change in second] == ["paper"]  # the note, numbered before them
    assert second[0].seq < min(change.seq for change in first)


def test_a_private_search_is_logged_for_its_owner_alone_until_it_is_shared_or_unshared(
    member_libraries: tuple[Library, Library],
) -> None:
    """Saving a private search tells no one else; sharing it, and making it private again,
    tells everyone (their sidebars show it, then drop it)."""
    alice, bob = member_libraries
    with alice.reading() as connection:
        start = cursor_now(connection)
    with bob.writing() as connection:
        saved = save_search(connection, "mine", "robots", NOW)
    private, cursor = seen(alice, start)
    with bob.writing() as connection:
        set_shared(connection, saved.id, True)
    made_shared, cursor = seen(alice, cursor)
    with bob.writing() as connection:
        set_shared(connection, saved.id, False)
    made_private, _ = seen(alice, cursor)

    assert private == []
    assert [(c.kind, c.row_id) for c in made_shared] == [("saved_search", saved.id)]
    assert [(c.kind, c.row_id) for c in made_private] == [("saved_search", saved.id)]
