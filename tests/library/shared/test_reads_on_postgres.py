"""The library layer's reads on a shared library: lists sorted and filtered in SQL, the
list's rows, whole papers and the sidebar's counts, each as the member reading sees them."""

import pytest
from sqlalchemy.exc import ProgrammingError

from readinglist.core.listing import SortKey
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.library import browse
from readinglist.library import papers as store
from readinglist.library.database import Library
from readinglist.library.driver import fetch_binary
from readinglist.library.user_edits import AddTagEdit, StarEdit, StatusEdit, write_in_parts
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper


@pytest.fixture
def papers(shared: PostgresDatabase) -> list[int]:
    """Four papers, 1 to 4 votes, added in that order."""
    return [add_paper(shared, f"2403.0000{n}", title=f"Paper {n}", votes=n) for n in range(1, 5)]


def listed(library: Library, query: str, sort: SortKey = SortKey.VOTES) -> list[int]:
    with library.reading() as connection:
        return store.find_paper_ids(connection, parse_query(query), sort, descending=True)


def test_lists_are_sorted_and_filtered_by_the_members_own_state(
    papers: list[int], member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    one, two, three, four = papers
    write_in_parts(alice, StatusEdit([two, three], ReadingStatus.QUEUED))
    write_in_parts(alice, StarEdit([four], starred=True))
    write_in_parts(bob, AddTagEdit([one, three], "robots"))

    assert listed(alice, "") == [four, three, two, one]
    assert listed(alice, "status:queued") == [three, two]
    assert listed(bob, "status:queued") == []
    assert listed(alice, "is:starred") == [four]
    assert listed(alice, "tag:Robots votes:>1") == [three]  # bob's tag: shared
    assert listed(alice, "", SortKey.TITLE)[0] == four


def test_rows_papers_and_counts_are_the_members(
    papers: list[int], member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    one, two, *_ = papers
    write_in_parts(alice, StatusEdit([one], ReadingStatus.READ))
    write_in_parts(alice, AddTagEdit([one], "robots"))

    with alice.reading() as connection:
        rows = browse.load_rows(connection, [one, two])
        [paper] = store.load_papers(connection, [one])
        counts = browse.sidebar_counts(connection)
        found = store.paper_id_for(connection, "2403.00001")
    with bob.reading() as connection:
        theirs = browse.load_rows(connection, [one])[one]

    assert (rows[one].status, rows[one].tags, rows[two].status) == (
        ReadingStatus.READ,
        ("robots",),
        ReadingStatus.UNREAD,
    )
    assert (paper.title, paper.status, paper.tags, found) == (
        "Paper 1",
        ReadingStatus.READ,
        ("robots",),
        one,
    )
    assert (counts.total, counts.by_status[ReadingStatus.READ]) == (4, 1)
    assert theirs.status is ReadingStatus.UNREAD and theirs.tags == ("robots",)


def test_ids_read_in_binary_are_the_servers_values_and_its_errors_sqlalchemys(
    member_libraries: tuple[Library, Library],
) -> None:
    alice, _ = member_libraries
    big = 2**40 + 7
    with alice.reading() as connection:
        rows = fetch_binary(connection, "SELECT ARRAY[1, %s, 3]::bigint[], NULL::bigint[]", [big])
        assert rows == [([1, big, 3], None)]
        assert fetch_binary(connection, "SELECT generate_series(1, 3)::bigint", ()) == [
            (1,),
            (2,),
            (3,),
        ]
        with pytest.raises(ProgrammingError) as raised:
            fetch_binary(connection, "SELECT no_such_column FROM paper_records", ())
        assert "no_such_column" in str(raised.value)
