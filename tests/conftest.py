"""Shared fixtures: a library in a temporary folder and a writer of digest files."""

import gc
import os
import re
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from readinglist.library.database import Library, open_library
from tests.helpers.digest_server import DigestServer
from tests.helpers.digests import DigestWriter
from tests.helpers.paths import SHARED_CORPUS
from tests.helpers.postgres import (
    PostgresDatabase,
    PostgresServer,
    ServerMissing,
    StartTimes,
    fresh_database,
    missing_server,
    running_server,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.window.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class StrayQtWarnings:
    """Qt warnings that no test's capture saw: pytest-qt's `qt_log_level_fail` checks only
    what a test's setup and call print, and nothing at all under `pytest -s`. A warning
    printed while a fixture closes the window ("Ambiguous shortcut overload" when Esc or a
    shortcut fires there), or in a run with `-s`, would otherwise pass unnoticed."""

    def __init__(self, ignore: list[str]) -> None:
        self.messages: list[str] = []
        self._ignore = [re.compile(pattern) for pattern in ignore]

    def handle(self, mode: object, _: object, message: str) -> None:
        from readinglist.ui.qt import QtMsgType

        print(message, file=sys.stderr)
        serious = mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        if serious and not any(pattern.search(message) for pattern in self._ignore):
            self.messages.append(message)


def pytest_configure(config: pytest.Config) -> None:
    from readinglist.ui.qt import qInstallMessageHandler

    stray = StrayQtWarnings(list(config.getini("qt_log_ignore")))
    config.stash[_STRAY] = stray
    qInstallMessageHandler(stray.handle)


_STRAY = pytest.StashKey[StrayQtWarnings]()
_POSTGRES_TIMES = pytest.StashKey[StartTimes]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `postgres` every test that uses the PostgreSQL server, so none can miss it
    (`-m "not postgres"` leaves them out)."""
    for item in items:
        if "postgres_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """How long the tests' PostgreSQL server took to start, when one was started."""
    times = config.stash.get(_POSTGRES_TIMES, None)
    if times is not None:
        terminalreporter.write_line(f"PostgreSQL test server: {times}")


@pytest.fixture(autouse=True)
def thawed_collector() -> Iterator[None]:
    """The objects a test's window or import froze out of the collector's reach
    (`ui/imports/sharing.py`: never thawed in the app) go back to it after the test, so that
    one test's leftovers do not outlive it."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def no_stray_qt_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test after which a Qt warning was printed that its own capture did not catch
    (torn down last: autouse fixtures are set up first)."""
    stray = request.config.stash[_STRAY]
    stray.messages.clear()
    yield
    marker = request.node.get_closest_marker("qt_log_ignore")
    ignored = [re.compile(pattern) for pattern in (marker.args if marker else ())]
    left = [m for m in stray.messages if not any(p.search(m) for p in ignored)]
    stray.messages.clear()
    if left:
        pytest.fail("Qt printed warnings outside the test's capture:\n" + "\n".join(left))


@pytest.fixture
def window_less_service(qapp: object) -> "Iterator[Callable[[Library], LibraryService]]":
    """Makes a `LibraryService` without a window; each is finished and deleted on this, the
    window's, thread after the test. Left to Python's collector, a service and its children
    (a folder watcher's inotify notifier among them) were deleted on whichever thread
    collected them: a database worker's in a later test, where the notifier, deleted off its
    thread, crashed that test's event loop (1 run in 2 of the imports' tests before a shared
    window's)."""
    import shiboken6

    from readinglist.ui.data.service import LibraryService

    made: list[LibraryService] = []

    def make(library: Library) -> LibraryService:
        made.append(LibraryService(library))
        return made[-1]

    yield make
    for service in made:
        if shiboken6.isValid(service):
            service.edits.finish()
            shiboken6.delete(service)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library" / "library.sqlite"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with open_library(library_path) as opened:
        yield opened


@pytest.fixture
def digests(tmp_path: Path) -> DigestWriter:
    return DigestWriter(tmp_path / "digests")


@pytest.fixture
def digest_server() -> Iterator[DigestServer]:
    """Days of digests over HTTP on 127.0.0.1 (a free port), for the subscription tests."""
    with DigestServer() as server:
        yield server


@pytest.fixture
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside the repository ({SHARED_CORPUS})")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session (tests/helpers/postgres.py); tests that use it
    are marked `postgres`. Without server binaries they fail under CI, else are skipped."""
    try:
        with running_server() as server:
            request.config.stash[_POSTGRES_TIMES] = server.times
            yield server
    except ServerMissing as missing:
        missing_server(str(missing))


@pytest.fixture
def crashable_server(postgres_server: PostgresServer) -> Iterator[PostgresServer]:
    """A server for this test alone, which it crashes and starts again (`postgres_server`
    only for its mark, and its skip or failure without server binaries)."""
    from tests.helpers.postgres import CRASHABLE

    with running_server(CRASHABLE) as server:
        yield server


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[PostgresDatabase]:
    """A fresh database of this test's own on the session's server, dropped afterwards."""
    with fresh_database(postgres_server) as database:
        yield database


@pytest.fixture
def window(
    qtbot: "QtBot", library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> "Iterator[MainWindow]":
    """The main window on a fresh library, with its settings in a temporary INI file and its
    media cache in a temporary folder."""
    from tests.helpers.gui import open_window

    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    main_window = open_window(qtbot, library, tmp_path / "settings.ini")
    yield main_window
    main_window.close()  # while the library is still open: closing saves the layout


@pytest.fixture
def shared(postgres_database: PostgresDatabase) -> PostgresDatabase:
    """The test's database made a shared library (library/shared/)."""
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.setup import init_shared

    init_shared(SharedAddress.parse(postgres_database.url))
    return postgres_database


@pytest.fixture
def members(shared: PostgresDatabase) -> Iterator[tuple[str, str]]:
    """Two login roles granted readinglist_member (roles are the whole server's: named
    afresh for each test, dropped after it)."""
    import psycopg

    from readinglist.library.shared import ddl

    names = tuple(f"{who}_{uuid.uuid4().hex[:8]}" for who in ("alice", "bob"))
    with psycopg.connect(shared.url, autocommit=True) as admin:
        for name in names:
            admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE {ddl.MEMBER}".encode())
    yield names[0], names[1]
    with psycopg.connect(shared.url, autocommit=True) as admin:
        for name in names:
            admin.execute(f"DROP OWNED BY {name}; DROP ROLE {name}".encode())


@pytest.fixture
def member_libraries(
    shared: PostgresDatabase, members: tuple[str, str]
) -> Iterator[tuple[Library, Library]]:
    """The shared library opened as each of the two members (alice's, bob's)."""
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.opening import open_shared

    opened = [open_shared(SharedAddress.parse(shared.url_as(who))) for who in members]
    yield opened[0], opened[1]
    for library in opened:
        library.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def either_library(request: pytest.FixtureRequest, library_path: Path) -> Iterator[Library]:
    """A library file, or the shared library as its first member (alice) sees it: a test on
    both engines, that gives both the same data, expects the same answers."""
    if request.param == "postgresql":
        alice, _ = request.getfixturevalue("member_libraries")
        yield alice
        return
    with open_library(library_path) as opened:
        yield opened
