"""Putting a backup in the library's place (`readinglist restore BACKUP`), keeping the
library as it was.

In order, stopping with nothing changed at the first step that fails:
1. The backup is copied beside the library under a temporary name, through SQLite's backup
   API (so a backup with a `-wal` of its own is copied whole), and the copy is checked: an
   SQLite file, a readinglist library of a schema this version reads, sound. What was
   checked is what goes in place.
2. Nobody else may have the library open. In WAL mode every connection that has read the
   library keeps a shared lock on it for as long as it stays open (the window's do), so
   taking an exclusive lock with no wait (`locking_mode = EXCLUSIVE`) fails while any other
   program has it open. Closing that last connection moves the `-wal` file's changes into
   the library file.
3. The library file is linked (or copied) to `backups/NAME-before-restore-STAMP.sqlite`,
   its `-wal` and `-shm` files, if any are left, are moved beside that name (they belong to
   it, and would be replayed into the restored file if left), and the checked copy is
   renamed over the library, atomically: at every moment the library's name holds a whole
   library, the old one or the restored one.
"""

import datetime as dt
import os
import secrets
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from readinglist.library import failures, migrations
from readinglist.library.backup import backup_dir
from readinglist.library.database import connect_raw, connect_read_only
from readinglist.library.errors import LibraryError
from readinglist.library.health import find_problems

_SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True, slots=True)
class Restored:
    library: Path
    backup: Path
    schema: int
    papers: int
    kept_aside: tuple[Path, ...]  # the library's files as they were (none if it had none)


def restore_backup(backup: Path, library: Path) -> Restored:
    """Put a checked copy of `backup` in place of `library`, keeping the old one aside."""
    backup, library = backup.absolute(), library.absolute()
    if not backup.is_file():
        raise LibraryError(f"there is no backup file {backup}")
    if library.exists() and library.samefile(backup):
        raise LibraryError(f"{backup} is the library itself: name one of its backups")
    library.parent.mkdir(parents=True, exist_ok=True)
    for stale in library.parent.glob(f".{library.name}.restore-*.partial*"):
        stale.unlink(missing_ok=True)  # what a restore killed half-way left
    staged = library.with_name(f".{library.name}.restore-{secrets.token_hex(4)}.partial")
    try:
        schema, papers = _stage(backup, staged)
        kept = _set_aside(library) if library.exists() else ()
        _fsync(staged)
        staged.replace(library)
        _fsync(library.parent)
    except (OSError, sqlite3.Error) as error:
        raise LibraryError(
            f"could not restore {library} from {backup}: {failures.describe(error)}; "
            "the library was not changed"
        ) from error
    finally:
        for suffix in ("", "-journal", *_SIDE_FILES):
            staged.with_name(staged.name + suffix).unlink(missing_ok=True)
    return Restored(library, backup, schema, papers, kept)


def _stage(backup: Path, staged: Path) -> tuple[int, int]:
    """Copy `backup` to `staged` and check the copy: its schema version and paper count."""
    try:
        with closing(connect_read_only(backup)) as source, closing(connect_raw(staged)) as copy:
            source.backup(copy)
            return _checked(backup, copy)
    except sqlite3.DatabaseError as error:
        if failures.is_damage(error):
            raise LibraryError(f"{backup} is not a readable library: it is damaged") from error
        raise


def _checked(backup: Path, copy: sqlite3.Connection) -> tuple[int, int]:
    version, latest = migrations.read_version(copy), migrations.latest_version()
    tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    if version == 0 or "papers" not in tables:
        raise LibraryError(f"{backup} is not a readinglist library")
    if version > latest:
        raise LibraryError(
            f"{backup} was written by a newer readinglist (schema {version}; this one knows "
            f"up to {latest}): restore it with that version"
        )
    problems = find_problems(copy)
    if problems:
        raise LibraryError(f"{backup} is damaged ({problems[0]}): choose another backup")
    return version, int(copy.execute("SELECT count(*) FROM papers").fetchone()[0])


def _set_aside(library: Path) -> tuple[Path, ...]:
    """Keep the library's files under a dated name in `backups/`: linked, so that the
    library's own name is never empty; its -wal and -shm moved with it."""
    _refuse_if_in_use(library)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = backup_dir(library) / f"{library.stem}-before-restore-{stamp}{library.suffix}"
    aside.parent.mkdir(parents=True, exist_ok=True)
    _link_or_copy(library, aside)
    kept = [aside]
    for suffix in _SIDE_FILES:
        side = library.with_name(library.name + suffix)
        if side.exists():
            kept.append(side.replace(aside.with_name(aside.name + suffix)))
    return tuple(kept)


def _refuse_if_in_use(library: Path) -> None:
    """Take an exclusive lock on `library` without waiting, and let it go: refused while
    another program has it open. Closing, the last connection out, SQLite moves the -wal
    file's changes into the library file. A library too damaged to read is in nobody's
    use: it is set aside as it is."""
    with closing(sqlite3.connect(library, timeout=0, isolation_level=None)) as connection:
        try:
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            if failures.reason(error) == failures.LOCKED:
                raise LibraryError(
                    f"{library} is open in another program (the readinglist window, or a "
                    "command still running): quit it first; nothing was changed"
                ) from error
            if not failures.is_damage(error):
                raise


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        target.hardlink_to(source)
    except OSError:  # a file system without hard links (FAT): a copy, the library still there
        shutil.copy2(source, target)


def _fsync(path: Path) -> None:
    """Flush a file's (or a folder's entries') writes to the disk before relying on them."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder: its renames are flushed by the system
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
