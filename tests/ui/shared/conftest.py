"""Fixtures of the shared library's window tests."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.ui.window.main_window import MainWindow
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import window_as


@pytest.fixture
def alices_window(
    qtbot: QtBot,
    shared: PostgresDatabase,
    members: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    """Alice's window on the shared library."""
    with window_as(qtbot, shared, members[0], tmp_path, monkeypatch) as window:
        yield window
