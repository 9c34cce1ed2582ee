"""The library layer's edits on a shared library: the same `user_edits` an SQLite library
takes, written as one member, land in that member's rows only (the `papers` view and the
person-keyed upserts of library/dialect.py), and undo as they do on SQLite."""

import datetime as dt

import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library import tables, today
from readinglist.library.database import Library
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.library.shared.setup import SharedLibraryError
from readinglist.library.user_edits import (
    AddTagEdit,
    SnoozeEdit,
    StarEdit,
    StatusEdit,
    write_in_parts,
)
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper


def states(library: Library, paper_id: int) -> store.UserState:
    with library.reading() as connection:
        return store.user_states(connection, [paper_id])[paper_id]


def test_a_members_status_and_star_are_theirs_and_undo(
    shared: PostgresDatabase, member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    paper = add_paper(shared, "2403.00001")
    queue = StatusEdit([paper], ReadingStatus.QUEUED)
    star = StarEdit([paper], starred=True)

    for edit in (queue, star):
        write_in_parts(alice, edit)

    mine, theirs = states(alice, paper), states(bob, paper)
    assert (mine.status, mine.starred) == (ReadingStatus.QUEUED, True)
    assert (theirs.status, theirs.starred) == (ReadingStatus.UNREAD, False)
    with alice.reading() as connection:
        events = connection.execute(tables.STATUS_EVENTS.select()).all()
        triaged = today.read_state(connection)
    assert [event.status for event in events] == ["queued"]
    assert triaged.last_triage_at is not None
    with bob.reading() as connection:
        assert today.read_state(connection).last_triage_at is None

    for edit in (star, queue):
        write_in_parts(alice, edit, undo=True)
    back = states(alice, paper)
    assert (back.status, back.starred) == (ReadingStatus.UNREAD, False)


def test_tags_are_shared_and_snoozes_are_each_persons(
    shared: PostgresDatabase, member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    paper = add_paper(shared, "2403.00002")

    write_in_parts(alice, AddTagEdit([paper], "robots"))
    write_in_parts(bob, AddTagEdit([paper], "Robots"))  # the same tag, in another case
    write_in_parts(alice, SnoozeEdit([paper]))

    with bob.reading() as connection:
        assert store.carrying_tag(connection, "ROBOTS") == [paper]
        assert store.tag_spelling(connection, "Robots") == "robots"  # as first spelled
        assert today.resting_rows(connection, [paper]) == {paper: None}
    with alice.reading() as connection:
        rested = today.resting_rows(connection, [paper])[paper]
    assert rested is not None and rested[1] > dt.datetime.now(dt.UTC)


def test_a_database_that_is_no_shared_library_is_not_opened(
    postgres_database: PostgresDatabase,
) -> None:
    with pytest.raises(SharedLibraryError, match="is not a shared library"):
        open_shared(SharedAddress.parse(postgres_database.url))
