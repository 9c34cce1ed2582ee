"""Watched folders: folders whose new or changed digest files import by themselves.

A folder is kept by its absolute, resolved path (`watch_folders`, schema v7); each file a
scan saw in it by its path relative to the folder, with its size and modification time
(`watched_files`). A scan walks every folder (subfolders too, but no hidden folder such as
`.git`, no hidden, temporary or partial file: `core.digest_files.is_passed_over`) and
returns the files whose size or time differ from what was recorded: only those are read
again. Once imported, they are recorded (`import_changes`), rejected ones too: a file the
importer refuses is not read again until it changes. A folder that has gone (an unplugged
drive) keeps its row and its files' rows, with when it went missing: reported, not
forgotten, and its files are not read again when it comes back unchanged.

Qt-free: the command line calls it directly, the window from a worker thread.
"""

import datetime as dt
import os
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sqlalchemy import Connection, RowMapping, delete, func, select, update

from readinglist.core.digest_files import (
    DIGEST_SUFFIX,
    Cancelled,
    Found,
    Loose,
    is_passed_over,
)
from readinglist.core.import_report import FileReport, ImportReport
from readinglist.library import tables
from readinglist.library.database import Library, utc_now
from readinglist.library.dialect import insert
from readinglist.library.failures import storage_errors
from readinglist.library.importer import Progress, import_found, is_library_failure


class WatchFolderError(ValueError):
    """A path that is not a folder, or not a watched one."""


@dataclass(frozen=True, slots=True)
class WatchFolder:
    id: int
    path: Path
    added_at: dt.datetime
    scanned_at: dt.datetime | None = None
    missing_since: dt.datetime | None = None  # None while it is there
    files: int = 0  # the files its scans recorded

    @property
    def missing(self) -> bool:
        return self.missing_since is not None


@dataclass(frozen=True, slots=True)
class FileState:
    """What tells a file changed without reading it."""

    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Change:
    """A file of a watched folder that is new, or whose size or time changed."""

    folder_id: int
    folder: Path
    relative: str  # with `/` between its parts, whatever the system
    state: FileState

    @property
    def path(self) -> Path:
        return self.folder.joinpath(*PurePosixPath(self.relative).parts)


@dataclass(slots=True)
class Scan:
    """What a scan found: the folders as they are now, the files to import, and every
    folder walked (for a file system watcher, which watches one folder at a time)."""

    folders: list[WatchFolder] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    walked: list[Path] = field(default_factory=list)
    newly_missing: list[WatchFolder] = field(default_factory=list)

    @property
    def missing(self) -> list[WatchFolder]:
        return [folder for folder in self.folders if folder.missing]


# --- the folders -------------------------------------------------------------------------


def folder_key(path: Path) -> Path:
    """How a folder is kept: absolute, `~` expanded, links and `..` resolved (a folder that
    is not there is resolved as far as it can be)."""
    return path.expanduser().resolve(strict=False)


def list_folders(connection: Connection) -> list[WatchFolder]:
    """Every watched folder, by path, with the number of files its scans recorded."""
    folders, files = tables.WATCH_FOLDERS, tables.WATCHED_FILES
    counted = (
        select(files.c.folder_id, func.count().label("files"))
        .group_by(files.c.folder_id)
        .subquery()
    )
    rows = connection.execute(
        select(folders, func.coalesce(counted.c.files, 0).label("files"))
        .outerjoin(counted, counted.c.folder_id == folders.c.id)
        .order_by(folders.c.path)
    )
    return [_folder(row._mapping) for row in rows]


def add_folder(connection: Connection, path: Path, now: dt.datetime) -> tuple[WatchFolder, bool]:
    """Watch `path` (a folder that exists); the folder, and whether it was new. A folder
    already watched stays as it was (no longer missing, since it is there)."""
    key = folder_key(path)
    if not key.is_dir():
        raise WatchFolderError(f"{path} is not a folder")
    table = tables.WATCH_FOLDERS
    inserted = connection.execute(
        insert(connection, table).values(path=str(key), added_at=now).on_conflict_do_nothing()
    )
    added = inserted.rowcount > 0
    connection.execute(update(table).where(table.c.path == str(key)).values(missing_since=None))
    return _named(connection, key), added


def remove_folder(connection: Connection, path: Path) -> WatchFolder:
    """Stop watching `path`, and forget what its scans saw (its papers stay)."""
    folder = find_folder(connection, path)
    if folder is None:
        raise WatchFolderError(f"{path} is not a watched folder")
    connection.execute(delete(tables.WATCH_FOLDERS).where(tables.WATCH_FOLDERS.c.id == folder.id))
    return folder


def find_folder(connection: Connection, path: Path) -> WatchFolder | None:
    """The watched folder at `path`, named as it is kept or as given (absolute)."""
    for candidate in dict.fromkeys((folder_key(path), path.expanduser().absolute())):
        found = [f for f in list_folders(connection) if f.path == candidate]
        if found:
            return found[0]
    return None


def _named(connection: Connection, key: Path) -> WatchFolder:
    return next(folder for folder in list_folders(connection) if folder.path == key)


def _folder(values: RowMapping) -> WatchFolder:
    return WatchFolder(
        id=values["id"],
        path=Path(values["path"]),
        added_at=values["added_at"],
        scanned_at=values["scanned_at"],
        missing_since=values["missing_since"],
        files=values["files"],
    )


# --- scanning ----------------------------------------------------------------------------


def scan(library: Library, cancelled: Cancelled = lambda: False) -> Scan:
    """Walk every watched folder: what changed since it was recorded, and which folders
    are missing (each newly missing one stamped with the time it was found so). The files
    of a present folder that are gone are forgotten. Cancelled, the folders not reached yet
    are left as they were."""
    with library.reading() as connection:
        folders = list_folders(connection)
        recorded = {folder.id: _recorded(connection, folder.id) for folder in folders}
    found = Scan()
    if not folders:  # nothing to write either (a read-only library is not written to)
        return found
    walks: dict[int, dict[str, FileState] | None] = {}  # None: missing
    for folder in folders:
        if cancelled():
            break
        walk = walk_folder(folder.path)
        walks[folder.id] = walk[0] if walk is not None else None
        if walk is not None:
            found.walked.extend(walk[1])
            found.changes.extend(_changes(folder, walk[0], recorded[folder.id]))
    with library.writing() as connection:
        now = utc_now()
        for folder in folders:
            if folder.id in walks:
                _record_walk(connection, folder, recorded[folder.id], walks[folder.id], now)
        found.folders = list_folders(connection)
    was_missing = {folder.id for folder in folders if folder.missing}
    found.newly_missing = [f for f in found.missing if f.id not in was_missing]
    return found


def _changes(
    folder: WatchFolder, files: dict[str, FileState], known: dict[str, FileState]
) -> list[Change]:
    return [
        Change(folder.id, folder.path, relative, state)
        for relative, state in files.items()
        if known.get(relative) != state
    ]


def walk_folder(folder: Path) -> tuple[dict[str, FileState], list[Path]] | None:
    """The files under `folder` that an import may read, by relative path, with their
    state; and every folder walked. None when `folder` is not there or cannot be listed.
    Subfolders that cannot be listed are passed over (their files wait until they can)."""
    files: dict[str, FileState] = {}
    walked: list[Path] = []
    pending = [folder]
    while pending:
        directory = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            if directory == folder:
                return None
            continue
        walked.append(directory)
        for entry in entries:
            _take(entry, folder, pending, files)
    return dict(sorted(files.items())), sorted(walked)


def _take(
    entry: os.DirEntry[str], root: Path, folders: list[Path], files: dict[str, FileState]
) -> None:
    """A subfolder to walk (not a hidden one, not a link: no loops), or a regular file an
    import may read (not hidden, temporary or partial), with its state."""
    try:
        if entry.is_dir():
            if not entry.is_symlink() and not entry.name.startswith("."):
                folders.append(Path(entry.path))
        elif entry.is_file() and not is_passed_over(entry.name):
            stat = entry.stat()
            relative = Path(entry.path).relative_to(root).as_posix()
            files[relative] = FileState(stat.st_size, stat.st_mtime_ns)
    except OSError:  # gone between the listing and the look: the next scan sees
        return


def _recorded(connection: Connection, folder_id: int) -> dict[str, FileState]:
    files = tables.WATCHED_FILES
    rows = connection.execute(
        select(files.c.path, files.c.size, files.c.mtime_ns).where(files.c.folder_id == folder_id)
    )
    return {path: FileState(size, mtime_ns) for path, size, mtime_ns in rows}


def _record_walk(
    connection: Connection,
    folder: WatchFolder,
    recorded: dict[str, FileState],
    files: dict[str, FileState] | None,
    now: dt.datetime,
) -> None:
    """A folder walked: scanned now, and the files gone from it forgotten. A folder missing:
    missing since now, unless it already was; its files' rows are kept."""
    table = tables.WATCH_FOLDERS
    if files is not None:
        values = {"scanned_at": now, "missing_since": None}
        _forget(connection, folder.id, set(recorded) - set(files))
    elif folder.missing_since is None:
        values = {"missing_since": now}
    else:
        return
    connection.execute(update(table).where(table.c.id == folder.id).values(**values))


def _forget(connection: Connection, folder_id: int, relatives: Iterable[str]) -> None:
    files = tables.WATCHED_FILES
    for relative in relatives:
        connection.execute(
            delete(files).where(files.c.folder_id == folder_id, files.c.path == relative)
        )


# --- importing ---------------------------------------------------------------------------


def import_changes(
    library: Library,
    changes: list[Change],
    progress: Progress | None = None,
    cancelled: Cancelled = lambda: False,
) -> ImportReport:
    """Import the changed files (each in the format its content is; a file that is not
    `*.md` only if a format claims it), then record each one the import settled: imported,
    unchanged, rejected for itself, or passed over. A file rejected for the library's sake
    (busy) and, once cancelled, a file not reached are not recorded: the next scan offers
    them again."""
    if not changes:
        return ImportReport()
    found: list[Found] = [
        change.path
        if change.path.suffix.lower() == DIGEST_SUFFIX
        else Loose(change.path, change.folder)
        for change in changes
    ]
    report = import_found(library, found, progress, cancelled)
    reported = {file.path: file for file in report.files}
    settled = [change for change in changes if _settled(reported.get(change.path), report)]
    with suppress(*storage_errors()), library.writing() as connection:  # else offered again
        record(connection, settled, utc_now())
    return report


def _settled(file: FileReport | None, report: ImportReport) -> bool:
    """Whether the import settled a file: reported, and not for the library's sake; or
    passed over (no format claims it) by an import that went to its end."""
    if file is None:
        return not report.cancelled
    return not is_library_failure(file)


def record(connection: Connection, changes: Iterable[Change], now: dt.datetime) -> None:
    """Files as seen by the scan that found them: not read again while they stay so. Those
    of a folder no longer watched (removed while they were imported) are left out."""
    watched = set(connection.execute(select(tables.WATCH_FOLDERS.c.id)).scalars())
    rows = [
        {
            "folder_id": change.folder_id,
            "path": change.relative,
            "size": change.state.size,
            "mtime_ns": change.state.mtime_ns,
            "seen_at": now,
        }
        for change in changes
        if change.folder_id in watched
    ]
    if not rows:
        return
    statement = insert(connection, tables.WATCHED_FILES)
    excluded = statement.excluded
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["folder_id", "path"],
            set_={"size": excluded.size, "mtime_ns": excluded.mtime_ns, "seen_at": now},
        ),
        rows,
    )
