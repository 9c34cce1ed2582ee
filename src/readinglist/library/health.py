"""`readinglist check`: is the library file sound, and is its search index in step with it?

What check finds wrong (`problems`: the file is damaged; restoring a backup is the cure) is
kept apart from what it could not do (`not_done`: read the file, check or rebuild the index,
each with why). A read-only folder, a full disk or another program's lock says nothing
about the file, and restoring a backup then would throw away the edits made since. The file
is checked through a read-only connection, so a library that cannot be written is checked
too.
"""

import sqlite3
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from readinglist.library import failures
from readinglist.library.database import Library, LibraryError, connect_read_only, open_library
from readinglist.library.papers import LibrarySummary, library_summary
from readinglist.library.search_index import index_is_sound, rebuild_index

_MAX_REPORTED = 20


@dataclass(frozen=True, slots=True)
class HealthReport:
    path: Path
    problems: tuple[str, ...] = ()  # what is wrong with the file
    not_done: tuple[str, ...] = ()  # what could not be checked or done, and why
    readable: bool = True  # False: the file itself could not be checked
    index_in_step: bool | None = None  # None: not checked
    summary: LibrarySummary | None = None

    @property
    def sound(self) -> bool:
        """Checked, and nothing found wrong with the file."""
        return self.readable and not self.problems


def check_library(path: Path) -> HealthReport:
    """SQLite's own integrity check plus the foreign keys, which it does not cover."""
    try:
        with closing(connect_read_only(path)) as connection:
            problems = find_problems(connection)
    except sqlite3.Error as error:
        if failures.is_damage(error):
            return HealthReport(path, problems=(f"SQLite cannot read it: {error}",))
        return HealthReport(
            path, not_done=(f"could not read it: {failures.describe(error)}",), readable=False
        )
    return HealthReport(path, tuple(problems[:_MAX_REPORTED]))


def find_problems(connection: sqlite3.Connection) -> list[str]:
    """What SQLite's integrity check and the foreign keys' check find wrong."""
    integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    problems = [] if integrity == ["ok"] else integrity
    for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid} points to a missing {parent} row")
    return problems


def check_library_and_index(path: Path, *, reindex: bool = False) -> HealthReport:
    """`check_library`, then (on a sound file) what it holds and whether its search index
    is in step, rebuilding the index first with `reindex`."""
    report = check_library(path)
    if not report.sound:
        return report
    try:
        library = open_library(path, daily_backup=False)  # a damaged library's copy: damaged
    except LibraryError as error:
        return replace(report, not_done=(f"could not open it to check its search index: {error}",))
    with library:
        not_done = [_rebuild(library)] if reindex else []
        summary, in_step, why = _summary_and_index(library)
    return replace(
        report,
        not_done=tuple(text for text in [*not_done, why] if text),
        index_in_step=in_step,
        summary=summary,
    )


def _rebuild(library: Library) -> str | None:
    try:
        with library.writing() as connection:
            rebuild_index(connection)
    except Exception as error:
        return _could_not("rebuild the search index", error)
    return None


def _summary_and_index(library: Library) -> tuple[LibrarySummary | None, bool | None, str | None]:
    try:
        with library.reading() as connection:
            summary = library_summary(connection)
    except Exception as error:
        return None, None, _could_not("read what it holds", error)
    try:
        with library.reading() as connection:
            return summary, index_is_sound(connection), None
    except Exception as error:
        return summary, None, _could_not("check the search index", error)


def _could_not(what: str, error: Exception) -> str:
    """What could not be done and why; an error that is no file's or database's failure
    is a bug, and goes on up."""
    words = failures.reason(error)
    if words is None:
        raise error
    return f"could not {what}: {words}"


def sqlite_version() -> str:
    """The SQLite library this Python links (the bundle's own, with FTS5)."""
    return sqlite3.sqlite_version
