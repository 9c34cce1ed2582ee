"""An edit of a paper (a key pressed) on a shared library is written on the writer thread,
never on the GUI thread: a write there is a round trip to a server, which a network that
went away holds for up to the connect timeout. On a library file a small edit is still
written at once, on the GUI thread (well under a millisecond)."""

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection

from readinglist.library.database import Library
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.library.user_edits import Part
from readinglist.ui.data.edits import EditRunner
from tests.helpers.postgres import PostgresDatabase


@dataclass
class ThreadNoted:
    """A one-paper edit that notes the thread it is written on, and writes nothing."""

    changes_lists: ClassVar[bool] = False
    ids: list[int] = field(default_factory=lambda: [1])
    written_on: list[threading.Thread] = field(default_factory=list)

    def apply(self, connection: Connection, part: Part = None) -> None:
        self.written_on.append(threading.current_thread())

    def revert(self, connection: Connection, part: Part = None) -> None:
        self.written_on.append(threading.current_thread())


@pytest.fixture
def shared_library(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[Library]:
    library = open_shared(SharedAddress.parse(shared.url_as(members[0])))
    yield library
    library.close()


def test_a_key_on_a_shared_library_is_written_off_the_gui_thread(
    qtbot: QtBot, shared_library: Library
) -> None:
    runner = EditRunner(shared_library)
    edit = ThreadNoted()

    with qtbot.waitSignal(runner.written):
        assert runner.run(edit)

    assert edit.written_on and edit.written_on[0] is not threading.main_thread()
    runner.finish()


def test_a_key_on_a_library_file_is_written_at_once(qtbot: QtBot, library: Library) -> None:
    runner = EditRunner(library)
    edit = ThreadNoted()

    assert runner.run(edit)

    assert edit.written_on == [threading.main_thread()]  # before `run` returned
    runner.finish()
