"""Fixtures of the media tests (a module lists it in `pytest_plugins`): a running test server,
a cache folder and a shown media pane on it."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.ui.media.pane import MediaPane
from tests.helpers.media import make_pane, serving
from tests.helpers.media_server import MediaServer


@pytest.fixture
def server() -> Iterator[MediaServer]:
    with serving() as running:
        yield running


@pytest.fixture
def cache_folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def pane(qtbot: QtBot, cache_folder: Path) -> MediaPane:
    return make_pane(qtbot, cache_folder)
