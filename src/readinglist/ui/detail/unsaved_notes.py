"""Notes that could not be saved (a read-only library, a full disk): never dropped.

The detail pane keeps such a note in its editor, marked as not saved, and tries again when
the user leaves the paper. Before the window closes, each one left is asked about: try
again, save it to a file, copy it (the window stays open to paste it somewhere), let it go,
or keep the window open. The questions go through `NoteQuestions`, so tests answer them
without dialogs.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum, auto
from pathlib import Path
from typing import Protocol

from readinglist.ui.file_dialogs import FileDialogs
from readinglist.ui.i18n import tr
from readinglist.ui.qt import QGuiApplication, QMessageBox, QSettings, QWidget


@dataclass(frozen=True)
class UnsavedNote:
    paper_id: int
    text: str
    why: str  # the reason, for "Could not save: …"


class NoteChoice(Enum):
    RETRY = auto()
    SAVE_TO_FILE = auto()
    COPY = auto()  # and keep the window open
    DISCARD = auto()
    KEEP_OPEN = auto()


@dataclass
class NoteQuestions:
    """`choose(paper title, note)` → what to do; `file_for(suggested name)` → a path or
    None; `tell(message)` when a file could not be written."""

    choose: Callable[[str, UnsavedNote], NoteChoice]
    file_for: Callable[[str], Path | None]
    tell: Callable[[str], None]


def dialogs(parent: QWidget, settings: QSettings) -> NoteQuestions:
    files = FileDialogs(parent, settings)

    def choose(title: str, note: UnsavedNote) -> NoteChoice:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Note not saved"), "", parent=parent)
        box.setText(
            tr("Your note on “{title}” could not be saved: {why}.").format(
                title=title, why=note.why
            )
        )
        box.setInformativeText(
            tr("Copy puts it on the clipboard and keeps the window open, to paste it elsewhere.")
        )
        box.setDetailedText(note.text)
        role = QMessageBox.ButtonRole
        choices = [
            (box.addButton(tr("Try Again"), role.AcceptRole), NoteChoice.RETRY),
            (box.addButton(tr("Save to File…"), role.ActionRole), NoteChoice.SAVE_TO_FILE),
            (box.addButton(tr("Copy"), role.ActionRole), NoteChoice.COPY),
            (box.addButton(tr("Discard"), role.DestructiveRole), NoteChoice.DISCARD),
        ]
        box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        clicked = box.clickedButton()
        return next((c for button, c in choices if button is clicked), NoteChoice.KEEP_OPEN)

    def file_for(suggested: str) -> Path | None:
        return files.save_file(tr("Save the note"), suggested, tr("Markdown (*.md);;All files (*)"))

    def tell(message: str) -> None:
        QMessageBox.warning(parent, tr("Note not saved"), message)

    return NoteQuestions(choose, file_for, tell)


class NoteRescue:
    """Asks about each unsaved note until it is saved, written to a file or let go."""

    def __init__(
        self,
        questions: NoteQuestions,
        title_of: Callable[[int], str],
        save_again: Callable[[UnsavedNote], str | None],
    ) -> None:
        """`save_again(note)`: None once saved, else why not."""
        self._questions = questions
        self._title_of = title_of
        self._save_again = save_again

    def settle(self, notes: list[UnsavedNote]) -> list[int] | None:
        """The papers whose notes the user let go, or None to keep the window open."""
        let_go: list[int] = []
        for note in notes:
            outcome = self._settle_one(note)
            if outcome is None:
                return None
            if outcome:
                let_go.append(note.paper_id)
        return let_go

    def _settle_one(self, note: UnsavedNote) -> bool | None:
        """True: let go (written to a file, or discarded); False: saved; None: stay open."""
        while True:
            choice = self._questions.choose(self._title_of(note.paper_id), note)
            if choice is NoteChoice.RETRY:
                why = self._save_again(note)
                if why is None:
                    return False
                note = replace(note, why=why)
            elif choice is NoteChoice.SAVE_TO_FILE:
                if self._write_to_file(note):
                    return True
            elif choice is NoteChoice.COPY:
                QGuiApplication.clipboard().setText(note.text)
                return None
            else:
                return True if choice is NoteChoice.DISCARD else None

    def _write_to_file(self, note: UnsavedNote) -> bool:
        path = self._questions.file_for(tr("note.md"))
        if path is None:
            return False
        try:
            path.write_text(note.text, encoding="utf-8")
        except OSError as error:
            self._questions.tell(
                tr("Could not write {file}: {why}").format(file=path, why=error.strerror)
            )
            return False
        return True


class HoldsNotes(Protocol):
    """What keeps unsaved notes (the detail pane)."""

    def unsaved_notes(self) -> list[UnsavedNote]: ...

    def let_go_of_note(self, paper_id: int) -> None: ...


def settle_unsaved_notes(
    holder: HoldsNotes,
    questions: NoteQuestions | None,
    title_of: Callable[[int], str],
    save_again: Callable[[UnsavedNote], str | None],
) -> bool:
    """Ask about every note `holder` could not save; False when the user keeps the window
    open (or no one can be asked)."""
    notes = holder.unsaved_notes()
    if not notes:
        return True
    if questions is None:
        return False
    let_go = NoteRescue(questions, title_of, save_again).settle(notes)
    for paper_id in let_go or []:
        holder.let_go_of_note(paper_id)
    return let_go is not None
