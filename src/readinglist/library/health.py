"""`readinglist check`: is the library file sound?"""

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from readinglist.library.database import connect_raw

_MAX_REPORTED = 20


@dataclass(frozen=True, slots=True)
class HealthReport:
    path: Path
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


def check_library(path: Path) -> HealthReport:
    """SQLite's own integrity check plus the foreign keys, which it does not cover."""
    try:
        problems = _problems(path)
    except sqlite3.DatabaseError as error:
        problems = [f"SQLite cannot read it: {error}"]
    return HealthReport(path, tuple(problems[:_MAX_REPORTED]))


def _problems(path: Path) -> list[str]:
    with closing(connect_raw(path)) as connection:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        problems = [] if integrity == ["ok"] else integrity
        for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points to a missing {parent} row")
    return problems
