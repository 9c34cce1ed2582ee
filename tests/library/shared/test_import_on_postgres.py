"""Importing digests into a shared library: every paper once however often it is seen, its
sightings kept, votes and dates followed, a file seen before left alone, and no member's own
state touched; a rule a member made acts on what arrives."""

from readinglist.core.import_report import FileStatus
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.rules import Rule, add_rule
from readinglist.library.user_edits import StatusEdit, write_in_parts
from tests.helpers.digests import DigestWriter, FakeEntry


def entries(*numbers: int, votes: int = 5) -> list[FakeEntry]:
    return [FakeEntry(f"2403.{n:05d}", title=f"Paper {n}", votes=votes) for n in numbers]


def test_papers_arrive_once_and_keep_each_members_state(
    member_libraries: tuple[Library, Library], digests: DigestWriter
) -> None:
    alice, bob = member_libraries
    first = import_paths(alice, [digests.write("a.md", "2024-03-01", entries(1, 2))])
    with alice.reading() as connection:
        one = store.paper_id_for(connection, "2403.00001")
    assert one is not None
    write_in_parts(alice, StatusEdit([one], ReadingStatus.READ))

    again = import_paths(bob, [digests.write("b.md", "2024-03-02", entries(2, 3, votes=9))])
    same = import_paths(bob, [digests.write("c.md", "2024-03-01", entries(1, 2))])

    assert [report.status for report in (*first.files, *again.files)] == [FileStatus.IMPORTED] * 2
    assert (again.files[0].papers_new, again.files[0].appearances_new) == (1, 2)
    assert same.files[0].status is FileStatus.UNCHANGED  # the same bytes: nothing to do
    with bob.reading() as connection:
        two_id = store.paper_id_for(connection, "2403.00002")
        [two] = store.load_papers(connection, [two_id] if two_id else [])
        assert len(store.find_paper_ids(connection)) == 3
        assert store.user_states(connection, [one])[one].status is ReadingStatus.UNREAD
    assert (two.votes, two.first_seen.isoformat(), two.last_seen.isoformat()) == (
        9,
        "2024-03-01",
        "2024-03-02",
    )
    assert [seen.date.isoformat() for seen in two.digests] == [
        "2024-03-01",
        "2024-03-02",
    ]
    with alice.reading() as connection:
        assert store.user_states(connection, [one])[one].status is ReadingStatus.READ


def test_a_members_rule_acts_on_what_arrives(
    member_libraries: tuple[Library, Library], digests: DigestWriter
) -> None:
    alice, _ = member_libraries
    with alice.writing() as connection:
        add_rule(connection, Rule(0, "Popular", "votes:>7", tags=("popular",)), utc_now())

    report = import_paths(
        alice, [digests.write("a.md", "2024-03-01", [*entries(1), *entries(2, votes=9)])]
    )

    assert report.files[0].rules == (("Popular", 1),)
    with alice.reading() as connection:
        assert store.find_paper_ids(connection, parse_query("tag:popular")) == [
            store.paper_id_for(connection, "2403.00002")
        ]
