"""An export's file, written whole or not at all, with the permissions a file made by hand gets.

The text goes to a hidden temporary beside the target (`.list.bib.1a2b3c4d`), which takes the
target's name once written and synced. A process killed meanwhile leaves its temporary
behind, so each export first removes the temporaries that earlier exports to the same name
left: those no process holds locked (a writer holds an exclusive `flock` on its temporary until
it is done; the kernel drops it when the process dies) and unchanged for a minute (which covers
the instant between creating the file and locking it, and Windows, which has no `flock` but
does not delete an open file).
"""

import contextlib
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

if sys.platform != "win32":
    import fcntl

STALE_AFTER_SECONDS = 60


def write_atomically(path: Path, write: Callable[[TextIO], int], byte_order_mark: bool) -> int:
    """`write` the UTF-8 text of `path` (after a byte order mark when asked); returns what
    `write` returns. A new file gets the mode 0666 less the umask, as `open()` would give; a
    file replaced keeps its mode, so that one its owner made private stays private."""
    remove_stale_temporaries(path)
    handle, temporary = _create_temporary(path)
    encoding = "utf-8-sig" if byte_order_mark else "utf-8"
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())  # on disk before it takes the name
        _keep_mode(path, temporary)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return result


def temporary_name_pattern(path: Path) -> re.Pattern[str]:
    """The names of our temporaries for `path`: the shape `tempfile.mkstemp` gave them before
    this module, so that what earlier versions left behind is recognised too."""
    return re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}")


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new temporary, locked; created with mode 0666 so the umask decides, as for any file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        try:
            handle = os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
        if sys.platform != "win32":
            fcntl.flock(handle, fcntl.LOCK_EX)
        return handle, temporary


def _keep_mode(path: Path, temporary: Path) -> None:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    temporary.chmod(mode)


def remove_stale_temporaries(path: Path) -> None:
    """Delete what killed exports to `path` left beside it (see the module's docstring)."""
    pattern = temporary_name_pattern(path)
    try:
        names = [entry.name for entry in os.scandir(path.parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return  # the export itself will say what is wrong with the folder
    for name in names:
        _remove_if_stale(path.parent / name)


def _remove_if_stale(temporary: Path) -> None:
    if _is_stale(temporary):
        with contextlib.suppress(OSError):  # another export removed it first, or read-only
            temporary.unlink()


def _is_stale(temporary: Path) -> bool:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(temporary, flags)
    except OSError:
        return False  # gone already, a link, or not ours to read
    try:
        status = os.fstat(handle)
        old = time.time() - status.st_mtime >= STALE_AFTER_SECONDS
        return stat.S_ISREG(status.st_mode) and old and not _in_use(handle)
    finally:
        os.close(handle)


def _in_use(handle: int) -> bool:
    """Whether a live export holds the temporary's lock (if none did, we hold it until the
    handle is closed; no export locks a temporary it did not create)."""
    if sys.platform == "win32":
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    return False
