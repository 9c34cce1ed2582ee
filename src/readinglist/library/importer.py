"""Importing digest files and folders, in every format: one transaction per file, a report
per file.

Each file's format is sniffed from its content (`core.sources.registry`), unless the caller
forces one (`format_name`: `--format`, a subscription's). A folder's walk offers every
regular file but hidden, temporary and partial ones; a `*.md` is always read (and said why
when it is no digest), any other file only when a format claims it.

Qt-free: the CLI calls it directly, the GUI from a worker thread with `progress` and
`cancelled` callbacks.
"""

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from readinglist.core.digest import DigestError
from readinglist.core.digest_files import (
    DIGEST_SUFFIX,
    MAX_DIGEST_BYTES,
    Cancelled,
    Found,
    Loose,
    Skipped,
    Stopped,
    Unreadable,
    find_digest_files,
    read_digest_file,
)
from readinglist.core.import_report import FileError, FileReport, FileStatus, ImportReport
from readinglist.core.sources import markdown, registry
from readinglist.core.sources.sighting import Reading
from readinglist.core.translatable import QT_TR_NOOP, Message
from readinglist.library import ingest, rules
from readinglist.library.database import Library, utc_now

__all__ = [
    "FileError",
    "FileReport",
    "FileStatus",
    "ImportReport",
    "import_bytes",
    "import_file",
    "import_found",
    "import_paths",
    "is_library_failure",
]

BATCH_FILES = 50
BATCH_ENTRIES = 2_000


Progress = Callable[[int, int, FileReport], None]


def import_paths(
    library: Library,
    paths: Iterable[Path],
    progress: Progress | None = None,
    cancelled: Cancelled = lambda: False,
    format_name: str | None = None,
) -> ImportReport:
    """Import files and folders. A bad file is reported and the rest still import.

    `format_name` (one of `registry.FORMATS`) reads every file in that format rather than
    the one its content is sniffed as.

    Parsed files are stored a few at a time in one transaction (commits dominate small
    files); a batch that fails is stored again one file per transaction, so each file is
    still all in or all out. `cancelled` is asked before each file, between the folders
    of a walk and between the chunks of a file: what was parsed by then is stored.
    """
    try:
        found = find_digest_files(paths, cancelled)
    except Stopped:
        return ImportReport(cancelled=True)
    return import_found(library, found, progress, cancelled, format_name)


def import_found(
    library: Library,
    found: list[Found],
    progress: Progress | None = None,
    cancelled: Cancelled = lambda: False,
    format_name: str | None = None,
) -> ImportReport:
    """Import what a walk found (`find_digest_files`), or a caller picked itself (a watched
    folder's changed files: `*.md` as `Path`, any other as `Loose`), as `import_paths` does."""
    report = ImportReport()
    with library.reading() as connection:
        known = ingest.known_file_hashes(connection)
    pending: list[FileReport | _Parsed] = []
    claimed: set[Path] = set()  # folders given where a format claimed a `Loose` file

    def flush() -> None:
        for file_report in _store_pending(library, pending, known):
            report.files.append(file_report)
            if progress is not None:
                progress(len(report.files), len(found), file_report)
        pending.clear()

    try:
        for item in found:
            if isinstance(item, Skipped):
                if not (item.unless_claimed and item.path in claimed):
                    pending.append(_rejected(item.path, item.reason))
                continue
            if cancelled():
                raise Stopped
            prepared = _prepare(item, known, cancelled, format_name)
            if prepared is not None:
                pending.append(prepared)
                if isinstance(item, Loose):
                    claimed.add(item.folder)
            if _batch_is_full(pending):
                flush()
    except Stopped:
        report.cancelled = True
    flush()
    return report


def import_file(
    library: Library,
    path: Path,
    known_hashes: set[str] | None = None,
    format_name: str | None = None,
) -> FileReport:
    """Import one file in one transaction: all of it, or nothing and the reason."""
    if known_hashes is None:
        with library.reading() as connection:
            known_hashes = ingest.known_file_hashes(connection)
    prepared = _prepare(path, known_hashes, format_name=format_name)
    assert prepared is not None  # a file given is always reported
    return _store_pending(library, [prepared], known_hashes)[0]


def import_bytes(
    library: Library,
    data: bytes,
    source: str,
    *,
    format_name: str | None = None,
    day: dt.date | None = None,
) -> FileReport:
    """Import bytes fetched from `source` (a URL: the report and the library name it) in one
    transaction, as `import_file` does a file; `day` is the day they are of, for formats
    that do not say it (a subscription's)."""
    content_hash = hashlib.sha256(data).hexdigest()
    with library.reading() as connection:  # one lookup: a check imports a day at a time
        if ingest.is_known_file(connection, content_hash):
            return FileReport(source, FileStatus.UNCHANGED)
    try:
        reading = registry.read_source(data, source, format_name=format_name, day=day)
    except DigestError as error:
        return FileReport(source, FileStatus.REJECTED, error=FileError(error.reason, error.line))
    parsed = _Parsed(source, reading, content_hash, len(data), source)
    return _store_pending(library, [parsed], set())[0]  # the write checks the hash again


@dataclass(frozen=True, slots=True)
class _Parsed:
    path: Path | str
    reading: Reading
    content_hash: str
    size: int  # bytes read
    source_name: str = ""  # what the library calls it: the file's name, else `path`


def _batch_is_full(pending: list[FileReport | _Parsed]) -> bool:
    """At most BATCH_FILES files (settled or parsed), BATCH_ENTRIES entries and
    MAX_DIGEST_BYTES of files read at a time: what is held waiting for the write stays
    the size of one large file."""
    if len(pending) >= BATCH_FILES:
        return True
    parsed = [item for item in pending if isinstance(item, _Parsed)]
    if sum(item.size for item in parsed) >= MAX_DIGEST_BYTES:
        return True
    return sum(len(item.reading.sightings) for item in parsed) >= BATCH_ENTRIES


def _prepare(
    found: Path | Loose,
    known_hashes: set[str],
    cancelled: Cancelled = lambda: False,
    format_name: str | None = None,
) -> "FileReport | _Parsed | None":
    """Read, recognise and parse a file: its report if that settles it, else what to store;
    None for a file met in a folder that no format claims (passed over without a word).

    `known_hashes` (the library's file hashes, updated once a file is stored) lets a batch
    skip unchanged files without a query each; a copy within one batch is caught by the
    write transaction, which checks the hash again.
    """
    path = found.path if isinstance(found, Loose) else found
    try:
        data = read_digest_file(path, cancelled)
    except Unreadable as unreadable:
        return _rejected(path, unreadable.reason)
    content_hash = hashlib.sha256(data).hexdigest()
    if content_hash in known_hashes:
        return FileReport(path, FileStatus.UNCHANGED)
    try:
        reading = _read(data, path, format_name)
    except DigestError as error:
        if isinstance(found, Loose) and error.reason.template == registry.NOT_A_DIGEST:
            return None
        return FileReport(path, FileStatus.REJECTED, error=FileError(error.reason, error.line))
    return _Parsed(path, reading, content_hash, len(data), path.name)


def _read(data: bytes, path: Path, format_name: str | None) -> Reading:
    """The file's sightings in the format forced, else sniffed. A `*.md` no format claims is
    read as a Daily Papers digest, so that it is told what it lacks to be one (its header),
    as before there were other formats."""
    try:
        return registry.read_source(data, path.name, format_name=format_name)
    except DigestError as error:
        unclaimed = format_name is None and error.reason.template == registry.NOT_A_DIGEST
        if unclaimed and path.suffix.lower() == DIGEST_SUFFIX:
            return registry.read_source(data, path.name, format_name=markdown.FORMAT)
        raise


def _rejected(path: Path | str, reason: Message) -> FileReport:
    return FileReport(path, FileStatus.REJECTED, error=FileError(reason))


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
            stored = [_store_one(connection, item, now) for item in parsed]
            caught = rules.apply_to_new(connection, _new_ids(stored), now)
            return [
                _stored_report(item, result, _caught_by(result, caught))
                for item, result in zip(parsed, stored, strict=True)
            ]
    except (SQLAlchemyError, sqlite3.Error) as error:
        cause = getattr(error, "orig", error)
        if _is_busy(cause):  # no file is the culprit, and each would wait as long again
            return [_rejected(item.path, Message(_BUSY)) for item in parsed]
        if len(parsed) > 1:  # find the culprit: one file per transaction
            return [report for item in parsed for report in _store(library, [item])]
        return [_rejected(parsed[0].path, Message(_NOT_STORED, cause=str(cause)))]


_BUSY = QT_TR_NOOP(
    "the library is busy: another program is writing to it. Import this file again when "
    "that program is done"
)
_NOT_STORED = QT_TR_NOOP("the library could not store it: {cause}")


def is_library_failure(report: FileReport) -> bool:
    """A file rejected for the library's sake (busy, or a write that failed), not its own:
    the same bytes may import later."""
    error = report.error
    return error is not None and error.reason.template in (_BUSY, _NOT_STORED)


def _is_busy(error: object) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED (or an extended code of theirs): the busy timeout ran out."""
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _store_one(
    connection: Connection, item: _Parsed, now: dt.datetime
) -> ingest.StoreResult | None:
    stored_file = ingest.StoredFile(item.content_hash, item.source_name or str(item.path), now)
    return ingest.store_reading(connection, item.reading, stored_file)


def _new_ids(stored: list[ingest.StoreResult | None]) -> list[int]:
    return [paper_id for result in stored if result is not None for paper_id in result.new_ids]


def _caught_by(
    stored: ingest.StoreResult | None, caught: dict[int, tuple[str, ...]]
) -> tuple[tuple[str, int], ...]:
    """How many of the file's new papers each rule caught."""
    counts: dict[str, int] = {}
    for paper_id in stored.new_ids if stored is not None else ():
        for name in caught.get(paper_id, ()):
            counts[name] = counts.get(name, 0) + 1
    return tuple(counts.items())


def _stored_report(
    item: _Parsed, stored: ingest.StoreResult | None, caught: tuple[tuple[str, int], ...] = ()
) -> FileReport:
    if stored is None or not (stored.digest_new or stored.papers_new or stored.sightings_new):
        return FileReport(item.path, FileStatus.UNCHANGED)
    warnings = tuple(FileError(warning.reason, warning.line) for warning in item.reading.warnings)
    return FileReport(
        item.path,
        FileStatus.IMPORTED,
        stored.papers_new,
        stored.sightings_new,
        warnings=warnings,
        by_id_only=item.reading.by_id_only,
        rules=caught,
    )
