"""The daily backup: made once however many processes open the library on a new day, and
never a condition of opening it (a backup that cannot be made is skipped with a warning)."""

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from readinglist.library import backup
from readinglist.library.database import connect_raw, open_library, utc_now
from readinglist.library.health import check_library
from readinglist.library.papers import set_note
from tests.helpers.digests import DigestWriter, entries

PROCESSES = 10
ROUNDS = 3
NOTE_BYTES = 3 * 2**20  # a library of a few MB: a copy takes long enough for openers to overlap


@pytest.fixture
def filled_library(library_path: Path, digests: DigestWriter) -> Path:
    """A library of a few megabytes, with no daily backup yet."""
    from readinglist.library.importer import import_paths

    ids = [f"2403.{n:05d}" for n in range(200)]
    with open_library(library_path, daily_backup=False) as library:
        import_paths(library, [digests.write("d.md", "2024-03-01", entries(*ids))])
        with library.writing() as connection:
            set_note(connection, 1, "x" * NOTE_BYTES, utc_now())
    return library_path


def _start_list(library_path: Path) -> "subprocess.Popen[str]":
    return subprocess.Popen(
        [sys.executable, "-m", "readinglist", "--library", str(library_path), "list", "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_many_processes_opening_one_library_on_a_new_day_all_succeed(
    filled_library: Path,
) -> None:
    folder = backup.backup_dir(filled_library)
    for _ in range(ROUNDS):
        shutil.rmtree(folder, ignore_errors=True)  # a new day: no copy of today yet
        processes = [_start_list(filled_library) for _ in range(PROCESSES)]
        failures = []
        for process in processes:
            _, err = process.communicate(timeout=300)
            if process.returncode != 0 or err:
                failures.append((process.returncode, err))
        assert failures == []
        made = sorted(path.name for path in folder.iterdir() if not path.name.startswith("."))
        assert len(made) == 1 and made[0].startswith("daily-")
        assert not list(folder.glob("*partial*"))
        assert check_library(folder / made[0]).sound


def test_one_daily_copy_is_made_and_a_second_opener_skips_it(filled_library: Path) -> None:
    with closing(connect_raw(filled_library)) as connection:
        first = backup.rotate_daily(connection, filled_library)
        second = backup.rotate_daily(connection, filled_library)
    assert first.path is not None and first.why_not_made is None
    assert second.path is None and second.why_not_made is None
    assert check_library(first.path).sound


def test_a_copy_another_process_is_making_is_not_made_again(filled_library: Path) -> None:
    """While one process holds the copy lock, another opener neither waits nor copies."""
    with (
        closing(connect_raw(filled_library)) as connection,
        backup.copy_lock(filled_library) as held,
    ):
        assert held
        outcome = backup.rotate_daily(connection, filled_library)
    assert (outcome.path, outcome.why_not_made) == (None, None)
    assert not backup.daily_backups(filled_library)


@pytest.fixture
def stale_partials(filled_library: Path) -> Iterator[list[Path]]:
    """Temporary copies left by processes killed mid-copy (the old shared name and a new one)."""
    folder = backup.backup_dir(filled_library)
    folder.mkdir()
    stale = [
        folder / f"daily-{filled_library.stem}-2024-03-01.sqlite.partial",
        folder / f".daily-{filled_library.stem}-2024-03-02.sqlite.1234.partial",
    ]
    for path in stale:
        path.write_bytes(b"half a copy")
    yield stale


def test_stale_temporaries_are_removed_by_the_next_copy(
    filled_library: Path, stale_partials: list[Path]
) -> None:
    with closing(connect_raw(filled_library)) as connection:
        assert backup.rotate_daily(connection, filled_library).path is not None
    assert not any(path.exists() for path in stale_partials)


def _failing_with(error: BaseException) -> Callable[..., None]:
    def fail(*_: object) -> None:
        raise error

    return fail


@pytest.mark.parametrize(
    ("step", "error", "words"),
    [
        ("_copy_pages", sqlite3.OperationalError("database or disk is full"), "the disk is full"),
        ("_publish", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "the disk is full"),
        ("_publish", OSError(errno.EROFS, os.strerror(errno.EROFS)), "the disk is read-only"),
    ],
)
def test_a_copy_that_fails_is_skipped_with_a_warning_and_leaves_nothing(
    filled_library: Path,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    error: BaseException,
    words: str,
) -> None:
    monkeypatch.setattr(backup, step, _failing_with(error))
    with closing(connect_raw(filled_library)) as connection:
        outcome = backup.rotate_daily(connection, filled_library)
    assert outcome.path is None and outcome.why_not_made == words
    assert list(backup.backup_dir(filled_library).iterdir()) in (
        [],
        [backup.lock_path(filled_library)],
    )


def test_no_copy_is_started_without_room_for_it_and_a_margin(
    filled_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = filled_library.stat().st_size
    usage = shutil.disk_usage(filled_library.parent)
    tight = usage._replace(free=size + backup.FREE_MARGIN_BYTES // 2)
    monkeypatch.setattr(shutil, "disk_usage", lambda _: tight)
    with closing(connect_raw(filled_library)) as connection:
        outcome = backup.rotate_daily(connection, filled_library)
    assert outcome.path is None and outcome.why_not_made is not None
    assert outcome.why_not_made.startswith("not enough free space")
    assert not backup.daily_backups(filled_library)


def test_opening_with_a_backup_that_fails_still_opens_and_says_why(
    filled_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(backup, "_copy_pages", _failing_with(full))
    with open_library(filled_library) as library, library.reading() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM papers").scalar() == 200
        warning = library.open_report.backup_warning
    assert warning == f"today's backup of {filled_library} was not made: the disk is full"
