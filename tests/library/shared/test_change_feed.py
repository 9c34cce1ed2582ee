"""A window's follow of the log (`ChangeFeed`): what others changed comes in one `Changed`
once the doorbell rings; what the window's own connections wrote is left out; a dropped
connection is said, and the next look connects again and catches up on what came meanwhile."""

from collections.abc import Iterator

import psycopg
import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.changes import Changed, ChangeFeed
from readinglist.library.shared.opening import open_shared
from readinglist.library.shared.setup import SharedLibraryError
from readinglist.library.user_edits import AddTagEdit, StatusEdit, write_in_parts
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper

RING_BOUND_S = 10.0  # a bound, not a wait: the ring comes as the commit does
WINDOW = "readinglist-window-test"


@pytest.fixture
def bobs_window(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[Library]:
    """Bob's library as a window opens it: its connections named WINDOW."""
    library = open_shared(SharedAddress.parse(shared.url_as(members[1])), client=WINDOW)
    yield library
    library.close()


def following(library: Library, shared: PostgresDatabase, who: str) -> ChangeFeed:
    """A feed that has taken its place at the log's end (its first look reads none)."""
    feed = ChangeFeed(library, SharedAddress.parse(shared.url_as(who)), WINDOW)
    assert feed.next(0) is None
    return feed


def test_what_others_change_comes_and_the_windows_own_changes_do_not(
    shared: PostgresDatabase,
    members: tuple[str, str],
    member_libraries: tuple[Library, Library],
    bobs_window: Library,
) -> None:
    alice, bobs_command = member_libraries
    paper, other = add_paper(shared, "2403.00001"), add_paper(shared, "2403.00002")
    feed = following(bobs_window, shared, members[1])
    try:
        write_in_parts(bobs_window, StatusEdit([other], ReadingStatus.READ))  # the window's own
        write_in_parts(alice, AddTagEdit([paper], "robots"))
        first = feed.next(RING_BOUND_S)
        write_in_parts(bobs_command, StatusEdit([other], ReadingStatus.SKIPPED))  # bob elsewhere
        second = feed.next(RING_BOUND_S)
    finally:
        feed.close()

    assert first == Changed(frozenset({paper}), frozenset({"tag"}))
    assert second == Changed(frozenset({other}), frozenset(), own_only=frozenset({other}))


def test_a_change_before_the_first_look_comes_once_the_place_was_taken(
    shared: PostgresDatabase,
    members: tuple[str, str],
    member_libraries: tuple[Library, Library],
    bobs_window: Library,
) -> None:
    """The window takes its place before its first reads (`start_here`); its following
    thread may look first long after: what came in between is not lost."""
    alice, _ = member_libraries
    paper = add_paper(shared, "2403.00004")
    feed = ChangeFeed(bobs_window, SharedAddress.parse(shared.url_as(members[1])), WINDOW)
    try:
        feed.start_here()
        write_in_parts(alice, AddTagEdit([paper], "robots"))  # before the thread's first look
        first = feed.next(RING_BOUND_S)
    finally:
        feed.close()

    assert first == Changed(frozenset({paper}), frozenset({"tag"}))


def test_a_dropped_connection_is_said_and_the_next_look_catches_up(
    shared: PostgresDatabase,
    members: tuple[str, str],
    member_libraries: tuple[Library, Library],
    bobs_window: Library,
) -> None:
    alice, _ = member_libraries
    paper = add_paper(shared, "2403.00003")
    feed = following(bobs_window, shared, members[1])
    try:
        with psycopg.connect(shared.url, autocommit=True) as admin:  # the server drops bob
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                [members[1]],
            )
        write_in_parts(alice, AddTagEdit([paper], "robots"))
        with pytest.raises(SharedLibraryError, match=members[1]):
            feed.next(RING_BOUND_S)
        again = feed.next(RING_BOUND_S)
    finally:
        feed.close()

    assert again == Changed(frozenset({paper}), frozenset({"tag"}))
