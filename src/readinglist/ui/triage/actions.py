"""Triage: the keyboard actions on papers (star, status, tags, note, copy, open), the edits
undoable.

The actions live here, not in the window: the window only puts them in menus, and in the
list's context menu. Copying and opening are asked for here (`copy_requested`,
`open_requested`) and done by `copy_open.CopyOpen`.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from readinglist.core.arxiv import PaperPage
from readinglist.core.copy_formats import CopyFormat
from readinglist.core.paper import ReadingStatus
from readinglist.ui.i18n import QT_TR_NOOP, count_papers, tr, tr_message
from readinglist.ui.qt import (
    QAction,
    QEvent,
    QKeyEvent,
    QKeySequence,
    QLineEdit,
    QMenu,
    QMessageBox,
    QObject,
    QPlainTextEdit,
    Qt,
    QUndoStack,
    QWidget,
    Signal,
)
from readinglist.ui.triage.commands import (
    EditCommand,
    NoteCommand,
    SharedNoteCommand,
    ToggleStarCommand,
    add_tag_command,
    remove_tag_command,
    rename_tag_command,
    skip_rest_command,
    snooze_command,
    star_command,
    status_command,
    tags_command,
    trash_command,
)

if TYPE_CHECKING:
    from readinglist.core.paper import SharedNote
    from readinglist.core.query import Query
    from readinglist.library.user_edits import Edit
    from readinglist.ui.data.edits import Failure
    from readinglist.ui.data.service import LibraryService


MARK_OTHERS = (ReadingStatus.READ, ReadingStatus.SKIPPED)  # what Mark Others offers
KEPT_WHEN_SHARED = QT_TR_NOOP(
    "A shared library keeps every member's papers: the Trash hides them from you alone."
)


def platform_keys(standard: QKeySequence.StandardKey, *also: str) -> list[QKeySequence]:
    """The platform's keys for `standard`, then `also`, each once: an action given one key
    twice is "ambiguous" to Qt and never fires (Redo is Ctrl+Shift+Z on Linux desktops)."""
    keys = [*QKeySequence.keyBindings(standard), *(QKeySequence(key) for key in also)]
    return list({key.toString(): key for key in keys}.values())


@dataclass(frozen=True)
class Selection:
    """How triage reads the list's state: plain ids, never indexes. Edits act on `shown`,
    the papers the detail pane shows."""

    shown: Callable[[], list[int]]
    step: Callable[[int], None]
    around: Callable[[], tuple[list[int], list[int]]]  # above and below the current paper


class Triage(QObject):
    open_requested = Signal(object)  # a PaperPage, for the papers shown
    copy_requested = Signal(object)  # a CopyFormat, for the papers shown
    tags_requested = Signal()
    note_requested = Signal()
    revisit = Signal(int)  # the paper an undo or redo changed: the list goes back to it
    said = Signal(str)  # what Empty Trash did, for the status bar

    def __init__(self, selection: Selection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service: LibraryService | None = None
        self.undo_stack = QUndoStack(self)
        self._selection = selection
        self.advance_after_status = True  # to the next paper after a status key
        self.next_after_status: Callable[[], None] = partial(selection.step, 1)
        self.snoozable: Callable[[list[int]], list[int]] = lambda ids: []
        self.star_action = self._action(tr("Toggle &Star"), "S", self.toggle_star)
        self.status_actions = {
            status: self._action(
                tr("Mark as {status}").format(status=tr(status.look.label)),
                status.look.key,
                partial(self.set_status, status),
            )
            for status in ReadingStatus
        }
        self.snooze_action = self._action(tr("Snoo&ze for a Week"), "Z", self.snooze)
        self.snooze_action.setToolTip(tr("Not brought back into Today for a week"))
        self.tags_action = self._action(tr("Edit &Tags"), "T", self.tags_requested.emit)
        self.note_action = self._action(tr("Edit &Note"), "N", self.note_requested.emit)
        self.open_actions = {
            page: self._action(
                tr(page.facts.label), page.facts.key, partial(self.open_requested.emit, page)
            )
            for page in PaperPage
        }
        self.open_action = self.open_actions[PaperPage.ARXIV]
        self.open_action.setShortcuts([QKeySequence("O"), QKeySequence(Qt.Key.Key_Return)])
        self.copy_actions = {
            format: self._action(
                tr(format.facts.label), format.facts.key, partial(self.copy_requested.emit, format)
            )
            for format in CopyFormat
        }
        self.trash_action = self._action(tr("&Move to Trash"), "Del", partial(self.trash, True))
        self.trash_action.setShortcuts(platform_keys(QKeySequence.StandardKey.Delete, "Del"))
        self.restore_action = self._action(
            tr("&Restore from Trash"), "Ins", partial(self.trash, False)
        )
        self.set_trash_shown(False)
        self.empty_trash_action = QAction(tr("Empty Tras&h…"), self)
        self.empty_trash_action.triggered.connect(lambda *_: self.empty_trash())
        self.confirm_empty: Callable[[int], bool] = self._confirm_empty  # tests: no dialog
        self.mark_others_menu = self._mark_others_menu()
        self.next_action = self._action(tr("Ne&xt Paper"), "J", partial(selection.step, 1))
        self.previous_action = self._action(tr("&Previous Paper"), "K", partial(selection.step, -1))
        self.undo_action = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcuts(platform_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"))
        self.undo_action.triggered.connect(lambda *_: self._revisit(self.undo_stack.index()))
        self.redo_action.triggered.connect(lambda *_: self._revisit(self.undo_stack.index() - 1))

    def _mark_others_menu(self) -> QMenu:
        """Mark Above as Read, …: the unread papers listed above (or below) the current one,
        as a feed reader's "mark above as read"; one undo step each."""
        menu = QMenu(tr("Mar&k Others"))
        for below, status in itertools.product((False, True), MARK_OTHERS):
            text = tr("Mark Below as {status}") if below else tr("Mark Above as {status}")
            action = menu.addAction(text.format(status=tr(status.look.label)))
            action.triggered.connect(partial(self.mark_others, status, below=below))
        return menu

    def _action(self, text: str, key: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda *_: slot())
        return action

    def paper_actions(self) -> list[QAction]:
        """The single-key actions: active only while the paper list has focus."""
        return [
            self.star_action,
            *self.status_actions.values(),
            self.snooze_action,
            self.tags_action,
            self.note_action,
            *self.open_actions.values(),
            self.trash_action,
            self.restore_action,
            self.next_action,
            self.previous_action,
        ]

    def attach_keys_to(self, widget: QWidget) -> None:
        widget.addActions([*self.paper_actions(), *self.copy_actions.values()])

    def set_trash_shown(self, shown: bool) -> None:
        """In the Trash, papers can be restored; anywhere else, moved there."""
        self.trash_action.setEnabled(not shown)
        self.restore_action.setEnabled(shown)

    def set_advance_after_status(self, advance: bool) -> None:
        self.advance_after_status = advance

    def set_next_after_status(self, step: Callable[[], None] | None) -> None:
        """Where a status key moves on to: `step` (Today's next untriaged paper), or None
        for the next paper."""
        self.next_after_status = step or partial(self._selection.step, 1)

    def attach(self, service: "LibraryService") -> None:
        self.service = service
        if service.library.shared:  # its papers are every member's: the trash only hides
            self.empty_trash_action.setEnabled(False)
            self.empty_trash_action.setToolTip(tr(KEPT_WHEN_SHARED))
        # Queued: an edit that fails as it is pushed or undone is handled once QUndoStack
        # has finished with it.
        service.edits.failed.connect(self._forget_failed, Qt.ConnectionType.QueuedConnection)
        service.edits.written.connect(self._said_written)

    def _forget_failed(self, failure: "Failure") -> None:
        """An edit that was not written leaves the history (Ctrl+Z would undo nothing); one
        whose undo was not written stays done, as it is in the library."""
        position = self._position_of(failure.edit)
        if position is None:  # failed as it was made: QUndoStack never kept it
            return
        command = self.undo_stack.command(position)
        assert isinstance(command, EditCommand)
        if failure.undoing:
            if position == self.undo_stack.index():
                command.stay_done()
                self.undo_stack.redo()
            return
        command.setObsolete(True)  # dropped by QUndoStack when undo or redo reaches it
        if position == self.undo_stack.index() - 1:
            self.undo_stack.undo()  # the newest: dropped now

    def _revisit(self, position: int) -> None:
        """After Ctrl+Z on a status set with `d` (the list moved on to the next paper), the
        paper whose status came back is the one shown. An edit of many papers leaves the
        selection alone."""
        command = self.undo_stack.command(position) if position >= 0 else None
        if isinstance(command, EditCommand) and len(command.edit.ids) == 1:
            self.revisit.emit(command.edit.ids[0])

    def _position_of(self, edit: "Edit") -> int | None:
        for position in range(self.undo_stack.count()):
            command = self.undo_stack.command(position)
            if isinstance(command, EditCommand) and command.edit is edit:
                return position
        return None

    # --- the edits ---------------------------------------------------------------------------

    def _targets(self) -> list[int]:
        return self._selection.shown()

    def toggle_star(self) -> None:
        """Star the selection, or unstar it when all are starred: decided as it is written."""
        ids = self._targets()
        if self.service is not None and ids:
            self.undo_stack.push(ToggleStarCommand(self.service, ids))

    def set_star(self, paper_id: int, starred: bool) -> None:
        if self.service is not None:
            self.undo_stack.push(star_command(self.service, [paper_id], starred))

    def star_selected(self, starred: bool) -> None:
        """Star (or unstar) every selected paper: one undo step."""
        ids = self._targets()
        if self.service is not None and ids:
            self.undo_stack.push(star_command(self.service, ids, starred))

    def add_tag(self, tag: str) -> None:
        """Tag every selected paper: one undo step."""
        ids = self._targets()
        if self.service is not None and ids and tag.strip():
            self.undo_stack.push(add_tag_command(self.service, ids, tag))

    def tag_paper(self, paper_id: int, tag: str) -> None:
        """Tag one paper (a suggested tag the user clicked): one undo step."""
        if self.service is not None and tag.strip():
            self.undo_stack.push(add_tag_command(self.service, [paper_id], tag))

    def remove_tag(self, tag: str) -> None:
        ids = self._targets()
        if self.service is not None and ids and tag.strip():
            self.undo_stack.push(remove_tag_command(self.service, ids, tag))

    def rename_tag(self, old: str, new: str, *, merge: bool = False) -> None:
        """Every paper tagged `old` tagged `new` instead (a merge: `new` exists): one step."""
        new = new.strip()
        # Tags ignore case: a rename by case alone would add nothing, then drop the tag.
        if self.service is None or not new or new.lower() == old.lower():
            return
        service = self.service
        renamed = self._pushed(lambda ids: rename_tag_command(service, ids, old, new, merge=merge))
        service.carrying_tag_in_turn(old, renamed)

    def delete_tag(self, tag: str) -> None:
        """The tag off every paper that has it: one undo step."""
        if (service := self.service) is not None:
            deleted = self._pushed(lambda ids: remove_tag_command(service, ids, tag))
            service.carrying_tag_in_turn(tag, deleted)

    def _pushed(self, command: Callable[[list[int]], EditCommand]) -> Callable[[list[int]], None]:
        """What a command does with its papers, once read: `command(ids)` pushed, unless none."""

        def push(ids: list[int]) -> None:
            if ids:
                self.undo_stack.push(command(ids))

        return push

    def set_status_where(self, query: "Query", status: ReadingStatus) -> None:
        """Every paper `query` matches (a digest's, a month's) given `status`: one step."""
        if self.service is not None:
            self.service.paper_ids_in_turn(query, partial(self.set_status, status))

    def set_status(self, status: ReadingStatus, ids: list[int] | None = None) -> None:
        targets = ids if ids is not None else self._targets()
        if self.service is None or not targets:
            return
        self.undo_stack.push(status_command(self.service, targets, status))
        if ids is None and self.advance_after_status and len(targets) == 1:
            self.next_after_status()

    def mark_others(self, status: ReadingStatus, *, below: bool, **_: object) -> None:
        above_ids, below_ids = self._selection.around()
        ids = below_ids if below else above_ids
        if self.service is not None and ids:
            self.undo_stack.push(status_command(self.service, ids, status, below=below))

    def set_snoozable(self, snoozable: Callable[[list[int]], list[int]]) -> None:
        """Which papers a snooze may send away (those brought back into Today)."""
        self.snoozable = snoozable
        self.refresh_snooze()

    def refresh_snooze(self) -> None:
        """Snooze is offered only for what the detail pane shows that may be snoozed."""
        self.snooze_action.setEnabled(bool(self.snoozable(self._targets())))

    def snooze(self) -> None:
        """Keep the papers brought back into Today that the detail pane shows out of it
        for a while: one undo step."""
        ids = self.snoozable(self._targets())
        if self.service is not None and ids:
            self.undo_stack.push(snooze_command(self.service, ids))

    def skip_rest(self, ids: list[int]) -> None:
        """What is left of Today (`ids`) skipped, or snoozed when brought back: one step."""
        if self.service is not None and ids:
            self.undo_stack.push(skip_rest_command(self.service, ids))

    def trash(self, trashed: bool = True) -> None:
        """Move what the detail pane shows to the trash (or, `trashed` False, out of it)."""
        ids = self._targets()
        if self.service is not None and ids:
            self.undo_stack.push(trash_command(self.service, ids, trashed))

    def empty_trash(self) -> None:
        """Delete the trash's papers for good, once the user says so: not undoable. Written
        in the edit queue, after the edits made before it, off the GUI thread when long."""
        from readinglist.library.user_edits import EmptyTrashEdit

        if self.service is None:
            return
        if self.service.library.shared:
            self.said.emit(tr(KEPT_WHEN_SHARED))
            return
        service = self.service

        def empty(ids: list[int]) -> None:
            if not ids:
                self.said.emit(tr("The Trash is empty."))
            elif self.confirm_empty(len(ids)):
                service.apply(EmptyTrashEdit(ids))

        service.trashed_ids_in_turn(empty)

    def _said_written(self, edit: "Edit") -> None:
        from readinglist.library.user_edits import EmptyTrashEdit, SharedNoteEdit

        if isinstance(edit, SharedNoteEdit) and edit.kept is not None:
            self.said.emit(tr_message(edit.kept.message))  # both texts kept: said so

        if isinstance(edit, EmptyTrashEdit):
            self.said.emit(tr("Deleted {what} for good.").format(what=count_papers(edit.deleted)))
            self._forget_deleted(set(edit.ids))

    def _forget_deleted(self, deleted: set[int]) -> None:
        """Steps whose papers are all deleted for good leave the history once undo or redo
        reaches them (they would change nothing)."""
        for position in range(self.undo_stack.count()):
            command = self.undo_stack.command(position)
            if isinstance(command, EditCommand) and deleted.issuperset(command.edit.ids):
                command.setObsolete(True)

    def _confirm_empty(self, count: int) -> bool:
        """Asked with Cancel the default: Enter keeps the papers."""
        parent = self.parent()
        box = QMessageBox(parent if isinstance(parent, QWidget) else None)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Empty Trash"))
        text = tr("Delete {what} for good? Their notes and tags go too.")
        box.setText(text.format(what=count_papers(count)))
        delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        chosen = box.clickedButton() is delete
        box.deleteLater()  # a child of the window: one per question would stay
        return chosen

    def set_tags(self, paper_id: int, tags: list[str]) -> None:
        if self.service is not None:
            self.undo_stack.push(tags_command(self.service, paper_id, tags))

    def set_note(self, paper_id: int, note: str, *, again: bool = False) -> None:
        """Save the note, unless it is what the library will hold anyway; `again`: save it
        in any case (a save that failed, tried again)."""
        if self.service is not None and (again or self._note_now(paper_id) != note):
            self.undo_stack.push(NoteCommand(self.service, paper_id, note))

    def set_shared_note(self, paper_id: int, text: str, base: "SharedNote | None") -> None:
        """Save my shared note, from `base` (the note the editor showed), or from where the
        save before it left it when that was a save of the same paper's."""
        if self.service is None:
            return
        last = self.undo_stack.command(self.undo_stack.index() - 1)
        follows = None
        if isinstance(last, SharedNoteCommand) and not last.isObsolete():
            follows = last.edit if last.edit.paper_id == paper_id else None
        self.undo_stack.push(SharedNoteCommand.of(self.service, paper_id, text, base, follows))

    def _note_now(self, paper_id: int) -> str | None:
        """The note as the edits made so far leave it; None when that is not known yet (an
        edit still queued may change it: the new one is pushed, harmless if the same), or
        not read here: a shared library's is not read on the window's thread, where a server
        gone away would hold the window."""
        last = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(last, NoteCommand) and last.edit.paper_id == paper_id:
            return None if last.isObsolete() else last.edit.note
        assert self.service is not None
        if self.service.edits.is_busy() or self.service.library.shared:
            return None
        return self.service.note(paper_id)


_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_CLIPBOARD_KEYS = (
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
)
TextField = QLineEdit | QPlainTextEdit


class FieldKeys(QObject):
    """Shares the keyboard between a text field with the focus and the window's shortcuts.

    A field claims every key it has a meaning for, so on Linux Ctrl+E (the end of the line,
    as End is) never reached Export, and Ctrl+Z undid a bulk tag's text rather than the tag.
    Here a field keeps typing, the clipboard and select-all, and Undo and Redo while it has
    something of its own to undo or redo; any other key the window has a shortcut for goes
    to the window.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def watch(self, *fields: TextField) -> None:
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, TextField) or _field_keeps(watched, event):
            return False
        if not self._is_window_shortcut(event):
            return False
        event.ignore()  # not claimed: Qt hands the key to the window's shortcut
        return True

    def _is_window_shortcut(self, event: QKeyEvent) -> bool:
        if not event.modifiers() & _COMMAND_MODIFIERS:
            return False  # a typed character
        pressed = QKeySequence(event.keyCombination())
        return any(
            pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch
            for action in self._window.findChildren(QAction)
            for key in action.shortcuts()
        )


def _field_keeps(field: TextField, event: QKeyEvent) -> bool:
    history = field if isinstance(field, QLineEdit) else field.document()
    if event.matches(QKeySequence.StandardKey.Undo):
        return history.isUndoAvailable()
    if event.matches(QKeySequence.StandardKey.Redo):
        return history.isRedoAvailable()
    return any(event.matches(key) for key in _CLIPBOARD_KEYS)
