"""Help: the command palette finds and runs any action; the keyboard-shortcut list is read
off the actions themselves; About says the version, the licences and the library's path."""

import pytest
from pytestqt.qtbot import QtBot

from readinglist import __version__
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui.help.commands import commands, plain_text
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QAction, QKeySequence, QMenu, QMenuBar, Qt, QWidget
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import focus_list

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    import_paths(
        library, [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))]
    )
    return library


def starred(window: MainWindow, row: int) -> bool:
    return bool(window.list_pane.model.index(row, Column.STAR).data() == "★")


def test_menu_texts_are_read_as_people_read_them() -> None:
    assert plain_text("&Undo") == "Undo"
    assert plain_text("R&&D") == "R&D"
    assert plain_text("파일(&F)") == "파일"


def test_commands_list_every_menu_action_with_its_keys(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    bar = QMenuBar(parent)
    edit = bar.addMenu("&Edit")
    find = edit.addAction("&Find")
    find.setShortcut(QKeySequence("Ctrl+F"))
    edit.addSeparator()
    inner = edit.addMenu("&Status")
    inner.addAction("&Read")
    slash = QAction("Find", parent)
    slash.setShortcut(QKeySequence("/"))

    found = commands(bar, {slash: find})

    assert [(c.place, c.name, c.keys) for c in found] == [
        ("Edit", "Find", (QKeySequence("Ctrl+F").toString(NATIVE), "/")),
        ("Edit › Status", "Read", ()),
    ]


def test_the_shortcut_list_shows_every_action_and_key_in_the_menus(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.help_menu.shortcuts_action.trigger()
    shortcuts = window.help_menu.shortcuts
    assert shortcuts is not None and shortcuts.isVisible()

    rows = shortcuts.rows()
    menus = [action.menu() for action in window.menuBar().actions()]
    menu_actions = [
        action
        for menu in menus
        if isinstance(menu, QMenu)
        for action in menu.actions()
        if action.text() and not action.menu()
    ]
    assert len(rows) >= len(menu_actions)
    by_name = {name: keys for _, name, keys in rows}
    assert by_name["Undo"] == window.triage.undo_action.shortcut().toString(NATIVE)
    assert "/" in by_name["Find"]  # the alias on the list's key is listed with Find
    assert by_name["Command Palette…"] == "Ctrl+K"

    shortcuts.field.setText("palette")
    assert [name for _, name, _ in shortcuts.rows()] == ["Command Palette…"]


def test_the_palette_finds_an_action_and_runs_it_on_the_paper_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.list_pane.select_row(1)
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.help_menu.palette
    assert palette is not None
    qtbot.waitUntil(palette.isVisible)

    qtbot.keyClicks(palette.field, "toggle star")
    assert palette.shown_names() == ["Toggle Star"]
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: starred(window, 1))
    assert not palette.isVisible()
    assert not starred(window, 0)


def test_the_palette_moves_with_the_arrows_and_runs_nothing_disabled(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.help_menu.open_palette()
    palette = window.help_menu.palette
    assert palette is not None
    names = palette.shown_names()
    assert len(names) > 10

    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    current = palette.results.currentItem()
    assert current is not None and current.text(0) == names[1]

    qtbot.keyClicks(palette.field, "redo")  # nothing to redo: disabled
    assert palette.shown_names() == ["Redo"]
    assert not window.triage.redo_action.isEnabled()
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert palette.isVisible()  # nothing ran, the palette stays
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_about_names_the_version_the_licences_and_the_library(window: MainWindow) -> None:
    window.help_menu.about_action.trigger()
    about = window.help_menu.about
    assert about is not None and about.isVisible()
    text = about.text.text()
    assert __version__ in text
    assert window.service is not None and str(window.service.library.path) in text
    assert "SIL Open Font License" in text and "LGPL-3.0" in text
    assert "OFL.txt" in text
