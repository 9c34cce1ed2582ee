"""Run only by `test_window_keys.py` in a pytest of its own: Qt warnings printed where
pytest-qt does not look (a fixture's teardown; any test under `pytest -s`) must fail it."""

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from readinglist.ui.qt import QAction, QKeySequence, Qt, QWidget


def press_an_ambiguous_shortcut(qtbot: QtBot) -> None:
    """Two shortcuts on one action: Qt says "Ambiguous shortcut overload" and does nothing."""
    widget = QWidget()
    qtbot.addWidget(widget)
    action = QAction("twice", widget)
    action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Shift+Z")])
    widget.addAction(action)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, Qt.Key.Key_Z, modifiers)


@pytest.fixture
def warns_at_teardown(qtbot: QtBot) -> Iterator[None]:
    yield
    press_an_ambiguous_shortcut(qtbot)


def test_warns_in_the_call(qtbot: QtBot) -> None:
    press_an_ambiguous_shortcut(qtbot)


def test_warns_in_a_teardown(warns_at_teardown: None) -> None:
    pass
