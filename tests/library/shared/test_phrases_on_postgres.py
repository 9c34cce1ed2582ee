"""Phrases on a shared library, looked up by their word pairs (search_ddl.PAIRS): the papers
the words in order find (`search @@ readinglist_phrase`, as before the pairs), whatever
the phrase's length, its last word a prefix, on papers past the pairs' limits too, and
in step with the edits that change a paper's words. The query language's phrases run on
both engines in tests/library/test_search.py."""

import psycopg
import pytest

from readinglist.core.query import parse_query
from readinglist.library import papers as store
from readinglist.library.database import Library
from readinglist.library.importer import import_file
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import connected_as

COMMON = "We study chain of thought and large language models"
# Papers whose words are common, and some side by side only in a few of them.
PAPERS = [
    FakeEntry(
        f"2403.{n:05}", title=f"Study {n}", summary=(COMMON, "GPT-4o 대규모 언어 모델을 평가")
    )
    for n in range(1, 6)
]
PAPERS += [
    FakeEntry("2403.00101", title="Thought of a chain", summary=("models of language large",)),
    FakeEntry("2403.00102", title="언어 대규모 모델", summary=("GPT and 4o, chain and thought",)),
    FakeEntry("2403.00103", title="Chain of Thoughts", summary=("대규모 언어 모델은",)),
]
# A position past the tsvector's last one (16,383): words there share it, so the pairs
# cannot stand for every phrase; 100 words cycle so that each keeps its positions.
FILLER = " ".join(f"w{n % 100:02}" for n in range(17_000))
PHRASES = [
    ('"chain of thought"', 6),
    ('"chain of thoughts"', 1),
    ('"chain of thou"', 6),  # the last word a prefix
    ('"of thought"', 6),
    ('"thought of"', 1),
    ('"chain thought"', 0),  # both words in every paper, never side by side
    ("GPT-4o", 5),
    ('"gpt-4"', 5),
    ('"4o 대규모"', 5),
    ('"대규모 언어 모델"', 6),
    ('"대규모 언어 모"', 6),
    ('"언어 대규모"', 1),
    ('"대규모 언어 모델을 평가"', 5),  # five words: pairs, then checked on the words
    ('"thought and large language models"', 5),
    ('"language large"', 1),
    ('"study 1 we"', 0),  # the title's end, then the summary: fields never run together
]


# A named field's phrases, looked up in that field's own pairs, against its words in order:
# (query, the field's column, its words, papers found).
FIELD_PHRASES = [
    ('author:"anna rossi"', "authors", "anna rossi", 1),
    ('author:"rossi anna"', "authors", "rossi anna", 0),
    ('author:"anna ro"', "authors", "anna ro", 1),
    ('author:"rossi bo lee"', "authors", "rossi bo lee", 1),  # across two authors
    ('title:"chain of thought"', "title", "chain of thought", 1),
    ('title:"of a"', "title", "of a", 1),
    ('title:"study 1"', "title", "study 1", 1),
    ('title:"we study"', "title", "we study", 0),  # a summary's words, not a title's
    ('id:"2403.00101"', "arxiv_id", "2403.00101", 1),
]


def found(library: Library, text: str) -> set[str]:
    with library.reading() as connection:
        ids = store.find_paper_ids(connection, parse_query(text))
        return {paper.arxiv_id for paper in store.load_papers(connection, ids)}


def by_words(shared: PostgresDatabase, text: str) -> set[str]:
    """The papers a phrase's words in order find (as every phrase was found before)."""
    with psycopg.connect(shared.url) as connection:
        rows = connection.execute(
            "SELECT r.arxiv_id FROM paper_search JOIN paper_records r ON r.id = rowid "
            "WHERE search @@ readinglist_phrase(%s)",
            [text.strip('"')],
        )
        return {str(arxiv_id) for (arxiv_id,) in rows}


@pytest.fixture
def imported(member_libraries: tuple[Library, Library], digests: DigestWriter) -> Library:
    import_file(member_libraries[0], digests.write("d.md", "2024-03-01", PAPERS))
    return member_libraries[0]


@pytest.mark.parametrize(("text", "papers"), PHRASES)
def test_a_phrase_finds_what_its_words_in_order_find(
    shared: PostgresDatabase, imported: Library, text: str, papers: int
) -> None:
    assert found(imported, text) == by_words(shared, text)
    assert len(found(imported, text)) == papers


@pytest.mark.parametrize("case", FIELD_PHRASES)
def test_a_fields_phrase_finds_what_its_words_in_order_find_there(
    shared: PostgresDatabase,
    imported: Library,
    digests: DigestWriter,
    case: tuple[str, str, str, int],
) -> None:
    text, column, words, papers = case
    authored = FakeEntry("2403.00300", title="Authored", authors=("Anna Rossi", "Bo Lee"))
    credited = FakeEntry("2403.00301", title="Credited", summary=("anna rossi wrote it",))
    import_file(imported, digests.write("f.md", "2024-03-03", [authored, credited]))
    with psycopg.connect(shared.url) as connection:
        rows = connection.execute(
            "SELECT r.arxiv_id FROM paper_search s JOIN paper_records r ON r.id = rowid "
            f"WHERE s.{column} @@ readinglist_phrase(%s)",
            [words],
        )
        by_its_words = {str(arxiv_id) for (arxiv_id,) in rows}

    assert found(imported, text) == by_its_words
    assert len(by_its_words) == papers


def test_a_paper_past_the_pairs_limits_is_checked_on_its_words(
    shared: PostgresDatabase, imported: Library, digests: DigestWriter
) -> None:
    long = FakeEntry("2403.00200", title="Long", summary=("chain of thoughtful",))
    import_file(imported, digests.write("e.md", "2024-03-02", [long]))
    with psycopg.connect(shared.url) as connection:  # longer than a digest's summary may be
        connection.execute(
            "UPDATE sightings SET abstract = %s FROM paper_records r "
            "WHERE r.id = sightings.paper_id AND r.arxiv_id = %s",
            [FILLER, long.arxiv_id],
        )
        exact = connection.execute(
            "SELECT complete FROM paper_pairs JOIN paper_records r ON r.id = rowid "
            "WHERE r.arxiv_id = %s",
            [long.arxiv_id],
        )
        assert exact.fetchone() == (False,)

    assert "2403.00200" in found(imported, '"chain of thought"')
    assert "2403.00200" not in found(imported, '"chain of thoughts"')
    assert found(imported, '"w98 w99 w00 w01"') == {"2403.00200"}
    assert found(imported, '"w99 w98"') == set()


def test_pairs_that_a_tsvector_cannot_hold_are_none(shared: PostgresDatabase) -> None:
    """A paper with more word pairs than a tsvector's 1 MB: none (its phrases are then
    checked on its words) rather than an import that fails."""
    with psycopg.connect(shared.url) as connection:
        row = connection.execute(
            "SELECT readinglist_pairs(to_tsvector('simple', string_agg(md5(g::text) "
            "|| md5(g::text), ' '))) IS NULL FROM generate_series(1, 8000) AS g"
        ).fetchone()
        small = connection.execute(
            "SELECT readinglist_pairs(readinglist_words('a b c d'))::text"
        ).fetchone()
    assert row == (True,)
    assert small == ("'d a b' 'd b c' 'd c d' 'd d'",)  # a summary's (weight d)


def test_pairs_follow_tags_and_shared_notes(
    shared: PostgresDatabase, members: tuple[str, str], imported: Library
) -> None:
    with imported.reading() as connection:
        paper = store.paper_id_for(connection, "2403.00101")
    assert paper is not None
    with imported.writing() as connection:
        store.add_tags(connection, [paper], ["Generative Video"])
    with connected_as(shared, members[0]) as as_alice:
        as_alice.execute(
            "INSERT INTO shared_notes (paper_id, text) VALUES (%s, 'see the ablation study')",
            [paper],
        )
    assert found(imported, '"generative video"') == {"2403.00101"}
    assert found(imported, '"the ablation study"') == {"2403.00101"}

    with imported.writing() as connection:
        connection.exec_driver_sql("UPDATE tags SET name = 'clips'")
    with connected_as(shared, members[0]) as as_alice:
        as_alice.execute("UPDATE shared_notes SET text = 'done'")
    assert found(imported, '"generative video"') == set()
    assert found(imported, '"the ablation"') == set()
