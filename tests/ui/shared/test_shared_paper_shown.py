"""The paper the detail pane shows, on a shared library (ui/window/shown_paper.py): read on
a reader thread, never the window's, so a server far away or gone never holds the window;
the paper shown before stays until the new one comes, "Loading…" shows only for a slow
read, and a read that fails says so without leaving another paper in the pane."""

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import Paper
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.ui.data import service as service_module
from readinglist.ui.live.updates import WINDOW_CLIENT
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.gui import open_window, settle
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper

PaperRead = Callable[[Any, int], Paper | None]


@dataclass(frozen=True)
class Lab:
    database: PostgresDatabase
    alice: str
    first: int
    second: int


@pytest.fixture
def lab(shared: PostgresDatabase, members: tuple[str, str]) -> Lab:
    first = add_paper(shared, "2403.00001", title="Scaling robots")
    second = add_paper(shared, "2403.00002", title="대규모 언어 모델의 추론")
    return Lab(shared, members[0], first, second)


@pytest.fixture
def window(
    qtbot: QtBot, lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """Alice's window, its reads on the window's thread made to fail the test."""
    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    library = open_shared(SharedAddress.parse(lab.database.url_as(lab.alice)), client=WINDOW_CLIENT)
    window = open_window(qtbot, library, tmp_path / "settings.ini")
    assert window.service is not None

    def never_here(*_: object) -> None:
        raise AssertionError("the paper shown read on the window's thread")

    monkeypatch.setattr(window.service, "paper", never_here)
    monkeypatch.setattr(window.service, "longest_text", never_here)
    yield window
    window.close()
    library.close()


def shown_title(window: MainWindow) -> str:
    return window.detail.title_label.text()


def select(qtbot: QtBot, window: MainWindow, paper_id: int) -> None:
    window.list_pane.select_paper(paper_id)
    qtbot.waitUntil(lambda: window.detail.paper_id() == paper_id)


def test_the_paper_shown_is_read_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, lab: Lab
) -> None:
    select(qtbot, window, lab.first)
    assert "Scaling robots" in shown_title(window)
    select(qtbot, window, lab.second)
    assert "대규모 언어 모델의 추론" in shown_title(window)

    window.triage.toggle_star()  # the paper shown is read again, off the thread too
    assert window.service is not None
    window.service.edits.finish()
    qtbot.waitUntil(window.detail.star_button.isChecked)
    settle(qtbot, window)
    assert window.detail.paper_id() == lab.second


def test_a_slow_read_keeps_the_paper_before_then_says_loading(
    qtbot: QtBot, window: MainWindow, lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(qtbot, window, lab.first)
    let_go = threading.Event()
    read: PaperRead = service_module._paper_read

    def slow_read(connection: Any, paper_id: int) -> Paper | None:
        let_go.wait(timeout=30)
        return read(connection, paper_id)

    monkeypatch.setattr(service_module, "_paper_read", slow_read)
    window.list_pane.select_paper(lab.second)
    assert window.detail.paper_id() == lab.first  # no empty pane flashed meanwhile
    qtbot.waitUntil(lambda: shown_title(window) == "Loading the paper…")
    assert not window.detail.isEnabled()  # nothing of a paper not shown can be edited

    let_go.set()
    qtbot.waitUntil(lambda: window.detail.paper_id() == lab.second)
    assert window.detail.isEnabled()


def server_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    def gone(connection: Any, paper_id: int) -> Paper | None:
        raise OSError("the server went away")

    monkeypatch.setattr(service_module, "_paper_read", gone)


def test_a_failed_read_says_why_and_shows_no_other_paper(
    qtbot: QtBot, window: MainWindow, lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(qtbot, window, lab.first)
    server_gone(monkeypatch)
    window.list_pane.select_paper(lab.second)
    qtbot.waitUntil(lambda: "server went away" in window.statusBar().currentMessage())
    assert window.detail.paper_id() is None  # not the first paper, left under the second


def test_a_failed_read_again_keeps_the_paper_shown(
    qtbot: QtBot, window: MainWindow, lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read again after an edit, and the server gone meanwhile: what was shown stays."""
    select(qtbot, window, lab.first)
    server_gone(monkeypatch)
    window.shown.refresh([lab.first])
    qtbot.waitUntil(lambda: "server went away" in window.statusBar().currentMessage())
    assert window.detail.paper_id() == lab.first
    assert "Scaling robots" in shown_title(window)
