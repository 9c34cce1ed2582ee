"""Opening a library: the file, its pragmas, its schema version, its backups and its engine."""

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry

from readinglist.library import backup, migrations

BUSY_TIMEOUT_MS = 10_000
LIBRARY_ENV = "READINGLIST_LIBRARY"


class LibraryError(Exception):
    """A library that cannot be opened or used, with a message for people."""


class LibraryTooNewError(LibraryError):
    pass


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening did besides opening: worth telling the user about."""

    created: bool = False
    migrated_from: int | None = None
    pre_migration_backup: Path | None = None
    daily_backup: Path | None = None


class Library:
    """An open library. Short transactions through `reading()` and `writing()`; thread-safe."""

    def __init__(self, path: Path, engine: Engine, report: OpenReport) -> None:
        self.path = path
        self.engine = engine
        self.open_report = report
        self.closed = False

    def _connect(self) -> Connection:
        if self.closed:
            raise LibraryError(f"the library {self.path} is closed")
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


def default_library_path() -> Path:
    """`READINGLIST_LIBRARY`, or library.sqlite in the platform's app-data folder."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("readinglist", appauthor=False) / "library.sqlite"


def open_library(path: Path | None = None, *, daily_backup: bool = True) -> Library:
    """Open (creating or upgrading as needed) the library at `path`.

    Refuses a library made by a newer readinglist. Backs up before any migration and,
    once a day, keeps a rotating copy beside the library (see `backup.py`).
    """
    path = (path or default_library_path()).expanduser().absolute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        report = _prepare(path, daily_backup)
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path} is not a readable library: {error}") from error
    except OSError as error:
        raise LibraryError(f"cannot open the library {path}: {error.strerror or error}") from error
    return Library(path, _make_engine(path), report)


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
        if version > latest:
            raise LibraryTooNewError(
                f"{path} was written by a newer readinglist (schema {version}; this one "
                f"knows up to {latest}). Update readinglist to open it; nothing was changed."
            )
        if version == 0 and _has_tables(connection):
            raise LibraryError(f"{path} is an SQLite database, but not a readinglist library")
        connection.execute("PRAGMA journal_mode = WAL")
        pre_migration = None
        if 0 < version < latest:
            pre_migration = backup.backup_before_migration(connection, path, version)
        if version < latest:
            _migrate(connection, path, version)
        daily = backup.rotate_daily(connection, path) if daily_backup and existed else None
    return OpenReport(
        created=not existed,
        migrated_from=version if 0 < version < latest else None,
        pre_migration_backup=pre_migration,
        daily_backup=daily,
    )


def _migrate(connection: sqlite3.Connection, path: Path, version: int) -> None:
    try:
        migrations.migrate(connection)
    except sqlite3.Error as error:
        raise LibraryError(
            f"upgrading {path} from schema {version} failed, nothing was changed: {error}"
        ) from error


def _has_tables(connection: sqlite3.Connection) -> bool:
    row = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row[0])


def _make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

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

    return engine


def utc_now() -> dt.datetime:
    """Now, in UTC: what the library stores for every moment."""
    return dt.datetime.now(dt.UTC)
