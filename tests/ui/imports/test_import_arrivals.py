"""The first import into an empty library shows papers as they are stored, not "No papers
yet" until its end (a tester watched the empty state through a whole first import)."""

from pytestqt.qtbot import QtBot

from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import row_titles


def test_papers_show_while_the_first_import_goes_on(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    imports = window.imports
    assert imports is not None
    assert "No papers yet" in window.list_pane.empty_label.text()

    imports.started.emit()  # an import begins: the list says so, not "No papers yet"
    assert "Importing" in window.list_pane.empty_label.text()

    import_paths(library, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    imports.progressed.emit(1, 40)  # the first batch stored, 39 files to go
    qtbot.waitUntil(lambda: len(row_titles(window)) == 1)
    assert window.list_pane.stack.currentWidget() is window.list_pane.view
