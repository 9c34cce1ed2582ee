"""Today on a shared library, two members on the real server: each has their own Today
(`triage_state`), their own papers brought back (`resurfacing`), and Skip the Rest and a
snooze of one leave the other's statuses, Today and resurfacing as they were."""

import datetime as dt

import psycopg

from readinglist.core.paper import ReadingStatus
from readinglist.core.today import SNOOZE
from readinglist.library import papers as store
from readinglist.library import today
from readinglist.library.database import Library, utc_now
from readinglist.library.user_edits import (
    RollTodayEdit,
    SkipRestEdit,
    SnoozeEdit,
    StatusEdit,
    write_in_parts,
)
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper

DAY = dt.timedelta(days=1)
NOW = utc_now()


def added(database: PostgresDatabase, at: dt.datetime, *arxiv_ids: str) -> list[int]:
    """Papers added to the shared library at `at` (as an import of that moment would)."""
    ids = [add_paper(database, arxiv_id) for arxiv_id in arxiv_ids]
    with psycopg.connect(database.url, autocommit=True) as owner:
        owner.execute("UPDATE paper_records SET added_at = %s WHERE id = ANY(%s)", [at, ids])
    return ids


def figures(library: Library) -> tuple[int, int, frozenset[int]]:
    with library.reading() as connection:
        progress = today.progress(connection)
    return progress.triaged, progress.total, progress.brought_back


def statuses(library: Library, ids: list[int]) -> list[ReadingStatus]:
    with library.reading() as connection:
        states = store.user_states(connection, ids)
    return [states[paper_id].status for paper_id in ids]


def test_each_members_today_skip_the_rest_and_snooze_are_their_own(
    shared: PostgresDatabase, member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    (old,) = added(shared, NOW - 60 * DAY, "2401.00001")
    write_in_parts(alice, StatusEdit([old], ReadingStatus.QUEUED, clock=lambda: NOW - 40 * DAY))
    write_in_parts(bob, StatusEdit([old], ReadingStatus.READ, clock=lambda: NOW - 2 * DAY))
    new = added(shared, NOW - DAY, "2403.00001", "2403.00002")
    for library in (alice, bob):
        write_in_parts(library, RollTodayEdit(clock=lambda: NOW))

    assert figures(alice) == (0, 3, frozenset({old}))  # the two new, and hers brought back
    assert figures(bob) == (0, 2, frozenset())
    with bob.reading() as connection:
        bobs_state = today.read_state(connection)

    with alice.reading() as connection:
        left = today.untriaged_ids(connection)
    assert sorted(left) == sorted([old, *new])
    skip = SkipRestEdit(left, clock=lambda: NOW + dt.timedelta(hours=1))
    write_in_parts(alice, skip)

    assert figures(alice)[:2] == (2, 2)  # caught up: the two skipped, hers snoozed away
    assert statuses(alice, [old, *new]) == [ReadingStatus.QUEUED, *[ReadingStatus.SKIPPED] * 2]
    assert figures(bob) == (0, 2, frozenset())
    assert statuses(bob, [old, *new]) == [ReadingStatus.READ, *[ReadingStatus.UNREAD] * 2]
    with bob.reading() as connection:
        assert today.read_state(connection) == bobs_state
        assert today.resting_rows(connection, [old]) == {old: None}
    with alice.reading() as connection:
        rested = today.resting_rows(connection, [old])[old]
    assert rested is not None and rested[1] == NOW + dt.timedelta(hours=1) + SNOOZE

    write_in_parts(alice, skip, undo=True)
    assert figures(alice) == (0, 3, frozenset({old}))
    write_in_parts(alice, SnoozeEdit([old], clock=lambda: NOW))
    assert figures(alice)[:2] == (0, 2)
    assert figures(bob) == (0, 2, frozenset())
