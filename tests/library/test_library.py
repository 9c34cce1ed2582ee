"""Opening libraries: pragmas, schema versions and migrations, backups, health checks."""

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from readinglist.library import backup, migrations
from readinglist.library.database import (
    LibraryError,
    LibraryTooNewError,
    connect_raw,
    default_library_path,
    open_library,
)
from readinglist.library.health import check_library
from readinglist.library.importer import import_file
from tests.helpers.digests import DigestWriter, entries


def user_version(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def test_a_new_library_is_created_at_the_latest_version_in_wal_mode(library_path: Path) -> None:
    with open_library(library_path) as library:
        assert library.open_report.created
        with library.reading() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 10_000
    assert user_version(library_path) == migrations.latest_version()
    assert not backup.daily_backups(library_path)  # nothing worth a copy yet


def test_a_library_from_a_newer_release_is_refused_untouched(library_path: Path) -> None:
    open_library(library_path).close()
    newer = migrations.latest_version() + 1
    with closing(sqlite3.connect(library_path)) as connection:
        connection.execute(f"PRAGMA user_version = {newer}")
    before = library_path.read_bytes()

    with pytest.raises(LibraryTooNewError, match="newer readinglist"):
        open_library(library_path)

    assert user_version(library_path) == newer
    assert library_path.read_bytes() == before


def test_other_files_are_refused_with_a_message(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (x)")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database at all" * 100)

    with pytest.raises(LibraryError, match="not a readinglist library"):
        open_library(other)
    with pytest.raises(LibraryError, match="not a readable library"):
        open_library(garbage)


def test_a_migration_backs_up_first_and_runs_in_one_transaction(
    library_path: Path, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_library(library_path) as library:
        import_file(library, digests.write("d.md", "2024-03-01", entries("2403.00001")))
    version = migrations.latest_version()

    def add_column(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE papers ADD COLUMN rating INTEGER")

    monkeypatch.setattr(migrations, "STEPS", {**migrations.STEPS, version: add_column})
    with open_library(library_path) as library:
        report = library.open_report
    assert report.migrated_from == version
    assert report.pre_migration_backup is not None
    assert user_version(report.pre_migration_backup) == version  # the copy is of the old one
    assert user_version(library_path) == version + 1


def test_a_failing_migration_leaves_the_library_as_it_was(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_library(library_path).close()
    version = migrations.latest_version()

    def half_done(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE papers ADD COLUMN rating INTEGER")
        raise sqlite3.OperationalError("simulated failure")

    steps = {**migrations.STEPS, version: half_done, version + 1: half_done}
    monkeypatch.setattr(migrations, "STEPS", steps)
    with pytest.raises(LibraryError, match=r"nothing was changed.*simulated failure"):
        open_library(library_path)
    with closing(sqlite3.connect(library_path)) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(papers)")}
    assert "rating" not in columns
    assert user_version(library_path) == version


def test_daily_backups_rotate_keeping_seven(library_path: Path) -> None:
    open_library(library_path).close()
    with closing(connect_raw(library_path)) as connection:
        for day in range(1, 11):
            backup.rotate_daily(connection, library_path, dt.date(2024, 3, day))
        again = backup.rotate_daily(connection, library_path, dt.date(2024, 3, 10))
    kept = backup.daily_backups(library_path)
    assert again.path is None  # one a day
    assert [p.stem[-5:] for p in kept] == [f"03-{day:02d}" for day in range(4, 11)]
    assert len(kept) == backup.KEEP_DAILY
    assert all(user_version(p) == migrations.latest_version() for p in kept)


def test_reopening_an_existing_library_makes_todays_backup(library_path: Path) -> None:
    open_library(library_path).close()
    with open_library(library_path) as library:
        assert library.open_report.daily_backup is not None
        assert library.open_report.daily_backup.parent == library_path.parent / "backups"
    with open_library(library_path) as library:
        assert library.open_report.daily_backup is None


def test_the_library_location_can_be_overridden(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("READINGLIST_LIBRARY", str(tmp_path / "mine.sqlite"))
    assert default_library_path() == tmp_path / "mine.sqlite"
    monkeypatch.delenv("READINGLIST_LIBRARY")
    assert default_library_path().name == "library.sqlite"
    assert "readinglist" in str(default_library_path().parent)


def test_check_finds_a_sound_library_sound_and_a_damaged_one_damaged(
    library_path: Path, digests: DigestWriter
) -> None:
    with open_library(library_path) as library:
        for day in range(1, 10):
            ids = [f"2403.{day:02d}{n:03d}" for n in range(40)]
            import_file(library, digests.write(f"{day}.md", f"2024-03-0{day}", entries(*ids)))
        with library.reading() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert check_library(library_path).sound

    data = bytearray(library_path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    for number in range(2, len(data) // page, 3):  # scribble over some b-tree page headers
        data[number * page : number * page + 12] = b"\x0d\xff" * 6
    library_path.write_bytes(bytes(data))
    report = check_library(library_path)
    assert not report.sound and report.problems
