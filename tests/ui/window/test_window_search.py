"""Search, saved searches, bulk triage and export in the window, driven like a user."""

import csv
import io
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.export import ExportFormat
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.library.database import Library
from readinglist.ui.export.actions import ExportQuestions
from readinglist.ui.export.dialog import ExportChoice, ExportDialog, ExportScope
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QDialogButtonBox, Qt
from readinglist.ui.search.saved_searches import Ask
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import (
    focus_list,
    import_by_drop,
    open_window,
    row_titles,
    select_rows,
    settle,
    sidebar_count,
)

PAPERS = [
    FakeEntry("2403.00001", title="Video Diffusion Models", votes=80),
    FakeEntry("2403.00002", title="Language Agents", votes=20, summary=("데이터셋을 만든다",)),
    FakeEntry("2403.00003", title="A Survey of Video", votes=None, authors=("Kim Minji",)),
    FakeEntry("2403.00004", title="Robot Hands", votes=55),
]


@pytest.fixture
def filled(qtbot: QtBot, window: MainWindow, digests: DigestWriter) -> MainWindow:
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", PAPERS)])
    return window


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type `text` into the box as a user would, and wait for the list to follow."""
    window.search_box.focus()
    window.search_box.field.clear()
    if text.isascii():
        qtbot.keyClicks(window.search_box.field, text)
    else:  # QTest types ASCII only; an input method would insert the word like this
        window.search_box.field.insert(text)
    qtbot.waitUntil(lambda: not window.search_box.is_pending())  # typing paused, search made
    settle(qtbot, window)


def titles(window: MainWindow) -> set[str]:
    return set(row_titles(window))


def answer(window: MainWindow, text: str | None = None, yes: bool = True) -> list[str]:
    """Answer the saved-search questions without dialogs; returns the questions asked."""
    asked: list[str] = []

    def ask_text(title: str, label: str, initial: str) -> str | None:
        asked.append(f"{title}: {initial}")
        return text

    def ask_yes(title: str, question: str) -> bool:
        asked.append(question)
        return yes

    assert window.saved_searches is not None
    window.saved_searches.ask = Ask(ask_text, ask_yes)
    return asked


# --- the search box ----------------------------------------------------------------------------


def test_typing_filters_the_list_after_a_pause(qtbot: QtBot, filled: MainWindow) -> None:
    box = filled.search_box
    box.focus()
    qtbot.keyClicks(box.field, "video")
    assert len(row_titles(filled)) == 4  # not at every keystroke: after a pause
    qtbot.waitUntil(lambda: titles(filled) == {"Video Diffusion Models", "A Survey of Video"})
    assert filled.browsing.count_label.text() == "2 papers"

    search(qtbot, filled, "video -survey")
    assert titles(filled) == {"Video Diffusion Models"}
    search(qtbot, filled, "데이터셋")  # a Korean word, found with its particle attached
    assert titles(filled) == {"Language Agents"}
    search(qtbot, filled, 'votes:>50 OR author:"kim minji"')
    assert titles(filled) == {"Video Diffusion Models", "A Survey of Video", "Robot Hands"}


def test_the_sidebar_entry_and_the_search_combine(qtbot: QtBot, filled: MainWindow) -> None:
    filled.list_pane.select_row(0)
    focus_list(qtbot, filled)
    qtbot.keyClick(filled.list_pane.view, Qt.Key.Key_S)  # star Video Diffusion Models
    filled.sidebar.select_key("starred")
    settle(qtbot, filled)
    search(qtbot, filled, "robot")
    assert row_titles(filled) == []
    assert "No papers match" in filled.list_pane.empty_label.text()
    search(qtbot, filled, "video")
    assert row_titles(filled) == ["Video Diffusion Models"]


def test_a_malformed_query_points_at_the_fault_and_keeps_the_list(
    qtbot: QtBot, filled: MainWindow
) -> None:
    search(qtbot, filled, "video")
    search(qtbot, filled, 'video title:"x')
    box = filled.search_box
    assert box.error() == "at character 13: this quote is never closed"
    assert box.error_label.isVisible()
    marked = box.error_label.text()
    assert "video title:" in marked and "background" in marked  # the quote is highlighted
    assert titles(filled) == {"Video Diffusion Models", "A Survey of Video"}  # unchanged
    assert not box.save_button.isEnabled()

    search(qtbot, filled, "robot")
    assert box.error() == "" and not box.error_label.isVisible()
    assert row_titles(filled) == ["Robot Hands"]


def test_keys_focus_and_clear_the_search(qtbot: QtBot, filled: MainWindow) -> None:
    focus_list(qtbot, filled)
    qtbot.keyClick(filled.list_pane.view, Qt.Key.Key_Slash)
    qtbot.waitUntil(filled.search_box.field.hasFocus)
    qtbot.keyClicks(filled.search_box.field, "robot")
    qtbot.keyClick(filled.search_box.field, Qt.Key.Key_Return)  # at once, no pause
    settle(qtbot, filled)
    assert row_titles(filled) == ["Robot Hands"]

    qtbot.keyClick(filled.search_box.field, Qt.Key.Key_Escape)  # clears
    settle(qtbot, filled)
    assert filled.search_box.field.text() == "" and len(row_titles(filled)) == 4
    qtbot.keyClick(filled.search_box.field, Qt.Key.Key_Escape)  # back to the list
    qtbot.waitUntil(filled.list_pane.view.hasFocus)

    qtbot.keyClick(filled.list_pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(filled.search_box.field.hasFocus)


def test_the_window_and_the_command_line_list_the_same_papers(
    qtbot: QtBot,
    filled: MainWindow,
    library_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from readinglist.cli import main

    filled.sidebar.select_key("status:unread")
    for text in ["video OR 데이터셋", "-video votes:>=20", 'title:video OR author:"kim"']:
        search(qtbot, filled, text)
        shown = [filled.list_pane.model.index(r, Column.TITLE).data() for r in range(4)]
        sort = ["--sort", "first_seen", "--reverse"]
        args = ["--library", str(library_path), "list", "--json", *sort, "--", "is:unread", text]
        assert main(args) == 0
        listed = [paper["title"] for paper in json.loads(capsys.readouterr().out)]
        assert [title for title in shown if title] == listed and listed


# --- saved searches ----------------------------------------------------------------------------


def test_a_search_saved_appears_in_the_sidebar_with_its_count(
    qtbot: QtBot, filled: MainWindow, library: Library
) -> None:
    search(qtbot, filled, "video")
    answer(filled, "Videos")
    filled.search_box.save_button.click()
    settle(qtbot, filled)

    assert sidebar_count(filled, "Videos") == "2"
    assert filled.sidebar.current_key().startswith("saved:")  # selected, the box emptied
    assert filled.search_box.field.text() == ""
    assert titles(filled) == {"Video Diffusion Models", "A Survey of Video"}

    filled.list_pane.select_row(0)
    focus_list(qtbot, filled)
    qtbot.keyClick(filled.list_pane.view, Qt.Key.Key_D)  # its counts follow edits
    qtbot.waitUntil(lambda: sidebar_count(filled, "Read") == "1")
    search(qtbot, filled, "-is:read")
    assert len(row_titles(filled)) == 1  # the box narrows the saved search


def test_saving_combines_the_sidebar_entry_and_asks_before_replacing(
    qtbot: QtBot, filled: MainWindow, library: Library
) -> None:
    from readinglist.library.saved_searches import list_saved_searches

    filled.sidebar.select_key("status:unread")
    settle(qtbot, filled)
    search(qtbot, filled, "robot")
    asked = answer(filled, "Mine", yes=False)
    filled.menu_actions.save_search.trigger()
    settle(qtbot, filled)
    filled.menu_actions.save_search.trigger()  # the same name again: the user says no
    settle(qtbot, filled)

    with library.reading() as connection:
        saved = list_saved_searches(connection)
    assert [(s.name, parse_query(s.query_text)) for s in saved] == [
        ("Mine", parse_query("status:unread robot"))
    ]
    assert any("already a saved search named “Mine”" in question for question in asked)


def test_saved_searches_rename_delete_and_survive_a_restart(
    qtbot: QtBot, filled: MainWindow, library: Library, tmp_path: Path
) -> None:
    search(qtbot, filled, "video")
    answer(filled, "Videos")
    filled.search_box.save_button.click()
    settle(qtbot, filled)
    key = filled.sidebar.current_key()
    search_id = int(key.removeprefix("saved:"))

    answer(filled, "Moving pictures")
    filled.sidebar.rename_requested.emit(search_id, "Videos")  # what its context menu sends
    settle(qtbot, filled)
    assert sidebar_count(filled, "Moving pictures") == "2"
    assert filled.sidebar.current_key() == key

    answer(filled, "video OR robot")  # its query edited: the list follows
    filled.sidebar.edit_requested.emit(search_id, "Moving pictures")
    settle(qtbot, filled)
    assert sidebar_count(filled, "Moving pictures") == "3"
    assert len(row_titles(filled)) == 3
    answer(filled, "video OR (robot")  # malformed: refused, said in the status bar
    filled.sidebar.edit_requested.emit(search_id, "Moving pictures")
    settle(qtbot, filled)
    assert "never closed" in filled.statusBar().currentMessage()
    answer(filled, "video")
    filled.sidebar.edit_requested.emit(search_id, "Moving pictures")
    settle(qtbot, filled)
    filled.close()

    reopened = open_window(qtbot, library, tmp_path / "settings.ini")
    assert sidebar_count(reopened, "Moving pictures") == "2"
    assert reopened.sidebar.current_key() == key  # still selected, and its papers shown
    qtbot.waitUntil(lambda: titles(reopened) == {"Video Diffusion Models", "A Survey of Video"})

    asked = answer(reopened, yes=True)
    reopened.sidebar.delete_requested.emit(search_id, "Moving pictures")
    settle(qtbot, reopened)
    assert asked and "Moving pictures" in asked[0]
    assert reopened.sidebar.current_key() == "all" and len(row_titles(reopened)) == 4
    model = reopened.sidebar.model
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    assert not model.match(
        model.index(0, 0), Qt.ItemDataRole.DisplayRole, "Moving pictures", 1, flags
    )
    reopened.close()


# --- bulk triage -------------------------------------------------------------------------------


def test_many_papers_selected_show_what_can_be_done_to_all(
    qtbot: QtBot, filled: MainWindow
) -> None:
    filled.list_pane.select_row(0)
    assert filled.detail_stack.currentWidget() is filled.detail
    focus_list(qtbot, filled)
    qtbot.keyClick(filled.list_pane.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    assert filled.detail_stack.currentWidget() is filled.selection_panel
    assert filled.selection_panel.count_label.text() == "4 papers selected"
    select_rows(filled, [0])
    assert filled.detail_stack.currentWidget() is filled.detail


def test_a_status_for_many_papers_is_one_undo_step(qtbot: QtBot, filled: MainWindow) -> None:
    model = filled.list_pane.model
    select_rows(filled, [0, 2, 3])
    filled.selection_panel.status_buttons[ReadingStatus.READ].click()

    statuses = [model.index(row, Column.STATUS).data() for row in range(4)]
    assert ["unread" not in s for s in statuses] == [True, False, True, True]
    qtbot.waitUntil(lambda: sidebar_count(filled, "Read") == "3")
    assert filled.triage.undo_action.text().replace("&", "") == "Undo Mark 3 papers as read"

    filled.triage.undo_action.trigger()
    assert all("unread" in model.index(row, Column.STATUS).data() for row in range(4))
    qtbot.waitUntil(lambda: sidebar_count(filled, "Read") == "")
    filled.triage.redo_action.trigger()
    qtbot.waitUntil(lambda: sidebar_count(filled, "Read") == "3")


def test_star_and_tags_for_many_papers_undo_as_one_step_each(
    qtbot: QtBot, filled: MainWindow
) -> None:
    model = filled.list_pane.model
    filled.list_pane.select_row(1)
    filled.detail.tags_edit.setText("keep")
    filled.detail.tags_edit.editingFinished.emit()  # one paper tagged already
    select_rows(filled, [0, 1, 2])
    panel = filled.selection_panel

    panel.star_button.click()
    panel.tag_edit.setText("  to   read ")
    panel.add_tag_button.click()
    assert [model.index(r, Column.STAR).data() for r in range(4)] == ["★", "★", "★", ""]
    assert [model.index(r, Column.TAGS).data() for r in range(4)] == [
        "to read",
        "keep, to read",
        "to read",
        "",
    ]
    qtbot.waitUntil(lambda: sidebar_count(filled, "to read") == "3")

    panel.tag_edit.setText("keep")
    panel.remove_tag_button.click()
    assert model.index(1, Column.TAGS).data() == "to read"
    filled.triage.undo_action.trigger()  # the removal, as one step
    assert model.index(1, Column.TAGS).data() == "keep, to read"
    filled.triage.undo_action.trigger()  # the tag added to three papers
    assert [model.index(r, Column.TAGS).data() for r in range(4)] == ["", "keep", "", ""]
    filled.triage.undo_action.trigger()  # the stars
    assert [model.index(r, Column.STAR).data() for r in range(4)] == ["", "", "", ""]
    qtbot.waitUntil(lambda: sidebar_count(filled, "Starred") == "")


# --- export ------------------------------------------------------------------------------------


def export_to(window: MainWindow, path: Path, choice: ExportChoice) -> list[tuple[int, int]]:
    """Answer the export questions; returns the (selected, listed) counts the dialog got."""
    offered: list[tuple[int, int]] = []

    def choose(selected: int, listed: int, last: ExportFormat, _: ExportScope) -> ExportChoice:
        offered.append((selected, listed))
        return choice

    assert window.exports is not None
    window.exports.questions = ExportQuestions(choose, lambda _: path)
    return offered


def test_export_the_selection_as_csv(qtbot: QtBot, filled: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    offered = export_to(filled, target, ExportChoice(ExportFormat.CSV, ExportScope.SELECTION))
    select_rows(filled, [1, 3])
    assert filled.exports is not None
    with qtbot.waitSignal(filled.exports.finished, timeout=10_000) as done:
        filled.selection_panel.export_button.click()

    assert offered == [(2, 4)]
    assert done.args == [f"Exported 2 papers to {target}"]
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["title"] for row in rows] == row_titles(filled)[1::2]


def test_export_the_listed_papers_as_json_in_the_lists_order(
    qtbot: QtBot, filled: MainWindow, tmp_path: Path
) -> None:
    search(qtbot, filled, "video OR robot")
    filled.list_pane.view.horizontalHeader().setSortIndicator(
        Column.TITLE, Qt.SortOrder.AscendingOrder
    )
    settle(qtbot, filled)
    target = tmp_path / "out.json"
    export_to(filled, target, ExportChoice(ExportFormat.JSON, ExportScope.LIST))
    assert filled.exports is not None
    with qtbot.waitSignal(filled.exports.finished, timeout=10_000):
        filled.menu_actions.export.trigger()

    exported = json.loads(target.read_text(encoding="utf-8"))
    assert [paper["title"] for paper in exported] == row_titles(filled)
    assert row_titles(filled) == ["A Survey of Video", "Robot Hands", "Video Diffusion Models"]


def test_an_export_that_cannot_be_written_says_so(
    qtbot: QtBot, filled: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "out.bib"
    export_to(filled, target, ExportChoice(ExportFormat.BIBTEX, ExportScope.LIST))
    assert filled.exports is not None
    with qtbot.waitSignal(filled.exports.finished, timeout=10_000) as done:
        filled.menu_actions.export.trigger()
    assert str(done.args[0]).startswith(f"Could not write {target}")
    assert not target.parent.exists()


def test_the_export_dialog_offers_the_selection_only_when_there_is_one(qtbot: QtBot) -> None:
    dialog = ExportDialog(0, 12, ExportFormat.MARKDOWN)
    qtbot.addWidget(dialog)
    assert not dialog.selection_choice.isEnabled() and dialog.list_choice.isChecked()
    assert dialog.list_choice.text() == "The 12 papers in the list"
    assert dialog.choice() == ExportChoice(ExportFormat.MARKDOWN, ExportScope.LIST)

    dialog = ExportDialog(0, 0)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert not buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    dialog = ExportDialog(3, 12)
    qtbot.addWidget(dialog)
    assert dialog.selection_choice.isChecked()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    assert dialog.choice() == ExportChoice(ExportFormat.CSV, ExportScope.SELECTION)


def test_large_edits_are_written_in_order_off_the_gui_thread(
    qtbot: QtBot, filled: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readinglist.library import papers as store
    from readinglist.ui.data import edits

    monkeypatch.setattr(edits, "SYNC_LIMIT", 0)  # every edit counts as large
    assert filled.service is not None
    runner = filled.service.edits
    saving: list[str] = []
    runner.busy_changed.connect(saving.append)
    select_rows(filled, [0, 1, 2, 3])
    panel = filled.selection_panel

    panel.tag_edit.setText("bulk")
    panel.add_tag_button.click()
    panel.status_buttons[ReadingStatus.QUEUED].click()
    filled.triage.undo_action.trigger()  # the status, queued behind the tag
    filled.triage.undo_action.trigger()  # the tag
    filled.triage.redo_action.trigger()  # the tag again
    assert runner.is_busy()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)
    settle(qtbot, filled)

    assert saving[0] == "Saving changes to 4 papers…" and saving[-1] == ""
    model = filled.list_pane.model
    assert [model.index(r, Column.TAGS).data() for r in range(4)] == ["bulk"] * 4
    assert all("unread" in model.index(r, Column.STATUS).data() for r in range(4))
    assert sidebar_count(filled, "bulk") == "4" and sidebar_count(filled, "Queued") == ""

    panel.status_buttons[ReadingStatus.READ].click()
    filled.close()  # at once: the queued edit is still written
    with library.reading() as connection:
        assert store.find_paper_ids(connection, parse_query("status:read")) != []
        assert len(store.find_paper_ids(connection, parse_query("is:read"))) == 4


def test_the_header_does_not_see_the_selection(qtbot: QtBot, filled: MainWindow) -> None:
    """Qt's header asks, for each column, whether every row is selected: one model call per
    row, through Python (10 s of frozen window with 200,000 rows selected). So the header
    gets a selection model of its own, which stays empty."""
    view = filled.list_pane.view
    view.selectAll()
    header = view.horizontalHeader()
    assert len(filled.list_pane.selected_ids()) == 4
    assert header.selectionModel() is not view.selectionModel()
    assert not header.selectionModel().hasSelection()
    header.grab()  # and it paints
    filled.list_pane.view.horizontalHeader().setSortIndicator(
        Column.TITLE, Qt.SortOrder.AscendingOrder
    )
    settle(qtbot, filled)
    assert row_titles(filled)[0] == "A Survey of Video"  # sorting still works


def test_edits_made_while_an_import_writes_wait_off_the_gui_thread(
    qtbot: QtBot, filled: MainWindow
) -> None:
    assert filled.service is not None and filled.imports is not None
    runner = filled.service.edits
    filled.imports.started.emit()  # as when an import begins
    filled.list_pane.select_row(0)
    focus_list(qtbot, filled)
    qtbot.keyClick(filled.list_pane.view, Qt.Key.Key_S)
    assert runner.is_busy()  # queued behind the import's write lock, not waited for here
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)
    assert filled.list_pane.model.index(0, Column.STAR).data() == "★"


@dataclass
class SlowEdit:
    changes_lists: ClassVar[bool] = False
    ids: list[int]

    def apply(self, *_: object) -> None:
        time.sleep(0.5)

    def revert(self, *_: object) -> None:
        time.sleep(0.5)


def test_a_note_emptied_while_its_first_save_is_queued_is_saved_empty(
    qtbot: QtBot, filled: MainWindow, library: Library
) -> None:
    from readinglist.library import papers as store

    assert filled.service is not None
    paper_id = filled.list_pane.model.id_at(0)
    assert paper_id is not None
    filled.list_pane.select_row(0)
    shown: list[str] = []
    filled.service.papers_changed.connect(  # after the window has shown the change
        lambda _: shown.append(filled.detail.note_edit.toPlainText())
    )
    filled.service.edits.set_others_writing(True)  # an import holds the lock: edits queue
    filled.triage.set_note(paper_id, "typed")
    filled.service.edits.run(SlowEdit([paper_id]))  # a slow edit between
    filled.triage.set_tags(paper_id, ["x"])  # so that the next note is its own undo step
    filled.triage.set_note(paper_id, "")  # before the first reached the library
    qtbot.waitUntil(lambda: not filled.service.edits.is_busy(), timeout=10_000)  # type: ignore[union-attr]
    filled.service.edits.set_others_writing(False)
    assert "typed" not in shown  # the editor did not jump back to a save still landing
    with library.reading() as connection:
        assert store.load_papers(connection, [paper_id])[0].note == ""


def test_esc_right_after_typing_clears_first_and_leaves_the_focus(
    qtbot: QtBot, filled: MainWindow
) -> None:
    box = filled.search_box
    box.focus()
    qtbot.waitUntil(box.field.hasFocus)
    qtbot.keyClicks(box.field, "robot")
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)  # before the pause ended
    assert box.field.text() == "" and box.field.hasFocus()
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(filled.list_pane.view.hasFocus)


def test_a_second_export_waits_for_the_first(
    qtbot: QtBot, filled: MainWindow, tmp_path: Path
) -> None:
    export_to(filled, tmp_path / "a.json", ExportChoice(ExportFormat.JSON, ExportScope.LIST))
    assert filled.exports is not None
    said: list[str] = []
    filled.exports.finished.connect(said.append)
    filled.menu_actions.export.trigger()
    filled.menu_actions.export.trigger()  # while the first is written
    qtbot.waitUntil(lambda: len(said) == 2, timeout=10_000)
    assert "still being written" in said[0] and said[1].startswith("Exported 4 papers")
