"""The sidebar's context menus: a tag renamed, merged into another or deleted, a digest's
(month's, year's) papers marked read or skipped, selected or their teasers fetched; each
edit one undo step."""

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.digest import Media
from readinglist.core.paper import ReadingStatus
from readinglist.library import papers
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui.qt import QInputDialog, QMenu, QPoint, Qt
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import focus_list, settle

MARCH = ["2403.00001", "2403.00002"]
APRIL = ["2404.00001"]


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    import_paths(
        library,
        [
            digests.write("m.md", "2024-03-01", entries(*MARCH)),
            digests.write("a.md", "2024-04-02", entries(*APRIL)),
        ],
    )
    with library.writing() as connection:
        first, second = (papers.paper_id_for(connection, i) for i in MARCH)
        assert first is not None and second is not None
        papers.add_tags(connection, [first, second], ["llm"])
        papers.add_tags(connection, [second], ["agents"])
    return library


def tags_of(window: MainWindow) -> dict[str, tuple[str, ...]]:
    assert window.service is not None
    found = {}
    for arxiv_id in [*MARCH, *APRIL]:
        paper_id = window.service.paper_id(arxiv_id)
        paper = window.service.paper(paper_id) if paper_id is not None else None
        assert paper is not None
        found[arxiv_id] = tuple(sorted(paper.tags))
    return found


def statuses(window: MainWindow, arxiv_ids: list[str]) -> set[ReadingStatus]:
    assert window.service is not None
    found = set()
    for arxiv_id in arxiv_ids:
        paper_id = window.service.paper_id(arxiv_id)
        paper = window.service.paper(paper_id) if paper_id is not None else None
        assert paper is not None
        found.add(paper.status)
    return found


def choose(qtbot: QtBot, window: MainWindow, key: str, text: str) -> list[str]:
    """Right-click the entry `key` and pick `text`; the menu's entries."""
    seen: list[str] = []

    def pick(menu: QMenu, _: QPoint) -> None:
        seen.extend(action.text() for action in menu.actions() if action.text())
        next(action for action in menu.actions() if action.text() == text).trigger()

    sidebar = window.sidebar
    sidebar.pop_up = pick
    index = sidebar.model.index_of(key)
    sidebar.tree.scrollTo(index)
    sidebar.tree.customContextMenuRequested.emit(sidebar.tree.visualRect(index).center())
    settle(qtbot, window)
    return seen


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setattr(QInputDialog, name, staticmethod(lambda *_, **__: (value, True)))


def move_to_trash(qtbot: QtBot, window: MainWindow, arxiv_id: str) -> None:
    assert window.service is not None
    paper_id = window.service.paper_id(arxiv_id)
    assert paper_id is not None
    window.list_pane.select_paper(paper_id)
    window.triage.trash_action.trigger()
    qtbot.waitUntil(lambda: window.sidebar.model.index_of("trash").siblingAtColumn(1).data() == "1")


def undo(qtbot: QtBot, window: MainWindow) -> None:
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)


def test_a_tag_is_renamed_for_every_paper_in_one_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, "getText", "language models")
    assert choose(qtbot, window, "tag:llm", "Rename Tag…") == [
        "Rename Tag…",
        "Merge Into…",
        "Delete Tag",
    ]
    assert tags_of(window)[MARCH[0]] == ("language models",)
    assert window.sidebar.model.index_of("tag:language models").isValid()
    assert not window.sidebar.model.index_of("tag:llm").isValid()

    undo(qtbot, window)
    assert tags_of(window) == {MARCH[0]: ("llm",), MARCH[1]: ("agents", "llm"), APRIL[0]: ()}


def test_a_tag_renamed_or_deleted_is_so_on_papers_in_the_trash_too(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    move_to_trash(qtbot, window, MARCH[1])

    answer(monkeypatch, "getText", "language models")
    choose(qtbot, window, "tag:llm", "Rename Tag…")
    assert tags_of(window)[MARCH[1]] == ("agents", "language models")  # not llm on restore

    choose(qtbot, window, "tag:language models", "Delete Tag")
    assert tags_of(window)[MARCH[1]] == ("agents",)
    undo(qtbot, window)
    undo(qtbot, window)
    assert tags_of(window)[MARCH[1]] == ("agents", "llm")


def test_a_merge_keeps_the_tag_where_it_was_before_when_undone(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, "getItem", "agents")
    choose(qtbot, window, "tag:llm", "Merge Into…")
    assert tags_of(window) == {MARCH[0]: ("agents",), MARCH[1]: ("agents",), APRIL[0]: ()}
    assert window.triage.undo_stack.undoText() == "Merge tag llm into agents"

    undo(qtbot, window)
    assert tags_of(window) == {MARCH[0]: ("llm",), MARCH[1]: ("agents", "llm"), APRIL[0]: ()}


def test_a_tag_is_deleted_from_every_paper_and_comes_back_on_undo(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose(qtbot, window, "tag:llm", "Delete Tag")
    assert tags_of(window)[MARCH[0]] == ()
    undo(qtbot, window)
    assert tags_of(window)[MARCH[0]] == ("llm",)


def test_a_months_papers_are_marked_read_in_one_step(qtbot: QtBot, window: MainWindow) -> None:
    seen = choose(qtbot, window, "month:2024-03", "Mark All as Read")
    assert "Mark All as Skipped" in seen and "Select Its Papers" in seen
    assert statuses(window, MARCH) == {ReadingStatus.READ}
    assert statuses(window, APRIL) == {ReadingStatus.UNREAD}
    undo(qtbot, window)
    assert statuses(window, MARCH) == {ReadingStatus.UNREAD}


def test_select_its_papers_shows_the_digest_with_all_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose(qtbot, window, "digest:2024-03-01", "Select Its Papers")
    qtbot.waitUntil(lambda: len(window.list_pane.selected_ids()) == len(MARCH))
    assert window.sidebar.current_key() == "digest:2024-03-01"
    assert window.list_pane.model.rowCount() == len(MARCH)


def test_prefetch_media_fetches_the_months_teasers(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetched: list[list[Media]] = []
    monkeypatch.setattr(window.media, "prefetch", fetched.append)
    choose(qtbot, window, "month:2024-03", "Prefetch Media")
    qtbot.waitUntil(lambda: bool(fetched))
    assert len(fetched[0]) == len(MARCH)  # each paper's teaser; April's not


def test_the_trash_entry_empties_the_trash_after_asking(qtbot: QtBot, window: MainWindow) -> None:
    move_to_trash(qtbot, window, APRIL[0])
    asked: list[int] = []

    def yes(count: int) -> bool:
        asked.append(count)
        return True

    window.triage.confirm_empty = yes

    choose(qtbot, window, "trash", "Empty Tras&h…")

    assert asked == [1]
    qtbot.waitUntil(
        lambda: window.service is not None and window.service.paper_id(APRIL[0]) is None
    )
