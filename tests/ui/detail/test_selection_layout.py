"""Selecting several papers leaves the panes where they were: the selection panel asks for
no more width than the detail pane (a tester saw the splitter move ~50 px, and stay moved)."""

from pytestqt.qtbot import QtBot

from readinglist.ui.qt import QApplication
from readinglist.ui.window.layout import first_pane_widths
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import import_by_drop, select_rows


def laid_out(window: MainWindow) -> list[int]:
    """The splitter's sizes once every pending layout request has been handled."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    return window.main_splitter.sizes()


def test_a_multi_selection_and_back_keeps_the_splitter(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    window.resize(1024, 640)
    window.main_splitter.setSizes(first_pane_widths(1024))
    ids = [f"2403.0000{n}" for n in range(1, 5)]
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", entries(*ids))])
    window.list_pane.select_row(0)
    before = laid_out(window)
    stack = window.detail_stack

    select_rows(window, [0, 1, 2])
    qtbot.waitUntil(lambda: stack.currentWidget() is stack.selection_panel)
    assert stack.minimumSizeHint() == stack.detail.minimumSizeHint()
    assert stack.selection_panel.minimumSizeHint().width() <= before[2]  # and it fits
    assert laid_out(window) == before  # was [136, 438, 442] against [136, 568, 312]

    window.list_pane.select_row(1)
    qtbot.waitUntil(lambda: stack.currentWidget() is stack.detail)
    assert laid_out(window) == before
