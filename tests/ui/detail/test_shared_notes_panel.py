"""The detail pane's shared notes without a server: the tab shows on a shared library only,
typing saves once when it stops (not per keystroke), another member's note is shown, not
edited, and a save that failed is kept in the editor."""

import dataclasses
import datetime as dt

from pytestqt.qtbot import QtBot

from readinglist.core.paper import SharedNote
from readinglist.ui.detail.pane import NOTE_SAVE_DELAY_MS, DetailPane
from readinglist.ui.detail.shared_notes import EDIT_NOTE
from readinglist.ui.qt import QUrl
from tests.helpers.papers import paper

WHEN = dt.datetime(2026, 12, 6, 3, 0, tzinfo=dt.UTC)


def test_the_shared_tab_is_a_shared_librarys_only(qtbot: QtBot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    assert pane.note_tabs.indexOf(pane.shared_notes) == -1

    pane.show_shared_notes()

    assert pane.note_tabs.indexOf(pane.shared_notes) == 2


def test_typing_is_saved_once_when_it_stops_and_others_notes_are_not_edited(
    qtbot: QtBot,
) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_shared_notes()
    theirs = SharedNote(7, "bob", "**Bob** read it", WHEN, 1, mine=False)
    pane.show_paper(dataclasses.replace(paper(), shared_notes=(theirs,)))
    panel = pane.shared_notes
    saves: list[tuple[int, str, object]] = []
    pane.shared_note_edited.connect(lambda *save: saves.append(save))

    qtbot.keyClicks(panel.editor, "mine")
    qtbot.waitUntil(lambda: bool(saves), timeout=NOTE_SAVE_DELAY_MS * 5)

    assert saves == [(1, "mine", None)]
    assert not panel.save_timer.isActive()  # nothing more will come of the same typing
    assert "Bob read it" in panel.others_view.toPlainText()
    assert panel.editor.toPlainText() == "mine"  # bob's note is not in the editor
    tabs = pane.note_tabs
    assert tabs.tabText(tabs.indexOf(panel)) == "Shared (1)"


def test_a_failed_save_stays_in_the_editor(qtbot: QtBot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_shared_notes()
    pane.show_paper(paper())
    panel = pane.shared_notes

    panel.keep_unsaved(1, "not saved")
    pane.show_paper(paper())  # the library's paper, read again: nothing there yet

    assert panel.editor.toPlainText() == "not saved"
    assert not panel.warning.isHidden()


def test_a_note_kept_from_a_conflict_can_be_edited_instead(qtbot: QtBot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_shared_notes()
    older = SharedNote(2, "alice", "from the laptop", WHEN, 2, mine=True)
    newer = SharedNote(3, "alice", "from the desktop", WHEN + dt.timedelta(minutes=1), 1, True)
    pane.show_paper(dataclasses.replace(paper(), shared_notes=(older, newer)))
    panel = pane.shared_notes
    assert panel.editor.toPlainText() == "from the desktop"  # the newest
    assert not panel.warning.isHidden()  # and the other is said to be there
    saves: list[tuple[int, str, object]] = []
    pane.shared_note_edited.connect(lambda *save: saves.append(save))

    panel.others_view.anchorClicked.emit(QUrl(f"{EDIT_NOTE}2"))
    panel.editor.setPlainText("")  # emptied: removed once saved
    pane.flush_note()

    assert saves == [(1, "", older)]
    assert "from the desktop" in panel.others_view.toPlainText()
