"""The detail pane's shared notes, on a shared library only (a library file has one
person): the other members' notes on the paper (author, when, Markdown rendered) and the
user's own shared note, in an editor of its own beside the private note.

Why an editor of its own rather than "share this note": Zotero's group libraries keep a
note where it was written (a note in a group library is the group's, one in My Library
is private) and Readwise's notes are private until exported; neither turns a private
note public by a switch. Two places, each saying who reads it, cannot leak a private
thought by one click.

The own note saves as the private one does: once typing has stopped for the pane's save
delay, when the paper is left, and on Esc (`edited` carries the paper, the text and the
stored note it started from, for the library's version check). A save that failed is
kept in the editor and saved again when the paper is left (`keep_unsaved`). After a
conflicting save (the same person's other machine) the user has two notes: the newest
is in the editor, the other is shown with the others', with a link to edit it instead.
"""

import html
from typing import TYPE_CHECKING

from readinglist.core.render import clip, markdown_to_html
from readinglist.ui.i18n import local_time_text, tr
from readinglist.ui.qt import (
    QLabel,
    QPlainTextEdit,
    QSplitter,
    Qt,
    QTextBrowser,
    QTimer,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from readinglist.core.paper import Paper, SharedNote

EDIT_NOTE = "readinglist:edit-shared-note/"  # a link's target: the note's id follows
_LINES = 100  # pixels: the splitter's parts start in these proportions


class SharedNotesPanel(QWidget):
    edited = Signal(int, str, object)  # the paper's id, my note's text, the SharedNote or None
    count_changed = Signal(int)  # how many notes others (and my other notes) show

    def __init__(self, save_delay_ms: int, shown: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = shown  # characters of one note rendered (as the private note's)
        self._paper: Paper | None = None
        self._base: SharedNote | None = None  # the note of mine in the editor, as read
        self._chosen: int | None = None  # the note of mine the user asked to edit
        self._dirty = False
        self._unsaved: dict[int, str] = {}
        self._build()
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(save_delay_ms)
        self.save_timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._on_typed)
        self.others_view.anchorClicked.connect(self._on_anchor)

    def _build(self) -> None:
        self.others_view = QTextBrowser(self)
        self.others_view.setObjectName("sharedNotes")
        self.others_view.setOpenLinks(False)
        self.others_view.setTabChangesFocus(True)
        self.mine_label = QLabel(tr("Your shared note (everyone reads it, only you change it):"))
        self.mine_label.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e")
        self.warning.hide()
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("sharedNoteEditor")
        self.editor.setPlaceholderText(tr("A note for everyone in this library, in Markdown"))
        self.editor.setTabChangesFocus(True)
        mine = QWidget(self)
        mine_layout = QVBoxLayout(mine)
        mine_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.mine_label, self.warning):
            mine_layout.addWidget(widget)
        mine_layout.addWidget(self.editor, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.others_view)
        splitter.addWidget(mine)
        splitter.setStretchFactor(0, 3)  # others' notes are read more than mine is typed
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([3 * _LINES, 2 * _LINES])  # scaled to the room there is when shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # --- showing ---------------------------------------------------------------------------

    def show_paper(self, paper: "Paper | None") -> None:
        """Show `paper`'s shared notes; the same paper again (another member's change, or
        my save written) keeps what is being typed."""
        same = paper is not None and self._paper is not None and paper.id == self._paper.id
        if not same:
            self.flush()
            self._chosen = None
        self._paper = paper
        mine = paper.my_shared_notes if paper is not None else ()
        editing = _chosen_note(mine, self._chosen)
        if not (same and self._dirty):
            self._base = editing
            unsaved = self._unsaved.get(paper.id) if paper is not None else None
            self._set_text(unsaved if unsaved is not None else editing.text if editing else "")
            self._dirty = unsaved is not None
        # Typing on: the base stays as read. The next save follows the one before it
        # (triage chains them), so a change from elsewhere is still told from my own.
        self._show_others(paper, editing)

    def _show_others(self, paper: "Paper | None", editing: "SharedNote | None") -> None:
        notes = [n for n in (paper.shared_notes if paper else ()) if n is not editing]
        mine_too = [note for note in notes if note.mine]
        self.warning.setVisible(bool(mine_too) or self._unsaved_here())
        if self._unsaved_here():
            self.warning.setText(
                tr(
                    "Your shared note is not saved yet: it is saved again when you leave "
                    "this paper."
                )
            )
        elif mine_too:
            self.warning.setText(
                tr(
                    "Another computer of yours changed your shared note at the same time: "
                    "its text is kept too, above (Edit this one)."
                )
            )
        if not notes:
            empty = tr("No one else has shared a note on this paper.")
            self.others_view.setHtml(f"<p><i>{html.escape(empty)}</i></p>")
        else:
            self.others_view.setHtml("".join(self._note_html(note) for note in notes))
        self.count_changed.emit(len(notes))

    def _note_html(self, note: "SharedNote") -> str:
        who = tr("You") if note.mine else note.author
        heading = f"<b>{html.escape(who)}</b> · {html.escape(local_time_text(note.changed_at))}"
        if note.mine:
            link = html.escape(tr("Edit this one"))
            heading += f' · <a href="{EDIT_NOTE}{note.id}">{link}</a>'
        return f"<p>{heading}</p>{markdown_to_html(clip(note.text, self._shown))}<hr/>"

    def _set_text(self, text: str) -> None:
        if self.editor.toPlainText() != text:
            self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(False)

    def _unsaved_here(self) -> bool:
        return self._paper is not None and self._paper.id in self._unsaved

    # --- editing ---------------------------------------------------------------------------

    def flush(self) -> None:
        """Save the note being typed now, rather than when the timer fires."""
        self.save_timer.stop()
        if not self._dirty or self._paper is None:
            return
        self._dirty = False
        self._unsaved.pop(self._paper.id, None)  # a failure puts it back
        text = self.editor.toPlainText()
        if text != (self._base.text if self._base else ""):
            self.edited.emit(self._paper.id, text, self._base)

    def keep_unsaved(self, paper_id: int, text: str) -> None:
        """A save that failed: kept in the editor, saved again when the paper is left."""
        self._unsaved[paper_id] = text
        if self._paper is not None and self._paper.id == paper_id:
            if not self._dirty:
                self._set_text(text)
            self._dirty = True
            self._show_others(self._paper, _chosen_note(self._paper.my_shared_notes, self._chosen))

    def _on_typed(self) -> None:
        self._dirty = True
        self.save_timer.start()

    def _on_anchor(self, url: QUrl) -> None:
        """ "Edit this one": another note of mine goes into the editor (the one there is
        saved first)."""
        target = url.toString()
        if target.startswith(EDIT_NOTE) and target.removeprefix(EDIT_NOTE).isdigit():
            self.flush()
            self._chosen = int(target.removeprefix(EDIT_NOTE))
            self._dirty = False
            self.show_paper(self._paper)


def _chosen_note(mine: "tuple[SharedNote, ...]", chosen: int | None) -> "SharedNote | None":
    """The note of mine in the editor: the one chosen, else the newest."""
    for note in mine:
        if note.id == chosen:
            return note
    return max(mine, key=lambda note: (note.changed_at, note.id), default=None)
