"""One window per library: a second start hands its files to the window already open.

In-process first (the server and client pair, malformed messages, a crashed window's
leftovers), then with two real `python -m readinglist` processes.
"""

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import open_library
from readinglist.library.papers import paper_id_for
from readinglist.ui import settings
from readinglist.ui.qt import QDir, QLocalSocket, QLockFile, QSettings, QThread, QWidget
from readinglist.ui.startup import single_instance
from readinglist.ui.startup.app import AppOptions, run_app
from readinglist.ui.startup.single_instance import (
    ANSWER,
    Instance,
    Receiver,
    decode,
    encode,
    hand_over,
    instance_name,
    join,
    lock_path,
    present,
)
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import IMPORT_TIMEOUT_MS, row_titles, settle
from tests.helpers.processes import start_app, stop, wait_for

Connected = QLocalSocket.LocalSocketState.ConnectedState
Unconnected = QLocalSocket.LocalSocketState.UnconnectedState


@pytest.fixture
def name(tmp_path: Path) -> Iterator[str]:
    """A library's name, its lock and socket removed after the test whatever it left."""
    name = instance_name(tmp_path / "library" / "library.sqlite")
    yield name
    Path(lock_path(name)).unlink(missing_ok=True)
    (Path(QDir.tempPath()) / name).unlink(missing_ok=True)


@pytest.fixture
def receiver(name: str) -> Iterator[Receiver]:
    listening = Receiver(lambda: True)
    assert listening.listen(name)
    yield listening
    listening.close()


def connect(qtbot: QtBot, name: str) -> QLocalSocket:
    client = QLocalSocket()
    client.connectToServer(name)
    qtbot.waitUntil(lambda: client.state() == Connected)
    return client


class HandingOver(QThread):
    """`join` or `hand_over` on a thread of their own: they block until the window answers,
    and the window (this test) answers on the GUI thread."""

    def __init__(self, library: Path | None, name: str, files: list[Path]) -> None:
        super().__init__()
        self.library, self.name, self.files = library, name, files
        self.outcome: object = "not run"

    def run(self) -> None:
        if self.library is not None:
            self.outcome = join(self.library, self.files)
        else:
            self.outcome = hand_over(self.name, self.files, time.monotonic() + 30)


def finished(qtbot: QtBot, thread: QThread) -> None:
    qtbot.waitUntil(thread.isFinished, timeout=30_000)


# --- names and messages --------------------------------------------------------------------


def test_the_name_is_the_librarys_however_it_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library.sqlite"
    (tmp_path / "link").symlink_to(tmp_path, target_is_directory=True)
    monkeypatch.chdir(tmp_path)

    spellings = [library, Path("library.sqlite"), tmp_path / "link" / "library.sqlite"]

    assert len({instance_name(path) for path in spellings}) == 1
    assert instance_name(tmp_path / "other.sqlite") != instance_name(library)
    assert len(instance_name(library)) < 40  # with the temporary folder: a socket path's limit


def test_a_message_carries_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = [Path("오늘의 논문.md"), tmp_path / "b.md", Path("sub/../c.md")]

    assert decode(encode(files)) == [
        tmp_path / "오늘의 논문.md",
        tmp_path / "b.md",
        tmp_path / "sub/../c.md",
    ]
    assert decode(encode([])) == []


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"\n",
        b"not json\n",
        b"\xff\xfe\n",
        b"[1, 2]\n",
        b'{"files": ["/a.md"]}\n',
        b'{"version": 2, "files": ["/a.md"]}\n',
        b'{"version": true, "files": ["/a.md"]}\n',
        b'{"version": "1", "files": ["/a.md"]}\n',
        b'{"version": 1}\n',
        b'{"version": 1, "files": "/a.md"}\n',
        b'{"version": 1, "files": [1]}\n',
        b'{"version": 1, "files": ["a.md"]}\n',
        b'{"version": 1, "files": ["/a\\u0000.md"]}\n',
        b'{"version": 1, "files": [null]}\n',
    ],
)
def test_a_malformed_message_is_refused(line: bytes) -> None:
    assert decode(line) is None


# --- the window's end and a second start ---------------------------------------------------


def test_a_second_start_hands_its_files_over_and_is_told_ok(
    qtbot: QtBot, name: str, receiver: Receiver, tmp_path: Path
) -> None:
    files = [tmp_path / "a.md", tmp_path / "b.md"]
    thread = HandingOver(None, name, files)

    with qtbot.waitSignal(receiver.received, timeout=30_000) as got:
        thread.start()
    finished(qtbot, thread)

    assert got.args == [files]
    assert thread.outcome is True


@pytest.mark.parametrize(
    "garbage",
    [b"hello\n", b'{"version": 99, "files": []}\n', b'{"version": 1, "files": ["rel.md"]}\n'],
)
def test_a_malformed_message_is_dropped_unanswered_and_the_window_goes_on(
    qtbot: QtBot, name: str, receiver: Receiver, garbage: bytes
) -> None:
    received: list[object] = []
    receiver.received.connect(received.append)
    stray = connect(qtbot, name)

    stray.write(garbage)
    qtbot.waitUntil(lambda: stray.state() == Unconnected)  # dropped

    assert received == []
    assert stray.readAll().size() == 0  # never told "ok"
    client = connect(qtbot, name)  # and the next start is heard
    with qtbot.waitSignal(receiver.received) as got:
        client.write(encode([Path("/digests/a.md")]))
    qtbot.waitUntil(client.canReadLine)
    assert bytes(client.readLine().data()) == ANSWER
    assert got.args == [[Path("/digests/a.md")]]


def test_a_line_too_long_to_be_ours_is_dropped(qtbot: QtBot, name: str, receiver: Receiver) -> None:
    received: list[object] = []
    receiver.received.connect(received.append)
    stray = connect(qtbot, name)

    stray.write(b"x" * 5_000_000)  # and no end of line
    qtbot.waitUntil(lambda: stray.state() == Unconnected, timeout=30_000)

    assert received == []


def test_a_closing_window_tells_no_one_ok(qtbot: QtBot, name: str) -> None:
    closing = Receiver(lambda: False)
    assert closing.listen(name)
    received: list[object] = []
    closing.received.connect(received.append)
    client = connect(qtbot, name)

    client.write(encode([]))
    qtbot.waitUntil(lambda: client.state() == Unconnected)

    assert received == []
    closing.close()


def test_a_start_with_the_lock_free_is_the_window(tmp_path: Path, name: str) -> None:
    instance = join(tmp_path / "library" / "library.sqlite", [])

    assert instance is not None and instance.lock is not None
    instance.release()
    assert not Path(lock_path(name)).exists()


def test_a_start_finding_the_window_starting_waits_and_hands_over(
    qtbot: QtBot, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window holds the lock before it listens (it opens its library in between): a
    start then tries again until the window listens. Relative paths arrive absolute."""
    library = tmp_path / "library" / "library.sqlite"
    window = join(library, [])
    assert window is not None and window.lock is not None
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    attempts: list[bool] = []

    def counted(name: str, files: Sequence[Path], deadline: float) -> bool:
        attempts.append(hand_over(name, files, deadline))
        return attempts[-1]

    monkeypatch.setattr(single_instance, "hand_over", counted)
    second = HandingOver(library, name, [Path("a.md")])
    second.start()
    qtbot.waitUntil(lambda: len(attempts) >= 2)  # it found no window listening, twice

    receiver = Receiver(lambda: True)  # the window's library is open now
    with qtbot.waitSignal(receiver.received, timeout=30_000) as got:
        assert receiver.listen(name)
    finished(qtbot, second)

    assert second.outcome is None  # handed over: the start exits
    assert attempts[:2] == [False, False] and attempts[-1] is True
    assert got.args == [[tmp_path / "here" / "a.md"]]
    receiver.close()
    window.release()


def test_a_crashed_windows_lock_is_taken_over(tmp_path: Path, name: str) -> None:
    library = tmp_path / "library" / "library.sqlite"
    crash = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from readinglist.ui.startup.single_instance import join\n"
        "instance = join(Path(sys.argv[1]), [])\n"
        "assert instance is not None and instance.lock is not None\n"
        "os._exit(0)  # no unlock: as a crash leaves it\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(library)], check=True, timeout=60)
    assert Path(lock_path(name)).exists()

    instance = join(library, [])

    assert instance is not None and instance.lock is not None
    instance.release()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_crashed_windows_socket_file_is_replaced(qtbot: QtBot, name: str, tmp_path: Path) -> None:
    left_behind = socket.socket(socket.AF_UNIX)  # bound, never listening: a dead window's
    left_behind.bind(str(Path(QDir.tempPath()) / name))
    left_behind.close()
    receiver = Receiver(lambda: True)

    assert receiver.listen(name)
    thread = HandingOver(None, name, [tmp_path / "a.md"])
    with qtbot.waitSignal(receiver.received, timeout=30_000):
        thread.start()
    finished(qtbot, thread)
    assert thread.outcome is True
    receiver.close()


def test_a_lock_held_by_this_user_elsewhere_is_not_taken(tmp_path: Path, name: str) -> None:
    """The lock is never stale by age: a window open for days keeps it."""
    held = QLockFile(lock_path(name))
    assert held.tryLock(0)
    other = QLockFile(lock_path(name))
    other.setStaleLockTime(0)

    assert not other.tryLock(0)
    assert other.error() is QLockFile.LockError.LockFailedError
    held.unlock()


# --- the window ----------------------------------------------------------------------------


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform's remark
def test_a_second_start_brings_the_window_back(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    imported: list[list[Path]] = []

    present(window, [], imported.append)
    assert not window.isMinimized() and window.isVisible()
    assert imported == []  # a start without files only asks for the window

    present(window, [Path("/a.md")], imported.append)
    assert imported == [[Path("/a.md")]]


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_window_imports_what_a_second_start_sends(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter, name: str
) -> None:
    lock = QLockFile(lock_path(name))
    assert lock.tryLock(0)
    instance = Instance(name, lock)
    instance.serve(window, window.import_paths)
    assert instance.receiver is not None
    path = digests.write("d.md", "2024-03-01", entries("2403.00001"))
    client = connect(qtbot, name)
    assert window.imports is not None

    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS):
        client.write(encode([path]))
    settle(qtbot, window)

    assert row_titles(window) == ["Paper 2403.00001"]
    instance.release()
    assert not Path(lock_path(name)).exists()


# --- two real processes --------------------------------------------------------------------


def _has_paper(library: Path, arxiv_id: str) -> bool:
    if not library.exists():
        return False
    with open_library(library, daily_backup=False) as opened, opened.reading() as connection:
        return paper_id_for(connection, arxiv_id) is not None


@pytest.mark.slow
def test_a_second_process_hands_its_file_to_the_window_and_exits(
    tmp_path: Path, digests: DigestWriter, name: str
) -> None:
    """`readinglist --library SAME a.md` from another folder, while the first process is
    still starting: it exits 0 and the window imports a.md; a start without files exits 0."""
    library = tmp_path / "library" / "library.sqlite"
    digests.write("a.md", "2024-03-01", entries("2403.00001"))
    first = start_app(["--library", str(library)], tmp_path, tmp_path, "first.log")
    second: subprocess.Popen[bytes] | None = None
    try:
        wait_for(lambda: Path(lock_path(name)).exists() or first.poll() is not None, "a lock")
        assert first.poll() is None, (tmp_path / "first.log").read_text()

        second = start_app(["--library", str(library), "a.md"], tmp_path, digests.folder, "2.log")
        assert second.wait(timeout=120) == 0, (tmp_path / "2.log").read_text()
        wait_for(lambda: _has_paper(library, "2403.00001"), "the import of a.md")

        third = start_app(["--library", str(library)], tmp_path, tmp_path, "3.log")
        second = third
        assert third.wait(timeout=120) == 0, (tmp_path / "3.log").read_text()
        assert first.poll() is None  # the window is still open
    finally:
        for process in (first, second):
            if process is not None:
                stop(process)


def test_a_screenshot_run_takes_no_part(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--screenshot` is one-shot: it neither hands over nor holds the library's window."""

    def no_joining(*_: object) -> None:
        raise AssertionError("a screenshot run joined the library's window")

    monkeypatch.setattr(single_instance, "join", no_joining)
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(
        settings, "open_settings", lambda: QSettings(ini, QSettings.Format.IniFormat)
    )
    shot = tmp_path / "shot.png"

    assert run_app(AppOptions(library=tmp_path / "library.sqlite", screenshot=shot)) == 0
    assert shot.is_file()
