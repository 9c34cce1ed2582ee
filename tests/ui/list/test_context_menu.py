"""The list's context menu: what it lists, and that it acts on the papers the user sees: the row
right-clicked (selected first when it was not), the selection, or the row the keyboard moved to.

QTest's right-click presses and releases the button but sends no context-menu event (the
platform makes that), so these tests send the event a right-click or the menu key makes.
"""

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.export import ExportFormat
from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui.export.actions import ExportQuestions
from readinglist.ui.export.dialog import ExportScope
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QAction, QApplication, QContextMenuEvent, QMenu, QPoint, Qt
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.browser import fake_browser
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import focus_list, select_rows

IDS = [f"2403.{n:05d}" for n in range(1, 7)]
ENTRIES = [
    "Mark as Unread",
    "Mark as Queued",
    "Mark as Reading",
    "Mark as Read",
    "Mark as Skipped",
    "Mark Others",
    "",
    "Toggle Star",
    "Edit Tags",
    "",
    "Move to Trash",
    "Restore from Trash",
    "",
    "Copy",
    "Open",
    "",
    "Export Selected…",
]


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    import_paths(library, [digests.write("d.md", "2024-03-01", entries(*IDS))])
    return library


@pytest.fixture(autouse=True)
def popups(window: MainWindow) -> list[QPoint]:
    """Where the context menu popped up (on the screen, in global coordinates); it is built
    but not shown: a popup on the offscreen platform warns that it cannot grab the keyboard,
    and would take the keys that follow."""
    shown: list[QPoint] = []
    window.list_pane.row_menu.pop_up = lambda _, where: shown.append(where)
    return shown


def row_point(window: MainWindow, row: int) -> QPoint:
    view = window.list_pane.view
    return view.visualRect(window.list_pane.model.index(row, Column.TITLE)).center()


def right_click(qtbot: QtBot, window: MainWindow, row: int) -> QMenu:
    """A right-click on `row`, as X11 delivers it: the press, the menu event, the release."""
    viewport = window.list_pane.view.viewport()
    point = row_point(window, row)
    qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=point)
    menu = menu_event(window, viewport_point=point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=point)
    return menu


def menu_event(
    window: MainWindow, viewport_point: QPoint | None = None, keyboard: bool = False
) -> QMenu:
    view = window.list_pane.view
    if keyboard:  # the menu key: to the focus widget, where the text cursor would be
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(), QPoint())
        QApplication.sendEvent(view, event)
    else:
        point = viewport_point or QPoint()
        global_point = view.viewport().mapToGlobal(point)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, global_point)
        QApplication.sendEvent(view.viewport(), event)
    menu = window.list_pane.row_menu.menu
    assert menu is not None
    return menu


def texts(menu: QMenu) -> list[str]:
    return [action.text().replace("&", "") for action in menu.actions()]


def entry(menu: QMenu, text: str) -> QAction:
    found = [action for action in menu.actions() if action.text().replace("&", "") == text]
    assert len(found) == 1, texts(menu)
    return found[0]


def submenu(menu: QMenu, text: str) -> QMenu:
    sub = entry(menu, text).menu()
    assert isinstance(sub, QMenu)
    return sub


def status_of(window: MainWindow, row: int) -> ReadingStatus:
    found = window.list_pane.model.row_at(row)
    assert found is not None
    return found.status


UNREAD, QUEUED, READ = ReadingStatus.UNREAD, ReadingStatus.QUEUED, ReadingStatus.READ


def test_the_menu_lists_statuses_star_tags_copy_open_and_export(
    qtbot: QtBot, window: MainWindow
) -> None:
    menu = right_click(qtbot, window, 2)

    assert texts(menu) == ENTRIES
    assert texts(submenu(menu, "Copy")) == [
        "Copy Link",
        "Copy as Markdown Link",
        "Copy as BibTeX",
        "Copy as Citation",
    ]
    assert texts(submenu(menu, "Open")) == ["Open on arXiv", "Open PDF", "Open on Hugging Face"]
    # the window's own actions, not copies: one QAction per operation
    assert entry(menu, "Toggle Star") is window.triage.star_action
    assert submenu(menu, "Copy").actions() == list(window.triage.copy_actions.values())
    assert submenu(menu, "Open").actions()[0] is window.triage.open_action


def test_a_right_click_on_a_row_not_selected_selects_it_alone_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_rows(window, [0, 1])
    menu = right_click(qtbot, window, 4)

    assert window.list_pane.selected_ids() == [window.list_pane.model.id_at(4)]
    entry(menu, "Mark as Read").trigger()

    assert [status_of(window, row) for row in range(6)] == [UNREAD] * 4 + [READ, UNREAD]


def test_the_menu_event_alone_selects_the_row_too(qtbot: QtBot, window: MainWindow) -> None:
    """Where the platform sends the menu event with no press before it (or a press that
    selected nothing), the menu still acts on the row under the mouse."""
    select_rows(window, [0])
    menu_event(window, viewport_point=row_point(window, 3))
    assert window.list_pane.selected_ids() == [window.list_pane.model.id_at(3)]


def test_a_right_click_on_a_selected_row_keeps_the_selection(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_rows(window, [1, 2, 3])
    selected = window.list_pane.selected_ids()
    menu = right_click(qtbot, window, 2)

    assert window.list_pane.selected_ids() == selected
    entry(menu, "Mark as Queued").trigger()

    assert [status_of(window, row) for row in range(6)] == [UNREAD, *[QUEUED] * 3, UNREAD, UNREAD]


def test_after_a_keyboard_move_the_menu_key_acts_on_the_row_moved_to(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, popups: list[QPoint]
) -> None:
    browser = fake_browser(monkeypatch)
    window.list_pane.select_row(1)
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_J)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_J)

    menu = menu_event(window, keyboard=True)
    viewport = window.list_pane.view.viewport()
    assert viewport.mapFromGlobal(popups[-1]).y() == row_point(window, 3).y()  # at that row
    entry(menu, "Toggle Star").trigger()
    submenu(menu, "Open").actions()[1].trigger()  # Open PDF

    assert window.list_pane.model.index(3, Column.STAR).data() == "★"
    assert [window.list_pane.model.index(r, Column.STAR).data() for r in range(6)].count("★") == 1
    arxiv_id = window.list_pane.model.row_at(3)
    assert arxiv_id is not None
    assert browser.opened == [f"https://arxiv.org/pdf/{arxiv_id.arxiv_id}"]


def test_edit_tags_goes_to_the_tag_field_as_t_does(qtbot: QtBot, window: MainWindow) -> None:
    focus_list(qtbot, window)
    menu = right_click(qtbot, window, 0)
    entry(menu, "Edit Tags").trigger()
    qtbot.waitUntil(window.detail.tags_edit.hasFocus)


def test_export_selected_offers_the_selection_even_for_one_paper(
    qtbot: QtBot, window: MainWindow
) -> None:
    offered: list[tuple[int, int, ExportScope]] = []

    def choose(selected: int, listed: int, _: ExportFormat, scope: ExportScope) -> None:
        offered.append((selected, listed, scope))

    assert window.exports is not None
    window.exports.questions = ExportQuestions(choose, lambda _: None)
    menu = right_click(qtbot, window, 5)
    entry(menu, "Export Selected…").trigger()
    window.menu_actions.export.trigger()  # File → Export…: the list first, for one paper

    assert offered == [(1, 6, ExportScope.SELECTION), (1, 6, ExportScope.LIST)]


def test_no_menu_below_the_last_row(qtbot: QtBot, window: MainWindow) -> None:
    view = window.list_pane.view
    below = QPoint(10, view.viewport().height() - 2)
    assert not view.indexAt(below).isValid()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, below, view.viewport().mapToGlobal(below)
    )
    QApplication.sendEvent(view.viewport(), event)
    assert window.list_pane.row_menu.menu is None


def test_no_menu_when_nothing_is_selected(qtbot: QtBot, window: MainWindow) -> None:
    window.list_pane.view.clearSelection()
    QApplication.sendEvent(
        window.list_pane.view,
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(), QPoint()),
    )
    assert window.list_pane.row_menu.menu is None
