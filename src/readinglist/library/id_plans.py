"""The SQL of the list's ids as the driver runs it, and the last lists' SQL kept for the
next start.

Building a list's SQL (`sorting.py`: the query language through `search.py`, in SQLAlchemy
Core on the SQLModel tables) needs SQLModel, and importing it (pydantic with it) takes
0.15-0.2 s on an idle 2-core machine, 0.5 s on a busy one: the window's first rows would
wait for it at every start. So each list's SQL is compiled once into an `IdPlan`,
statements and parameters, and the plans of the lists shown last are kept beside the
library (`library.sqlite-lists.json`): the list the window restores at the next start runs
from there, through the driver, and SQLModel loads after its rows are painted.

The file is a cache. It holds plans for the code that compiled them (its library and core
modules, its version and schema version): for other code they are compiled afresh. A file
that is missing, unreadable or cannot be written costs only the compiling. It is trusted
as the library beside it is: whoever can change the one can change the other.
"""

import contextlib
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

import readinglist
from readinglist.library.driver import fetch, fetch_binary, on_postgresql
from readinglist.library.migrations import latest_version

KEEP = 32  # plans kept: the sidebar's entries and sorts a reader moves between, and searches
SUFFIX = "-lists.json"

type Statement = tuple[str, tuple[object, ...]]  # SQL giving a JSON array of ids, parameters


@dataclass(frozen=True, slots=True)
class IdPlan:
    """Statements that each give a JSON array of ids in order. The list is their ids one
    after the other; for the tag sort (`tags_first`), the first's ids, then the second's
    others in id order. Reversed (`reverse`) after that."""

    statements: tuple[Statement, ...]
    tags_first: bool = False
    reverse: bool = False

    def ids(self, connection: Connection) -> list[int]:
        found = [_ids(connection, sql, parameters) for sql, parameters in self.statements]
        if self.tags_first:
            tagged, matching = found
            known = set(tagged)
            ids = tagged + sorted(paper for paper in matching if paper not in known)
        elif len(found) == 1:
            ids = found[0]
        else:
            ids = [paper for part in found for paper in part]
        return ids[::-1] if self.reverse else ids


def _ids(connection: Connection, sql: str, parameters: tuple[object, ...]) -> list[int]:
    """One statement's ids: SQLite's as one JSON array; PostgreSQL's (compiled for psycopg
    by `sorting`) as one array, NULL for none, or one a row, read in binary (`fetch_binary`)."""
    if not on_postgresql(connection):
        found: list[int] = json.loads(fetch(connection, sql, parameters)[0][0])
        return found
    rows = fetch_binary(connection, sql, parameters)
    if len(rows) == 1 and (rows[0][0] is None or isinstance(rows[0][0], list)):
        ids: list[int] = rows[0][0] or []  # an id is never NULL: this is the array's row
        return ids
    return [int(row[0]) for row in rows]


def plan(connection: Connection, key: str, compile_plan: Callable[[], IdPlan]) -> IdPlan:
    """The plan for `key` (a list: its query, sort and order), compiled by `compile_plan`
    unless this library's recent lists hold it. A shared library's are kept in memory only,
    by its address (its SQL is psycopg's: kept with an SQLite library's, it would be served
    to one); compiling one took 1-3 ms of a keystroke (the 37 benchmark searches)."""
    if on_postgresql(connection):
        address = connection.engine.url.render_as_string(hide_password=False)
        return _plans_of(address).plan(key, compile_plan)
    return _plans_of(_library_file(connection)).plan(key, compile_plan)


class _Plans:
    """One library's plans, oldest first: in memory, and the newest `KEEP` in its file."""

    def __init__(self, file: Path | None) -> None:
        self._file = file
        self._lock = threading.Lock()
        self._plans = _read(file) if file is not None else {}

    def plan(self, key: str, compile_plan: Callable[[], IdPlan]) -> IdPlan:
        with self._lock:
            found = self._plans.get(key)
            if found is not None and key == next(reversed(self._plans)):
                return found  # the newest already: the file has it in its place
        found = found or compile_plan()
        with self._lock:
            self._plans.pop(key, None)
            self._plans[key] = found
            for stale in list(self._plans)[:-KEEP]:
                del self._plans[stale]
            newest = dict(self._plans)
        if self._file is not None:
            _write(self._file, newest)
        return found


_LIBRARIES: dict[Path | str | None, _Plans] = {}  # by file, or a shared library's address
_LIBRARIES_LOCK = threading.Lock()


def _plans_of(library: Path | str | None) -> _Plans:
    """The plans of the library in `library` (its file), or at `library` (a shared
    library's address: kept in memory only), or in memory (None)."""
    with _LIBRARIES_LOCK:
        if library not in _LIBRARIES:
            _LIBRARIES[library] = _Plans(library if isinstance(library, Path) else None)
        return _LIBRARIES[library]


def _library_file(connection: Connection) -> Path | None:
    """The plans' file beside the library `connection` reads; None for one in memory."""
    rows = fetch(connection, "PRAGMA database_list")
    library = next((file for _, name, file in rows if name == "main"), "")
    return Path(library + SUFFIX) if library else None


@cache
def code_version() -> str:
    """What compiled the plans: this version, its schema, and its library and core modules
    (changed in development without a new version)."""
    digest = hashlib.sha256(f"{readinglist.__version__} {latest_version()}".encode())
    package = Path(readinglist.__file__).parent
    for source in sorted([*package.glob("library/*.py"), *package.glob("core/*.py")]):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _read(file: Path) -> dict[str, IdPlan]:
    """The plans in `file`, if it holds this code's; else none."""
    try:
        saved = json.loads(file.read_text(encoding="utf-8"))
        if saved["code"] != code_version():
            return {}
        return {str(key): _plan_from(stored) for key, stored in saved["plans"]}
    except (OSError, ValueError, KeyError, TypeError):  # missing, unreadable or not ours
        return {}


def _plan_from(stored: dict[str, Any]) -> IdPlan:
    statements = tuple((str(sql), tuple(parameters)) for sql, parameters in stored["statements"])
    return IdPlan(statements, bool(stored["tags_first"]), bool(stored["reverse"]))


def _write(file: Path, plans: dict[str, IdPlan]) -> None:
    """Written whole or not at all (renamed into place); a failure leaves the cache as it was."""
    saved = {
        "code": code_version(),
        "plans": [
            [key, {"statements": p.statements, "tags_first": p.tags_first, "reverse": p.reverse}]
            for key, p in plans.items()
        ],
    }
    with contextlib.suppress(OSError):
        descriptor, name = tempfile.mkstemp(prefix=file.name, suffix=".partial", dir=file.parent)
        temporary = Path(name)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                json.dump(saved, out, ensure_ascii=False)
            temporary.replace(file)
        finally:
            temporary.unlink(missing_ok=True)  # gone once renamed
