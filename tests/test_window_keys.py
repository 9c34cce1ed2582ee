"""The window's keys, pressed like a user: every shortcut unique, undo and redo, and keys that
act on the paper the detail pane shows.

Key bindings depend on the platform (offscreen has Windows' Redo = Ctrl+Y; Linux desktops
have Redo = Ctrl+Shift+Z and Emacs keys in text fields), so this module runs twice: here,
offscreen, and once more in a real X11 window under Xvfb (`test_the_keys_hold_in_x11`).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.importer import import_paths
from readinglist.library.database import Library
from readinglist.ui.main_window import MainWindow
from readinglist.ui.paper_model import Column
from readinglist.ui.qt import QAction, Qt
from tests.digests import DigestWriter, entries
from tests.gui import focus_list

IDS = [f"2403.{n:05d}" for n in range(1, 7)]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PYTEST_RUN_TIMEOUT_S = 300
not_in_x11_run = pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") == "xcb", reason="this is the X11 run"
)


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    """The shared fixture's library, holding six papers before the window opens."""
    import_paths(library, [digests.write("d.md", "2024-03-01", entries(*IDS))])
    return library


def window_shortcuts(window: MainWindow) -> dict[str, list[str]]:
    """Every key sequence the window's actions answer to, and the actions answering it."""
    found: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            found.setdefault(key.toString(), []).append(action.text().replace("&", ""))
    return found


def starred(window: MainWindow, row: int) -> bool:
    return bool(window.list_pane.model.index(row, Column.STAR).data() == "★")


# --- shortcuts -------------------------------------------------------------------------------


def test_every_shortcut_in_the_window_is_unique(window: MainWindow) -> None:
    shortcuts = window_shortcuts(window)
    assert shortcuts  # the actions were found
    assert {key: owners for key, owners in shortcuts.items() if len(owners) > 1} == {}


def test_ctrl_shift_z_redoes(qtbot: QtBot, window: MainWindow) -> None:
    window.list_pane.select_row(0)
    focus_list(qtbot, window)
    view = window.list_pane.view

    qtbot.keyClick(view, Qt.Key.Key_S)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert not starred(window, 0)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL_SHIFT)

    assert starred(window, 0)


@not_in_x11_run
@pytest.mark.parametrize("options", [[], ["-s"]], ids=["captured", "pytest -s"])
def test_a_qt_warning_fails_the_test_wherever_it_is_printed(options: list[str]) -> None:
    """The suite's guard (tests/conftest.py): a warning in a test, or in a fixture's
    teardown where pytest-qt no longer looks, fails the test, with or without `-s`."""
    probe = Path(__file__).with_name("stray_warning_probe.py")
    result = run_pytest([*options, "-rfE", str(probe)])

    assert result.returncode == 1
    assert "Ambiguous shortcut overload" in result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert any("test_warns_in_the_call" in line for line in failed), result.stdout
    assert any("test_warns_in_a_teardown" in line for line in failed), result.stdout


# --- the same in a real X11 window -------------------------------------------------------------


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (xvfb)")
@not_in_x11_run
def test_the_keys_hold_in_x11() -> None:
    """Every other test of this module, again with Linux desktops' key bindings."""
    xvfb = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"]
    result = run_pytest([__file__], before=xvfb, platform="xcb")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]


def run_pytest(
    arguments: list[str], before: list[str] | None = None, platform: str = "offscreen"
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *arguments]
    return subprocess.run(
        [*(before or []), *command],
        env={**os.environ, "QT_QPA_PLATFORM": platform},
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=PYTEST_RUN_TIMEOUT_S,
        check=False,
    )
