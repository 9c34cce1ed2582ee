"""Watched folders: a scan finds what is new or changed (by size and time), an import of it
records each file once, and a folder that went missing is reported and kept."""

import os
from pathlib import Path

import pytest

from readinglist.core.digest_files import read_digest_file
from readinglist.core.import_report import FileStatus
from readinglist.library import watch_folders as watch
from readinglist.library.database import Library, utc_now
from tests.helpers.digests import DigestWriter, digest_text, entries


def _watch(library: Library, folder: Path) -> watch.WatchFolder:
    folder.mkdir(parents=True, exist_ok=True)
    with library.writing() as connection:
        added, _ = watch.add_folder(connection, folder, utc_now())
    return added


def _changed(library: Library) -> list[str]:
    return [change.relative for change in watch.scan(library).changes]


def _scan_and_import(library: Library) -> dict[str, FileStatus]:
    changes = watch.scan(library).changes
    report = watch.import_changes(library, changes)
    return {file.name: file.status for file in report.files}


def _folders(library: Library) -> list[watch.WatchFolder]:
    with library.reading() as connection:
        return watch.list_folders(connection)


def test_a_folder_is_kept_resolved_once_and_can_be_removed(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "digests"
    folder.mkdir()
    with library.writing() as connection:
        first, added = watch.add_folder(
            connection, tmp_path / "digests" / ".." / "digests", utc_now()
        )
        again, added_again = watch.add_folder(connection, folder, utc_now())
    assert (added, added_again) == (True, False)
    assert first.path == again.path == folder.resolve()
    with library.writing() as connection:
        removed = watch.remove_folder(connection, folder)
    assert removed.id == first.id
    assert _folders(library) == []


def test_only_a_folder_can_be_watched_and_only_a_watched_one_removed(
    library: Library, tmp_path: Path
) -> None:
    file = tmp_path / "file.md"
    file.write_text("x")
    with (
        library.writing() as connection,
        pytest.raises(watch.WatchFolderError, match="not a folder"),
    ):
        watch.add_folder(connection, file, utc_now())
    with (
        library.writing() as connection,
        pytest.raises(watch.WatchFolderError, match="not a watched"),
    ):
        watch.remove_folder(connection, tmp_path)


def test_new_files_import_once_and_unchanged_ones_are_not_read_again(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    _watch(library, digests.folder)
    digests.write("2024/03/01.md", "2024-03-01", entries("2403.00001"))
    digests.write("2024/03/02.md", "2024-03-02", entries("2403.00002"))

    assert _scan_and_import(library) == {"01.md": FileStatus.IMPORTED, "02.md": FileStatus.IMPORTED}

    read: list[Path] = []

    def reading(path: Path, *args: object) -> bytes:
        read.append(path)
        return read_digest_file(path)

    monkeypatch.setattr("readinglist.library.importer.read_digest_file", reading)
    assert _scan_and_import(library) == {}
    assert read == []  # not even opened: size and time are the same
    assert _folders(library)[0].files == 2


def test_a_changed_file_is_read_again(library: Library, digests: DigestWriter) -> None:
    _watch(library, digests.folder)
    day = digests.write("01.md", "2024-03-01", entries("2403.00001"))
    _scan_and_import(library)

    os.utime(day, ns=(day.stat().st_atime_ns, day.stat().st_mtime_ns + 10**9))  # touched
    assert _scan_and_import(library) == {"01.md": FileStatus.UNCHANGED}  # same bytes

    day.write_text(digest_text("2024-03-01", entries("2403.00001", "2403.00009")))
    assert _scan_and_import(library) == {"01.md": FileStatus.IMPORTED}
    assert _changed(library) == []


def test_temporary_partial_and_hidden_files_and_git_are_passed_over(
    library: Library, digests: DigestWriter
) -> None:
    _watch(library, digests.folder)
    text = digest_text("2024-03-01", entries("2403.00001"))
    for name in (
        ".hidden.md",
        "01.md~",
        "01.md.part",
        "01.md.tmp",
        "01.md.crdownload",
        ".01.md.swp",
        "#01.md#",
        ".git/objects/01.md",
        ".sync/01.md",
    ):
        digests.write_text(name, text)
    digests.write_text("2024/03/01.md", text)

    assert _changed(library) == ["2024/03/01.md"]


def test_rejected_and_unclaimed_files_are_not_retried_until_they_change(
    library: Library, digests: DigestWriter
) -> None:
    _watch(library, digests.folder)
    notes = digests.write_text("notes.md", "# Just notes\n")
    digests.write_bytes("teaser.png", b"\x89PNG\r\n\x1a\n not a digest")

    assert _scan_and_import(library) == {"notes.md": FileStatus.REJECTED}
    assert _changed(library) == []

    notes.write_text(digest_text("2024-03-01", entries("2403.00001")))
    assert _scan_and_import(library) == {"notes.md": FileStatus.IMPORTED}


def test_a_missing_folder_is_reported_kept_and_its_files_not_read_again(
    library: Library, digests: DigestWriter, tmp_path: Path
) -> None:
    _watch(library, digests.folder)
    digests.write("01.md", "2024-03-01", entries("2403.00001"))
    _scan_and_import(library)

    unplugged = tmp_path / "unplugged"
    digests.folder.rename(unplugged)
    first, second = watch.scan(library), watch.scan(library)
    assert [f.path for f in first.newly_missing] == [digests.folder.resolve()]
    assert second.newly_missing == []  # said once
    (kept,) = _folders(library)
    assert kept.missing_since is not None
    assert kept.files == 1  # its files are remembered

    unplugged.rename(digests.folder)
    back = watch.scan(library)
    assert back.changes == [] and back.missing == []
    assert _folders(library)[0].missing_since is None


def test_subfolders_are_walked_and_files_gone_are_forgotten(
    library: Library, digests: DigestWriter
) -> None:
    _watch(library, digests.folder)
    day = digests.write("2023/12/15.md", "2023-12-15", entries("2312.00001"))
    found = watch.scan(library)
    assert {p.relative_to(digests.folder.resolve()).as_posix() for p in found.walked} == {
        ".",
        "2023",
        "2023/12",
    }
    watch.import_changes(library, found.changes)

    day.unlink()
    watch.scan(library)
    assert _folders(library)[0].files == 0


def test_files_not_reached_by_a_cancelled_import_are_offered_again(
    library: Library, digests: DigestWriter
) -> None:
    _watch(library, digests.folder)
    digests.write("01.md", "2024-03-01", entries("2403.00001"))
    digests.write("02.md", "2024-03-02", entries("2403.00002"))

    report = watch.import_changes(library, watch.scan(library).changes, cancelled=lambda: True)

    assert report.cancelled
    assert _changed(library) == ["01.md", "02.md"]


def test_files_of_a_folder_removed_meanwhile_are_not_recorded(
    library: Library, digests: DigestWriter
) -> None:
    folder = _watch(library, digests.folder)
    digests.write("01.md", "2024-03-01", entries("2403.00001"))
    changes = watch.scan(library).changes
    with library.writing() as connection:
        watch.remove_folder(connection, folder.path)

    report = watch.import_changes(library, changes)

    assert [file.status for file in report.files] == [FileStatus.IMPORTED]
    assert _folders(library) == []


def test_a_scan_without_folders_writes_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused() -> None:
        raise AssertionError("written to")

    monkeypatch.setattr(library, "writing", refused)  # a read-only library, say

    assert watch.scan(library) == watch.Scan()
