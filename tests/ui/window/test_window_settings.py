"""A saved setting never breaks start-up: a sidebar entry, sort, selection, layout or any
other setting that no longer applies, is malformed or fails falls back to its default, and
the window opens on the library as usual.

Each case writes a settings INI file by hand, as a crash, an older or newer readinglist, a
hand edit or a digest dated 9999-12-31 (selected once, saved, failing on every start since)
could leave it."""

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.query import Query
from readinglist.library import papers
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui import settings as keys
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QByteArray, QSettings, Qt, QTableWidget
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import open_window, row_titles

IDS = ["2403.00001", "2403.00002", "2403.00003"]
FAR_FUTURE = "9999-12-31"


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    """Three papers, one of them also in a digest dated 9999-12-31 (a file could say so)."""
    import_paths(
        library,
        [
            digests.write("d.md", "2024-03-01", entries(*IDS)),
            digests.write("e.md", "2024-03-02", entries(IDS[0])),
        ],
    )
    with library.writing() as connection:
        connection.exec_driver_sql(
            "UPDATE digests SET date = ? WHERE date = '2024-03-02'", (FAR_FUTURE,)
        )
    return library


def write_ini(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def open_on(qtbot: QtBot, library: Library, ini: Path) -> MainWindow:
    window = open_window(qtbot, library, ini)
    qtbot.waitUntil(lambda: len(row_titles(window)) > 0, timeout=10_000)
    return window


def assert_opened_as_usual(window: MainWindow) -> None:
    """All papers listed in the default order, one of them shown."""
    assert window.sidebar.current_key() == "all"
    assert sorted(row_titles(window)) == [f"Paper {arxiv_id}" for arxiv_id in IDS]
    assert window.list_pane.sort_order() == (Column.FIRST_SEEN.facts.sort_key, True)
    assert window.detail.paper_id() is not None
    assert window.statusBar().currentMessage() == "" or "Could not" in (
        window.statusBar().currentMessage()
    )


def header_state(sections: int, sort_section: int, hidden: list[int]) -> bytes:
    """A list header's saved state as another version (more or fewer columns) would save."""
    table = QTableWidget(1, sections)
    header = table.horizontalHeader()
    header.setSortIndicator(sort_section, Qt.SortOrder.AscendingOrder)
    for section in hidden:
        header.setSectionHidden(section, True)
    return bytes(header.saveState().data())


ODD_INI = {
    "an entry of a kind that does not exist": "[list]\nsidebarEntry=planet:mars\n",
    "a status that does not exist": "[list]\nsidebarEntry=status:bogus\n",
    "a digest that is not a date": "[list]\nsidebarEntry=digest:yesterday\n",
    "a saved search that was deleted": "[list]\nsidebarEntry=saved:99\n",
    "a tag no paper carries": "[list]\nsidebarEntry=tag:gone\n",
    "an entry that is a list": "[list]\nsidebarEntry=a, b, c\n",
    "an entry that is a number": "[list]\nsidebarEntry=@Variant(\\0\\0\\0\\x2\\0\\0\\0\\x5)\n",
    "a paper that is not in the library": "[list]\ncurrentPaper=2501.99999\n",
    "a paper that is not an id": "[list]\ncurrentPaper=@ByteArray(\\xff\\xfe)\n",
    "a header that is garbage": "[list]\nheader=@ByteArray(not a header state)\n",
    "a geometry that is garbage": "[window]\ngeometry=@ByteArray(12345)\nstate=x\n",
    "splitters that are garbage": "[window]\nmainSplitter=@ByteArray(x)\nsideSplitter=7\n",
    "a boolean that is neither": "[triage]\nadvanceAfterStatus=maybe\n",
    "numbers that are not numbers": "[media]\ncacheMegabytes=lots\ndownloadLimitMegabytes=-5\n",
    "a file that is not an INI file": "\x00\x01\x02[[[ ]]]=\n=\n@@@\n",
}


@pytest.mark.parametrize("text", ODD_INI.values(), ids=ODD_INI.keys())
def test_odd_settings_fall_back_to_their_defaults(
    qtbot: QtBot, library: Library, tmp_path: Path, text: str
) -> None:
    window = open_on(qtbot, library, write_ini(tmp_path / "odd.ini", text))
    assert_opened_as_usual(window)
    assert window.triage.advance_after_status is True
    window.close()


def test_a_saved_digest_whose_list_fails_falls_back_to_all_papers(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    """The digest dated 9999-12-31 once selected: its list failed on every later start."""
    ini = write_ini(tmp_path / "s.ini", f"[list]\nsidebarEntry=digest:{FAR_FUTURE}\n")

    window = open_on(qtbot, library, ini)

    assert window.sidebar.current_key() in ("all", f"digest:{FAR_FUTURE}")
    assert row_titles(window)  # never an empty list
    window.close()


def test_a_list_that_cannot_be_read_falls_back_to_all_papers_and_is_not_saved(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    find = papers.find_paper_ids

    def fails_for_digests(
        connection: object, query: Query = papers.EVERYTHING, *args: object
    ) -> object:
        if "digest:" in query.text:
            raise OverflowError("date value out of range")
        return find(connection, query, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(papers, "find_paper_ids", fails_for_digests)
    ini = write_ini(tmp_path / "s.ini", "[list]\nsidebarEntry=digest:2024-03-01\n")

    window = open_on(qtbot, library, ini)

    assert_opened_as_usual(window)
    said = window.statusBar().currentMessage()
    assert said.startswith("Could not show 2024-03-01") and "all papers" in said
    assert keys.SIDEBAR_ENTRY.read(QSettings(str(ini), QSettings.Format.IniFormat)) == "all"
    window.close()


HEADERS: dict[str, Callable[[], bytes]] = {
    "sorted by a column that does not exist": lambda: header_state(12, 10, []),
    "no sort column": lambda: header_state(len(Column), -1, []),
    "the title hidden": lambda: header_state(len(Column), Column.VOTES, [Column.TITLE]),
}


@pytest.mark.parametrize("make", HEADERS.values(), ids=HEADERS.keys())
def test_a_list_header_from_another_version_falls_back_to_the_default(
    qtbot: QtBot, library: Library, tmp_path: Path, make: Callable[[], bytes]
) -> None:
    ini = tmp_path / "s.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    keys.LIST_HEADER.write(settings, QByteArray(make()))
    settings.sync()

    window = open_on(qtbot, library, ini)

    assert_opened_as_usual(window)
    assert not window.list_pane.view.isColumnHidden(Column.TITLE)
    window.close()


def test_a_list_pane_saved_collapsed_opens_visible(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    first = open_on(qtbot, library, tmp_path / "s.ini")
    first.main_splitter.setSizes([600, 0, 600])  # dragged shut
    first.close()

    window = open_on(qtbot, library, tmp_path / "s.ini")

    assert window.main_splitter.sizes()[1] > 0
    window.close()
