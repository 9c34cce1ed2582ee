"""Opening a library: the file, its pragmas, its schema version, its backups and its engine."""

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from readinglist.library import backup, failures, migrations
from readinglist.library.errors import LibraryError
from readinglist.library.location import default_library_path
from readinglist.library.shared.address import SharedAddress

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Library",
    "LibraryError",
    "LibraryTooNewError",
    "OpenReport",
    "connect_raw",
    "connect_read_only",
    "default_library_path",
    "open_library",
    "utc_now",
]

BUSY_TIMEOUT_MS = 10_000


class LibraryTooNewError(LibraryError):
    pass


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening did besides opening: worth telling the user about."""

    created: bool = False
    migrated_from: int | None = None
    pre_migration_backup: Path | None = None
    daily_backup: Path | None = None
    backup_warning: str | None = None  # why today's copy could not be made


class Library:
    """An open library. Short transactions through `reading()` and `writing()`; thread-safe.

    A library file has its `path`; a shared library on PostgreSQL (library/shared/) has none
    but its `address`. `place` is either; messages name `location` (never a password)."""

    def __init__(self, place: Path | SharedAddress, engine: Engine, report: OpenReport) -> None:
        self.place = place
        self.location = str(place)
        self.engine = engine
        self.open_report = report
        self.closed = False

    @property
    def shared(self) -> bool:
        """Whether this is a shared library (on PostgreSQL: no file)."""
        return not isinstance(self.place, Path)

    @property
    def path(self) -> Path:
        """The library's file (its backups, its folder); a shared library has none."""
        if not isinstance(self.place, Path):
            raise LibraryError(f"{self.location} is a shared library: it has no file")
        return self.place

    def _connect(self) -> Connection:
        if self.closed:
            raise LibraryError(f"the library {self.location} is closed")
        return self.engine.connect()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction that takes the write lock at once (BEGIN IMMEDIATE).

        Deferred transactions that read first and write later fail with SQLITE_BUSY when
        another writer got in between; taking the lock up front lets busy_timeout wait.
        """
        with self._connect() as plain:
            connection = plain.execution_options(readinglist_immediate=True)
            with connection.begin():
                yield connection

    def close(self) -> None:
        self.closed = True
        self.engine.dispose()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_library(path: Path | None = None, *, daily_backup: bool = True) -> Library:
    """Open (creating or upgrading as needed) the library at `path`.

    Refuses a library made by a newer readinglist. Backs up before any migration and,
    once a day, keeps a rotating copy beside the library (see `backup.py`); a daily copy
    that cannot be made is skipped, saying why in `open_report.backup_warning`. A library
    whose file or folder cannot be written is opened read-only: it reads, and a write
    fails saying the library is read-only.
    """
    path = (path or default_library_path()).expanduser().absolute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        report = _prepare(path, daily_backup)
    except (sqlite3.Error, OSError) as error:
        if path.is_file() and failures.is_read_only(error):
            return _open_read_only(path)
        raise _cannot_open(path, error) from error
    return Library(path, _make_engine(path), report)


def _cannot_open(path: Path, error: sqlite3.Error | OSError) -> LibraryError:
    if failures.is_damage(error):
        return LibraryError(
            f"{path} is not a readable library: it is damaged or not a library "
            "(`readinglist check` says more)"
        )
    return LibraryError(f"cannot open the library {path}: {failures.describe(error)}")


def _open_read_only(path: Path) -> Library:
    try:
        with closing(connect_read_only(path)) as connection:
            version = migrations.read_version(connection)
    except sqlite3.Error as error:
        raise _cannot_open(path, error) from error
    _refuse_newer(path, version)
    if version < migrations.latest_version():
        raise LibraryError(
            f"{path} needs upgrading from schema {version} to read it, but it is read-only: "
            "open it once where it can be written"
        )
    engine = create_engine(
        "sqlite://", creator=partial(connect_read_only, path), poolclass=QueuePool
    )
    _listen(engine)
    return Library(path, engine, OpenReport())


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes to the library, nor beside it if it cannot.

    In a read-only folder SQLite cannot make the `-shm` file a WAL library is read
    through, and refuses even `mode=ro`; the library is then read as immutable, which is
    exact when no `-wal` file holds changes not yet in the library file (else this fails).
    """
    uri = path.as_uri() + "?mode=ro"
    try:
        return _connect_checked(uri)
    except sqlite3.Error as error:
        wal = path.with_name(path.name + "-wal")
        if not failures.is_read_only(error) or (wal.exists() and wal.stat().st_size > 0):
            raise
    return _connect_checked(uri + "&immutable=1")


def _connect_checked(uri: str) -> sqlite3.Connection:
    """SQLite opens the file at the first read: one is made here, so failing is now."""
    connection = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        _apply_pragmas(connection)
        migrations.read_version(connection)
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def connect_raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection in autocommit mode with the library's pragmas."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        _apply_pragmas(connection)
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _apply_pragmas(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    connection.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: never corrupts


def _prepare(path: Path, daily_backup: bool) -> OpenReport:
    existed = path.exists() and path.stat().st_size > 0
    with closing(connect_raw(path)) as connection:
        version = migrations.read_version(connection)
        latest = migrations.latest_version()
        _refuse_newer(path, version)
        if version == 0 and _has_tables(connection):
            raise LibraryError(f"{path} is an SQLite database, but not a readinglist library")
        connection.execute("PRAGMA journal_mode = WAL")
        pre_migration = None
        if 0 < version < latest:
            pre_migration = _backup_before_migration(connection, path, version)
        if version < latest:
            _migrate(connection, path, version)
        daily = backup.rotate_daily(connection, path) if daily_backup and existed else None
    return OpenReport(
        created=not existed,
        migrated_from=version if 0 < version < latest else None,
        pre_migration_backup=pre_migration,
        daily_backup=daily.path if daily else None,
        backup_warning=_not_backed_up(path, daily),
    )


def _not_backed_up(path: Path, daily: backup.BackupOutcome | None) -> str | None:
    if daily is None or daily.why_not_made is None:
        return None
    return f"today's backup of {path} was not made: {daily.why_not_made}"


def _refuse_newer(path: Path, version: int) -> None:
    latest = migrations.latest_version()
    if version > latest:
        raise LibraryTooNewError(
            f"{path} was written by a newer readinglist (schema {version}; this one "
            f"knows up to {latest}). Update readinglist to open it; nothing was changed."
        )


def _backup_before_migration(connection: sqlite3.Connection, path: Path, version: int) -> Path:
    try:
        return backup.backup_before_migration(connection, path, version)
    except (backup.NoRoomError, OSError, sqlite3.Error) as error:
        why = str(error) if isinstance(error, backup.NoRoomError) else failures.describe(error)
        raise LibraryError(
            f"{path} needs upgrading from schema {version}, and the backup made first could "
            f"not be made: {why}. Nothing was changed."
        ) from error


def _migrate(connection: sqlite3.Connection, path: Path, version: int) -> None:
    try:
        migrations.migrate(connection)
    except sqlite3.Error as error:
        raise LibraryError(
            f"upgrading {path} from schema {version} failed, nothing was changed: "
            f"{failures.describe(error)}"
        ) from error


def _has_tables(connection: sqlite3.Connection) -> bool:
    row = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row[0])


def _make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    _listen(engine)
    return engine


def _listen(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (SQLAlchemy's
        # documented recipe for pysqlite), so BEGIN IMMEDIATE and savepoints work.
        dbapi_connection.isolation_level = None
        _apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("readinglist_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def utc_now() -> dt.datetime:
    """Now, in UTC: what the library stores for every moment."""
    return dt.datetime.now(dt.UTC)
