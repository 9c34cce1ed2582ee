"""Saved searches in a shared library's window: another member's shared search is listed
with their name and is read only, their private ones are not listed, and one's own can be
shared from its menu (the other member then sees it)."""

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library, utc_now
from readinglist.library.saved_searches import list_saved_searches, save_search
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.ui.qt import QMenu, QPoint
from readinglist.ui.sidebar.entries import SAVED_GROUP, SAVED_PREFIX
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.gui import settle
from tests.helpers.postgres import PostgresDatabase

LIVE_BOUND_MS = 10_000


@pytest.fixture
def bob(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[Library]:
    library = open_shared(SharedAddress.parse(shared.url_as(members[1])))
    yield library
    library.close()


def saved_labels(window: MainWindow) -> list[str]:
    model = window.sidebar.model
    group = model.index_of(SAVED_GROUP)
    return [model.index(row, 0, group).data() for row in range(model.rowCount(group))]


def menu_of(qtbot: QtBot, window: MainWindow, label: str, pick: str | None = None) -> list[str]:
    """Right-click the saved search shown as `label`; its menu's entries (`pick`: chosen)."""
    seen: list[str] = []

    def pop_up(menu: QMenu, _: QPoint) -> None:
        seen.extend(action.text() for action in menu.actions() if action.isEnabled())
        seen.extend(f"({a.text()})" for a in menu.actions() if a.text() and not a.isEnabled())
        if pick is not None:
            next(action for action in menu.actions() if action.text() == pick).trigger()

    sidebar, model = window.sidebar, window.sidebar.model
    group = model.index_of(SAVED_GROUP)
    row = saved_labels(window).index(label)
    index = model.index(row, 0, group)
    sidebar.pop_up = pop_up
    sidebar.tree.expand(group)
    sidebar.tree.scrollTo(index)
    sidebar.tree.customContextMenuRequested.emit(sidebar.tree.visualRect(index).center())
    settle(qtbot, window)
    return [text for text in seen if text]


def test_a_members_shared_search_is_listed_read_only_and_a_private_one_not(
    qtbot: QtBot, alices_window: MainWindow, bob: Library, members: tuple[str, str]
) -> None:
    window = alices_window
    with bob.writing() as connection:
        save_search(connection, "Robots", "tag:robots", utc_now(), shared=True)
        save_search(connection, "Secret", "tag:secret", utc_now())

    shown = f"Robots · {members[1]}"
    qtbot.waitUntil(lambda: shown in saved_labels(window), timeout=LIVE_BOUND_MS)
    assert saved_labels(window) == [shown]  # not bob's private one

    assert menu_of(qtbot, window, shown) == [f"(Shared by {members[1]}: only they can change it)"]
    model = window.sidebar.model
    entry = model.entry(model.index(0, 0, model.index_of(SAVED_GROUP)))
    assert entry is not None and entry.key.startswith(SAVED_PREFIX) and not entry.mine


def test_my_saved_search_is_shared_from_its_menu(
    qtbot: QtBot, alices_window: MainWindow, bob: Library
) -> None:
    window = alices_window
    assert window.service is not None
    window.service.save_search(
        "Mine", "tag:mine", then=lambda _: None, failed=lambda error: pytest.fail(str(error))
    )
    qtbot.waitUntil(lambda: saved_labels(window) == ["Mine"])

    entries = menu_of(qtbot, window, "Mine", pick="Share with Everyone in This Library")

    assert entries[:1] == ["Share with Everyone in This Library"] and "Rename…" in entries
    with bob.reading() as connection:
        theirs = list_saved_searches(connection)
    assert [(search.name, search.shared, search.mine) for search in theirs] == [
        ("Mine", True, False)
    ]
