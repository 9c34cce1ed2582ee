"""Helpers for driving the window in tests."""

from pytestqt.qtbot import QtBot

from readinglist.ui.main_window import MainWindow


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the window's background reads (the list's ids, the sidebar's counts)."""
    qtbot.waitUntil(window.is_settled, timeout=10_000)
