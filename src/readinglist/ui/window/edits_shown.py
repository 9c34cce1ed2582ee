"""What the window does when the library tells it papers changed: an edit written, papers
moved into or out of the trash, or an edit that could not be written (undone on screen)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from readinglist.ui.detail.unsaved_notes import UnsavedNote

if TYPE_CHECKING:
    from readinglist.ui.data.edits import Failure
    from readinglist.ui.data.queries import SidebarCounter
    from readinglist.ui.detail.pane import DetailPane
    from readinglist.ui.list.pane import PaperListPane
    from readinglist.ui.window.browsing import Browsing
    from readinglist.ui.window.shown_paper import ShownPaper
    from readinglist.ui.window.status_messages import StatusMessages


@dataclass(frozen=True)
class EditsShown:
    list_pane: "PaperListPane"
    shown: "ShownPaper"
    counter: "SidebarCounter"
    browsing: "Browsing"
    detail: "DetailPane"
    status: "StatusMessages"

    def refresh(self, ids: list[int]) -> None:
        """Papers changed, or an edit of them failed: their rows, the paper shown, the counts."""
        self.list_pane.refresh(ids)
        self.shown.refresh(ids)
        self.counter.recount(ids)

    def reload_lists(self, ids: list[int]) -> None:
        """Papers went into or out of the trash: the list and every count read again."""
        self.browsing.reload()
        self.shown.refresh(ids)
        self.counter.recount_all()

    def undo_failed_edit(self, failure: "Failure") -> None:
        """An edit that was not written is undone on screen: the list's rows, the detail
        pane's controls and the counts show the library as it is. A note is kept."""
        from readinglist.library.user_edits import NoteEdit, SharedNoteEdit

        edit = failure.edit
        if isinstance(edit, NoteEdit) and not failure.undoing:
            self.detail.keep_unsaved_note(UnsavedNote(edit.paper_id, edit.note, failure.why))
        if isinstance(edit, SharedNoteEdit) and not failure.undoing:
            self.detail.shared_notes.keep_unsaved(edit.paper_id, edit.text)
        (self.reload_lists if edit.changes_lists else self.refresh)(edit.ids)
        self.status.save_failed(failure.why)
