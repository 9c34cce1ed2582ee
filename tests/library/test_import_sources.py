"""The importer takes every format: sniffed (or forced), each file whole or not at all, a paper
seen again a sighting more, never a second paper, and never a change to the user's data."""

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from readinglist.core.import_report import FileStatus
from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library.browse import sidebar_counts
from readinglist.library.database import Library
from readinglist.library.importer import import_file, import_paths
from tests.helpers.digests import DigestWriter, FakeEntry, entries
from tests.helpers.sources import SOURCES, hf_day, hf_paper
from tests.helpers.user_data import make_it_mine


def rows(library: Library, statement: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(library.path)) as connection:
        return connection.execute(statement).fetchall()


def test_every_formats_fixtures_import_by_their_content(library: Library) -> None:
    report = import_paths(library, [SOURCES])

    formats = {name for (name,) in rows(library, "SELECT DISTINCT format FROM digest_files")}
    assert report.rejected == []
    assert formats == {path.name for path in SOURCES.iterdir()}
    assert report.by_id_only == 7  # listing_email.txt 2, notes.md 5


def test_a_paper_seen_in_another_source_gains_a_sighting_and_keeps_the_users_data(
    library: Library, digests: DigestWriter
) -> None:
    import_file(library, digests.write("a.md", "2024-03-01", entries("2403.00001")))
    with library.writing() as connection:
        make_it_mine(connection, "2403.00001", "mine", "my note")
    github = "https://github.com/example/code"
    item = hf_paper(
        "2403.00001", "Another title", upvotes=40, abstract="An abstract.", github=github
    )

    report = import_file(library, digests.write_text("b.json", hf_day("2024-03-01", item)))

    assert (report.status, report.papers_new, report.appearances_new) == (
        FileStatus.IMPORTED,
        0,
        1,
    )
    with library.reading() as connection:
        paper = store.load_paper(connection, "2403.00001")
    assert paper is not None
    assert (paper.starred, paper.status, paper.tags, paper.note) == (
        True,
        ReadingStatus.READ,
        ("mine",),
        "my note",
    )
    assert paper.title == "Paper 2403.00001"  # its first title stays
    assert [(d.source, d.date.isoformat()) for d in paper.digests] == [
        ("daily-papers-md", "2024-03-01"),
        ("hf-daily-json", "2024-03-01"),
    ]
    assert paper.abstract == "An abstract."
    assert paper.all_links.github == github
    assert rows(library, "SELECT count(*) FROM papers") == [(1,)]
    assert rows(library, "SELECT source, date FROM digests ORDER BY id") == [
        ("daily-papers-md", "2024-03-01"),
        ("hf-daily-json", "2024-03-01"),
    ]


def test_a_file_of_several_days_is_a_sighting_a_day(library: Library, tmp_path: Path) -> None:
    items = [
        {**hf_paper("2403.00001", "T1", upvotes=3), "publishedAt": "2024-03-01T01:00:00Z"},
        {**hf_paper("2403.00001", "T1", upvotes=9), "publishedAt": "2024-03-02T01:00:00Z"},
        {**hf_paper("2403.00002", "T2"), "publishedAt": "2024-03-02T01:00:00Z"},
    ]
    path = tmp_path / "week.json"
    path.write_text(json.dumps(items))

    report = import_file(library, path)
    again = import_file(library, path)

    assert (report.papers_new, report.appearances_new) == (2, 3)
    assert again.status is FileStatus.UNCHANGED
    with library.reading() as connection:
        paper = store.load_paper(connection, "2403.00001")
        second = store.load_paper(connection, "2403.00002")
    assert paper is not None and second is not None
    assert (str(paper.first_seen), str(paper.last_seen), paper.votes) == (
        "2024-03-01",
        "2024-03-02",
        9,
    )
    assert second.votes is None  # a missing number is not zero


def test_a_generators_error_is_flagged_not_kept_as_the_summary(
    library: Library, digests: DigestWriter
) -> None:
    item = hf_paper("2403.00001", "T", ai_summary="번역 중 오류 발생")

    import_file(library, digests.write_text("a.json", hf_day("2024-03-01", item)))

    assert rows(library, "SELECT summary, summary_error FROM sightings") == [
        ("[]", "번역 중 오류 발생")
    ]
    with library.reading() as connection:
        paper = store.load_paper(connection, "2403.00001")
    assert paper is not None and (paper.summary, paper.summary_error) == ((), "번역 중 오류 발생")


def test_a_forced_format_reads_the_file_as_that_format(
    library: Library, digests: DigestWriter
) -> None:
    path = digests.write("a.md", "2024-03-01", entries("2403.00001", "2403.00002"))

    report = import_paths(library, [path], format_name="arxiv-ids")

    assert (report.papers_new, report.by_id_only) == (2, 2)
    assert rows(library, "SELECT DISTINCT source FROM digests") == [("arxiv-ids",)]


def test_a_forced_format_that_does_not_fit_rejects_the_file_naming_it(
    library: Library, digests: DigestWriter
) -> None:
    path = digests.write("a.md", "2024-03-01", entries("2403.00001"))

    report = import_paths(library, [path], format_name="hf-daily-json")

    assert report.files[0].status is FileStatus.REJECTED
    assert report.files[0].error is not None and "not JSON" in report.files[0].error.message


@pytest.mark.parametrize(
    "name", [".hidden.json", "day.json.part", "day.tmp", "day.json~", "day.json.crdownload"]
)
def test_a_folders_hidden_temporary_and_partial_files_are_passed_over(
    library: Library, digests: DigestWriter, name: str
) -> None:
    text = hf_day("2024-03-01", hf_paper("2403.00001", "T"))
    digests.write_text(name, text)
    digests.write_text("day.json", hf_day("2024-03-02", hf_paper("2403.00002", "T")))

    report = import_paths(library, [digests.folder])

    assert [file.name for file in report.files] == ["day.json"]


def test_a_folder_of_files_no_format_claims_says_it_holds_no_digest(
    library: Library, digests: DigestWriter
) -> None:
    digests.write_text("a.txt", "nothing here")
    digests.write_bytes("b.png", b"\x89PNG\r\n\x1a\n")

    report = import_paths(library, [digests.folder])

    assert [file.path for file in report.files] == [digests.folder]
    assert report.files[0].status is FileStatus.REJECTED


def test_a_days_count_counts_each_paper_once_whatever_its_sources(
    library: Library, digests: DigestWriter
) -> None:
    import_file(library, digests.write("a.md", "2024-03-01", entries("2403.00001", "2403.00002")))
    hf = hf_day("2024-03-01", hf_paper("2403.00002", "T"), hf_paper("2403.00003", "U"))
    import_file(library, digests.write_text("a.json", hf))
    with library.reading() as connection:
        seen_on_hf = store.paper_id_for(connection, "2403.00003")
        assert seen_on_hf is not None
        every = sidebar_counts(connection).digests
        recounted = sidebar_counts(connection, [seen_on_hf]).digests  # the day, every source

    assert [(str(d.date), d.papers, d.unread) for d in every] == [("2024-03-01", 3, 3)]
    assert recounted == every


def test_a_paper_seen_again_counts_its_sightings_and_the_votes_it_gained(
    library: Library, digests: DigestWriter
) -> None:
    """`seen_count` and `rising` (the votes gained over the last three voted sightings) are
    kept up to date at import, whatever the order the days arrive in."""
    days = {"2024-03-04": 31, "2024-03-01": 5, "2024-03-03": 30, "2024-03-02": 12}
    for day, votes in days.items():
        listed = [FakeEntry("2403.00001", votes=votes)]
        import_file(library, digests.write(f"{day}.md", day, listed))
    import_file(library, digests.write("once.md", "2024-03-05", [FakeEntry("2403.00002")]))

    figures = "SELECT arxiv_id, seen_count, rising FROM papers ORDER BY arxiv_id"
    assert rows(library, figures) == [("2403.00001", 4, 31 - 12), ("2403.00002", 1, None)]
    hf = digests.write_text("hf.json", hf_day("2024-03-05", hf_paper("2403.00002", "T")))
    import_file(library, hf)  # a second sighting without a number: seen twice, nothing gained
    assert rows(library, figures)[1] == ("2403.00002", 2, None)
