"""Shared fixtures: a library in a temporary folder and a writer of digest files."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from readinglist.library.database import Library, open_library
from tests.digests import DigestWriter

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from readinglist.ui.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "daily_papers_ko"


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
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside the repository ({SHARED_CORPUS})")
    return SHARED_CORPUS


@pytest.fixture
def window(
    qtbot: "QtBot", library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> "Iterator[MainWindow]":
    """The main window on a fresh library, with its settings in a temporary INI file and its
    media cache in a temporary folder."""
    from tests.gui import open_window

    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    main_window = open_window(qtbot, library, tmp_path / "settings.ini")
    yield main_window
    main_window.close()  # while the library is still open: closing saves the layout
