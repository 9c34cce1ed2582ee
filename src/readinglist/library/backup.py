"""Copies of the library made with SQLite's online backup API (consistent while in use).

`backups/` beside the library holds one copy per day for the last `KEEP_DAILY` days and
one before each schema migration.
"""

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

KEEP_DAILY = 7
_DAILY_PREFIX = "daily-"


def backup_dir(library_path: Path) -> Path:
    return library_path.parent / "backups"


def copy_library(source: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of `source` to `target` (via a temporary file, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(partial)) as destination:
        source.backup(destination)
    partial.replace(target)
    return target


def backup_before_migration(source: sqlite3.Connection, library_path: Path, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{library_path.stem}-schema{version}-{stamp}.sqlite"
    return copy_library(source, backup_dir(library_path) / name)


def rotate_daily(
    source: sqlite3.Connection, library_path: Path, today: dt.date | None = None
) -> Path | None:
    """Today's copy if there is none yet, dropping the oldest beyond `KEEP_DAILY`."""
    today = today or dt.date.today()
    folder = backup_dir(library_path)
    target = folder / f"{_DAILY_PREFIX}{library_path.stem}-{today.isoformat()}.sqlite"
    if target.exists():
        return None
    copy_library(source, target)
    dailies = sorted(folder.glob(f"{_DAILY_PREFIX}{library_path.stem}-*.sqlite"))
    for old in dailies[:-KEEP_DAILY]:
        old.unlink(missing_ok=True)
    return target


def daily_backups(library_path: Path) -> list[Path]:
    return sorted(backup_dir(library_path).glob(f"{_DAILY_PREFIX}{library_path.stem}-*.sqlite"))
