"""One window per library: a second start hands its files to the window already open.

A file manager's "Open with" starts a new process for every file; without this, each would
open a window of its own on the same library. Before it builds a window, a start claims the
library's lock file: `QLockFile`, in QtCore, under 1 ms (plus 4 ms for platformdirs to find
the default library), where asking a socket first would load QtNetwork, 25 ms before the
first paint. The start that holds the lock is the library's window: once its library is open
it listens on a local socket. A start that finds the lock held is a second one: it connects
(loading QtNetwork only then), sends its files as one JSON line, waits for the window's "ok",
and exits 0 without showing a window.

The lock's and the socket's name derive from the user and the library's resolved path (a
shared library's address, without its password), so two libraries have a window each, and
no other user's window is ever reached (the socket is the user's only, too). A crashed
window leaves its lock and socket file behind: Qt takes over a lock whose process is gone,
and the new window replaces the socket file, which no live window can own since the lock
is ours. A second start that comes while the first is still
opening its library (its socket is not there yet) tries again until HAND_OVER_LIMIT_S, and
takes the lock should the first close meanwhile; a window that never answers (hung) gets a
window of its own beside it rather than a file lost.
"""

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.ui.qt import (
    QCryptographicHash,
    QDir,
    QEventLoop,
    QLockFile,
    QObject,
    Qt,
    QTimer,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from readinglist.library.location import LibraryPlace
    from readinglist.ui.qt import QLocalSocket

PROTOCOL_VERSION = 1
ANSWER = b"ok\n"
# The window listens once its library is open and has shown its first rows: seconds on a
# loaded machine, more when opening first backs a library up for a migration (700 MB at 200k
# papers). Only a window that never answers (hung) makes a start wait this long.
HAND_OVER_LIMIT_S = 30.0
RETRY_S = 0.05
MESSAGE_LIMIT = 4_000_000  # bytes: thousands of paths; a longer line is not one of ours
SILENT_CLIENT_MS = 10_000  # a connection that sends no whole line by then is dropped


def instance_name(library: "LibraryPlace") -> str:
    """The name of the library's lock and socket: the same whatever path names the library
    (`~/lib.sqlite`, a symlink, a relative path), another for another user."""
    if isinstance(library, Path):
        where = str(library.expanduser().resolve())
    else:
        where = library.without_password().url
    key = os.fsencode(f"{_user()}\0{where}")
    digest = QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256).toHex()
    return f"readinglist-{bytes(digest.data())[:24].decode()}"  # short: a socket path's limit


def _user() -> str:
    if sys.platform == "win32":
        return os.environ.get("USERNAME", "")  # named pipes are one namespace for all users
    return str(os.getuid())


def lock_path(name: str) -> str:
    """Beside the socket, in the temporary folder (per user on macOS and Windows; on Linux
    the name carries the user's id)."""
    return QDir(QDir.tempPath()).filePath(f"{name}.lock")


# --- the message: one JSON line ----------------------------------------------------------


def encode(files: Sequence[Path]) -> bytes:
    """The files as absolute paths: the window's working folder is not this start's."""
    import json  # here: only a second start and the window, after its first paint, need it

    message = {"version": PROTOCOL_VERSION, "files": [str(path.absolute()) for path in files]}
    return json.dumps(message).encode("ascii") + b"\n"  # ASCII: any path survives, escaped


def decode(line: bytes) -> list[Path] | None:
    """The files of a well-formed message (none: just show the window), else None.

    Anything may connect to the socket (another version of readinglist, a stray program),
    so nothing it sends is trusted: a message of another version, or not exactly ours, is
    ignored.
    """
    import json

    try:
        message = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested absurdly deep
        return None
    if not isinstance(message, dict) or type(message.get("version")) is not int:
        return None
    files = message.get("files")
    if message["version"] != PROTOCOL_VERSION or not isinstance(files, list):
        return None
    if not all(isinstance(file, str) and _is_absolute_path(file) for file in files):
        return None
    return [Path(file) for file in files]


def _is_absolute_path(text: str) -> bool:
    return "\0" not in text and Path(text).is_absolute()


# --- a start: the window, or a hand-over ---------------------------------------------------


@dataclass
class Instance:
    """This start as the library's window. `lock` is None when the lock could not be had (a
    temporary folder that cannot be written, a window that never answered): the window then
    runs on its own, reachable by no other start."""

    name: str
    lock: QLockFile | None
    receiver: "Receiver | None" = None

    @classmethod
    def alone(cls) -> "Instance":
        """A window that takes no part: its library has no name to share."""
        return cls("", None)

    def serve(self, window: QWidget, import_paths: Callable[[list[Path]], object]) -> None:
        """Listen for later starts: their files to `import_paths`, the window raised. Call
        once the library is open (files that came earlier would have nowhere to go)."""
        if self.lock is None or self.receiver is not None:
            return
        receiver = Receiver(window.isVisible, window)
        receiver.received.connect(lambda files: present(window, files, import_paths))
        if receiver.listen(self.name):
            self.receiver = receiver

    def release(self) -> None:
        """Stop listening, then let go of the lock (in that order: a start that finds the
        lock free finds no socket answering for a closed window)."""
        if self.receiver is not None:
            self.receiver.close()
            self.receiver = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def join(library: "LibraryPlace", files: Sequence[Path]) -> Instance | None:
    """This start as the library's window, or None when its files went to the window already
    open (this start then exits)."""
    name = instance_name(library)
    deadline = time.monotonic() + HAND_OVER_LIMIT_S
    while True:
        lock = QLockFile(lock_path(name))
        lock.setStaleLockTime(0)  # never stale by age: a window stays open for days
        if lock.tryLock(0):
            return Instance(name, lock)
        if lock.error() is not QLockFile.LockError.LockFailedError:
            return Instance(name, None)  # no lock to be had here (a read-only folder)
        if hand_over(name, files, deadline):
            return None
        if time.monotonic() >= deadline:
            print(
                "readinglist: the window already open on this library does not answer; "
                "opening another",
                file=sys.stderr,
            )
            return Instance(name, None)
        time.sleep(RETRY_S)  # the window is still starting, or just closing


def hand_over(name: str, files: Sequence[Path], deadline: float) -> bool:
    """Send the files to the window listening as `name`; True once it has said "ok".

    In an event loop of its own rather than with the socket's blocking waits, which Qt says
    may fail at random on Windows, and which hold Python's lock while they wait.
    """
    from readinglist.ui.qt import QLocalSocket

    socket = QLocalSocket()
    loop = QEventLoop()
    socket.connected.connect(lambda: socket.write(encode(files)))
    socket.readyRead.connect(lambda: _quit_on_line(socket, loop))
    socket.disconnected.connect(loop.quit)  # dropped: the window is closing
    QTimer.singleShot(_ms_left(deadline), loop, loop.quit)
    socket.connectToServer(name)
    if socket.state() is not QLocalSocket.LocalSocketState.UnconnectedState:
        loop.exec()  # else no window is listening (yet)
    answered = socket.canReadLine() and bytes(socket.readLine().data()) == ANSWER
    socket.abort()
    return answered


def _quit_on_line(socket: "QLocalSocket", loop: QEventLoop) -> None:
    if socket.canReadLine():
        loop.quit()


def _ms_left(deadline: float) -> int:
    return max(1, round((deadline - time.monotonic()) * 1000))


# --- the window's end ----------------------------------------------------------------------


class Receiver(QObject):
    """Reads one line from each start that connects, answers "ok" to a well-formed one and
    emits its files; anything else is dropped unanswered."""

    received = Signal(object)  # list[Path]: to import (none: just show the window)

    def __init__(self, accepting: Callable[[], bool], parent: QObject | None = None) -> None:
        """`accepting()`: False once the window is closing, so no start is told "ok" then."""
        from readinglist.ui.qt import QLocalServer

        super().__init__(parent)
        self._accepting = accepting
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._take_connections)

    def listen(self, name: str) -> bool:
        """Listen as `name`, replacing a socket file a crashed window left behind (the caller
        holds the lock, so no live window owns it). Listening for this user only, Qt puts its
        socket in place over such a file itself; where it refuses (address in use), the file
        is removed and listening tried again."""
        if self._server.listen(name):
            return True
        from readinglist.ui.qt import QAbstractSocket

        if self._server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            return False
        self._server.removeServer(name)
        return self._server.listen(name)

    def close(self) -> None:
        self._server.close()

    def _take_connections(self) -> None:
        while self._server.hasPendingConnections():
            self._watch(self._server.nextPendingConnection())

    def _watch(self, socket: "QLocalSocket") -> None:
        socket.readyRead.connect(lambda: self._read(socket))
        socket.disconnected.connect(socket.deleteLater)
        QTimer.singleShot(SILENT_CLIENT_MS, socket, socket.abort)

    def _read(self, socket: "QLocalSocket") -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MESSAGE_LIMIT:
                socket.abort()
            return
        files = decode(bytes(socket.readLine().data()))
        if files is None or not self._accepting():
            socket.abort()  # the start tries again, then opens a window of its own
            return
        socket.write(ANSWER)
        socket.disconnectFromServer()  # once the answer is written
        self.received.emit(files)


def present(
    window: QWidget, files: list[Path], import_paths: Callable[[list[Path]], object]
) -> None:
    """Bring the window to the front (un-minimised) and import the files: the start that
    sent them expects to see the window, as if it had opened it."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if files:
        import_paths(files)
