"""Today in the library: what arrived since the last session (or the latest digest day), the
progress through it, rules that hide or put first, and papers brought back, on a clock moved
by hand."""

import datetime as dt

from sqlalchemy import update

from readinglist.core.listing import SortKey
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.core.today import RESURFACE_AFTER, RESURFACE_PER_SESSION, SNOOZE
from readinglist.library import papers as store
from readinglist.library import tables, today
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.library.rules import Rule, add_rule, remove_rule
from readinglist.library.user_edits import (
    ApplyRuleEdit,
    Edit,
    RollTodayEdit,
    SkipRestEdit,
    SnoozeEdit,
    StarEdit,
    StatusEdit,
)
from tests.helpers.digests import DigestWriter, FakeEntry

DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)
T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
IS_TODAY = parse_query("is:today")


def entries(*numbers: int, votes: int = 5) -> list[FakeEntry]:
    return [FakeEntry(f"2403.{n:05d}", title=f"Paper {n}", votes=votes) for n in numbers]


def arrive(library: Library, digests: DigestWriter, day: str, at: dt.datetime, *n: int) -> None:
    """A digest of those papers imported at `at` (the papers it adds, added then)."""
    before = set(listed(library, parse_query("")))
    import_paths(library, [digests.write(f"{day}.md", day, entries(*n))])
    with library.writing() as connection:
        new = [i for i in store.find_paper_ids(connection) if i not in before]
        papers = tables.PAPERS
        connection.execute(update(papers).where(papers.c.id.in_(new)).values(added_at=at))


def listed(library: Library, query=IS_TODAY, sort: SortKey = SortKey.LAST_SEEN) -> list[int]:  # type: ignore[no-untyped-def]
    with library.reading() as connection:
        return store.find_paper_ids(connection, query, sort)


def today_ids(library: Library) -> list[str]:
    with library.reading() as connection:
        ids = store.find_paper_ids(connection, IS_TODAY)
        return sorted(paper.arxiv_id for paper in store.load_papers(connection, ids))


def key(library: Library, at: dt.datetime, status: ReadingStatus, *n: int) -> None:
    """A triage key at `at`: those papers given `status`."""
    with library.writing() as connection:
        ids = [store.paper_id_for(connection, f"2403.{i:05d}") for i in n]
        found = [i for i in ids if i is not None]
        store.set_status(connection, found, status, at)
        today.note_triage(connection, at, found)


def roll(library: Library, at: dt.datetime) -> bool:
    with library.writing() as connection:
        return today.roll(connection, at)


def progress(library: Library) -> tuple[int, int]:
    with library.reading() as connection:
        figures = today.progress(connection)
    return figures.triaged, figures.total


def test_before_any_triage_today_is_the_latest_digest_day(
    library: Library, digests: DigestWriter
) -> None:
    arrive(library, digests, "2024-03-01", T0, 1, 2)
    import_paths(library, [digests.write("b.md", "2024-03-02", entries(2, 3))])

    assert not roll(library, T0 + HOUR)
    assert today_ids(library) == ["2403.00002", "2403.00003"]
    assert progress(library) == (0, 2)


def test_today_is_what_arrived_since_the_last_session(
    library: Library, digests: DigestWriter
) -> None:
    arrive(library, digests, "2024-03-01", T0, 1, 2)
    key(library, T0 + HOUR, ReadingStatus.READ, 1)  # yesterday's session ends here
    arrive(library, digests, "2024-03-02", T0 + DAY, 2, 3, 4)  # 2 seen again: not new

    assert roll(library, T0 + DAY + HOUR)  # the next morning
    assert today_ids(library) == ["2403.00003", "2403.00004"]
    key(library, T0 + DAY + 2 * HOUR, ReadingStatus.QUEUED, 3)
    assert today_ids(library) == ["2403.00003", "2403.00004"]  # triaged papers stay
    assert progress(library) == (1, 2)
    with library.reading() as connection:
        assert today.untriaged_ids(connection) == listed(library, parse_query("id:2403.00004"))
    key(library, T0 + DAY + 3 * HOUR, ReadingStatus.SKIPPED, 4)

    assert roll(library, T0 + 2 * DAY)  # nothing new since: the latest digest day
    assert today_ids(library) == ["2403.00002", "2403.00003", "2403.00004"]


QUIET = Rule(0, "Quiet", "votes:<3", status=ReadingStatus.SKIPPED)  # hides what matches


def quiet_arrives(library: Library, digests: DigestWriter) -> None:
    """Paper 1, and paper 9, which Quiet matches, imported."""
    quiet = FakeEntry("2403.00009", title="A quiet survey", votes=1)
    import_paths(library, [digests.write("a.md", "2024-03-01", [*entries(1), quiet])])


def test_a_rule_that_hides_keeps_its_papers_out_of_today_even_once_removed(
    library: Library, digests: DigestWriter
) -> None:
    with library.writing() as connection:
        add_rule(connection, QUIET, T0)
    quiet_arrives(library, digests)

    assert today_ids(library) == ["2403.00001"]
    assert progress(library) == (0, 1)

    with library.writing() as connection:
        remove_rule(connection, "Quiet")  # its hits go with it; the paper stays skipped

    assert today_ids(library) == ["2403.00001"]
    assert progress(library) == (0, 1)


def test_a_hiding_rule_applied_later_skips_as_a_key_does_and_undo_takes_it_back(
    library: Library, digests: DigestWriter
) -> None:
    quiet_arrives(library, digests)
    with library.writing() as connection:
        rule = add_rule(connection, QUIET, T0)
    edit = ApplyRuleEdit(rule, listed(library, parse_query("")))
    with library.writing() as connection:
        edit.apply(connection)
    assert today_ids(library) == ["2403.00001", "2403.00009"]  # skipped, not hidden
    assert progress(library) == (1, 2)

    with library.writing() as connection:
        remove_rule(connection, "Quiet")
        edit.revert(connection)

    assert today_ids(library) == ["2403.00001", "2403.00009"]
    assert progress(library) == (0, 2)


def test_papers_a_rule_put_first_come_first_in_that_order(
    library: Library, digests: DigestWriter
) -> None:
    with library.writing() as connection:
        add_rule(connection, Rule(0, "Robots", "robots", first=True), T0)
    robots = FakeEntry("2403.00009", title="Robots fold cranes", votes=1)
    import_paths(library, [digests.write("a.md", "2024-03-01", [*entries(1, 2), robots])])

    with library.reading() as connection:
        first = store.paper_id_for(connection, "2403.00009")
    assert listed(library, sort=SortKey.RULES_FIRST)[0] == first
    assert listed(library, sort=SortKey.LAST_SEEN)[-1] == first  # the digest's own order


def queue_long_ago(library: Library, waited: dt.timedelta, *n: int) -> None:
    """Queued `waited` before T0, with no session (a library from before Today)."""
    with library.writing() as connection:
        ids = [store.paper_id_for(connection, f"2403.{i:05d}") for i in n]
        store.set_status(connection, [i for i in ids if i], ReadingStatus.QUEUED, T0 - waited)


def test_papers_that_waited_long_are_brought_back_a_few_at_a_time(
    library: Library, digests: DigestWriter
) -> None:
    arrive(library, digests, "2024-01-01", T0 - 60 * DAY, 1, 2, 3, 4, 5, 6)
    for n in range(1, 6):  # the oldest first; 6 queued too lately to come back
        queue_long_ago(library, RESURFACE_AFTER + (10 - n) * DAY, n)
    queue_long_ago(library, RESURFACE_AFTER - 2 * DAY, 6)
    key(library, T0, ReadingStatus.READ)  # a session, ended
    arrive(library, digests, "2024-03-01", T0 + 10 * HOUR, 7)

    assert roll(library, T0 + DAY)
    back = ["2403.00001", "2403.00002", "2403.00003"][:RESURFACE_PER_SESSION]
    assert today_ids(library) == [*back, "2403.00007"]
    assert progress(library) == (0, 4)  # brought back and not yet acted on: to do
    key(library, T0 + DAY + HOUR, ReadingStatus.READ, 1)  # read at last
    assert progress(library) == (1, 4)


def test_a_paper_passed_over_waits_longer_and_a_snoozed_one_leaves(
    library: Library, digests: DigestWriter
) -> None:
    arrive(library, digests, "2024-01-01", T0 - 60 * DAY, 1, 2)
    queue_long_ago(library, RESURFACE_AFTER + DAY, 1, 2)
    key(library, T0, ReadingStatus.READ)
    arrive(library, digests, "2024-03-01", T0 + 2 * HOUR, 3)
    roll(library, T0 + DAY)
    assert today_ids(library) == ["2403.00001", "2403.00002", "2403.00003"]
    with library.reading() as connection:
        one, two = (store.paper_id_for(connection, f"2403.0000{n}") for n in (1, 2))
    assert one is not None and two is not None

    snooze = SnoozeEdit([two])
    with library.writing() as connection:
        snooze.apply(connection)
    assert today_ids(library) == ["2403.00001", "2403.00003"]
    with library.writing() as connection:
        snooze.revert(connection)  # undone: back in Today, as it was
    assert today_ids(library) == ["2403.00001", "2403.00002", "2403.00003"]
    with library.writing() as connection:
        SnoozeEdit([two]).apply(connection)

    key(library, T0 + DAY + HOUR, ReadingStatus.READ, 3)  # a session in which 1 was left alone
    arrive(library, digests, "2024-03-02", T0 + DAY + 2 * HOUR, 4)
    assert roll(library, T0 + 2 * DAY)
    assert today_ids(library) == ["2403.00004"]  # 1 passed over, 2 snoozed: both resting
    with library.reading() as connection:
        rows = today.resting_rows(connection, [one, two])
    assert rows[one] == (1, T0 + 2 * DAY + 2 * RESURFACE_AFTER, None)
    snoozed = rows[two]
    assert snoozed is not None and snoozed[0] == 0 and snoozed[1] > T0 + 2 * DAY + SNOOZE


def test_an_unfinished_today_stays_and_grows_until_it_is_done(
    library: Library, digests: DigestWriter
) -> None:
    arrive(library, digests, "2024-03-01", T0, 1, 2)
    key(library, T0 + HOUR, ReadingStatus.READ)  # the session before
    arrive(library, digests, "2024-03-02", T0 + 2 * HOUR, 3, 4)
    assert roll(library, T0 + DAY)
    key(library, T0 + DAY + HOUR, ReadingStatus.READ, 3)  # 4 left unread

    arrive(library, digests, "2024-03-03", T0 + DAY + 2 * HOUR, 5)
    assert roll(library, T0 + 2 * DAY)  # the turn: 4 is not dropped
    assert today_ids(library) == ["2403.00003", "2403.00004", "2403.00005"]
    assert progress(library) == (1, 3)
    assert not roll(library, T0 + 2 * DAY + HOUR)  # turned once

    key(library, T0 + 2 * DAY + HOUR, ReadingStatus.SKIPPED, 4, 5)  # done at last
    arrive(library, digests, "2024-03-04", T0 + 2 * DAY + 2 * HOUR, 6)
    assert roll(library, T0 + 3 * DAY)
    assert today_ids(library) == ["2403.00006"]


def test_a_key_on_a_paper_brought_back_triages_it_and_its_undo_does_not(
    library: Library, digests: DigestWriter
) -> None:
    from readinglist.library.user_edits import StatusEdit

    arrive(library, digests, "2024-01-01", T0 - 60 * DAY, 1)
    queue_long_ago(library, RESURFACE_AFTER + DAY, 1)
    key(library, T0, ReadingStatus.READ)
    arrive(library, digests, "2024-03-01", T0 + 2 * HOUR, 2)
    assert roll(library, T0 + DAY)
    with library.reading() as connection:
        one = store.paper_id_for(connection, "2403.00001")
        assert one is not None and today.progress(connection).brought_back_left == {one}

    queue_again = StatusEdit([one], ReadingStatus.QUEUED)  # `q` on a queued paper
    with library.writing() as connection:
        queue_again.apply(connection)
        figures = today.progress(connection)
    assert (figures.triaged, figures.total) == (1, 2)
    assert figures.brought_back == {one} and not figures.brought_back_left
    with library.writing() as connection:
        queue_again.revert(connection)
        assert today.progress(connection).brought_back_left == {one}
        queue_again.apply(connection)  # redone

    key(library, T0 + DAY + HOUR, ReadingStatus.READ, 2)
    assert roll(library, T0 + 2 * DAY)  # it rests, as the key said, rather than coming back
    with library.reading() as connection:
        rows = today.resting_rows(connection, [one])
    resting = rows[one]
    assert resting is not None and resting[1] > T0 + 2 * DAY + RESURFACE_AFTER // 2
    assert "2403.00001" not in today_ids(library)


def test_a_kept_today_keeps_the_papers_brought_back_into_it(
    library: Library, digests: DigestWriter
) -> None:
    arrive(library, digests, "2024-01-01", T0 - 60 * DAY, 1)
    queue_long_ago(library, RESURFACE_AFTER + DAY, 1)
    key(library, T0, ReadingStatus.READ)
    arrive(library, digests, "2024-03-01", T0 + 2 * HOUR, 2, 3)
    assert roll(library, T0 + DAY)
    key(library, T0 + DAY + HOUR, ReadingStatus.READ, 2)  # 3 left, and 1 (brought back)

    assert roll(library, T0 + 2 * DAY)  # the turn keeps this Today
    assert today_ids(library) == ["2403.00001", "2403.00002", "2403.00003"]
    assert progress(library) == (1, 3)


LATER = Rule(0, "Later", "id:2403.00001", status=ReadingStatus.QUEUED)


def test_a_paper_queued_after_the_last_session_is_to_do_once_brought_back(
    library: Library, digests: DigestWriter
) -> None:
    """Queued by a rule applied to the papers in the library after the last key (not a key:
    no session), it waits, comes back, and is to do until a key or a pass-over, whenever
    its status was set."""
    arrive(library, digests, "2024-01-01", T0 - 60 * DAY, 1)
    key(library, T0, ReadingStatus.READ)  # the last session
    with library.writing() as connection:
        rule = add_rule(connection, LATER, T0)
    queued = ApplyRuleEdit(rule, listed(library, parse_query("")), clock=lambda: T0 + HOUR)
    with library.writing() as connection:
        queued.apply(connection)
    arrive(library, digests, "2024-03-01", T0 + 20 * DAY, 2)

    assert roll(library, T0 + 21 * DAY)  # three weeks on: it waited long enough
    with library.reading() as connection:
        one = store.paper_id_for(connection, "2403.00001")
        figures = today.progress(connection)
        assert one is not None
        assert today.untriaged_ids(connection) == sorted(figures.brought_back_left | {one + 1})
    assert figures.brought_back == figures.brought_back_left == {one}
    assert (figures.triaged, figures.total) == (0, 2)

    key(library, T0 + 21 * DAY + HOUR, ReadingStatus.READ, 2)  # 1 passed over
    assert roll(library, T0 + 22 * DAY)
    with library.reading() as connection:
        rows = today.resting_rows(connection, [one])
    assert rows[one] == (1, T0 + 22 * DAY + 2 * RESURFACE_AFTER, None)  # waits twice as long
    assert "2403.00001" not in today_ids(library)


def test_edits_write_the_time_their_clock_gives(library: Library, digests: DigestWriter) -> None:
    """Status changes, stars, snoozes and the session's turn all ask the edit's clock."""
    arrive(library, digests, "2024-01-01", T0 - 60 * DAY, 1, 2)
    with library.reading() as connection:
        one, two = (store.paper_id_for(connection, f"2403.0000{n}") for n in (1, 2))
    assert one is not None and two is not None

    def write(edit: Edit) -> None:
        with library.writing() as connection:
            edit.apply(connection)

    write(StatusEdit([one], ReadingStatus.QUEUED, clock=lambda: T0 - 20 * DAY))  # a session
    early = RollTodayEdit(clock=lambda: T0 - 20 * DAY + HOUR)
    write(early)
    turn = RollTodayEdit(clock=lambda: T0)
    write(turn)
    assert not early.began and turn.began
    with library.reading() as connection:
        assert store.user_states(connection, [one])[one].status_changed_at == T0 - 20 * DAY
        assert today.progress(connection).brought_back == {one}  # waited 20 days by then
    write(StarEdit([two], starred=True, clock=lambda: T0 + HOUR))
    write(SnoozeEdit([one], clock=lambda: T0 + 2 * HOUR))
    with library.reading() as connection:
        assert today.read_state(connection).last_triage_at == T0 + HOUR  # the star's key
        assert today.resting_rows(connection, [one])[one] == (0, T0 + 2 * HOUR + SNOOZE, None)


def test_skip_the_rest_leaves_a_paper_brought_back_that_a_key_triaged_meanwhile(
    library: Library, digests: DigestWriter
) -> None:
    """What is left is read when the user asks; a key written before Skip the Rest (queued
    ahead of it) triaged one of them: it is neither snoozed nor skipped."""
    arrive(library, digests, "2024-01-01", T0 - 60 * DAY, 1, 2)
    queue_long_ago(library, RESURFACE_AFTER + DAY, 1, 2)
    key(library, T0, ReadingStatus.READ)
    arrive(library, digests, "2024-03-01", T0 + 2 * HOUR, 3)
    assert roll(library, T0 + DAY)
    with library.reading() as connection:
        left = today.untriaged_ids(connection)
        one, two, three = left
    key(library, T0 + DAY + HOUR, ReadingStatus.QUEUED, 1)  # `q`: it rests as the key says

    skip = SkipRestEdit(left, clock=lambda: T0 + DAY + 2 * HOUR)
    with library.writing() as connection:
        skip.apply(connection)
        rows = today.resting_rows(connection, [one, two])
        figures = today.progress(connection)
    assert rows[one] == (0, T0 + DAY + HOUR + RESURFACE_AFTER, T0)  # as the key left it
    assert rows[two] == (0, T0 + DAY + 2 * HOUR + SNOOZE, None)
    assert figures.caught_up and (figures.triaged, figures.total) == (2, 2)
    with library.reading() as connection:
        assert store.user_states(connection, [three])[three].status is ReadingStatus.SKIPPED
