"""The window on a shared library whose server is killed and started again (issue 17's
restart fault): the window says it is offline, keeps what it showed, reconnects by itself
once the server is back, catches up on what was imported meanwhile, and writes again."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.ui.live.updates import WINDOW_CLIENT, ServerIndicator
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import open_window
from tests.helpers.postgres import PostgresServer, crash, start_again
from tests.helpers.shared_library import library_on

LIVE_BOUND_MS = 10_000  # a bound, not a wait
RECONNECT_BOUND_MS = 40_000  # the window tries again after 1, 2, 4… s, up to every 30 s


@pytest.fixture
def importer(crashable_server: PostgresServer) -> Iterator[Library]:
    """The library's owner, who imports (the window is another client of the library)."""
    with library_on(crashable_server) as library:
        yield library


@pytest.fixture
def window(
    qtbot: QtBot, importer: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    assert isinstance(importer.place, SharedAddress)
    library = open_shared(importer.place, client=WINDOW_CLIENT)
    opened = open_window(qtbot, library, tmp_path / "settings.ini")
    yield opened
    opened.close()
    library.close()


def test_the_window_reconnects_after_a_restart_and_catches_up(
    qtbot: QtBot,
    window: MainWindow,
    importer: Library,
    crashable_server: PostgresServer,
    digests: DigestWriter,
) -> None:
    import_paths(importer, [digests.write("a.md", "2024-03-01", entries("2403.00001"))])
    qtbot.waitUntil(lambda: len(window.list_pane.model.ids()) == 1, timeout=LIVE_BOUND_MS)
    indicator = window.findChild(ServerIndicator)
    assert indicator is not None

    crash(crashable_server)
    qtbot.waitUntil(indicator.isVisible, timeout=LIVE_BOUND_MS)
    assert len(window.list_pane.model.ids()) == 1  # what it showed, kept
    start_again(crashable_server)
    importer.engine.dispose()  # its connections died with the server
    import_paths(importer, [digests.write("b.md", "2024-03-02", entries("2403.00002"))])

    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=RECONNECT_BOUND_MS)
    qtbot.waitUntil(lambda: len(window.list_pane.model.ids()) == 2, timeout=LIVE_BOUND_MS)
    assert window.service is not None
    window.list_pane.select_paper(window.list_pane.model.ids()[0])
    window.triage.toggle_star()  # written by the window's writer thread, on a new connection
    window.service.edits.finish()
    with importer.reading() as connection:
        starred = connection.exec_driver_sql("SELECT count(*) FROM paper_states WHERE starred")
        assert starred.scalar() == 1
