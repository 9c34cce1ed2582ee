"""Finding and reading digest files: regular files only, never blocking, never past a limit.

A path may name a FIFO (opening it waits for a writer that never comes), a device
(`/dev/zero` never ends), a folder that cannot be listed, or be swapped for any of these
between the walk that found it and its reading. So a file is opened without blocking
(O_NONBLOCK), the opened file is checked to be a regular one (fstat: the name may have
changed since it was looked at), and it is read a chunk at a time, never more than
`MAX_DIGEST_BYTES` + 1 bytes, asking between chunks whether to stop. Whatever is not read
is said, with the reason, in words for people.
"""

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from readinglist.core.translatable import QT_TR_NOOP, Message

DIGEST_SUFFIX = ".md"
# The largest of 75 real digests is 118 KB: 16 MB is 140 times that, and bounds what one
# file costs in memory while it is read and parsed (its bytes, its text and one line).
MAX_DIGEST_BYTES = 16 * 2**20
_CHUNK_BYTES = 2**20
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)  # a terminal device never becomes ours
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

type Cancelled = Callable[[], bool]


class Unreadable(Exception):
    """A path that was not read; `reason` says why, for people."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason


class Stopped(Exception):
    """The import was cancelled while a folder was walked or a file read."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A folder whose digests could not be listed, or that holds none. `unless_claimed`: it
    holds files whose names do not say they are digests (`Loose`), and holds none only if no
    format claims any of them (the importer tells)."""

    path: Path
    reason: Message
    unless_claimed: bool = False


@dataclass(frozen=True, slots=True)
class Loose:
    """A file met in a folder whose name does not say it is a digest (not `*.md`): read
    only if a format claims its content, else passed over without a word."""

    path: Path
    folder: Path  # the folder given that it was met in


type Found = Path | Loose | Skipped

# What a folder's walk passes over: hidden files, and what editors and downloads leave
# while they write (a file being written is read when it is whole, under its own name).
_PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp")


def find_digest_files(paths: Iterable[Path], cancelled: Cancelled = lambda: False) -> list[Found]:
    """Files as given, and every regular file under the folders given, in a stable order
    (`*.md` as `Path`, any other as `Loose`; hidden, temporary and partial files left out);
    a folder given that holds no file to read, or one that cannot be listed, where it was
    met, with the reason. Symbolic links to folders are not followed inside a folder (no
    loops)."""
    found: list[Found] = []
    for path in paths:
        found.extend(_folder(path, cancelled) if path.is_dir() else [path])
    return list(dict.fromkeys(found))


def digest_paths(found: list[Found]) -> list[Path]:
    """The files found, `*.md` or not."""
    return [
        item.path if isinstance(item, Loose) else item
        for item in found
        if not isinstance(item, Skipped)
    ]


def is_passed_over(name: str) -> bool:
    """Whether a folder's walk leaves out a file of this name: hidden, or temporary or
    partial (`x.part`, `x.tmp`, `x~`, `x.crdownload`, `#x#`)."""
    lowered = name.lower()
    return (
        name.startswith((".", "~$", "#"))
        or name.endswith("~")
        or lowered.endswith(_PARTIAL_SUFFIXES)
    )


def _folder(folder: Path, cancelled: Cancelled) -> list[Found]:
    """The folder's digest files, sorted, then the folders under it that could not be read."""
    files: list[Path | Loose] = []
    skipped: list[Skipped] = []
    pending = [folder]
    while pending:
        if cancelled():
            raise Stopped
        directory = pending.pop()
        try:
            _list_folder(directory, pending, files, folder)
        except OSError as error:
            skipped.append(Skipped(directory, _folder_problem(error)))
    no_digests = Message(QT_TR_NOOP("a folder with no digest files (*.md) in it"))
    if not files and not skipped:
        return [Skipped(folder, no_digests)]
    by_path = sorted(files, key=lambda item: item.path if isinstance(item, Loose) else item)
    found: list[Found] = [*by_path, *sorted(skipped, key=lambda item: item.path)]
    if not skipped and all(isinstance(item, Loose) for item in files):
        found.append(Skipped(folder, no_digests, unless_claimed=True))
    return found


def _list_folder(
    directory: Path, folders: list[Path], files: list[Path | Loose], root: Path
) -> None:
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_dir():
                if not entry.is_symlink() and not entry.name.startswith("."):
                    folders.append(Path(entry.path))
            elif not is_passed_over(entry.name):
                path = Path(entry.path)
                is_markdown = path.suffix.lower() == DIGEST_SUFFIX
                files.append(path if is_markdown else Loose(path, root))


def _folder_problem(error: OSError) -> Message:
    if isinstance(error, PermissionError):
        return Message(
            QT_TR_NOOP(
                "permission denied: the folder cannot be read, and its digests were not imported"
            )
        )
    unreadable = QT_TR_NOOP("the folder cannot be read ({reason}): its digests were not imported")
    return Message(unreadable, reason=error.strerror or str(error))


def read_digest_file(path: Path, cancelled: Cancelled = lambda: False) -> bytes:
    """The bytes of a regular file of at most `MAX_DIGEST_BYTES`; `Unreadable` if it is not
    one, `Stopped` if `cancelled` says so between chunks."""
    try:
        _check_regular(path.stat().st_mode)  # a device is not even opened: that can act
        descriptor = _open(path)
        try:
            return _read_regular(descriptor, cancelled)
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        raise Unreadable(Message(QT_TR_NOOP("no such file"))) from None
    except PermissionError:
        denied = QT_TR_NOOP("permission denied: the file cannot be read")
        raise Unreadable(Message(denied)) from None
    except OSError as error:
        unreadable = QT_TR_NOOP("cannot be read: {reason}")
        raise Unreadable(Message(unreadable, reason=error.strerror or str(error))) from None


def _open(path: Path) -> int:
    return os.open(path, _OPEN_FLAGS)


def _read_regular(descriptor: int, cancelled: Cancelled) -> bytes:
    status = os.fstat(descriptor)
    _check_regular(status.st_mode)
    if status.st_size > MAX_DIGEST_BYTES:
        raise _too_large()
    chunks: list[bytes] = []
    room = MAX_DIGEST_BYTES + 1  # one byte more says it is too large
    while chunk := _read_chunk(descriptor, wanted := min(_CHUNK_BYTES, room)):
        chunks.append(chunk)
        room -= len(chunk)
        if not room:  # it grew, or said it was smaller than it is (files in /proc)
            raise _too_large()
        if len(chunk) == wanted and cancelled():  # a full chunk: more may follow
            raise Stopped
    return b"".join(chunks)


def _read_chunk(descriptor: int, size: int) -> bytes:
    return os.read(descriptor, size)


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise Unreadable(Message(_not_a_file(mode)))


def _not_a_file(mode: int) -> str:
    """Whole sentences, one a kind, so that a translation need not assemble them."""
    if stat.S_ISFIFO(mode):
        return QT_TR_NOOP("not a file but a named pipe (FIFO): it was not read")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TR_NOOP("not a file but a device: it was not read")
    if stat.S_ISSOCK(mode):
        return QT_TR_NOOP("not a file but a socket: it was not read")
    if stat.S_ISDIR(mode):
        return QT_TR_NOOP("not a file but a folder: it was not read")
    return QT_TR_NOOP("not a file but something other than a regular file: it was not read")


def _too_large() -> Unreadable:
    too_large = QT_TR_NOOP("larger than {megabytes} MB: too large to be a digest, not read")
    return Unreadable(Message(too_large, megabytes=MAX_DIGEST_BYTES // 2**20))
