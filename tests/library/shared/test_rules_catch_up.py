"""A member's private rules catch up on the papers others imported (rules_catch_up.py): once,
whoever imported them, as at an import (a status set by hand kept, the hits kept), never on
a paper that came before the rule, never another member's rules for them; exact however the
imports' transactions interleave, and once however many windows catch up at the same time."""

import threading
import time
from collections.abc import Iterator

import psycopg
import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library import trash
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.rules import Rule, add_rule
from readinglist.library.shared import amending
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import CLIENT as CLIENT_OF_COMMANDS
from readinglist.library.shared.opening import open_shared
from readinglist.library.shared.rules_catch_up import CLIENT as RULES_CLIENT
from readinglist.library.shared.rules_catch_up import CaughtUp, catch_up
from readinglist.library.shared.setup import (
    SHARED_VERSION,
    SharedLibraryError,
    check_version,
    init_shared,
)
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import POLL_S, PostgresDatabase
from tests.helpers.shared_library import add_paper, connected_as

QUIET = Rule(0, "Quiet", "survey", status=ReadingStatus.SKIPPED)
SURVEY = FakeEntry("2403.00001", title="A survey of surveys")
ROBOTS = FakeEntry("2403.00002", title="Robots fold cranes")
SURVEY_TOO = FakeEntry("2403.00003", title="Another survey")
WAIT_S = 30.0


def caught_up(library: Library) -> CaughtUp:
    with library.writing() as connection:
        return catch_up(connection, utc_now())


def added(library: Library, rule: Rule) -> Rule:
    with library.writing() as connection:
        return add_rule(connection, rule, utc_now())


def seen(library: Library, arxiv_id: str) -> tuple[bool, ReadingStatus, tuple[str, ...]]:
    """A paper as a member sees it: star, status, the rules that acted (the detail pane's)."""
    with library.reading() as connection:
        paper = store.load_paper(connection, arxiv_id)
        assert paper is not None
        return paper.starred, paper.status, paper.rules


def tags_of(library: Library, arxiv_id: str) -> list[str]:
    with library.reading() as connection:
        paper = store.load_paper(connection, arxiv_id)
        assert paper is not None
        return list(paper.tags)


def set_status(library: Library, arxiv_id: str, status: ReadingStatus) -> None:
    with library.writing() as connection:
        paper_id = store.paper_id_for(connection, arxiv_id)
        assert paper_id is not None
        store.set_status(connection, [paper_id], status, utc_now())


@pytest.fixture
def alice_bob(member_libraries: tuple[Library, Library]) -> Iterator[tuple[Library, Library]]:
    """Both members, bob's rules marked as caught up before anything is imported."""
    assert caught_up(member_libraries[1]) == CaughtUp()
    yield member_libraries


def test_a_private_rule_acts_on_what_another_member_imported_at_its_owners_next_catch_up(
    alice_bob: tuple[Library, Library], digests: DigestWriter
) -> None:
    alice, bob = alice_bob
    added(bob, QUIET)

    report = import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY, ROBOTS])])
    assert report.files[0].rules == ()  # bob's rule is not alice's
    assert seen(bob, SURVEY.arxiv_id) == (False, ReadingStatus.UNREAD, ())

    done = caught_up(bob)

    assert len(done.arrived) == 2
    assert done.counts() == {"Quiet": 1}
    assert seen(bob, SURVEY.arxiv_id) == (False, ReadingStatus.SKIPPED, ("Quiet",))
    assert seen(bob, ROBOTS.arxiv_id) == (False, ReadingStatus.UNREAD, ())
    assert seen(alice, SURVEY.arxiv_id) == (False, ReadingStatus.UNREAD, ())


def test_a_status_set_by_hand_is_kept_and_a_second_catch_up_acts_on_nothing(
    alice_bob: tuple[Library, Library], digests: DigestWriter
) -> None:
    alice, bob = alice_bob
    added(bob, QUIET)
    added(bob, Rule(0, "Star", "survey", star=True))
    import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY, SURVEY_TOO])])
    set_status(bob, SURVEY.arxiv_id, ReadingStatus.READING)  # in his window, before

    first = caught_up(bob)
    set_status(bob, SURVEY_TOO.arxiv_id, ReadingStatus.UNREAD)  # bob takes it back
    second = caught_up(bob)

    assert first.counts() == {"Quiet": 2, "Star": 2}
    assert second == CaughtUp()
    assert seen(bob, SURVEY.arxiv_id) == (True, ReadingStatus.READING, ("Quiet", "Star"))
    assert seen(bob, SURVEY_TOO.arxiv_id) == (True, ReadingStatus.UNREAD, ("Quiet", "Star"))


def test_papers_a_member_imported_met_their_rules_then_and_not_again(
    alice_bob: tuple[Library, Library], digests: DigestWriter
) -> None:
    _, bob = alice_bob
    added(bob, QUIET)
    report = import_paths(bob, [digests.write("b.md", "2024-03-01", [SURVEY])])
    set_status(bob, SURVEY.arxiv_id, ReadingStatus.UNREAD)  # the rule's status taken back

    assert report.files[0].rules == (("Quiet", 1),)
    assert caught_up(bob) == CaughtUp()
    assert seen(bob, SURVEY.arxiv_id) == (False, ReadingStatus.UNREAD, ("Quiet",))


def test_another_members_private_rules_never_act_for_bob(
    alice_bob: tuple[Library, Library], members: tuple[str, str], digests: DigestWriter
) -> None:
    alice, bob = alice_bob
    assert caught_up(alice) == CaughtUp()
    added(alice, Rule(0, "Mine", "survey", star=True, status=ReadingStatus.QUEUED))

    import_paths(bob, [digests.write("b.md", "2024-03-01", [SURVEY])])
    bobs, alices = caught_up(bob), caught_up(alice)

    assert bobs == CaughtUp()
    assert alices.counts() == {"Mine": 1}
    assert seen(alice, SURVEY.arxiv_id) == (True, ReadingStatus.QUEUED, ("Mine",))
    assert seen(bob, SURVEY.arxiv_id) == (False, ReadingStatus.UNREAD, ())


def test_a_rule_made_after_a_paper_arrived_leaves_it_alone(
    alice_bob: tuple[Library, Library], digests: DigestWriter
) -> None:
    """As on a library file: a new rule starts from now (`rules apply` reaches the rest)."""
    alice, bob = alice_bob
    import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY])])
    added(bob, QUIET)
    import_paths(alice, [digests.write("b.md", "2024-03-02", [SURVEY_TOO])])

    done = caught_up(bob)

    assert len(done.arrived) == 2
    assert done.counts() == {"Quiet": 1}
    assert seen(bob, SURVEY.arxiv_id)[1] is ReadingStatus.UNREAD
    assert seen(bob, SURVEY_TOO.arxiv_id)[1] is ReadingStatus.SKIPPED


def test_a_members_first_catch_up_catches_what_arrived_since_their_rules_were_made(
    member_libraries: tuple[Library, Library], digests: DigestWriter
) -> None:
    """Bob's rule made, alice's import, then bob's first command: his rule meets it then
    (it started from when it was made, not from bob's first catch-up)."""
    alice, bob = member_libraries
    import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY])])
    added(bob, QUIET)
    import_paths(alice, [digests.write("b.md", "2024-03-02", [SURVEY_TOO])])

    done = caught_up(bob)

    assert done.counts() == {"Quiet": 1}
    assert seen(bob, SURVEY.arxiv_id)[1] is ReadingStatus.UNREAD
    assert seen(bob, SURVEY_TOO.arxiv_id)[1] is ReadingStatus.SKIPPED
    assert caught_up(bob) == CaughtUp()


def test_a_member_with_no_private_rule_starts_from_now(
    member_libraries: tuple[Library, Library], digests: DigestWriter
) -> None:
    alice, bob = member_libraries
    import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY])])

    assert caught_up(bob) == CaughtUp()
    added(bob, QUIET)
    assert caught_up(bob) == CaughtUp()
    assert seen(bob, SURVEY.arxiv_id)[1] is ReadingStatus.UNREAD


def test_a_paper_in_the_members_trash_is_left_alone(
    alice_bob: tuple[Library, Library], digests: DigestWriter
) -> None:
    """As at an import, where a new paper is never in the trash: no status, star, tag or
    hit, even from a rule that asks for the trash; restored, it is as it was (the rules do
    not come back to it)."""
    alice, bob = alice_bob
    added(bob, Rule(0, "Quiet", "survey", star=True, status=ReadingStatus.SKIPPED, tags=("q",)))
    added(bob, Rule(0, "Binned", "survey is:trashed", status=ReadingStatus.READ))
    import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY, SURVEY_TOO])])
    with bob.writing() as connection:
        trashed = store.paper_id_for(connection, SURVEY.arxiv_id)
        assert trashed is not None
        trash.move_to_trash(connection, [trashed], utc_now())

    done = caught_up(bob)
    with bob.writing() as connection:
        trash.restore(connection, [trashed])

    assert done.counts() == {"Quiet": 1}
    assert seen(bob, SURVEY.arxiv_id) == (False, ReadingStatus.UNREAD, ())
    assert seen(bob, SURVEY_TOO.arxiv_id) == (True, ReadingStatus.SKIPPED, ("Quiet",))
    assert caught_up(bob) == CaughtUp()
    assert tags_of(bob, SURVEY.arxiv_id) == []


def test_an_import_committed_after_the_mark_with_smaller_ids_is_caught(
    shared: PostgresDatabase, members: tuple[str, str], alice_bob: tuple[Library, Library]
) -> None:
    """Ids are given at insert, not at commit: alice's import, open while bob caught up,
    commits a paper whose id is below one bob's catch-up already saw."""
    _, bob = alice_bob
    added(bob, QUIET)
    with connected_as(shared, members[0]) as as_alice, as_alice.transaction():
        as_alice.execute(
            "INSERT INTO papers (arxiv_id, url, title, first_seen, last_seen, added_at) "
            "VALUES ('2403.00001', 'u', 'A survey, slowly', current_date, current_date, now())"
        )
        add_paper(shared, "2403.00002", title="A survey, quickly")
        assert caught_up(bob).counts() == {"Quiet": 1}  # the quick one; the slow one is open
    done = caught_up(bob)

    assert done.counts() == {"Quiet": 1}
    assert seen(bob, "2403.00001")[1] is ReadingStatus.SKIPPED


def test_two_catch_ups_at_once_act_once(
    shared: PostgresDatabase, members: tuple[str, str], alice_bob: tuple[Library, Library]
) -> None:
    """Two windows of bob's: the second waits for the first's mark, and catches up from it."""
    _, bob = alice_bob
    added(bob, QUIET)
    add_paper(shared, "2403.00001", title="A survey")
    other = open_shared(SharedAddress.parse(shared.url_as(members[1])))
    results: list[CaughtUp] = []
    try:
        with bob.writing() as connection:
            first = catch_up(connection, utc_now())
            second = threading.Thread(target=lambda: results.append(caught_up(other)))
            second.start()
            _wait_for_lock_wait(shared, members[1])
        second.join(WAIT_S)
    finally:
        other.close()

    assert first.counts() == {"Quiet": 1}
    assert results == [CaughtUp()]


def _wait_for_lock_wait(database: PostgresDatabase, role: str) -> None:
    """Until a session of `role` waits for a lock (the other catch-up's mark)."""
    deadline = time.monotonic() + WAIT_S
    with psycopg.connect(database.url, autocommit=True) as admin:
        while time.monotonic() < deadline:
            waiting = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = %s "
                "AND wait_event_type = 'Lock'",
                [role],
            ).fetchone()
            if waiting is not None and waiting[0]:
                return
            time.sleep(POLL_S)  # between two looks; the deadline bounds the wait
    pytest.fail("the second catch-up never waited for the first's mark")


def test_a_library_made_before_the_catch_up_works_without_it_until_its_owner_adds_it(
    shared: PostgresDatabase,
    members: tuple[str, str],
    member_libraries: tuple[Library, Library],
    digests: DigestWriter,
) -> None:
    """As those made before it: members open it and their rules run at their own imports
    alone; a member's init-shared may not add it, changing nothing; its owner's adds it once,
    and bob's rules catch up from then on: on what arrived between the amendment and his
    first command too, never on what came before it."""
    alice, bob = member_libraries
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute(
            "DROP TABLE rule_catch_up; ALTER TABLE rules DROP COLUMN since; "
            "ALTER TABLE paper_records DROP COLUMN arrived, DROP COLUMN arrived_by"
        )
    added(bob, QUIET)
    open_shared(SharedAddress.parse(shared.url_as(members[1]))).close()
    assert caught_up(bob) == CaughtUp()
    with pytest.raises(SharedLibraryError, match="only the role that owns its tables"):
        init_shared(SharedAddress.parse(shared.url_as(members[0])))

    import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY])])  # before: never
    amended = init_shared(SharedAddress.parse(shared.url)).amendments
    again = init_shared(SharedAddress.parse(shared.url)).amendments
    import_paths(alice, [digests.write("b.md", "2024-03-02", [SURVEY_TOO])])  # before bob's

    assert (amended.added, again.added) == ((amending.RULES_CATCH_UP,), ())
    assert caught_up(bob).counts() == {"Quiet": 1}  # his first: from the amendment
    assert seen(bob, SURVEY.arxiv_id)[1] is ReadingStatus.UNREAD
    assert seen(bob, SURVEY_TOO.arxiv_id)[1] is ReadingStatus.SKIPPED
    assert check_version(SharedAddress.parse(shared.url_as(members[1]))) == SHARED_VERSION


def test_what_the_rules_do_is_logged_as_theirs_and_the_transaction_keeps_its_name(
    alice_bob: tuple[Library, Library], digests: DigestWriter
) -> None:
    """Every window of bob's, the one that caught up too, shows it as another's change
    (changes.client); the rest of the caller's transaction is the caller's own."""
    alice, bob = alice_bob
    added(bob, QUIET)
    import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY])])

    with bob.writing() as connection:
        catch_up(connection, utc_now())
        [(name,)] = connection.exec_driver_sql("SELECT current_setting('application_name')")
        logged = connection.exec_driver_sql(
            "SELECT DISTINCT client FROM changes WHERE kind = 'paper' AND person = current_user"
        ).all()

    assert name == CLIENT_OF_COMMANDS
    assert logged == [(RULES_CLIENT,)]
