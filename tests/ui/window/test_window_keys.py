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

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import Paper
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.library.papers import find_paper_ids, user_states
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QAction, QApplication, Qt, QWidget
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.browser import fake_browser
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import focus_list, settle
from tests.helpers.paths import ROOT

IDS = [f"2403.{n:05d}" for n in range(1, 7)]
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
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


def starred_ids(window: MainWindow) -> set[int]:
    assert window.service is not None
    with window.service.library.reading() as connection:
        ids = find_paper_ids(connection)
        return {i for i, state in user_states(connection, ids).items() if state.starred}


def shown_ids(window: MainWindow) -> list[int]:
    """What the detail pane shows: one paper, or the selection it counts (highlighted in the
    list either way)."""
    highlighted = window.list_pane.selected_ids()
    if window.detail_stack.currentWidget() is window.detail:
        paper = window.detail.paper_id()
        assert paper is not None and highlighted == [paper]
        return [paper]
    assert window.selection_panel.count_label.text().startswith(f"{len(highlighted)} papers")
    return highlighted


def assert_keys_act_on_what_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    """`s` stars exactly what the detail pane shows; Ctrl+Z takes it back."""
    shown, before = shown_ids(window), starred_ids(window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_S)
    assert starred_ids(window) ^ before == set(shown)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, CTRL)
    assert starred_ids(window) == before


def click_row(qtbot: QtBot, window: MainWindow, row: int, modifier: object = NO_MODIFIER) -> None:
    view = window.list_pane.view
    position = view.visualRect(window.list_pane.model.index(row, Column.TITLE)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, position)


def current_row(window: MainWindow) -> int:
    return window.list_pane.view.currentIndex().row()


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
    probe = ROOT / "tests" / "helpers" / "stray_warning_probe.py"
    result = run_pytest([*options, "-rfE", str(probe)])

    assert result.returncode == 1
    assert "Ambiguous shortcut overload" in result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert any("test_warns_in_the_call" in line for line in failed), result.stdout
    assert any("test_warns_in_a_teardown" in line for line in failed), result.stdout


# --- what the keys act on ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "modifier", "row"),
    [
        (Qt.Key.Key_End, CTRL, 5),
        (Qt.Key.Key_Home, CTRL, 0),
        (Qt.Key.Key_End, NO_MODIFIER, 5),
        (Qt.Key.Key_Home, NO_MODIFIER, 0),
        (Qt.Key.Key_Down, CTRL, 3),
        (Qt.Key.Key_Up, CTRL, 1),
        (Qt.Key.Key_PageDown, NO_MODIFIER, 5),
        (Qt.Key.Key_PageUp, NO_MODIFIER, 0),
        (Qt.Key.Key_PageDown, CTRL, 5),
        (Qt.Key.Key_Down, NO_MODIFIER, 3),
    ],
    ids=[
        "ctrl+end",
        "ctrl+home",
        "end",
        "home",
        "ctrl+down",
        "ctrl+up",
        "page-down",
        "page-up",
        "ctrl+page-down",
        "down",
    ],
)
def test_a_move_from_a_clicked_row_selects_where_it_lands(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier, row: int
) -> None:
    """Click the 3rd row, Ctrl+End, `s`: the star goes on the last paper, which the detail
    pane shows and the list highlights, not on the row clicked before."""
    focus_list(qtbot, window)
    click_row(qtbot, window, 2)

    qtbot.keyClick(window.list_pane.view, key, modifier)

    assert current_row(window) == row
    assert window.detail.paper_id() == window.list_pane.model.id_at(row)
    assert_keys_act_on_what_is_shown(qtbot, window)


def test_menus_and_the_selection_panel_act_on_what_is_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    focus_list(qtbot, window)
    click_row(qtbot, window, 2)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_End, CTRL)
    browser = fake_browser(monkeypatch)

    window.triage.star_action.trigger()  # Paper → Toggle Star
    window.triage.open_action.trigger()  # Paper → Open on arXiv

    last = window.list_pane.model.id_at(5)
    assert last is not None and window.service is not None
    assert starred_ids(window) == {last}
    paper = window.service.paper(last)
    assert paper is not None and browser.opened == [f"https://arxiv.org/abs/{paper.arxiv_id}"]

    click_row(qtbot, window, 0)
    click_row(qtbot, window, 2, Qt.KeyboardModifier.ShiftModifier)
    window.selection_panel.star_button.click()  # ★ Star all
    assert starred_ids(window) == {last, *window.list_pane.model.ids()[:3]}


def test_a_ctrl_click_that_leaves_one_row_shows_that_row(qtbot: QtBot, window: MainWindow) -> None:
    focus_list(qtbot, window)
    click_row(qtbot, window, 1)
    click_row(qtbot, window, 3, Qt.KeyboardModifier.ShiftModifier)
    assert shown_ids(window) == window.list_pane.model.ids()[1:4]
    assert_keys_act_on_what_is_shown(qtbot, window)

    click_row(qtbot, window, 2, CTRL)
    click_row(qtbot, window, 3, CTRL)  # rows 2 and 3 unselected: row 1 is left

    assert shown_ids(window) == [window.list_pane.model.id_at(1)]
    assert_keys_act_on_what_is_shown(qtbot, window)


def test_a_ctrl_click_that_leaves_nothing_selected_shows_nothing_to_act_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    focus_list(qtbot, window)
    click_row(qtbot, window, 1)
    click_row(qtbot, window, 1, CTRL)

    assert window.list_pane.selected_ids() == []
    assert window.detail.paper_id() is None
    before = starred_ids(window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_S)
    assert starred_ids(window) == before


def test_keys_follow_a_search_and_a_sidebar_entry(qtbot: QtBot, window: MainWindow) -> None:
    focus_list(qtbot, window)
    click_row(qtbot, window, 2)
    window.search_box.set_text(f"-id:{IDS[-3]}")  # the clicked paper leaves the list
    settle(qtbot, window)
    assert_keys_act_on_what_is_shown(qtbot, window)

    click_row(qtbot, window, 1)
    click_row(qtbot, window, 3, Qt.KeyboardModifier.ShiftModifier)
    window.sidebar.select_key("starred")  # none: an empty list
    settle(qtbot, window)
    assert window.detail_stack.currentWidget() is window.detail
    assert window.detail.paper_id() is None

    window.sidebar.select_key("all")
    settle(qtbot, window)
    focus_list(qtbot, window)
    assert_keys_act_on_what_is_shown(qtbot, window)


def test_keys_act_on_what_is_shown_after_an_undo(qtbot: QtBot, window: MainWindow) -> None:
    focus_list(qtbot, window)
    click_row(qtbot, window, 2)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_D)  # read, then the next paper
    assert current_row(window) == 3

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, CTRL)

    assert "unread" in window.list_pane.model.index(2, Column.STATUS).data()
    assert current_row(window) == 2  # back to the paper whose status came back
    assert shown_ids(window) == [window.list_pane.model.ids()[2]]
    assert_keys_act_on_what_is_shown(qtbot, window)


def test_redo_goes_back_to_the_paper_it_changes(qtbot: QtBot, window: MainWindow) -> None:
    focus_list(qtbot, window)
    click_row(qtbot, window, 1)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_D)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, CTRL)
    click_row(qtbot, window, 4)

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, CTRL_SHIFT)

    assert "read" in window.list_pane.model.index(1, Column.STATUS).data()
    assert current_row(window) == 1


# --- text fields: in and out by keyboard, and the app's shortcuts -------------------------


def library_paper(window: MainWindow, row: int) -> Paper:
    assert window.service is not None
    paper = window.service.paper(window.list_pane.model.ids()[row])
    assert paper is not None
    return paper


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def type_then(qtbot: QtBot, window: MainWindow, key: Qt.Key, text: str, last: Qt.Key) -> None:
    """On the first paper: `key` (t or n), `text` typed in the field it opens, then `last`
    (Enter or Esc), which must hand the focus back to the list."""
    window.list_pane.select_row(0)
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, key)
    field = QApplication.focusWidget()
    assert field in (window.detail.tags_edit, window.detail.note_edit)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, last)
    qtbot.waitUntil(window.list_pane.view.hasFocus)


def test_enter_in_the_tag_field_saves_and_returns_to_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_then(qtbot, window, Qt.Key.Key_T, "vlm", Qt.Key.Key_Return)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_J)

    assert current_row(window) == 1
    assert window.triage.undo_stack.count() == 1
    assert library_paper(window, 0).tags == ("vlm",)
    assert library_paper(window, 1).tags == ()


def test_esc_in_the_tag_field_drops_what_was_not_entered(qtbot: QtBot, window: MainWindow) -> None:
    type_then(qtbot, window, Qt.Key.Key_T, "draft", Qt.Key.Key_Escape)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_J)

    assert window.detail.tags_edit.text() == ""
    assert [library_paper(window, row).tags for row in (0, 1)] == [(), ()]
    assert window.triage.undo_stack.count() == 0


def test_esc_in_the_note_keeps_it_and_returns_to_the_list(qtbot: QtBot, window: MainWindow) -> None:
    type_then(qtbot, window, Qt.Key.Key_N, "read this", Qt.Key.Key_Escape)

    assert window.detail.note_edit.toPlainText() == "read this"
    assert library_paper(window, 0).note == "read this"
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_J)
    assert current_row(window) == 1


def has_focus_within(pane: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is pane or pane.isAncestorOf(focused))


def test_tab_moves_from_pane_to_pane(qtbot: QtBot, window: MainWindow) -> None:
    """Search, sidebar, list, detail; never cell by cell through the list, never to the
    next paper."""
    window.list_pane.select_row(2)
    focus(qtbot, window.search_box.field)
    panes = [window.sidebar.tree, window.list_pane.view, window.detail]

    for pane in panes:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda pane=pane: has_focus_within(pane))  # type: ignore[misc]
        assert current_row(window) == 2

    for pane in [window.list_pane.view, window.sidebar.tree, window.search_box.field]:
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
        )
        qtbot.waitUntil(pane.hasFocus)
    assert current_row(window) == 2


def test_ctrl_z_in_the_bulk_tag_field_undoes_the_typing_then_the_tag(
    qtbot: QtBot, window: MainWindow
) -> None:
    """What is typed is the field's to undo; once entered (the tag is on the papers, the
    field empties), Ctrl+Z undoes the tag."""
    focus_list(qtbot, window)
    click_row(qtbot, window, 0)
    click_row(qtbot, window, 2, Qt.KeyboardModifier.ShiftModifier)
    field = window.selection_panel.tag_edit
    focus(qtbot, field)

    qtbot.keyClicks(field, "later")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == ""
    assert window.triage.undo_stack.count() == 0

    qtbot.keyClicks(field, "later")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == ""
    assert [library_paper(window, row).tags for row in range(4)] == [("later",)] * 3 + [()]

    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert [library_paper(window, row).tags for row in range(3)] == [()] * 3
    assert field.hasFocus()


def test_t_on_several_papers_goes_to_the_bulk_tag_and_esc_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    focus_list(qtbot, window)
    click_row(qtbot, window, 0)
    click_row(qtbot, window, 2, Qt.KeyboardModifier.ShiftModifier)
    field = window.selection_panel.tag_edit

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_T)
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "draft")
    qtbot.keyClick(field, Qt.Key.Key_Escape)

    qtbot.waitUntil(window.list_pane.view.hasFocus)
    assert field.text() == ""
    assert [library_paper(window, row).tags for row in range(3)] == [()] * 3


def text_fields(window: MainWindow) -> dict[str, QWidget]:
    return {
        "search": window.search_box.field,
        "tags": window.detail.tags_edit,
        "note": window.detail.note_edit,
        "bulk tag": window.selection_panel.tag_edit,
    }


@pytest.mark.parametrize("name", ["search", "tags", "note", "bulk tag"])
def test_the_apps_shortcuts_reach_it_from_a_text_field(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    """Ctrl+E is Export, whatever a text field would do with it (on Linux: go to the end
    of the line, which End does too)."""
    window.exports = None  # no dialog: the action is what is tested
    focus_list(qtbot, window)
    if name == "bulk tag":
        window.list_pane.view.selectAll()
    else:
        window.list_pane.select_row(0)
    field = text_fields(window)[name]
    focus(qtbot, field)
    qtbot.keyClicks(field, "abc")

    with qtbot.waitSignal(window.menu_actions.export.triggered, timeout=5_000):
        qtbot.keyClick(field, Qt.Key.Key_E, CTRL)
    assert field.hasFocus()


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
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=PYTEST_RUN_TIMEOUT_S,
        check=False,
    )
