"""The first import into an empty library shows papers as they are stored, not "No papers
yet" until its end (a tester watched the empty state through a whole first import)."""

from pytestqt.qtbot import QtBot

from readinglist.core.import_report import ImportReport
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
    import_paths(library, [digests.write("e.md", "2024-03-02", entries("2403.00002"))])
    imports.progressed.emit(2, 40)  # later batches: shown every IMPORT_RELOAD_MS, not at once
    assert window.browsing._import_reload.remainingTime() > 0


def test_an_import_into_a_library_with_papers_shows_them_at_its_end(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    imports = window.imports
    assert imports is not None
    import_paths(library, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    imports.started.emit()
    imports.finished.emit(ImportReport())
    qtbot.waitUntil(lambda: len(row_titles(window)) == 1 and window.is_settled())

    imports.started.emit()
    import_paths(library, [digests.write("e.md", "2024-03-02", entries("2403.00002"))])
    imports.progressed.emit(1, 40)
    assert not window.browsing._import_reload.isActive()  # no reading while it writes

    imports.finished.emit(ImportReport())
    qtbot.waitUntil(lambda: len(row_titles(window)) == 2)
