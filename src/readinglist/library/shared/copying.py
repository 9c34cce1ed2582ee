"""`readinglist copy SOURCE DEST`: a library file into a new shared library, or a shared
library into a new library file, with one person's own data.

The person is the role a PostgreSQL address connects as. From a library file, its papers,
digests, sightings and tags become the shared library's, and its star, statuses and their
history, notes, trash, Today, saved searches and rules become the DEST role's own (saved
searches and rules private: sharing one is that person's choice, made later). From a shared
library, what everyone shares and the SOURCE role's own data become the new file's; what
others wrote (shared notes, saved searches and rules others share) is counted, not copied.

All or nothing: a shared DEST is written in one transaction, committed only once its counts
read in it are the source's (`_refuse_short`); a file DEST is built beside
where it goes, checked as `readinglist check --reindex` checks a library (its full-text
index built then), and moved into place only when sound. Ids are kept, so sightings, tags
and history point to the same papers; the shared library's id sequences are moved past
them. A DEST must be new: a file that does not exist, or a shared library `init-shared`
made that holds nothing the role can see. Both at the same schema version.
"""

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.library import migrations
from readinglist.library.database import connect_raw, connect_read_only, open_library
from readinglist.library.health import HealthReport, check_library_and_index
from readinglist.library.location import LibraryPlace
from readinglist.library.shared import ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.copy_parts import (
    LEFT_OUT,
    LEFT_OUT_SHARED,
    PAPERS,
    PARTS,
    RULE_HITS,
    TALLIES,
)
from readinglist.library.shared.copy_sides import (
    APPLICATION_NAME,
    Batches,
    CopyError,
    PostgresReader,
    PostgresWriter,
    SqliteReader,
    SqliteWriter,
    for_sqlite,
    said_as,
)
from readinglist.library.shared.setup import CONNECTION_LIMITS, SHARED_VERSION, read_version

if TYPE_CHECKING:
    import psycopg

    type Reader = SqliteReader | PostgresReader
    type Writer = SqliteWriter | PostgresWriter

__all__ = ["CopyError", "CopyOutcome", "copy_library"]


@dataclass(frozen=True, slots=True)
class CopyOutcome:
    source: str
    dest: str
    source_person: str | None  # the role read, for a shared SOURCE
    dest_person: str | None  # the role written as, for a shared DEST
    version: int
    counts: tuple[tuple[str, int, int], ...]  # (what, in SOURCE, in DEST)
    left_out: tuple[tuple[str, int], ...]  # what SOURCE holds that was not copied
    health: HealthReport | None  # `check`'s report on a file DEST
    seconds: float

    @property
    def counts_match(self) -> bool:
        return all(source == dest for _, source, dest in self.counts)

    @property
    def sound(self) -> bool:
        """Counts equal, and a file DEST checked sound with its index in step."""
        health = self.health
        checked = health is None or (health.sound and bool(health.index_in_step))
        return self.counts_match and checked


def copy_library(source: LibraryPlace, dest: LibraryPlace) -> CopyOutcome:
    """Copy the library at `source` into a new library at `dest` (see the module's text);
    CopyError, saying why and naming the library, when refused or failed: DEST unchanged."""
    started = time.perf_counter()
    with _reading(source) as (reader, source_person):
        before = _counts(reader)
        left_out = _left_out(reader)
        if isinstance(dest, SharedAddress):
            dest_person = _into_shared(reader, dest, before)
            health = None
        else:
            dest = dest.expanduser().absolute()
            health = _into_file(reader, dest)
            dest_person = None
    with _reading(dest) as (dest_reader, _):
        after = _counts(dest_reader)
    return CopyOutcome(
        source=str(source),
        dest=str(dest),
        source_person=source_person,
        dest_person=dest_person,
        version=migrations.latest_version(),
        counts=tuple((name, before[name], after[name]) for name in before),
        left_out=tuple((name, n) for name, n in left_out.items() if n),
        health=health,
        seconds=time.perf_counter() - started,
    )


def _counts(reader: "Reader") -> dict[str, int]:
    counted = {part.name: reader.count(part.count(reader.postgres)) for part in PARTS}
    return counted | {tally.name: reader.count(tally.sql) for tally in TALLIES}


def _left_out(reader: "Reader") -> dict[str, int]:
    tallies = (*LEFT_OUT, *(LEFT_OUT_SHARED if reader.postgres else ()))
    return {tally.name: reader.count(tally.sql) for tally in tallies}


# --- reading --------------------------------------------------------------------------------


@contextmanager
def _reading(place: LibraryPlace) -> "Iterator[tuple[Reader, str | None]]":
    """The library at `place` read in one transaction, and the role it is read as."""
    if isinstance(place, SharedAddress):
        with said_as(place, "reading"):
            connection = _connect(place)
        with connection:
            with said_as(place, "reading"):
                _refuse_other_version(place, connection)
                connection.isolation_level = _repeatable_read()
                connection.read_only = True
                role = _role(connection)
            yield PostgresReader(connection, place), role
        return
    path = place.expanduser().absolute()
    if not path.is_file():
        raise CopyError(f"there is no library at {path}")
    with said_as(path, "reading"):
        sqlite = connect_read_only(path)
    with closing(sqlite):
        with said_as(path, "reading"):
            _refuse_other_file_version(path, sqlite)
            reader = SqliteReader(sqlite, path)
        yield reader, None


def _repeatable_read() -> Any:
    from psycopg import IsolationLevel

    return IsolationLevel.REPEATABLE_READ


def _connect(address: SharedAddress) -> "psycopg.Connection[Any]":
    """A connection as the role `address` names, moments in UTC, named as a copy's."""
    try:
        import psycopg
    except ImportError:
        raise CopyError(
            "shared libraries need the PostgreSQL driver: pip install 'readinglist[postgres]'"
        ) from None
    return psycopg.connect(
        address.url,
        options="-c timezone=UTC",
        application_name=APPLICATION_NAME,
        **CONNECTION_LIMITS,
    )


def _role(connection: "psycopg.Connection[Any]") -> str:
    row = connection.execute("SELECT current_user").fetchone()
    return str(row[0]) if row is not None else ""


def _refuse_other_version(address: SharedAddress, connection: "psycopg.Connection[Any]") -> None:
    version = read_version(connection)
    connection.commit()  # its isolation is set next: outside any transaction
    if version is None:
        raise CopyError(
            f"{address} is not a shared library: make one with `readinglist init-shared`"
        )
    _refuse_version(str(address), version, SHARED_VERSION)


def _refuse_other_file_version(path: Path, connection: sqlite3.Connection) -> None:
    version = migrations.read_version(connection)
    if version == 0:
        raise CopyError(f"{path} is not a readinglist library; nothing was copied")
    _refuse_version(str(path), version, migrations.latest_version())


def _refuse_version(place: str, version: int, known: int) -> None:
    if version > known:
        raise CopyError(
            f"{place} was made by a newer readinglist (schema {version}; this one knows up to "
            f"{known}): copy it with that readinglist; nothing was copied"
        )
    if version < known:
        raise CopyError(
            f"{place} is at schema {version} and this readinglist copies schema {known}: open "
            "it once with readinglist to upgrade it, then copy it; nothing was copied"
        )


# --- writing --------------------------------------------------------------------------------


def _write_all(reader: "Reader", writer: "Writer") -> None:
    """Every part, in the writer's order, rules renumbered and their hits following."""
    rule_ids: dict[Any, int] = {}
    for part in writer.order(PARTS):
        batches: Batches = reader.batches(part)
        if isinstance(writer, SqliteWriter) and reader.postgres:
            batches = ([for_sqlite(row) for row in rows] for rows in batches)
        if part is RULE_HITS:
            batches = _with_rule_ids(batches, rule_ids)
        if part.renumbered:
            rule_ids = writer.write_renumbered(part, batches)
        else:
            writer.write(part, batches)


def _with_rule_ids(batches: Batches, rule_ids: dict[Any, int]) -> Batches:
    """A rule's hits pointing to the rule's new id (paper_id, rule_id, at)."""
    for rows in batches:
        yield [(paper_id, rule_ids[rule_id], at) for paper_id, rule_id, at in rows]


def _into_shared(reader: "Reader", dest: SharedAddress, source_counts: dict[str, int]) -> str:
    """Everything into the empty shared library at `dest`, in one transaction, committed
    only once its counts, read in that transaction, are the source's."""
    with said_as(dest, "writing"):
        connection = _connect(dest)
    with connection, said_as(dest, "writing"):
        _refuse_other_version(dest, connection)
        person = _role(connection)
        # Another copy into it waits here, and finds it filled.
        connection.execute("LOCK TABLE paper_records IN SHARE ROW EXCLUSIVE MODE")
        _refuse_filled(str(dest), PostgresReader(connection, dest))
        writer = PostgresWriter(connection)
        _write_all(reader, writer)
        writer.advance_sequences(_numbered_tables())
        _refuse_short(dest, source_counts, _counts(PostgresReader(connection, dest)))
        _refuse_unindexed(dest, connection)
        writer.commit()
    return person


# Papers without their row of words or of word pairs, which every search reads (the tables'
# triggers make them as the papers are written): a shared library's `check --reindex`.
_UNINDEXED = (
    "SELECT count(*) FROM paper_records AS r "
    "WHERE NOT EXISTS (SELECT FROM paper_search AS s WHERE s.rowid = r.id) "
    "OR NOT EXISTS (SELECT FROM paper_pairs AS p WHERE p.rowid = r.id)"
)


def _refuse_unindexed(dest: SharedAddress, connection: "psycopg.Connection[Any]") -> None:
    found = connection.execute(_UNINDEXED.encode()).fetchone()
    unindexed = int(found[0]) if found is not None else 0
    if unindexed:
        raise CopyError(
            f"the copy into {dest} left {unindexed} of its papers out of its search; "
            "nothing was copied"
        )


def _refuse_short(
    dest: SharedAddress, source_counts: dict[str, int], written: dict[str, int]
) -> None:
    """CopyError when what was written does not count as the source does (the transaction
    is then rolled back: nothing was copied)."""
    differ = [
        f"{name} {n} against {written[name]}"
        for name, n in source_counts.items()
        if written[name] != n
    ]
    if differ:
        raise CopyError(
            f"the copy into {dest} did not count as its source ({', '.join(differ)}); "
            "nothing was copied"
        )


def _numbered_tables() -> list[str]:
    """The shared tables whose ids were copied (a paper's are `paper_records`')."""
    tables = ["paper_records" if part is PAPERS else part.table for part in PARTS]
    return [table for table in tables if table in ddl.SHARED and table != "paper_tags"]


def _refuse_filled(dest: str, reader: "Reader") -> None:
    filled = {part.name: reader.count(part.count(True)) for part in PARTS}
    held = ", ".join(f"{n} {name}" for name, n in filled.items() if n)
    if held:
        raise CopyError(
            f"{dest} is not empty (it holds {held}): copy into a new shared library "
            "(`readinglist init-shared` on an empty database); nothing was copied"
        )


def _into_file(reader: "Reader", dest: Path) -> HealthReport:
    """Everything into a new library file at `dest`: built beside it, checked, moved in."""
    if dest.exists():
        raise CopyError(
            f"{dest} exists: copy makes a new library file, so give a path where there is "
            "none; nothing was copied"
        )
    building = dest.with_name(f".{dest.name}.copying-{os.getpid()}")
    try:
        with said_as(dest, "writing"):
            dest.parent.mkdir(parents=True, exist_ok=True)
            open_library(building, daily_backup=False).close()
            with closing(connect_raw(building)) as connection:
                writer = SqliteWriter(connection)
                _write_all(reader, writer)
                writer.commit()
        health = check_library_and_index(building, reindex=True)
        if not health.sound or not health.index_in_step:
            raise CopyError(f"the copy into {dest} did not check sound: {_why(health)}")
        with said_as(dest, "writing"):
            _move_in(building, dest)
    finally:
        _remove(building)
    return replace(health, path=dest)


def _why(health: HealthReport) -> str:
    return "; ".join([*health.problems, *health.not_done]) or "its search index is out of step"


def _move_in(building: Path, dest: Path) -> None:
    """The built file to `dest` (as one file: its journal folded in), never over another
    that appeared meanwhile."""
    with closing(connect_raw(building)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")  # WAL again when it is opened
    try:
        os.link(building, dest)
    except FileExistsError:
        raise CopyError(f"{dest} appeared while copying: nothing was copied") from None


def _remove(building: Path) -> None:
    for name in (building.name, building.name + "-wal", building.name + "-shm"):
        with suppress(FileNotFoundError):
            (building.parent / name).unlink()
