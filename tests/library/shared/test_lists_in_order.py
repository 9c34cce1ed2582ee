"""A search's whole list on a shared library read from its found rows of words, each holding its
paper's date (`text_search.in_list_order`, search_ddl.LISTED_ORDER): the same papers in the
same order as the list read through `papers` (the plan it replaces for words alone, kept for
a library made before the dates), a paper found twice once, the trash left out, and a paper
seen again moved up as its date changes."""

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Connection, select

from readinglist.core.listing import SortKey
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.library import papers as store
from readinglist.library import sorting, tables, trash
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.shared import text_search
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import PostgresDatabase

pytestmark = pytest.mark.postgres

QUERIES = [
    "robots",  # many papers, ties of one day among them
    "robot arm",  # two words anywhere (a note's among them)
    "robots -arm",  # a word leaving papers out
    "arm OR gripper",  # a choice
    "gripper",  # in the reader's note alone, and in a title
    '"robot arm"',  # a phrase of two words: its pairs alone say; of more, checked on its words
    '"soft robot arm"',
    "title:robots",
    "nothing-holds-this",
    "is:unread robots",  # words and unread: the reader's other statuses left out
    "robots is:unread -arm",
    "is:unread gripper",  # a noted paper found by its note alone, read, and one in the trash
]
DAYS = {  # digest date: (arxiv id, title); one before 2000, the lists' dates counted from
    "1999-12-31": [("2403.00009", "Robots of the last century")],
    "2024-03-01": [("2403.00001", "Robots that fold"), ("2403.00002", "Soft robot arm")],
    "2024-03-02": [
        ("2403.00003", "Robots in kitchens"),
        ("2403.00004", "A robot arm, soft"),
        ("2403.00005", "Robots at sea"),
        ("2403.00006", "Language models"),
    ],
    "2024-03-03": [("2403.00007", "Robots, again"), ("2403.00008", "Gripper design")],
    "2024-03-05": [("2403.00010", "Pliers"), ("2403.00011", "Tongs")],
}


@pytest.fixture
def alice(member_libraries: tuple[Library, Library], digests: DigestWriter) -> Iterator[Library]:
    """Alice's library of four days' digests, with a note of hers on a paper its words do
    not otherwise find by (`gripper`), another on one they do (`arm`), one in her trash and
    one read; and two found by their notes alone (`gripper`), one in her trash, one read."""
    library, _ = member_libraries
    paths = [
        digests.write(f"{day}.md", day, [FakeEntry(arxiv_id, title) for arxiv_id, title in found])
        for day, found in DAYS.items()
    ]
    import_paths(library, paths)
    with library.writing() as connection:
        now = utc_now()
        store.set_note(connection, paper(connection, "2403.00003"), "a gripper, a robot arm", now)
        store.set_note(connection, paper(connection, "2403.00004"), "arm again", now)
        trash.move_to_trash(connection, [paper(connection, "2403.00005")], now)
        store.set_status(connection, [paper(connection, "2403.00007")], ReadingStatus.READ, now)
        store.set_note(connection, paper(connection, "2403.00010"), "gripper pliers", now)
        trash.move_to_trash(connection, [paper(connection, "2403.00010")], now)
        store.set_note(connection, paper(connection, "2403.00011"), "gripper tongs", now)
        store.set_status(connection, [paper(connection, "2403.00011")], ReadingStatus.READ, now)
    yield library


def paper(connection: Connection, arxiv_id: str) -> int:
    found = store.paper_id_for(connection, arxiv_id)
    assert found is not None
    return found


def listed(library: Library, query: str, descending: bool = True) -> list[int]:
    with library.reading() as connection:
        return sorting.find_paper_ids(connection, parse_query(query), SortKey.LAST_SEEN, descending)


def read_in_order(library: Library, query: str, descending: bool) -> bool:
    """Whether the whole list of `query` is read from the found rows in order."""
    with library.reading() as connection:
        plan = sorting.id_plan(connection, parse_query(query), SortKey.LAST_SEEN, descending)
    return "AS packed" in plan.statements[0][0]


def by_dates(library: Library, ids: list[int], descending: bool) -> list[int]:
    """`ids` sorted as the list sorts them, from the papers' own dates."""
    papers = tables.PAPERS.c
    with library.reading() as connection:
        dates = dict(connection.execute(select(papers.id, papers.last_seen)).all())
    if descending:
        return sorted(ids, key=lambda paper_id: (-dates[paper_id].toordinal(), paper_id))
    return sorted(ids, key=lambda paper_id: (dates[paper_id], paper_id))


@pytest.mark.parametrize("descending", [True, False], ids=["newest first", "oldest first"])
def test_a_search_is_listed_in_order_from_its_found_rows(
    alice: Library, monkeypatch: pytest.MonkeyPatch, descending: bool
) -> None:
    in_order = {query: listed(alice, query, descending) for query in QUERIES}
    assert all(read_in_order(alice, query, descending) for query in QUERIES)
    monkeypatch.setattr(text_search, "words_dated", lambda _: False)  # as before the dates
    through_papers = {query: listed(alice, query, descending) for query in QUERIES}

    assert not any(read_in_order(alice, query, descending) for query in QUERIES)
    assert in_order == through_papers
    for ids in in_order.values():
        assert ids == by_dates(alice, ids, descending)
        assert len(ids) == len(set(ids))
    with alice.reading() as connection:
        robots = {paper(connection, f"2403.0000{n}") for n in (1, 3, 7, 9)}
        gripper = {paper(connection, f"2403.000{n}") for n in ("03", "08", "11")}
        read = paper(connection, "2403.00007")
        noted_and_read = paper(connection, "2403.00011")
    assert set(in_order["robots"]) == robots  # 2403.00005, in the trash, left out
    assert set(in_order["gripper"]) == gripper  # by notes and by the title; not the trash's
    assert set(in_order["is:unread robots"]) == robots - {read}
    assert set(in_order["is:unread gripper"]) == gripper - {noted_and_read}


def test_a_paper_seen_again_moves_up_its_searches(alice: Library, digests: DigestWriter) -> None:
    with alice.reading() as connection:
        folding = paper(connection, "2403.00001")
    assert listed(alice, "robots")[-2] == folding  # the last before the last century's

    import_paths(alice, [digests.write("d.md", "2024-03-04", [FakeEntry("2403.00001")])])

    assert listed(alice, "robots")[0] == folding
    assert listed(alice, "robots", descending=False)[-1] == folding


def test_every_row_of_words_holds_its_papers_date(alice: Library, shared: PostgresDatabase) -> None:
    with psycopg.connect(shared.url) as connection:
        for table in ("paper_search", "paper_pairs"):
            unlike = connection.execute(
                f"SELECT count(*) FROM {table} t JOIN paper_records r ON r.id = t.rowid "
                "WHERE t.last_seen IS DISTINCT FROM r.last_seen"
            ).fetchone()
            rows = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert (unlike, rows) == ((0,), (11,))
