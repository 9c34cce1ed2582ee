"""What went wrong with a library file, in words a person understands.

SQLite and the operating system name failures by code (`SQLITE_FULL`, `ENOSPC`), and
SQLAlchemy's message for them carries the SQL and its parameters (a note's text, say).
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
_BY_ERRNO = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: QUOTA,
    errno.EFBIG: DISK_FULL,
    errno.EROFS: DISK_READ_ONLY,
    errno.EACCES: DENIED,
    errno.EPERM: DENIED,
    errno.EIO: IO_ERROR,
}


def driver_error(error: BaseException) -> sqlite3.Error | OSError | None:
    """The sqlite3 or operating-system error behind `error` (SQLAlchemy wraps the driver's
    errors), or None when `error` is not a failure of a file or a database."""
    for candidate in (error, getattr(error, "orig", None)):
        if isinstance(candidate, sqlite3.Error | OSError):
            return candidate
    return None


def reason(error: BaseException) -> str | None:
    """What went wrong, in words (without SQL); None when `error` is not a file's or a
    database's failure (a bug, which should not be dressed up as one)."""
    cause = driver_error(error)
    return None if cause is None else describe(cause)


def describe(cause: sqlite3.Error | OSError) -> str:
    """A driver's or the operating system's error in words."""
    if isinstance(cause, OSError):
        return _BY_ERRNO.get(cause.errno or 0) or cause.strerror or str(cause)
    code = getattr(cause, "sqlite_errorname", None) or ""
    for name, words in _BY_SQLITE_CODE.items():
        if code == name or code.startswith(name + "_"):
            return words
    message = str(cause)
    return _BY_SQLITE_MESSAGE.get(message.lower(), message)


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
