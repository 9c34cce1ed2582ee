"""The window's reads on its own thread (a page of rows, the paper shown) on a shared library
whose server went away: the first fails, saying why; the next ones answer "nothing" at once
for a while, rather than each hold the window until the connection gives up, and go to the
server again after that while, or as soon as the live updates find it back. A library file
is never left alone so."""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.ui.data.service import SERVER_REST_S, LibraryService
from tests.helpers.postgres import PostgresDatabase, shut_out


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def alices_library(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[Library]:
    library = open_shared(SharedAddress.parse(shared.url_as(members[0])))
    yield library
    library.close()


def counting_reads(library: Library, monkeypatch: pytest.MonkeyPatch) -> list[None]:
    """Each time the library is asked for a read transaction, one more item."""
    asked: list[None] = []
    reading = library.reading

    def counted() -> AbstractContextManager[Any]:
        asked.append(None)
        return reading()

    monkeypatch.setattr(library, "reading", counted)
    return asked


def test_reads_leave_a_server_gone_alone_for_a_while(
    alices_library: Library,
    shared: PostgresDatabase,
    members: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    window_less_service: Callable[[Library], LibraryService],
) -> None:
    service = window_less_service(alices_library)
    clock = service.monotonic = Clock()
    asked = counting_reads(alices_library, monkeypatch)
    said: list[str] = []
    service.read_failed.connect(said.append)

    with shut_out(shared, members[0]):
        assert service.rows([1]) == {}  # failed: the server refused
        assert service.rows([1]) == {}  # left alone: not asked
        assert (len(asked), len(said)) == (1, 1)
        clock.now += SERVER_REST_S
        service.rows([1])  # the while is over: asked again, refused again
        assert (len(asked), len(said)) == (2, 2)

    service.server_back()  # the live updates found it back
    assert service.rows([1]) == {}
    assert (len(asked), len(said)) == (3, 2)


def test_a_library_file_is_never_left_alone(
    qtbot: QtBot,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
    window_less_service: Callable[[Library], LibraryService],
) -> None:
    service = window_less_service(library)
    asked = counting_reads(library, monkeypatch)
    said: list[str] = []
    service.read_failed.connect(said.append)
    library.close()  # every read now fails

    service.rows([1])
    service.rows([1])

    assert (len(asked), len(said)) == (2, 2)
