"""Full-text search: Korean words with their particles, fields, ranking, and an index that
stays in step with every change (imports, notes, tags, deletions, an upgrade from v2).

The query language's cases run on both engines (`either`): a library file's FTS5 index and
a shared library's tsvectors (library/shared/text_search.py) find the same papers."""

import datetime as dt
import itertools
import shutil
from pathlib import Path
from typing import cast

import pytest

from readinglist.core.listing import SortKey
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query, parse_query
from readinglist.library import papers as store
from readinglist.library.database import Library, open_library, utc_now
from readinglist.library.driver import stored_moment
from readinglist.library.importer import import_file, import_paths
from readinglist.library.search import count_matching, ranked_ids
from readinglist.library.search_index import index_is_sound, rebuild_index
from readinglist.library.shared import text_search
from readinglist.library.trash import move_to_trash
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.paths import FIXTURES as FIXTURE_FOLDER

FIXTURES = FIXTURE_FOLDER / "libraries"
PAPERS = [
    FakeEntry(
        "2403.00001",
        title="A Benchmark for Korean Models",
        authors=("Jürgen Müller", "Ada Lovelace"),
        summary=("새로운 데이터셋은 대규모 언어 모델을 평가합니다.", "Works on GPT-4o."),
    ),
    FakeEntry(
        "2403.00002",
        title="Video Diffusion at Scale",
        authors=("Alan Turing",),
        summary=("우리는 데이터셋을 공개합니다.", "A video generation model."),
    ),
    FakeEntry(
        "2403.00003",
        title="Agents that Plan",
        authors=("Grace Hopper",),
        summary=("언어모델 기반 에이전트", "Chain-of-Thought planning for agents."),
    ),
    FakeEntry(
        "2312.10042",
        title="Sparse Attention, Revisited",
        authors=("Tim Rocktäschel", "Zoë Kim"),
        summary=("효율적인 추론을 위한 희소 어텐션", "KV-cache savings of 4x."),
    ),
]


@pytest.fixture
def filled(library: Library, digests: DigestWriter) -> Library:
    import_file(library, digests.write("d.md", "2024-03-01", PAPERS[:3]))
    return library


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("postgresql, few found", marks=pytest.mark.postgres),
    ]
)
def either(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Library:
    """A library file, or a shared library opened as one member (each test runs on both).
    On the shared library, lists test papers against the found ids (as for words that find
    many papers), or, "few found", look the found papers up (text_search.finds_many)."""
    if request.param == "sqlite":
        return cast(Library, request.getfixturevalue("library"))
    share = float("inf") if request.param == "postgresql, few found" else 0.0
    monkeypatch.setattr(text_search, "MANY", share)
    monkeypatch.setattr(text_search, "FIRST_ROWS_MANY", share)
    return cast(tuple[Library, Library], request.getfixturevalue("member_libraries"))[0]


@pytest.fixture
def either_filled(either: Library, digests: DigestWriter) -> Library:
    import_file(either, digests.write("d.md", "2024-03-01", PAPERS[:3]))
    return either


@pytest.fixture
def either_searched(either: Library, digests: DigestWriter) -> Library:
    import_file(either, digests.write("d.md", "2024-03-01", PAPERS))
    return either


def found(library: Library, text: str) -> list[str]:
    """arXiv ids matching `text`, in the list's default order (newest digest, then import);
    the list's first rows (a shared library's first screen, its own statement) checked to
    be the same papers."""
    query = parse_query(text)
    with library.reading() as connection:
        ids = store.find_paper_ids(connection, query, SortKey.LAST_SEEN, False)
        first = store.find_paper_ids(connection, query, SortKey.LAST_SEEN, False, limit=2)
        assert first == ids[:2]
        return [paper.arxiv_id for paper in store.load_papers(connection, ids)]


def sound(library: Library) -> bool:
    with library.reading() as connection:
        return index_is_sound(connection)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("데이터셋", ["2403.00001", "2403.00002"]),  # 데이터셋은, 데이터셋을
        ("데이", ["2403.00001", "2403.00002"]),  # a Korean prefix, typed as you go
        ("셋", []),  # the middle of a word is not a prefix
        ("효율적", ["2312.10042"]),
        ("데이터셋은", ["2403.00001"]),
        ('"대규모 언어 모델"', ["2403.00001"]),  # the phrase's last word takes its particle
        ('"언어 모델"', ["2403.00001"]),
        ("모델", ["2403.00001"]),  # not 언어모델: a word inside a compound is not found
        ("언어모델", ["2403.00003"]),
        ("muller", ["2403.00001"]),  # accents fold
        ("MÜLLER", ["2403.00001"]),
        ("rocktaschel", ["2312.10042"]),
        ("rocktäschel", ["2312.10042"]),
        ("zoe", ["2312.10042"]),
        ("author:zoë kim", ["2312.10042"]),
        ("gpt-4o", ["2403.00001"]),
        ("gpt 4o", ["2403.00001"]),
        ('"gpt-4"', ["2403.00001"]),
        ("kv-cache", ["2312.10042"]),
        ('"sparse attention revisited"', ["2312.10042"]),  # punctuation between words
        ('"revisited tim"', []),  # no phrase across fields (the title's end, then the authors)
        ("c++", ["2403.00003", "2312.10042"]),  # + is no letter: c, a prefix (chain, cache)
        ('"chain of thought"', ["2403.00003"]),
        ('"planning for agents"', ["2403.00003"]),  # three words: pairs, then checked
        ('"of thought plan"', ["2403.00003"]),  # the last word a prefix
        ('"thought planning for agents"', ["2403.00003"]),
        ('"chain of thou planning"', []),  # only the last word is a prefix
        ('"chain thought"', []),  # both words in the paper, not side by side
        ('"planning agents for"', []),
        ('"데이터셋은 대규모 언어"', ["2403.00001"]),
        ('"데이터셋은 대규모 언어 모델을 평가"', ["2403.00001"]),
        ('"언어 대규모"', []),
        ('"models jürgen"', []),  # the title's end, then the authors
        ('"korean models"', ["2403.00001"]),
        ('"sparse atten"', ["2312.10042"]),
        ('-"chain of thought"', ["2403.00001", "2403.00002", "2312.10042"]),
        ('"gpt-4o" -"video generation"', ["2403.00001"]),
        ('"a video gen" OR plan', ["2403.00002", "2403.00003"]),
        ('"video gen" 데이터셋', ["2403.00002"]),
        ("video -diffusion", []),
        ("video OR agents", ["2403.00002", "2403.00003"]),
        ("-video", ["2403.00001", "2403.00003", "2312.10042"]),
        ("bench", ["2403.00001"]),  # a prefix: typing as you go finds papers
        ("title:video", ["2403.00002"]),
        ("summary:video", ["2403.00002"]),
        ("title:데이터셋", []),
        ('author:"alan turing"', ["2403.00002"]),
        ("author:ada", ["2403.00001"]),
        ("2403.00003", ["2403.00003"]),
        ("id:2403.0000", ["2403.00001", "2403.00002", "2403.00003"]),
        ("2403.00009", []),
        ("2403", ["2403.00001", "2403.00002", "2403.00003"]),  # an id's first part
        ("2312.1004", ["2312.10042"]),  # an id's prefix
        ("id:00042", []),  # ids are phrases: 2312 then 10042
        ("summary:savings", ["2312.10042"]),
        ("title:attention -summary:어텐션", []),
        ("summary:sparse", []),  # in the title only
        ("video OR 2312", ["2403.00002", "2312.10042"]),
        ('"언어 모델" OR "chain of"', ["2403.00001", "2403.00003"]),
        ("title:video OR author:kim", ["2403.00002", "2312.10042"]),
        ("-데이터셋 -agents", ["2312.10042"]),
        ("(video OR agents) -plan", ["2403.00002"]),
        ("-video -agents", ["2403.00001", "2312.10042"]),
        ("video OR is:starred", ["2403.00002"]),
        ("-(video OR agents) 데이터셋", ["2403.00001"]),
    ],
)
def test_text_search(either_searched: Library, text: str, expected: list[str]) -> None:
    assert found(either_searched, text) == expected


def test_the_trash_is_left_out_unless_asked_for(either_searched: Library) -> None:
    """On a shared library as NOT EXISTS, or NOT IN when the words find many papers."""
    with either_searched.writing() as connection:
        trashed = store.find_paper_ids(connection, parse_query("2403.00002"))
        move_to_trash(connection, trashed, utc_now())

    kept = ["2403.00001", "2403.00003", "2312.10042"]
    assert found(either_searched, "digest:2024-03-01") == kept
    assert found(either_searched, "데이터셋") == ["2403.00001"]
    assert found(either_searched, '"video generation"') == []
    assert found(either_searched, "is:trashed") == ["2403.00002"]
    with either_searched.reading() as connection:
        assert count_matching(connection, parse_query("digest:2024-03-01")) == 3
        assert count_matching(connection, parse_query("데이터셋")) == 1


def test_field_filters_and_their_combinations(
    either_filled: Library, digests: DigestWriter
) -> None:
    filled = either_filled
    old = FakeEntry("2402.00001", title="Older Video", votes=None)
    import_file(filled, digests.write("old.md", "2024-02-10", [old]))
    today = dt.date.today()
    recent = FakeEntry("2402.00002", title="Brand new", votes=500)
    import_file(filled, digests.write("new.md", today - dt.timedelta(days=2), [recent]))
    with filled.writing() as connection:
        papers = store.load_papers(connection, store.find_paper_ids(connection))
        ids = {paper.arxiv_id: paper.id for paper in papers}
        store.add_tags(connection, [ids["2403.00001"], ids["2402.00001"]], ["To Share"])
        store.set_starred(connection, [ids["2403.00002"]], True)
        store.set_status(connection, [ids["2403.00003"]], ReadingStatus.QUEUED, utc_now())
        store.set_note(connection, ids["2403.00003"], "Read the appendix first", utc_now())

    assert found(filled, "tag:to share") == []  # two terms: tag:to and the word share
    assert found(filled, 'tag:"to share"') == ["2402.00001", "2403.00001"]
    assert found(filled, "share") == ["2402.00001", "2403.00001"]  # words in tag names
    assert found(filled, "is:starred") == ["2403.00002"]
    assert found(filled, "-is:starred video") == ["2402.00001"]
    assert found(filled, "status:queued") == ["2403.00003"]
    assert found(filled, "is:unread status:queued") == found(filled, "")  # either: all
    assert found(filled, "note:appendix") == ["2403.00003"]
    assert found(filled, "appendix") == ["2403.00003"]
    assert found(filled, "appendix OR zzyzx") == ["2403.00003"]  # the note's alone
    assert found(filled, '"appendix first"') == ["2403.00003"]  # a phrase in the note
    assert found(filled, '"first appendix"') == []
    assert found(filled, "appendix OR share") == ["2402.00001", "2403.00001", "2403.00003"]
    assert found(filled, "votes:>100") == ["2402.00002"]
    assert found(filled, "votes:<=10") == ["2403.00001", "2403.00002", "2403.00003"]
    assert found(filled, "-votes:>=10") == ["2402.00001"]  # no votes: not 10 or more
    assert found(filled, "date:2024-02") == ["2402.00001"]
    march = ["2403.00001", "2403.00002", "2403.00003"]
    assert found(filled, "date:>=2024-03-01 date:<2024-04") == march
    assert found(filled, "date:<7d") == ["2402.00002"]
    assert found(filled, "date:>7d") == ["2402.00001", *march]
    assert found(filled, "digest:2024-03-01") == march
    assert found(filled, "digest:<2024-03") == ["2402.00001"]
    assert found(filled, 'video (is:starred OR tag:"to share")') == ["2402.00001", "2403.00002"]
    # words among papers picked by hand: tested on each of those papers alone on PostgreSQL
    assert found(filled, "is:starred 데이") == ["2403.00002"]  # a Korean prefix
    assert found(filled, 'is:starred "video diffusion"') == ["2403.00002"]
    assert found(filled, "is:starred agents") == []
    assert found(filled, "status:queued appendix") == ["2403.00003"]  # the reader's note
    assert found(filled, "status:queued agents -appendix") == []  # a note's word excludes
    assert found(filled, 'status:queued "chain of thought"') == ["2403.00003"]
    assert found(filled, "status:queued,read agents OR video") == ["2403.00003"]
    assert found(filled, 'tag:"to share" video') == ["2402.00001"]
    assert found(filled, 'tag:"to share" 데이터셋은 -video') == ["2403.00001"]
    assert found(filled, "-status:queued agents") == []
    assert found(filled, "-is:starred 데이터셋") == ["2403.00001"]


def test_seen_counts_the_sightings_of_any_source_and_day(
    either_filled: Library, digests: DigestWriter
) -> None:
    """2403.00001 seen on three days, 2403.00002 on two, 2403.00003 once."""
    first, second = PAPERS[0], PAPERS[1]
    import_file(either_filled, digests.write("e.md", "2024-03-02", [first, second]))
    import_file(either_filled, digests.write("f.md", "2024-03-03", [first]))
    with either_filled.writing() as connection:
        starred = store.paper_id_for(connection, "2403.00002")
        assert starred is not None
        store.set_starred(connection, [starred], True)

    assert found(either_filled, "seen:>1") == ["2403.00002", "2403.00001"]  # by last seen
    assert found(either_filled, "seen:3") == ["2403.00001"]
    assert found(either_filled, "seen:>=2 seen:<3") == ["2403.00002"]
    assert found(either_filled, "seen:<=1") == ["2403.00003"]
    assert found(either_filled, "-seen:>1") == ["2403.00003"]
    assert found(either_filled, "seen:>1 is:starred") == ["2403.00002"]
    assert found(either_filled, "seen:>1 데이터셋") == ["2403.00002", "2403.00001"]
    assert found(either_filled, "seen:>2 OR agents") == ["2403.00003", "2403.00001"]
    assert found(either_filled, "seen:>1 date:2024-03 votes:>1") == ["2403.00002", "2403.00001"]


def test_a_conjunction_finds_what_its_terms_find_apart(
    either_filled: Library, digests: DigestWriter
) -> None:
    """Where a query starts (a tag, a status, a star, the text, or walking the sort index
    past unread papers) changes how SQLite or PostgreSQL reads the library, never what it finds."""
    import_file(either_filled, digests.write("e.md", "2024-03-02", [FakeEntry("2403.00004")]))
    with either_filled.writing() as connection:
        ids = store.find_paper_ids(connection, Query(), SortKey.LAST_SEEN, False)
        store.add_tags(connection, ids[1:3], ["picked"])
        store.set_starred(connection, ids[:2], True)
        store.set_status(connection, ids[2:3], ReadingStatus.QUEUED, utc_now())
        store.set_status(connection, ids[3:], ReadingStatus.READ, utc_now())
    with either_filled.reading() as connection:
        status_of = {p.arxiv_id: p.status for p in store.load_papers(connection, ids)}
    unread = [arxiv_id for arxiv_id, status in status_of.items() if status is ReadingStatus.UNREAD]
    assert found(either_filled, "is:unread") == unread == ["2403.00001", "2403.00002"]
    statuses = ["is:unread", "status:unread,queued", "status:queued"]  # two: either (an OR)
    others = ["is:starred", "-is:starred", "tag:picked", "데이터셋", "video OR agents", "-video"]
    others += ["votes:>1", "date:2024-03"]
    pairs = [*itertools.product(statuses, others), *itertools.combinations(others, 2)]
    for first, second in pairs:
        apart = set(found(either_filled, second))
        assert found(either_filled, f"{first} {second}") == [
            i for i in found(either_filled, first) if i in apart
        ]
    for triple in [
        ("is:unread", "votes:>1", "video OR agents"),
        ("votes:>1", "date:2024", "-video"),
    ]:
        alone = [set(found(either_filled, text)) for text in triple]
        assert set(found(either_filled, " ".join(triple))) == set.intersection(*alone)


def test_a_text_match_keeps_the_lists_sort(either_filled: Library) -> None:
    query = parse_query("데이터셋 OR agents")
    with either_filled.reading() as connection:
        for key in SortKey:
            for descending in (True, False):
                everything = store.find_paper_ids(connection, Query(), key, descending)
                matching = store.find_paper_ids(connection, query, key, descending)
                assert matching == [i for i in everything if i in set(matching)]


def test_relevance_ranks_title_matches_first_and_counts_agree(filled: Library) -> None:
    with filled.reading() as connection:
        ranked = ranked_ids(connection, parse_query("video"))
        assert ranked is not None
        titles = [paper.title for paper in store.load_papers(connection, ranked)]
        assert titles[0] == "Video Diffusion at Scale"
        assert ranked_ids(connection, parse_query("is:starred")) is None  # nothing to rank by
        assert ranked_ids(connection, parse_query("-video")) is None
        assert count_matching(connection, parse_query("데이터셋")) == 2
        assert count_matching(connection, Query()) == 3


def test_the_index_follows_notes_and_tags(filled: Library) -> None:
    with filled.writing() as connection:
        paper_id = store.paper_id_for(connection, "2403.00002")
        assert paper_id is not None
        store.set_note(connection, paper_id, "compare with Sora", utc_now())
        store.add_tags(connection, [paper_id], ["generative", "Sora-like"])
    assert found(filled, "sora") == ["2403.00002"]
    assert found(filled, "generative") == ["2403.00002"]
    with filled.writing() as connection:
        store.set_note(connection, paper_id, "", utc_now())
        store.remove_tags(connection, [paper_id], ["sora-like"])
    assert found(filled, "sora") == []
    assert found(filled, "generative") == ["2403.00002"]
    with filled.writing() as connection:  # what no screen does yet: renaming, deleting tags
        connection.exec_driver_sql("UPDATE tags SET name = 'imagery' WHERE name = 'generative'")
    assert found(filled, "generative") == [] and found(filled, "imagery") == ["2403.00002"]
    with filled.writing() as connection:
        connection.exec_driver_sql("DELETE FROM tags WHERE name = 'imagery'")
    assert found(filled, "imagery") == []
    assert sound(filled)


def test_the_index_follows_imports_deletions_and_rollbacks(
    filled: Library, digests: DigestWriter
) -> None:
    fuller = FakeEntry(
        "2403.00002",
        title="Video Diffusion at Scale",
        authors=("Alan Turing", "Claude Shannon"),
        summary=("두 번째 요약: 확산 모델",),
    )
    import_file(filled, digests.write("e.md", "2024-03-02", [fuller]))
    assert found(filled, "shannon") == ["2403.00002"]  # the fuller author list
    assert found(filled, "확산") == ["2403.00002"]  # the new digest's summary
    assert found(filled, "공개합니다") == ["2403.00002"]  # and the first digest's still
    assert sound(filled)

    with pytest.raises(RuntimeError), filled.writing() as connection:
        from readinglist.core.sources.registry import read_source
        from readinglist.library.ingest import StoredFile, store_reading

        text = digests.write("f.md", "2024-03-03", [FakeEntry("2403.00009", title="Ghost")])
        reading = read_source(text.read_bytes(), "f.md")
        store_reading(connection, reading, StoredFile("h", "f.md", utc_now()))
        raise RuntimeError("the transaction fails after storing")
    assert found(filled, "ghost") == []
    import_file(filled, digests.write("g.md", "2024-03-04", [FakeEntry("2403.00010")]))
    assert found(filled, "2403.00010") == ["2403.00010"] and sound(filled)

    with filled.writing() as connection:
        connection.exec_driver_sql("DELETE FROM digests WHERE date = '2024-03-02'")
    assert found(filled, "확산") == [] and found(filled, "공개합니다") == ["2403.00002"]
    with filled.writing() as connection:
        connection.exec_driver_sql("DELETE FROM papers WHERE arxiv_id = '2403.00002'")
    assert found(filled, "video") == []
    assert sound(filled)


def test_one_import_transaction_indexes_papers_that_come_back_within_it(
    library: Library, digests: DigestWriter
) -> None:
    first = FakeEntry("2403.00001", title="Once", authors=("A B",), summary=("first day",))
    again = FakeEntry("2403.00001", title="Once", authors=("A B", "C D"), summary=("next",))
    paths = [
        digests.write("1.md", "2024-03-01", [first]),
        digests.write("2.md", "2024-03-02", [again, FakeEntry("2403.00002")]),
        digests.write("3.md", "2024-03-03", [again]),
    ]
    import_paths(library, paths)  # one transaction for the three files
    assert found(library, '"first day" next author:"C D"') == ["2403.00001"]
    assert sound(library)


def test_a_damaged_index_is_noticed_and_rebuilt(filled: Library) -> None:
    with filled.writing() as connection:  # change the text behind the index's back
        connection.exec_driver_sql("DROP TRIGGER paper_search_note")
        connection.exec_driver_sql("UPDATE papers SET note = 'stale' WHERE id = 1")
    assert not sound(filled)
    with filled.writing() as connection:
        rebuild_index(connection)
    assert sound(filled) and found(filled, "stale") == ["2403.00001"]


@pytest.mark.parametrize("version", [1, 2])
def test_upgrading_to_v3_indexes_the_library(version: int, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURES / f"v{version}.sqlite", path)
    with open_library(path) as library:
        assert library.open_report.migrated_from == version
        assert sound(library)
        assert found(library, "make_fixture") == ["2403.00001"]  # its note
        assert found(library, "fixture") == ["2403.00001"]  # its tag
        assert found(library, "2403.00002") == ["2403.00002"]


def test_the_command_line_lists_what_a_sidebar_entry_and_a_query_select(
    filled: Library, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window reads its sidebar entry AND the search box; `list` parses both as text."""
    import json

    from readinglist.cli import main

    cases = [
        (Query(), "데이터셋 OR agents"),
        (Query(statuses=(ReadingStatus.UNREAD,)), "-video"),
        (Query(digests=(dt.date(2024, 3, 1),)), 'author:"alan turing" OR title:agents'),
    ]
    for sidebar, text in cases:
        with filled.reading() as connection:
            window = store.find_paper_ids(connection, sidebar.and_(parse_query(text)))
        args = ["--library", str(library_path), "list", "--json", "--", sidebar.text, text]
        assert main(args) == 0
        listed = [paper["arxiv_id"] for paper in json.loads(capsys.readouterr().out)]
        with filled.reading() as connection:
            assert listed == [p.arxiv_id for p in store.load_papers(connection, window)]
        assert listed


def test_every_sidebar_entry_sorts_every_way(either_filled: Library) -> None:
    """Before v3 a tag's entry sorted by tags failed (a correlated EXISTS lost its FROM)."""
    with either_filled.writing() as connection:
        ids = store.find_paper_ids(connection)
        store.add_tags(connection, ids[:2], ["b-tag"])
        store.add_tags(connection, ids[1:], ["a-tag"])
        store.set_starred(connection, ids[:1], True)
    entries = [
        Query(),
        Query(statuses=(ReadingStatus.UNREAD,)),
        Query(starred=True),
        Query(tags=("B-TAG",)),
        Query(digests=(dt.date(2024, 3, 1),)),
        Query(tags=("a-tag",)).and_(parse_query("데이터셋 OR agents")),
    ]
    with either_filled.reading() as connection:
        for entry in entries:
            for key in SortKey:
                for descending in (True, False):
                    everything = store.find_paper_ids(connection, Query(), key, descending)
                    shown = store.find_paper_ids(connection, entry, key, descending)
                    assert shown == [i for i in everything if i in set(shown)]
                    assert len(shown) == count_matching(connection, entry)


def test_added_finds_papers_by_the_local_day_they_came(filled: Library) -> None:
    """`added:` compares local days: a paper stored at 00:30 local time today was added
    today, one stored a minute before midnight yesterday was not."""
    midnight = dt.datetime.combine(dt.date.today(), dt.time()).astimezone()
    stored = {
        "2403.00001": midnight + dt.timedelta(minutes=30),
        "2403.00002": midnight - dt.timedelta(minutes=1),
        "2403.00003": midnight - dt.timedelta(days=10),
    }
    with filled.writing() as connection:
        for arxiv_id, moment in stored.items():
            connection.exec_driver_sql(
                "UPDATE papers SET added_at = ? WHERE arxiv_id = ?",
                (stored_moment(moment), arxiv_id),
            )
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()

    assert found(filled, "added:today") == ["2403.00001"]
    assert found(filled, f"added:{yesterday}") == ["2403.00002"]
    assert found(filled, "added:<today") == ["2403.00002", "2403.00003"]
    assert found(filled, "added:<7d") == ["2403.00001", "2403.00002"]
    assert found(filled, "added:today Benchmark") == ["2403.00001"]
    assert found(filled, "tag:none OR added:>=today") == ["2403.00001"]
    with filled.writing() as connection:
        store.add_tags(connection, [1, 2], ["picked"])  # a term picked by hand leads
    assert found(filled, "tag:picked added:today") == ["2403.00001"]
    with filled.reading() as connection:
        assert count_matching(connection, parse_query("added:today")) == 1


def test_many_tags_linked_at_once_are_searched_as_each_alone(filled: Library) -> None:
    """`link_tags` (rules tagging an import's papers): a tag spelled in another case is the
    one the library has, a tag without papers is still made, and the index follows."""
    with filled.writing() as connection:
        first, second, third = sorted(store.find_paper_ids(connection))
        store.add_tags(connection, [first], ["Robots"])
        store.link_tags(connection, {"robots": [second], "arms": [first, third], "spare": []})
    with filled.reading() as connection:
        assert sorted(store.find_paper_ids(connection, parse_query("tag:ROBOTS"))) == [
            first,
            second,
        ]
        assert sorted(store.find_paper_ids(connection, parse_query("arms"))) == [first, third]
        assert store.tag_spelling(connection, "robots") == "Robots"
        assert store.tag_spelling(connection, "spare") == "spare"
        assert index_is_sound(connection)
