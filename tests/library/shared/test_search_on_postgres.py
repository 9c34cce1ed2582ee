"""Searching a shared library for words: what a library file has no counterpart of (each
member's private note, shared notes) and the triggers that keep the words in step with
edits, counts, ranking and rules. The query language's own cases run on both engines in
tests/library/test_search.py."""

import psycopg
import pytest

from readinglist.core.query import parse_query
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_file
from readinglist.library.rules import Rule, add_rule
from readinglist.library.search import compile_query, count_matching, ranked_ids
from readinglist.library.shared import ddl, text_search
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.setup import SharedLibraryError, init_shared
from readinglist.library.text_match import TextMatch
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import connected_as

DAY = [
    FakeEntry("2403.00001", title="Robots that Plan", summary=("계획하는 로봇",)),
    FakeEntry("2403.00002", title="Video Models", summary=("A video model.",)),
]


def found(library: Library, text: str) -> list[str]:
    with library.reading() as connection:
        ids = store.find_paper_ids(connection, parse_query(text))
        return sorted(paper.arxiv_id for paper in store.load_papers(connection, ids))


@pytest.fixture
def imported(member_libraries: tuple[Library, Library], digests: DigestWriter) -> dict[str, int]:
    """The day's papers in the shared library, by arXiv id."""
    import_file(member_libraries[0], digests.write("d.md", "2024-03-01", DAY))
    with member_libraries[0].reading() as connection:
        return {
            entry.arxiv_id: paper_id
            for entry in DAY
            if (paper_id := store.paper_id_for(connection, entry.arxiv_id)) is not None
        }


def test_a_private_note_is_searched_for_its_author_alone(
    member_libraries: tuple[Library, Library], imported: dict[str, int]
) -> None:
    alice, bob = member_libraries
    with alice.writing() as connection:
        store.set_note(connection, imported["2403.00002"], "compare with 로봇들", utc_now())

    assert found(alice, "로봇") == ["2403.00001", "2403.00002"]
    assert found(bob, "로봇") == ["2403.00001"]
    assert found(alice, "note:compare") == ["2403.00002"]
    assert found(alice, "video compare") == ["2403.00002"]  # one in the title, one in the note
    assert found(alice, "로봇 -compare") == ["2403.00001"]  # a note's word excludes
    assert found(alice, "title:compare") == []
    with alice.reading() as connection:
        assert count_matching(connection, parse_query("로봇")) == 2
    with bob.reading() as connection:
        assert count_matching(connection, parse_query("로봇")) == 1
    with alice.writing() as connection:  # a note's words and the shared ones both match
        store.set_note(connection, imported["2403.00001"], "로봇 again", utc_now())
    assert found(alice, "로봇") == ["2403.00001", "2403.00002"]
    with alice.reading() as connection:
        ids = store.find_paper_ids(connection, parse_query("로봇"))
        assert ids == sorted(imported.values())  # each once, in the list's order
        assert count_matching(connection, parse_query("로봇")) == 2
    with alice.writing() as connection:
        store.set_note(connection, imported["2403.00002"], "", utc_now())
    assert found(alice, "compare") == []


def test_shared_notes_and_tags_are_everyones_words(
    shared: PostgresDatabase,
    members: tuple[str, str],
    member_libraries: tuple[Library, Library],
    imported: dict[str, int],
) -> None:
    alice, bob = member_libraries
    with connected_as(shared, members[0]) as as_alice:
        as_alice.execute(
            "INSERT INTO shared_notes (paper_id, text) VALUES (%s, 'see the ablation')",
            [imported["2403.00001"]],
        )
    with bob.writing() as connection:
        store.add_tags(connection, [imported["2403.00002"]], ["Generative-Video"])

    assert found(bob, "ablation") == found(bob, "note:ablation") == ["2403.00001"]
    assert found(alice, "generative") == ["2403.00002"]
    with connected_as(shared, members[0]) as as_alice:
        as_alice.execute("UPDATE shared_notes SET text = 'done'")
    with bob.writing() as connection:
        connection.exec_driver_sql("UPDATE tags SET name = 'clips'")
    assert found(bob, "ablation") == [] and found(bob, "generative") == []
    assert found(alice, "clips") == ["2403.00002"]
    with bob.writing() as connection:
        connection.exec_driver_sql("DELETE FROM tags")
    assert found(alice, "clips") == []


def test_relevance_counts_and_rules_search_words(
    member_libraries: tuple[Library, Library], digests: DigestWriter
) -> None:
    alice, _ = member_libraries
    with alice.writing() as connection:
        add_rule(connection, Rule(0, "Robots", "로봇 OR title:robot", tags=("robots",)), utc_now())
    report = import_file(alice, digests.write("d.md", "2024-03-01", DAY))

    assert report.rules == (("Robots", 1),)
    assert found(alice, "tag:robots") == ["2403.00001"]
    with alice.reading() as connection:
        ranked = ranked_ids(connection, parse_query("video"))
        assert ranked is not None
        titles = [paper.title for paper in store.load_papers(connection, ranked)]
        assert titles == ["Video Models"]
        assert count_matching(connection, parse_query("model")) == 1


def test_the_planner_tells_words_that_find_many_papers(
    shared: PostgresDatabase,
    member_libraries: tuple[Library, Library],
    imported: dict[str, int],
    digests: DigestWriter,
) -> None:
    """A word in most papers finds many, one in none few, as the statistics estimate
    them (lists then read the found ids another way: search._tsquery_condition)."""
    alice, _ = member_libraries
    many = [FakeEntry(f"2403.{n:05}", title=f"Common words {n}") for n in range(10, 60)]
    import_file(alice, digests.write("e.md", "2024-03-02", many))
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute("ANALYZE paper_search")
    with alice.reading() as connection:
        assert text_search.finds_many(connection, compile_match("common"), text_search.MANY)
        assert not text_search.finds_many(connection, compile_match("robots"), text_search.MANY)
        assert not text_search.finds_many(connection, compile_match("nowhere"), text_search.MANY)


def compile_match(text: str) -> TextMatch:
    match = compile_query(parse_query(text)).match
    assert match is not None
    return match


def test_init_shared_says_what_to_do_without_unaccent(postgres_database: PostgresDatabase) -> None:
    """A role that may not install the extension is told to ask for it, and nothing is made."""
    with psycopg.connect(postgres_database.url, autocommit=True) as admin:
        admin.execute("CREATE ROLE plain_owner LOGIN")
        admin.execute(f'ALTER DATABASE "{postgres_database.name}" OWNER TO plain_owner')
        admin.execute("ALTER SCHEMA public OWNER TO plain_owner")
        admin.execute(f'REVOKE CREATE ON DATABASE "{postgres_database.name}" FROM plain_owner')
        member = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [ddl.MEMBER])
        if member.fetchone() is None:
            admin.execute(f"CREATE ROLE {ddl.MEMBER} NOLOGIN".encode())
    try:
        address = SharedAddress.parse(postgres_database.url_as("plain_owner"))
        with pytest.raises(SharedLibraryError, match=r"CREATE EXTENSION unaccent.*nothing was"):
            init_shared(address)
        with psycopg.connect(postgres_database.url) as connection:
            assert connection.execute("SELECT to_regclass('paper_records')").fetchone() == (None,)
    finally:
        with psycopg.connect(postgres_database.url, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{postgres_database.name}" OWNER TO postgres')
            admin.execute("ALTER SCHEMA public OWNER TO pg_database_owner")
            admin.execute("DROP ROLE plain_owner")
