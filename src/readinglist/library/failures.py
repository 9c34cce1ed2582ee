"""What went wrong with a library, in words a person understands.

SQLite, PostgreSQL and the operating system name failures by code (`SQLITE_FULL`, SQLSTATE
53100, `ENOSPC`), and SQLAlchemy's message for them carries the SQL and its parameters (a
note's text, say).
Whoever tells a person that something failed (the command line, the window) says it with
`reason`: never a traceback, never SQL. The words are declared with `QT_TR_NOOP`: the
window shows them in its language (`tr(words)`), the command line as they are.
"""

import errno
import sqlite3

from readinglist.core.translatable import QT_TR_NOOP

DISK_FULL = QT_TR_NOOP("the disk is full")
READ_ONLY = QT_TR_NOOP("the library is read-only")
LOCKED = QT_TR_NOOP("the library is locked by another program: try again when it is done")
DAMAGED = QT_TR_NOOP("the library file is damaged (`readinglist check` says what is wrong)")
CANNOT_OPEN = QT_TR_NOOP("the library file cannot be opened (is its folder there, and readable?)")
IO_ERROR = QT_TR_NOOP("the disk could not read or write it (an input/output error)")
DENIED = QT_TR_NOOP("permission denied: this user may not read or write it")
QUOTA = QT_TR_NOOP("the disk quota is used up")
DISK_READ_ONLY = QT_TR_NOOP("the disk is read-only")
# A shared library's server (PostgreSQL), by SQLSTATE.
OUT_OF_REACH = QT_TR_NOOP("the server cannot be reached, or the connection to it was lost")
SERVER_DISK_FULL = QT_TR_NOOP("the server's disk is full")
SERVER_BUSY = QT_TR_NOOP(
    "the server is out of connections or memory: try again later, or ask its administrator"
)
SERVER_STOPPING = QT_TR_NOOP("the server is shutting down or starting up: try again in a moment")
SERVER_READ_ONLY = QT_TR_NOOP("the server is read-only (a standby, or set so by its administrator)")
NOT_ALLOWED = QT_TR_NOOP("the server refused it: your role may not do this")
CONFLICT = QT_TR_NOOP("another member's change to the same papers came first: try again")
TOO_LONG = QT_TR_NOOP("the server stopped it: it took too long, or its administrator cancelled it")
HELD = QT_TR_NOOP("another member's work holds what this needs: try again in a moment")


# By SQLite's primary result code (the name's first part: SQLITE_READONLY_DIRECTORY is
# SQLITE_READONLY).
_BY_SQLITE_CODE = {
    "SQLITE_FULL": DISK_FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_BUSY": LOCKED,
    "SQLITE_LOCKED": LOCKED,
    "SQLITE_CORRUPT": DAMAGED,
    "SQLITE_NOTADB": DAMAGED,
    "SQLITE_CANTOPEN": CANNOT_OPEN,
    "SQLITE_IOERR": IO_ERROR,
    "SQLITE_PERM": DENIED,
    "SQLITE_AUTH": DENIED,
}
# SQLite's own messages for the same codes: an error raised without a code (by a wrapper,
# or made by hand) is still recognised.
_BY_SQLITE_MESSAGE = {
    "database or disk is full": DISK_FULL,
    "attempt to write a readonly database": READ_ONLY,
    "database is locked": LOCKED,
    "database table is locked": LOCKED,
    "database disk image is malformed": DAMAGED,
    "file is not a database": DAMAGED,
    "unable to open database file": CANNOT_OPEN,
    "disk i/o error": IO_ERROR,
}
# By SQLSTATE, whole or by its class (the first two characters).
_BY_SQLSTATE = {
    "53100": SERVER_DISK_FULL,
    "53": SERVER_BUSY,  # insufficient resources: memory, connections
    "08": OUT_OF_REACH,  # connection exceptions
    "57P01": OUT_OF_REACH,  # the connection ended by a shutdown or by an administrator
    "57P02": OUT_OF_REACH,  # by another server process's crash
    "57P03": SERVER_STOPPING,  # cannot connect now
    "57014": TOO_LONG,  # query cancelled (the statement timeout, or an administrator)
    "25006": SERVER_READ_ONLY,
    "42501": NOT_ALLOWED,  # insufficient privilege, a row-level security policy among them
    "40001": CONFLICT,  # serialization failure
    "40P01": CONFLICT,  # deadlock
    "55P03": HELD,  # lock not available (the lock timeout: the owner's init-shared, say)
}
_BY_ERRNO = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: QUOTA,
    errno.EFBIG: DISK_FULL,
    errno.EROFS: DISK_READ_ONLY,
    errno.EACCES: DENIED,
    errno.EPERM: DENIED,
    errno.EIO: IO_ERROR,
}


def driver_error(error: BaseException) -> Exception | None:
    """The sqlite3, psycopg or operating-system error behind `error` (SQLAlchemy wraps the
    driver's errors), or None when `error` is not a failure of a file or a database."""
    for candidate in (error, getattr(error, "orig", None)):
        if isinstance(candidate, sqlite3.Error | OSError):
            return candidate
        if isinstance(candidate, Exception) and _is_psycopgs(candidate):
            return None if _is_a_bug(candidate) else candidate
    return None


def reason(error: BaseException) -> str | None:
    """What went wrong, in words (without SQL, though a server's own words may quote a
    value); None when `error` is not a file's or a database's failure (a bug, which should
    not be dressed up as one)."""
    cause = driver_error(error)
    return None if cause is None else describe(cause)


def describe(cause: BaseException) -> str:
    """A driver's or the operating system's error in words."""
    if isinstance(cause, OSError):
        return _BY_ERRNO.get(cause.errno or 0) or cause.strerror or str(cause)
    if _is_psycopgs(cause):
        return _server_words(cause)
    code = getattr(cause, "sqlite_errorname", None) or ""
    for name, words in _BY_SQLITE_CODE.items():
        if code == name or code.startswith(name + "_"):
            return words
    message = str(cause)
    return _BY_SQLITE_MESSAGE.get(message.lower(), message)


def _is_psycopgs(error: BaseException) -> bool:
    """Whether `error` is psycopg's (told by its module: psycopg is not imported for it)."""
    return type(error).__module__.startswith("psycopg")


def _is_a_bug(error: BaseException) -> bool:
    """A statement the server could not take as written (SQLSTATE class 42, but a role
    refused): the app's bug, not the library's failure."""
    state = getattr(error, "sqlstate", None) or ""
    return state.startswith("42") and state != "42501"


def _server_words(error: BaseException) -> str:
    """A PostgreSQL server's failure, or psycopg's, in words: by its SQLSTATE; else the
    server's own first line (it never holds the SQL); a connection that failed or broke has
    no SQLSTATE, only the client's class for it."""
    state = getattr(error, "sqlstate", None) or ""
    words = _BY_SQLSTATE.get(state) or _BY_SQLSTATE.get(state[:2])
    if words is not None:
        return words
    if not state and type(error).__name__ in ("OperationalError", "InterfaceError"):
        # Refused as it connected (a password, pg_hba, a role that may not log in, too many
        # clients): the server's own words, which psycopg gives without a SQLSTATE.
        _, fatal, said = str(error).partition("FATAL:")
        return said.strip().splitlines()[0] if fatal and said.strip() else OUT_OF_REACH
    diagnosis = getattr(error, "diag", None)
    primary = getattr(diagnosis, "message_primary", None)
    said = str(primary or error)
    return said.splitlines()[0] if said else OUT_OF_REACH


def is_damage(error: BaseException) -> bool:
    """Whether `error` says the file itself is bad, rather than what is around it (a full
    disk, a read-only folder, another program's lock)."""
    return reason(error) == DAMAGED


def is_read_only(error: BaseException) -> bool:
    """Whether `error` says the library (or its folder) cannot be written, or cannot be
    opened for writing: SQLite then reads it through a read-only connection."""
    return reason(error) in (READ_ONLY, CANNOT_OPEN, DENIED, DISK_READ_ONLY)


def is_out_of_reach(error: BaseException) -> bool:
    """Whether `error` says a shared library's server could not be reached or the
    connection to it was lost (the driver's OperationalError, in SQLAlchemy's wrapper)."""
    from sqlalchemy.exc import OperationalError

    return isinstance(error, OperationalError)


def storage_errors() -> tuple[type[Exception], ...]:
    """What a read or write of the library raises when the file fails it: SQLAlchemy's
    wrappers, the driver's own errors and ours. The window catches these (and says them with
    `reason`) without importing the database layers itself."""
    from sqlalchemy.exc import SQLAlchemyError

    from readinglist.library.errors import LibraryError

    return (SQLAlchemyError, sqlite3.Error, LibraryError)
