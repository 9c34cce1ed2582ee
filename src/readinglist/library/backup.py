"""Copies of the library made with SQLite's online backup API (consistent while in use).

`backups/` beside the library holds one copy per day for the last `KEEP_DAILY` days and
one before each schema migration.

Any number of processes may open one library at once, and on a new day each of them asks
for that day's copy. Copies are made under one lock per library (`copy_lock`, an operating
system lock on a file in `backups/`, released when its process ends, however it ends): the
first opener of the day copies, the others find the lock taken and carry on at once. Each
copy is written under a temporary name of its own and renamed into place when whole, so no
process ever writes or sees another's half-made copy. (Through one shared `.partial` file,
10 processes opening a library together failed 130 times in 150.) Temporaries left by a
process killed mid-copy are removed by the next copy: only the lock's holder makes any.

A daily copy that cannot be made (a full disk, a read-only folder) is skipped and said in
`BackupOutcome.why_not_made`: opening, reading and exporting never depend on it. No copy starts
unless the disk keeps `FREE_MARGIN_BYTES` free after it, so that a copy never takes the
room the library itself needs to save the day's edits.
"""

import datetime as dt
import os
import secrets
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.library import failures

if TYPE_CHECKING:
    from sqlalchemy import Connection

KEEP_DAILY = 7
FREE_MARGIN_BYTES = 64 * 2**20
_DAILY_PREFIX = "daily-"
_TEMPORARY_SUFFIX = ".partial"
_MB = 2**20


class NoRoomError(Exception):
    """Not enough free space for a copy and the margin after it."""


@dataclass(frozen=True, slots=True)
class BackupOutcome:
    """What asking for today's copy did: made it (`path`), found it made or being made by
    another process (neither), or could not make it (`why_not_made`, in words)."""

    path: Path | None = None
    why_not_made: str | None = None


def backup_dir(library_path: Path) -> Path:
    return library_path.parent / "backups"


def lock_path(library_path: Path) -> Path:
    return backup_dir(library_path) / f".copy-{library_path.stem}.lock"


@contextmanager
def copy_lock(library_path: Path, *, wait: bool = False) -> Iterator[bool]:
    """Hold the library's copy lock for the block: True, or False when another process
    holds it and `wait` is off."""
    path = lock_path(library_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        yield _lock(descriptor, wait)
    finally:
        os.close(descriptor)  # releases the lock


def _lock(descriptor: int, wait: bool) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(descriptor, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def copy_library(source: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of `source` to `target`, whole or not at all.

    Call it holding `copy_lock`: it removes the temporaries of earlier copies that died.
    Raises `NoRoomError` rather than start a copy the disk has no room for.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(target.parent)
    _check_room(source, target.parent)
    temporary = target.with_name(
        f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{_TEMPORARY_SUFFIX}"
    )
    try:
        _copy_pages(source, temporary)
        _publish(temporary, target)
    except BaseException:
        _discard(temporary)
        raise
    return target


def _copy_pages(source: sqlite3.Connection, temporary: Path) -> None:
    with closing(sqlite3.connect(temporary)) as destination:
        source.backup(destination)


def _publish(temporary: Path, target: Path) -> None:
    temporary.replace(target)


def _discard(temporary: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)


def _remove_stale_temporaries(folder: Path) -> None:
    """Every half-made copy in `folder`: only the lock's holder makes copies, so none of
    them is still being written (`*.partial` was also the shared name of earlier versions)."""
    for stale in folder.glob(f"*{_TEMPORARY_SUFFIX}*"):
        stale.unlink(missing_ok=True)


def _check_room(source: sqlite3.Connection, folder: Path) -> None:
    page_size = int(source.execute("PRAGMA page_size").fetchone()[0])
    size = page_size * int(source.execute("PRAGMA page_count").fetchone()[0])
    free = shutil.disk_usage(folder).free
    if free < size + FREE_MARGIN_BYTES:
        raise NoRoomError(
            f"not enough free space: a copy takes {_megabytes(size)} and would leave less "
            f"than {_megabytes(FREE_MARGIN_BYTES)} of the {_megabytes(free)} free"
        )


def _megabytes(size: int) -> str:
    return f"{size / _MB:,.0f} MB"


def backup_before_migration(source: sqlite3.Connection, library_path: Path, version: int) -> Path:
    """The copy a migration needs first: waits for another process's copy to finish."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{library_path.stem}-schema{version}-{stamp}.sqlite"
    with copy_lock(library_path, wait=True):
        return copy_library(source, backup_dir(library_path) / name)


def rotate_daily(
    source: sqlite3.Connection, library_path: Path, today: dt.date | None = None
) -> BackupOutcome:
    """Today's copy if there is none yet, dropping the oldest beyond `KEEP_DAILY`.

    Never raises for the disk or the folder: what stopped the copy is in the outcome.
    """
    today = today or dt.date.today()
    target = backup_dir(library_path) / f"{_DAILY_PREFIX}{library_path.stem}-{today}.sqlite"
    if target.exists():
        return BackupOutcome()
    try:
        with copy_lock(library_path) as held:
            if not held or target.exists():
                return BackupOutcome()
            copy_library(source, target)
            for old in daily_backups(library_path)[:-KEEP_DAILY]:
                old.unlink(missing_ok=True)
    except NoRoomError as error:
        return BackupOutcome(why_not_made=str(error))
    except (OSError, sqlite3.Error) as error:
        return BackupOutcome(why_not_made=failures.describe(error))
    return BackupOutcome(path=target)


def daily_backups(library_path: Path) -> list[Path]:
    return sorted(backup_dir(library_path).glob(f"{_DAILY_PREFIX}{library_path.stem}-*.sqlite"))


def back_up_today(connection: "Connection", library_path: Path) -> BackupOutcome:
    """`rotate_daily` from a connection of the library (the window's reader threads hold one)."""
    from readinglist.library.driver import driver

    return rotate_daily(driver(connection), library_path)
