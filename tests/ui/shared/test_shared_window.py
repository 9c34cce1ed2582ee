"""The window on a shared library (issue 17): it works as on a file (import, keys, tags,
notes, trash), what another member changes shows in it as it is committed, their statuses
never do, the server going away is shown and the window catches up when it is back."""

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.changes import Changed
from readinglist.library.shared.opening import open_shared
from readinglist.library.user_edits import AddTagEdit, StatusEdit, write_in_parts
from readinglist.ui.list.columns import Column
from readinglist.ui.live.updates import WINDOW_CLIENT, ServerIndicator
from readinglist.ui.qt import QCoreApplication
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import import_by_drop, open_window, settle
from tests.helpers.postgres import PostgresDatabase, shut_out

LIVE_BOUND_MS = 10_000  # a bound, not a wait: the change shows as it is committed
RECONNECT_BOUND_MS = 30_000  # tries again after 1, 2, 4… s


@dataclass(frozen=True)
class Lab:
    database: PostgresDatabase
    alice: str
    bob: str


@pytest.fixture
def lab(shared: PostgresDatabase, members: tuple[str, str]) -> Lab:
    return Lab(shared, *members)


@pytest.fixture
def alices_window(
    qtbot: QtBot, lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """Alice's window on the shared library, opened as start-up opens it."""
    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    address = SharedAddress.parse(lab.database.url_as(lab.alice))
    library = open_shared(address, client=WINDOW_CLIENT)
    window = open_window(qtbot, library, tmp_path / "settings.ini")
    yield window
    window.close()
    library.close()


@pytest.fixture
def bob(lab: Lab) -> Iterator[Library]:
    library = open_shared(SharedAddress.parse(lab.database.url_as(lab.bob)))
    yield library
    library.close()


def listed(window: MainWindow) -> list[int]:
    return window.list_pane.model.ids()


def test_the_window_imports_and_triages_a_shared_library(
    qtbot: QtBot, alices_window: MainWindow, bob: Library, digests: DigestWriter
) -> None:
    window = alices_window
    import_by_drop(
        qtbot, window, [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))]
    )
    first, second = listed(window)
    window.list_pane.select_paper(first)
    window.triage.toggle_star()
    window.triage.set_status(ReadingStatus.READ, [first])
    window.triage.add_tag("robots")
    assert window.service is not None
    window.service.edits.finish()

    with bob.reading() as connection:
        bobs = connection.exec_driver_sql("SELECT id, starred, status FROM papers").all()
        tags = connection.exec_driver_sql("SELECT paper_id FROM paper_tags").all()

    assert sorted(bobs) == [(first, False, "unread"), (second, False, "unread")]  # alice's own
    assert len(tags) == 1  # tags are everyone's
    assert not window.triage.empty_trash_action.isEnabled()  # papers are everyone's too


def test_what_another_member_imports_and_tags_shows_as_it_is_committed(
    qtbot: QtBot, alices_window: MainWindow, bob: Library, digests: DigestWriter
) -> None:
    window = alices_window
    import_paths(bob, [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))])
    qtbot.waitUntil(lambda: len(listed(window)) == 2, timeout=LIVE_BOUND_MS)
    paper = listed(window)[0]
    window.list_pane.select_paper(paper)
    settle(qtbot, window)

    write_in_parts(bob, AddTagEdit([paper], "robots"))
    write_in_parts(bob, StatusEdit([paper], ReadingStatus.SKIPPED))  # bob's alone

    qtbot.waitUntil(lambda: window.detail.tags_edit.text() == "robots", timeout=LIVE_BOUND_MS)
    model = window.list_pane.model
    row = model.row_at(model.row_of(paper) or 0)
    assert row is not None and row.status is ReadingStatus.UNREAD


def test_a_server_out_of_reach_is_shown_and_the_window_catches_up_when_it_is_back(
    qtbot: QtBot, alices_window: MainWindow, bob: Library, digests: DigestWriter, lab: Lab
) -> None:
    """Bob imports while alice's window cannot reach the server (the window is rendered to
    offline.png in the test's folder: look at it)."""
    window = alices_window
    indicator = window.findChild(ServerIndicator)
    assert indicator is not None
    with shut_out(lab.database, lab.alice):
        qtbot.waitUntil(indicator.isVisible, timeout=LIVE_BOUND_MS)
        assert window.grab().save(str(digests.folder.parent / "offline.png"))
        import_paths(bob, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])

    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=RECONNECT_BOUND_MS)
    qtbot.waitUntil(lambda: len(listed(window)) == 1, timeout=LIVE_BOUND_MS)


def test_an_edit_made_while_the_server_is_out_of_reach_is_undone_saying_why(
    qtbot: QtBot, alices_window: MainWindow, digests: DigestWriter, lab: Lab
) -> None:
    """The window keeps what it showed; an edit it cannot write is undone on screen and the
    status bar says why in words, naming the library (not queued: see the README)."""
    window = alices_window
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    [paper] = listed(window)
    window.list_pane.select_paper(paper)
    indicator = window.findChild(ServerIndicator)
    assert indicator is not None and window.service is not None
    with shut_out(lab.database, lab.alice):
        qtbot.waitUntil(indicator.isVisible, timeout=LIVE_BOUND_MS)
        with qtbot.waitSignal(window.service.edits.failed, timeout=RECONNECT_BOUND_MS):
            window.triage.toggle_star()
        said = window.statusBar().currentMessage()
        assert listed(window) == [paper]  # what it showed, kept
        assert not window.detail.star_button.isChecked()
        assert window.list_pane.model.index(0, Column.STAR).data() == ""
        qtbot.waitUntil(lambda: window.triage.undo_stack.count() == 0)

    assert said.startswith("Could not save: ") and "unexpected" not in said, said
    assert lab.database.url_as(lab.alice).split("?")[0] in said
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=RECONNECT_BOUND_MS)
    window.service.edits.finish()  # nothing queued to be written once it is back
    with psycopg.connect(lab.database.url) as owner:  # every member's rows
        assert owner.execute("SELECT count(*) FROM paper_states WHERE starred").fetchone() == (0,)


def test_the_lists_rows_are_read_off_the_windows_thread(
    qtbot: QtBot,
    alices_window: MainWindow,
    digests: DigestWriter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server far away, or gone, never holds the list's paint: its rows come from a
    reader thread, and show when they come."""
    window = alices_window
    assert window.service is not None

    def never_here(ids: object) -> None:
        raise AssertionError("a page of rows read on the window's thread")

    monkeypatch.setattr(window.service, "rows", never_here)
    import_by_drop(
        qtbot, window, [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))]
    )
    model = window.list_pane.model

    def titles() -> list[object]:
        return [model.index(row, Column.TITLE).data() for row in range(model.rowCount())]

    qtbot.waitUntil(lambda: len(titles()) == 2 and None not in titles())


def test_a_change_seen_as_the_window_closes_is_not_shown(
    qtbot: QtBot, alices_window: MainWindow
) -> None:
    """Shown after the window's threads ended, it would read and start threads again (a
    Rules dialog open then started the writer's, destroyed running: the process aborted)."""
    live = alices_window.live
    assert live is not None
    shown: list[Changed] = []
    live.changed.connect(shown.append)
    seen = Changed(frozenset({1}), frozenset({"rule"}))

    live.stop()
    thread = threading.Thread(target=lambda: live._seen.emit(seen))  # as its thread says it
    thread.start()
    thread.join()
    QCoreApplication.sendPostedEvents()  # the queued call, delivered (or not) now

    assert shown == []
