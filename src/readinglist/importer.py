"""Importing digest files and folders: one transaction per file, a report per file.

Qt-free: the CLI calls it directly, the GUI from a worker thread with `progress` and
`cancelled` callbacks.
"""

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from readinglist.core.digest import Digest, DigestError
from readinglist.core.import_report import FileError, FileReport, FileStatus, ImportReport
from readinglist.core.parser import parse_digest
from readinglist.library import ingest
from readinglist.library.database import Library, utc_now

__all__ = [
    "FileError",
    "FileReport",
    "FileStatus",
    "ImportReport",
    "find_digest_files",
    "import_file",
    "import_paths",
]

DIGEST_SUFFIX = ".md"
BATCH_FILES = 50
BATCH_ENTRIES = 2_000
MAX_DIGEST_BYTES = 64 * 1024 * 1024


Progress = Callable[[int, int, FileReport], None]


def find_digest_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every `*.md` under the folders given, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_walk_markdown(path)))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk_markdown(folder: Path) -> Iterator[Path]:
    for child in folder.rglob("*"):
        if child.suffix.lower() == DIGEST_SUFFIX and child.is_file():
            yield child


def import_paths(
    library: Library,
    paths: Iterable[Path],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders. A bad file is reported and the rest still import.

    Parsed files are stored a few at a time in one transaction (commits dominate small
    files); a batch that fails is stored again one file per transaction, so each file is
    still all in or all out.
    """
    files = find_digest_files(paths)
    report = ImportReport()
    with library.reading() as connection:
        known = ingest.known_file_hashes(connection)
    pending: list[FileReport | _Parsed] = []

    def flush() -> None:
        for file_report in _store_pending(library, pending, known):
            report.files.append(file_report)
            if progress is not None:
                progress(len(report.files), len(files), file_report)
        pending.clear()

    for path in files:
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        pending.append(_prepare(path, known))
        if _batch_is_full(pending):
            flush()
    flush()
    return report


def import_file(library: Library, path: Path, known_hashes: set[str] | None = None) -> FileReport:
    """Import one file in one transaction: all of it, or nothing and the reason."""
    if known_hashes is None:
        with library.reading() as connection:
            known_hashes = ingest.known_file_hashes(connection)
    return _store_pending(library, [_prepare(path, known_hashes)], known_hashes)[0]


@dataclass(frozen=True, slots=True)
class _Parsed:
    path: Path
    digest: Digest
    content_hash: str


def _batch_is_full(pending: list[FileReport | _Parsed]) -> bool:
    """At most BATCH_FILES files (settled or parsed) and BATCH_ENTRIES entries at a time."""
    if len(pending) >= BATCH_FILES:
        return True
    entries = sum(len(item.digest.entries) for item in pending if isinstance(item, _Parsed))
    return entries >= BATCH_ENTRIES


def _prepare(path: Path, known_hashes: set[str]) -> "FileReport | _Parsed":
    """Read, recognise and parse a file: its report if that settles it, else what to store.

    `known_hashes` (the library's file hashes, updated once a file is stored) lets a batch
    skip unchanged files without a query each; a copy within one batch is caught by the
    write transaction, which checks the hash again.
    """
    try:
        data = _read(path)
    except _Rejected as rejected:
        return FileReport(path, FileStatus.REJECTED, error=FileError(str(rejected)))
    content_hash = hashlib.sha256(data).hexdigest()
    if content_hash in known_hashes:
        return FileReport(path, FileStatus.UNCHANGED)
    try:
        digest = parse_digest(data, path.name)
    except DigestError as error:
        return FileReport(path, FileStatus.REJECTED, error=FileError(error.message, error.line))
    return _Parsed(path, digest, content_hash)


def _store_pending(
    library: Library, pending: list["FileReport | _Parsed"], known_hashes: set[str]
) -> list[FileReport]:
    """Store the parsed files among `pending`; their reports, in order, with the others."""
    parsed = [item for item in pending if isinstance(item, _Parsed)]
    stored = _store(library, parsed)
    for item, report in zip(parsed, stored, strict=True):
        if report.status is not FileStatus.REJECTED:  # only what the library really holds
            known_hashes.add(item.content_hash)
    reports = iter(stored)
    return [item if isinstance(item, FileReport) else next(reports) for item in pending]


def _store(library: Library, parsed: list[_Parsed]) -> list[FileReport]:
    if not parsed:
        return []
    try:
        with library.writing() as connection:
            now = utc_now()
            return [_stored_report(item, _store_one(connection, item, now)) for item in parsed]
    except (SQLAlchemyError, sqlite3.Error) as error:
        if len(parsed) > 1:  # find the culprit: one file per transaction
            return [report for item in parsed for report in _store(library, [item])]
        message = f"the library could not store it: {getattr(error, 'orig', error)}"
        return [FileReport(parsed[0].path, FileStatus.REJECTED, error=FileError(message))]


def _store_one(
    connection: Connection, item: _Parsed, now: dt.datetime
) -> ingest.StoreResult | None:
    return ingest.store_digest(connection, item.digest, item.content_hash, item.path.name, now)


def _stored_report(item: _Parsed, stored: ingest.StoreResult | None) -> FileReport:
    if stored is None or not (stored.digest_new or stored.papers_new or stored.appearances_new):
        return FileReport(item.path, FileStatus.UNCHANGED)
    return FileReport(item.path, FileStatus.IMPORTED, stored.papers_new, stored.appearances_new)


class _Rejected(Exception):
    pass


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DIGEST_BYTES:
            raise _Rejected(f"is {size // 2**20} MB, too large to be a digest")
        return path.read_bytes()
    except FileNotFoundError:
        raise _Rejected("no such file") from None
    except PermissionError:
        raise _Rejected("permission denied: the file cannot be read") from None
    except OSError as error:
        raise _Rejected(f"cannot be read: {error.strerror or error}") from None
