"""Importing: one transaction per file, idempotent, and never touching the user's data."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from readinglist.core.digest_files import digest_paths, find_digest_files
from readinglist.core.paper import Paper, ReadingStatus
from readinglist.library import papers as store
from readinglist.library.database import Library
from readinglist.library.importer import FileStatus, import_file, import_paths
from tests.helpers.digests import DigestWriter, FakeEntry, digest_text, entries
from tests.helpers.user_data import make_it_mine


def table_counts(library: Library) -> dict[str, int]:
    with closing(sqlite3.connect(library.path)) as connection:
        names = ("papers", "digests", "digest_files", "sightings", "tags", "paper_tags")
        return {
            name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in names
        }


def paper(library: Library, arxiv_id: str) -> Paper:
    with library.reading() as connection:
        found = store.load_paper(connection, arxiv_id)
    assert found is not None, arxiv_id
    return found


def test_a_digest_imports_its_papers_in_order(library: Library, digests: DigestWriter) -> None:
    path = digests.write("d1.md", "2024-03-01", entries("2403.00001", "2403.00002", "2403.00003"))

    report = import_file(library, path)

    assert (report.status, report.papers_new, report.appearances_new) == (FileStatus.IMPORTED, 3, 3)
    with library.reading() as connection:
        ids = store.find_paper_ids(connection)
        listed = [p.arxiv_id for p in store.load_papers(connection, ids)]
    assert listed == ["2403.00001", "2403.00002", "2403.00003"]
    first = paper(library, "2403.00001")
    assert first.first_seen.isoformat() == "2024-03-01"
    assert first.status is ReadingStatus.UNREAD and not first.starred and first.note == ""
    assert first.summary == ("이 논문은 새로운 방법을 제안합니다.", "It works well on benchmarks.")


def test_the_same_file_again_is_unchanged_and_skipped_by_hash(
    library: Library, digests: DigestWriter
) -> None:
    path = digests.write("d1.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    import_file(library, path)
    before = table_counts(library)

    again = import_file(library, path)

    assert (again.status, again.papers_new, again.appearances_new) == (FileStatus.UNCHANGED, 0, 0)
    assert table_counts(library) == before


def test_a_copy_or_older_version_of_the_day_adds_nothing(
    library: Library, digests: DigestWriter
) -> None:
    full = digests.write("2024-03-01.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    readme = digests.write_text(
        "README.md",
        "# Daily Papers\n\n## Project Description\n\nText.\n\n"
        + digest_text("2024-03-01", entries("2403.00001", "2403.00002"))
        + "\n## License\n\n- not a paper\n",
    )
    older = digests.write("older.md", "2024-03-01", entries("2403.00001", votes=3))
    import_file(library, full)
    before = table_counts(library)

    reports = [import_file(library, readme), import_file(library, older)]

    assert [r.status for r in reports] == [FileStatus.UNCHANGED, FileStatus.UNCHANGED]
    after = table_counts(library)
    assert {k: v for k, v in after.items() if k != "digest_files"} == {
        k: v for k, v in before.items() if k != "digest_files"
    }
    assert paper(library, "2403.00001").votes == 10  # the older, smaller count does not win


def test_a_paper_in_two_digests_is_one_paper_with_two_appearances(
    library: Library, digests: DigestWriter
) -> None:
    later = digests.write("b.md", "2024-03-05", [FakeEntry("2403.00001", votes=40)])
    earlier = digests.write("a.md", "2024-03-01", [FakeEntry("2403.00001", votes=12)])

    first, second = import_file(library, later), import_file(library, earlier)

    assert (first.papers_new, first.appearances_new) == (1, 1)
    assert (second.papers_new, second.appearances_new) == (0, 1)
    found = paper(library, "2403.00001")
    assert found.first_seen.isoformat() == "2024-03-01"
    assert found.votes == 40  # the latest digest's votes, whatever the import order
    assert [(d.date.isoformat(), d.votes) for d in found.digests] == [
        ("2024-03-01", 12),
        ("2024-03-05", 40),
    ]


def test_reimport_never_touches_stars_tags_notes_or_status(
    library: Library, digests: DigestWriter
) -> None:
    path = digests.write("d1.md", "2024-03-01", entries("2403.00001"))
    import_file(library, path)
    with library.writing() as connection:
        make_it_mine(connection, "2403.00001", "llm", "# mine\nkeep this")
    before = paper(library, "2403.00001")

    changed = digests.write("d1-v2.md", "2024-03-01", [FakeEntry("2403.00001", votes=99)])
    later = digests.write("d2.md", "2024-03-02", [FakeEntry("2403.00001", votes=120)])
    import_paths(library, [path, changed, later])

    after = paper(library, "2403.00001")
    assert (after.starred, after.status, after.tags, after.note) == (
        True,
        ReadingStatus.READ,
        ("llm",),
        "# mine\nkeep this",
    )
    assert after.status_changed_at == before.status_changed_at
    assert after.votes == 120


def test_a_failing_file_adds_nothing_and_the_batch_goes_on(
    library: Library, digests: DigestWriter
) -> None:
    good = digests.write("good.md", "2024-03-01", entries("2403.00001"))
    bad_text = (
        digest_text("2024-03-02", entries("2403.00002")) + "### [Cut off](https://arxiv.org/ab"
    )
    bad = digests.write_text("bad.md", bad_text)
    also_good = digests.write("later.md", "2024-03-03", entries("2403.00003"))

    report = import_paths(library, [good, bad, also_good])

    assert [f.status for f in report.files] == [
        FileStatus.IMPORTED,
        FileStatus.REJECTED,
        FileStatus.IMPORTED,
    ]
    rejected = report.files[1]
    assert rejected.error is not None and rejected.error.line == bad_text.count("\n") + 1
    assert "cut off" in rejected.error.message
    with library.reading() as connection:
        assert store.paper_id_for(connection, "2403.00002") is None
    assert table_counts(library)["digests"] == 2


def test_a_storage_failure_rolls_the_whole_file_back(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = digests.write("d1.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    before = table_counts(library)

    def fail(*_: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("readinglist.library.ingest._upsert_sightings", fail)
    report = import_file(library, path)

    assert report.status is FileStatus.REJECTED
    assert report.error is not None and "disk I/O error" in report.error.message
    assert table_counts(library) == before  # the papers inserted before the failure are gone


def test_a_folder_is_walked_for_every_file_a_format_claims(
    library: Library, digests: DigestWriter
) -> None:
    digests.write("2024/03/01.md", "2024-03-01", entries("2403.00001"))
    digests.write("2024/03/02.MD", "2024-03-02", entries("2403.00002"))
    digests.write_text("2024/notes.txt", "not a digest")

    found = digest_paths(find_digest_files([digests.folder]))
    report = import_paths(library, [digests.folder])

    assert [p.name for p in found] == ["01.md", "02.MD", "notes.txt"]
    assert report.count(FileStatus.IMPORTED) == 2
    assert len(report.files) == 2  # no format claims the notes: passed over without a word


def test_missing_and_unreadable_files_are_rejected_by_name(
    library: Library, tmp_path: Path
) -> None:
    report = import_paths(library, [tmp_path / "nowhere.md"])

    assert report.files[0].status is FileStatus.REJECTED
    assert report.files[0].error is not None
    assert report.files[0].error.message == "no such file"


def test_progress_and_cancel(library: Library, digests: DigestWriter) -> None:
    paths = [
        digests.write(f"{i}.md", f"2024-03-0{i}", entries(f"2403.0000{i}")) for i in range(1, 5)
    ]
    seen: list[tuple[int, int]] = []
    asked: list[bool] = []

    def cancelled() -> bool:  # the user cancels while the third file is up next
        asked.append(True)
        return len(asked) > 2

    report = import_paths(
        library,
        paths,
        progress=lambda done, total, _: seen.append((done, total)),
        cancelled=cancelled,
    )

    assert seen == [(1, 4), (2, 4)]
    assert report.cancelled and [f.status for f in report.files] == [FileStatus.IMPORTED] * 2
    assert table_counts(library)["digests"] == 2  # what was read before the cancel is kept


def test_the_shared_corpus_imports_and_reimports_as_unchanged(
    library: Library, shared_corpus: Path
) -> None:
    first = import_paths(library, [shared_corpus])
    rejected = [(f.name, f.error) for f in first.rejected]
    assert rejected == [("README.md", rejected[0][1])]  # the corpus' own description
    counts = table_counts(library)

    second = import_paths(library, [shared_corpus])

    assert second.papers_new == second.appearances_new == 0
    assert second.count(FileStatus.UNCHANGED) == len(second.files) - 1
    assert table_counts(library) == counts
    assert counts["digests"] == 68


def test_a_bad_file_given_twice_is_rejected_twice(library: Library, digests: DigestWriter) -> None:
    bad = digests.write_text("bad.md", "## Daily Papers (2024-02-30)\n")

    report = import_paths(library, [bad, digests.folder])

    assert [f.status for f in report.files] == [FileStatus.REJECTED]  # one path, listed once
    again = import_paths(library, [bad])
    assert again.files[0].status is FileStatus.REJECTED
    assert again.files[0].error == report.files[0].error
    assert again.files[0].error is not None and again.files[0].error.line == 1


def test_a_file_listed_twice_in_one_batch_is_imported_once(
    library: Library, digests: DigestWriter
) -> None:
    path = digests.write("d.md", "2024-03-01", entries("2403.00001"))
    copy = digests.write_bytes("copy.md", path.read_bytes())

    report = import_paths(library, [path, copy])

    assert [f.status for f in report.files] == [FileStatus.IMPORTED, FileStatus.UNCHANGED]


def test_a_file_that_fails_to_store_is_rejected_with_its_copy(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = digests.write("d.md", "2024-03-01", entries("2403.00001"))
    copy = digests.write_bytes("copy.md", path.read_bytes())

    def fail(*_: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("readinglist.library.ingest._upsert_sightings", fail)
    report = import_paths(library, [path, copy])

    assert [f.status for f in report.files] == [FileStatus.REJECTED, FileStatus.REJECTED]
    monkeypatch.undo()
    again = import_paths(library, [path, copy])
    assert [f.status for f in again.files] == [FileStatus.IMPORTED, FileStatus.UNCHANGED]
