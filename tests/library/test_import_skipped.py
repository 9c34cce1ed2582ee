"""What an import does not read is said, with the reason; what it cuts is said, with the line.

Tests run as root in CI, where chmod stops nothing: an unreadable folder is made by
injecting the `PermissionError` that listing it raises for anyone else.
"""

import json
import os
from pathlib import Path

import pytest

from readinglist.cli import main
from readinglist.core.digest import MAX_TITLE_CHARS, MAX_URL_CHARS
from readinglist.library import papers as store
from readinglist.library.database import Library
from readinglist.library.importer import FileStatus, ImportReport, import_paths
from tests.helpers.digests import DigestWriter, FakeEntry, digest_text, entries


def reasons(report: ImportReport) -> dict[str, str]:
    return {
        file.name: file.error.message
        for file in report.files
        if file.status is FileStatus.REJECTED and file.error is not None
    }


def test_an_unreadable_sub_folder_is_reported(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    digests.write("open/a.md", "2024-03-01", entries("2403.00001"))
    digests.write("locked/b.md", "2024-03-02", entries("2403.00002"))
    real_scandir = os.scandir

    def scandir(path: str) -> "os._ScandirIterator[str]":
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = import_paths(library, [digests.folder])

    assert report.papers_new == 1
    assert "permission denied: the folder cannot be read" in reasons(report)["locked"]


def test_a_folder_named_like_a_digest_says_it_holds_none(
    library: Library, tmp_path: Path, digests: DigestWriter
) -> None:
    named = tmp_path / "x.md"
    named.mkdir()
    (named / "notes.txt").write_text("not a digest")
    empty = tmp_path / "empty"
    empty.mkdir()
    good = digests.write("a.md", "2024-03-01", entries("2403.00001"))

    report = import_paths(library, [named, good, empty])

    assert [file.path for file in report.files] == [named, good, empty]  # in the order given
    assert reasons(report) == dict.fromkeys(
        ["x.md", "empty"], "a folder with no digest files (*.md) in it"
    )


def test_broken_links_and_sockets_in_a_folder_are_reported(
    library: Library, digests: DigestWriter
) -> None:
    digests.write("a.md", "2024-03-01", entries("2403.00001"))
    (digests.folder / "gone.md").symlink_to(digests.folder / "nowhere.md")
    (digests.folder / "loop").symlink_to(digests.folder)  # not followed: no endless walk

    report = import_paths(library, [digests.folder])

    assert report.papers_new == 1
    assert reasons(report) == {"gone.md": "no such file"}


def test_the_progress_counts_what_was_skipped(library: Library, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    seen: list[tuple[int, int]] = []

    import_paths(library, [empty], progress=lambda done, total, _: seen.append((done, total)))

    assert seen == [(1, 1)]


def test_cut_fields_are_warnings_of_the_imported_file(
    library: Library, digests: DigestWriter
) -> None:
    long_title = FakeEntry("2403.00001", title="T" * 300_000)
    long_teaser = FakeEntry("2403.00002", media="https://x.org/" + "a" * 1_000_000 + ".png")
    path = digests.write("d.md", "2024-03-01", [long_title, long_teaser])

    report = import_paths(library, [path])

    (file,) = report.files
    assert (file.status, file.papers_new) == (FileStatus.IMPORTED, 2)
    assert report.warned == [file]
    assert [warning.line for warning in file.warnings] == [3, 16]
    assert "the title is 300,000 characters long" in file.warnings[0].message
    assert "the teaser link is 1,000,018 characters long" in file.warnings[1].message
    with library.reading() as connection:
        first, second = store.load_papers(connection, store.find_paper_ids(connection))
    assert len(first.title) == MAX_TITLE_CHARS
    assert second.media is None
    assert all(len(paper.url) <= MAX_URL_CHARS for paper in (first, second))


def test_control_characters_in_links_are_not_stored(
    library: Library, digests: DigestWriter
) -> None:
    hostile = FakeEntry("2403.00001", media="https://x.org/\x1b]0;pwned\x07/a.png")
    text = digest_text("2024-03-01", [hostile]).replace("2403.00001)", "2403.00001#\x1b[2J)")

    import_paths(library, [digests.write_text("d.md", text)])

    with library.reading() as connection:
        (paper,) = store.load_papers(connection, store.find_paper_ids(connection))
    assert paper.url == "https://arxiv.org/abs/2403.00001#%1B[2J"
    assert paper.media is not None
    assert paper.media.url == "https://x.org/%1B]0;pwned%07/a.png"


def test_the_command_line_shows_the_warnings(
    library_path: Path, digests: DigestWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    path = digests.write("d.md", "2024-03-01", [FakeEntry("2403.00001", title="T" * 2_000)])
    command = ["--library", str(library_path), "import"]

    assert main([*command, str(path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1].split()[:6] == ["warning", str(path), "line", "3:", "the", "title"]
    other = digests.write("e.md", "2024-03-02", [FakeEntry("2403.00002", title="T" * 2_000)])

    assert main([*command, "--json", str(other)]) == 0
    (file,) = json.loads(capsys.readouterr().out)["files"]
    assert file["warnings"] == [
        {
            "line": 3,
            "message": f"the title is 2,000 characters long: kept its first {MAX_TITLE_CHARS:,}",
        }
    ]


def test_a_digest_of_an_impossible_day_is_rejected_at_its_header(
    library: Library, digests: DigestWriter
) -> None:
    path = digests.write("far.md", "9999-12-31", entries("2403.00001"))

    (file,) = import_paths(library, [path]).files

    assert file.status is FileStatus.REJECTED and file.error is not None
    assert file.error.line == 1
    assert file.error.message.startswith("'9999-12-31' is not a possible digest date")
