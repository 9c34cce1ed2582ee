"""A paper seen in several sources, in the window: its Korean title, the tag its Korean
source suggests (added only when clicked, one undo step), its votes over time; the Sources
group and New today in the sidebar, and "N new today" in the status bar after an import."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library
from readinglist.library.papers import load_paper
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.gui import import_by_drop, row_titles, settle, sidebar_count
from tests.helpers.sources import several_sightings

CRANES = "2503.00101"


def imported(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    import_by_drop(qtbot, window, several_sightings(tmp_path / "sources"))


def shown(qtbot: QtBot, window: MainWindow, arxiv_id: str) -> None:
    assert window.select_paper(arxiv_id)
    qtbot.waitUntil(lambda: window.detail.title_label.text().startswith("Plain Bullets"))
    qtbot.waitUntil(window.detail.is_settled)


def tags_of(library: Library, arxiv_id: str) -> tuple[str, ...]:
    with library.reading() as connection:
        found = load_paper(connection, arxiv_id)
    assert found is not None
    return found.tags


def test_a_paper_seen_in_three_sources_shows_what_each_said(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    imported(qtbot, window, tmp_path)
    shown(qtbot, window, CRANES)
    detail = window.detail

    assert detail.title_ko_label.text() == "종이학 접기 학습"
    assert "Seen 5 times since 2025-03-03" in detail.seen_label.text()
    assert "github.com/example/cranes" in detail.link_label.text()
    assert "Suggested tags: " in detail.suggested_label.text()
    assert ">로보틱스</a>" in detail.suggested_label.text()
    trend = detail.votes_trend
    assert trend.isVisibleTo(window)
    assert [votes for _, votes in trend.sparkline.points] == [12, 25, 40]
    assert "We train a robot arm" in detail.summary_view.toPlainText()  # the abstract


def test_a_suggested_tag_is_added_by_its_click_alone_and_undone_in_one_step(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    imported(qtbot, window, tmp_path)
    shown(qtbot, window, CRANES)
    assert tags_of(library, CRANES) == ()  # imported, shown: nothing applied
    assert window.triage.undo_stack.count() == 0

    window.detail.suggested_label.linkActivated.emit("readinglist:add-tag/0")

    qtbot.waitUntil(lambda: tags_of(library, CRANES) == ("로보틱스",))
    qtbot.waitUntil(window.detail.suggested_label.isHidden)  # carried: not offered
    assert window.triage.undo_stack.count() == 1
    window.triage.undo_action.trigger()
    qtbot.waitUntil(lambda: tags_of(library, CRANES) == ())
    qtbot.waitUntil(lambda: ">로보틱스</a>" in window.detail.suggested_label.text())


def test_the_sources_group_lists_each_format_with_its_counts_and_filters_the_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    imported(qtbot, window, tmp_path)
    model = window.sidebar.model
    group = model.index_of("group:sources")
    entries = [model.index(row, 0, group).data() for row in range(model.rowCount(group))]

    assert entries == [
        "Daily Papers Markdown",
        "Hugging Face daily papers (JSON)",
        "Korean daily papers (gbdata365 JSON)",
    ]
    assert sidebar_count(window, "Korean daily papers (gbdata365 JSON)") == "3"  # all unread
    tooltip = model.index_of("source:gbdata365-json").data(3)
    assert tooltip == "Korean daily papers (gbdata365 JSON): 3 papers, 3 unread"

    window.sidebar.select_key("source:gbdata365-json")

    qtbot.waitUntil(lambda: len(row_titles(window)) == 3)
    assert "Bold Keys: Sparse Lanterns" in row_titles(window)
    for key in ("source:daily-papers-md", "source:hf-daily-json"):
        counted = int(model.index_of(key).siblingAtColumn(1).data())
        window.sidebar.select_key(key)
        qtbot.waitUntil(lambda: len(row_titles(window)) == counted)  # noqa: B023  (waited here)


def test_new_today_lists_the_import_and_the_status_bar_counts_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.sidebar.model.index_of("new-today").isValid() is False
    assert window.import_status.new_today.isHidden()

    imported(qtbot, window, tmp_path)
    settle(qtbot, window)

    total = sidebar_count(window, "All papers")
    assert sidebar_count(window, "New today") == total
    assert window.import_status.new_today.text() == f"{total} new today"
    assert window.import_status.new_today.isVisibleTo(window)
    window.sidebar.select_key("new-today")
    qtbot.waitUntil(lambda: len(row_titles(window)) == int(total))


def test_a_sources_unread_count_follows_triage(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    imported(qtbot, window, tmp_path)
    shown(qtbot, window, CRANES)
    korean = "Korean daily papers (gbdata365 JSON)"
    assert sidebar_count(window, korean) == "3"

    window.triage.status_actions[ReadingStatus.READ].trigger()

    qtbot.waitUntil(lambda: sidebar_count(window, korean) == "2")
    tooltip = window.sidebar.model.index_of("source:gbdata365-json").data(3)
    assert tooltip == f"{korean}: 3 papers, 2 unread"
