"""A save that fails never looks saved: on a read-only, full or locked library the window
undoes the edit on screen, says why in words, drops it from the undo history, and keeps a
note that could not be saved (asked about before the window closes).

The failures are injected into the library's own connections: `PRAGMA query_only` makes
SQLite refuse every write as it would a read-only file (SQLITE_READONLY; these tests run as
root, which file permissions do not stop), and a cursor hook raises the driver's errors for
a full disk (SQLITE_FULL) or another program's lock (SQLITE_BUSY).
"""

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from readinglist.core.paper import ReadingStatus
from readinglist.library import failures
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.library.papers import find_paper_ids, load_papers, user_states
from readinglist.ui.detail.unsaved_notes import NoteChoice, NoteQuestions, UnsavedNote
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QGuiApplication, Qt
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.gui import focus_list, settle, sidebar_count

IDS = [f"2403.{n:05d}" for n in range(1, 7)]
READ_ONLY, FULL, LOCKED, UNREADABLE = "read-only", "full", "locked", "unreadable"
REASONS = {
    READ_ONLY: failures.READ_ONLY,
    FULL: failures.DISK_FULL,
    LOCKED: failures.LOCKED,
    UNREADABLE: failures.IO_ERROR,
}
_INJECTED = {
    FULL: (sqlite3.SQLITE_FULL, "database or disk is full"),
    LOCKED: (sqlite3.SQLITE_BUSY, "database is locked"),
    UNREADABLE: (sqlite3.SQLITE_IOERR, "disk I/O error"),
}


@dataclass
class Faults:
    """Makes the library refuse writes, the way a read-only file, a full disk or another
    program's lock would."""

    library: Library
    kind: str | None = None

    def refuse(self, kind: str) -> None:
        self.kind = kind

    def allow(self) -> None:
        self.kind = None

    def on_checkout(self, dbapi: sqlite3.Connection, *_: object) -> None:
        dbapi.execute(f"PRAGMA query_only = {int(self.kind == READ_ONLY)}")

    def before_execute(self, _: object, __: object, statement: str, *___: object) -> None:
        verb = statement.lstrip().upper()
        writes = verb.startswith(("INSERT", "UPDATE", "DELETE"))
        if (writes or self.kind == UNREADABLE) and self.kind in _INJECTED:
            code, message = _INJECTED[self.kind]
            error = sqlite3.OperationalError(message)
            error.sqlite_errorcode, error.sqlite_errorname = code, f"SQLITE_{self.kind}"
            raise error


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    import_paths(library, [digests.write("d.md", "2024-03-01", entries(*IDS))])
    return library


@pytest.fixture
def faults(library: Library) -> Iterator[Faults]:
    injected = Faults(library)
    event.listen(library.engine, "checkout", injected.on_checkout)
    event.listen(library.engine, "before_cursor_execute", injected.before_execute)
    yield injected
    injected.allow()


def starred_in_library(library: Library) -> list[bool]:
    with library.reading() as connection:
        states = user_states(connection, find_paper_ids(connection))
    return [state.starred for state in states.values()]


def note_in_library(library: Library, paper_id: int) -> str:
    with library.reading() as connection:
        return load_papers(connection, [paper_id])[0].note


def message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def assert_said_why(window: MainWindow, library: Library, kind: str) -> None:
    """In words, naming the file: not the driver's message with its SQL and parameters."""
    assert message(window) == f"Could not save: {REASONS[kind]} ({library.path})"


# --- an edit that is not saved is undone on screen ----------------------------------------


@pytest.mark.parametrize("kind", [READ_ONLY, FULL, LOCKED])
def test_a_star_that_is_not_saved_is_undone_on_screen(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults, kind: str
) -> None:
    window.list_pane.select_row(0)
    faults.refuse(kind)

    window.detail.star_button.click()

    assert starred_in_library(library) == [False] * 6
    assert not window.detail.star_button.isChecked()
    assert window.list_pane.model.index(0, Column.STAR).data() == ""
    assert_said_why(window, library, kind)
    qtbot.waitUntil(lambda: window.triage.undo_stack.count() == 0)
    assert not window.triage.undo_action.isEnabled()


def test_keys_that_are_not_saved_leave_the_list_and_counts_as_the_library_is(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults
) -> None:
    window.menu_actions.advance.setChecked(False)
    window.list_pane.select_row(0)
    focus_list(qtbot, window)
    faults.refuse(READ_ONLY)

    for key in (Qt.Key.Key_S, Qt.Key.Key_D, Qt.Key.Key_Q):
        qtbot.keyClick(window.list_pane.view, key)
    settle(qtbot, window)

    model = window.list_pane.model
    assert model.index(0, Column.STAR).data() == ""
    assert "unread" in model.index(0, Column.STATUS).data()
    assert window.detail.status_box.currentData() == ReadingStatus.UNREAD.value
    assert (sidebar_count(window, "Unread"), sidebar_count(window, "Read")) == ("6", "")
    assert window.triage.undo_stack.count() == 0


def test_a_bulk_edit_that_fails_on_the_writer_thread_is_undone_on_screen(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults
) -> None:
    assert window.service is not None
    window.service.edits.set_others_writing(True)  # as during an import: the writer thread
    focus_list(qtbot, window)
    window.list_pane.view.selectAll()
    faults.refuse(FULL)

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not window.service.edits.is_busy(), timeout=10_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.triage.undo_stack.count() == 0)

    assert starred_in_library(library) == [False] * 6
    assert [window.list_pane.model.index(r, Column.STAR).data() for r in range(6)] == [""] * 6
    assert_said_why(window, library, FULL)


def test_an_undo_that_is_not_saved_leaves_the_edit_done_and_undoable(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults
) -> None:
    window.list_pane.select_row(0)
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_S)
    assert starred_in_library(library)[0]
    faults.refuse(LOCKED)

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: window.triage.undo_stack.index() == 1)
    assert starred_in_library(library)[0]
    assert window.detail.star_button.isChecked()
    assert_said_why(window, library, LOCKED)
    faults.allow()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert starred_in_library(library) == [False] * 6


# --- a note that is not saved is kept ------------------------------------------------------


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> int:
    """Type `text` as the first paper's note; its id."""
    window.list_pane.select_row(0)
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_N)
    qtbot.waitUntil(window.detail.note_edit.hasFocus)
    qtbot.keyClicks(window.detail.note_edit, text)
    paper_id = window.detail.paper_id()
    assert paper_id is not None
    return paper_id


def test_a_note_that_is_not_saved_stays_in_its_editor(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults
) -> None:
    faults.refuse(READ_ONLY)
    paper_id = type_note(qtbot, window, "secret thoughts")

    window.list_pane.select_row(1)  # leaving the paper saves the note: refused
    assert not window.detail.note_warning.isVisible()
    window.list_pane.select_row(0)

    assert window.detail.note_edit.toPlainText() == "secret thoughts"
    assert window.detail.note_warning.isVisible()
    assert REASONS[READ_ONLY] in window.detail.note_warning.text()
    assert "secret" not in message(window)
    assert note_in_library(library, paper_id) == ""

    faults.allow()
    window.list_pane.select_row(1)  # saved again on leaving it: now it lands
    assert note_in_library(library, paper_id) == "secret thoughts"
    window.list_pane.select_row(0)
    assert not window.detail.note_warning.isVisible()


@dataclass
class Answers:
    """Answers the questions asked at quit, in order, and records them."""

    choices: list[NoteChoice]
    file: Path | None = None
    asked: list[tuple[str, UnsavedNote]] = field(default_factory=list)

    def questions(self) -> NoteQuestions:
        return NoteQuestions(self._choose, lambda _: self.file, lambda text: None)

    def _choose(self, title: str, note: UnsavedNote) -> NoteChoice:
        self.asked.append((title, note))
        return self.choices.pop(0)


def test_closing_asks_about_an_unsaved_note_and_can_save_it_to_a_file(
    qtbot: QtBot, window: MainWindow, faults: Faults, tmp_path: Path
) -> None:
    faults.refuse(FULL)
    type_note(qtbot, window, "keep me")
    answers = Answers([NoteChoice.RETRY, NoteChoice.SAVE_TO_FILE], file=tmp_path / "note.md")
    window.note_questions = answers.questions()

    assert window.close()

    assert [note.text for _, note in answers.asked] == ["keep me", "keep me"]
    assert answers.asked[0][0] == f"Paper {IDS[0]}"
    assert REASONS[FULL] in answers.asked[1][1].why  # tried again, refused again
    assert (tmp_path / "note.md").read_text(encoding="utf-8") == "keep me"


def test_keeping_the_window_open_keeps_the_note_and_a_later_try_saves_it(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults
) -> None:
    faults.refuse(LOCKED)
    paper_id = type_note(qtbot, window, "later")
    answers = Answers([NoteChoice.KEEP_OPEN, NoteChoice.COPY])
    window.note_questions = answers.questions()

    assert not window.close()
    assert window.isVisible() and window.detail.note_edit.toPlainText() == "later"
    assert not window.close()
    assert QGuiApplication.clipboard().text() == "later"

    faults.allow()
    answers.choices = [NoteChoice.RETRY]
    answers.asked.clear()
    assert window.close()
    assert note_in_library(library, paper_id) == "later"
    assert answers.asked == []  # saved as the window closed: nothing to ask


def test_a_discarded_note_is_not_tried_again(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults
) -> None:
    faults.refuse(READ_ONLY)
    paper_id = type_note(qtbot, window, "drop me")
    answers = Answers([NoteChoice.DISCARD])
    window.note_questions = answers.questions()

    assert window.close()
    faults.allow()
    assert len(answers.asked) == 1
    assert note_in_library(library, paper_id) == ""


# --- other reads and writes say why in words too -----------------------------------------------


def test_a_saved_search_that_is_not_saved_says_why(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults
) -> None:
    from readinglist.ui.search.saved_searches import Ask

    assert window.saved_searches is not None
    window.saved_searches.ask = Ask(lambda *_: "mine", lambda *_: True)
    faults.refuse(READ_ONLY)

    window.saved_searches.save("tag:x", "All papers")

    assert_said_why(window, library, READ_ONLY)


def test_a_read_that_fails_says_why_without_the_query(
    qtbot: QtBot, window: MainWindow, library: Library, faults: Faults
) -> None:
    faults.refuse(UNREADABLE)

    window.search_box.set_text('"private words"')
    settle(qtbot, window)

    said = message(window)
    assert said == f"Could not read the library: {REASONS[UNREADABLE]} ({library.path})"
