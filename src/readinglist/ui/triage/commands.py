"""Undoable edits of the user's data: every star, status, tag and note change is one of these.

A command wraps one of `library.user_edits` (imported when the first edit is made, so the
window can show before SQLAlchemy loads); the service writes it, in order, and the edit
remembers what it replaced. An edit that could not be written leaves the history: at once
when it failed as it was made (the command marks itself obsolete, and QUndoStack drops it),
through `Triage` when it failed on the writer thread.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from readinglist.core.paper import ReadingStatus
from readinglist.ui.i18n import count_papers, tr
from readinglist.ui.qt import QUndoCommand

if TYPE_CHECKING:
    from readinglist.core.paper import SharedNote
    from readinglist.library.rules import Rule
    from readinglist.library.user_edits import Edit, NoteEdit, SharedNoteEdit
    from readinglist.ui.data.service import LibraryService

_NOTE_MERGE_ID = 1


class EditCommand(QUndoCommand):
    def __init__(self, service: "LibraryService", edit: "Edit", text: str) -> None:
        super().__init__(text)
        self._service = service
        self.edit = edit
        self._still_done = False

    def redo(self) -> None:
        if self._still_done:  # its undo failed: the library has it still
            self._still_done = False
        elif not self._service.apply(self.edit):
            self.setObsolete(True)

    def undo(self) -> None:
        self._service.revert(self.edit)

    def stay_done(self) -> None:
        """Its undo could not be written: the next redo puts the history back in step with
        the library, writing nothing."""
        self._still_done = True


def star_command(service: "LibraryService", ids: Sequence[int], starred: bool) -> EditCommand:
    from readinglist.library.user_edits import StarEdit

    text = tr("Star {what}") if starred else tr("Unstar {what}")
    what = count_papers(len(ids))
    edit = StarEdit(list(ids), starred, clock=service.clock)
    return EditCommand(service, edit, text.format(what=what))


class ToggleStarCommand(EditCommand):
    """`s` on the selection: star all, unless all are starred. What it did is known once it
    is written; the Edit menu says so then (at once, unless the edit waits its turn)."""

    def __init__(self, service: "LibraryService", ids: Sequence[int]) -> None:
        from readinglist.library.user_edits import ToggleStarEdit

        self._count = len(ids)
        self._toggle: ToggleStarEdit = ToggleStarEdit(list(ids), clock=service.clock)
        text = tr("Toggle the star of {what}").format(what=count_papers(self._count))
        super().__init__(service, self._toggle, text)

    def redo(self) -> None:
        super().redo()
        if self._toggle.decided:
            text = tr("Star {what}") if self._toggle.starred else tr("Unstar {what}")
            self.setText(text.format(what=count_papers(self._count)))


def status_command(
    service: "LibraryService",
    ids: Sequence[int],
    status: ReadingStatus,
    *,
    below: bool | None = None,
) -> EditCommand:
    """`ids` given `status`; `below` True or False: the unread papers of `ids`, those below
    (or above) the current one."""
    from readinglist.library.user_edits import StatusEdit

    label = tr(status.look.label).lower()  # in running text: "Mark 1 paper as read"
    if below is None:
        text = tr("Mark {what} as {status}").format(what=count_papers(len(ids)), status=label)
    elif below:
        text = tr("Mark the unread papers below as {status}").format(status=label)
    else:
        text = tr("Mark the unread papers above as {status}").format(status=label)
    edit = StatusEdit(list(ids), status, only_unread=below is not None, clock=service.clock)
    return EditCommand(service, edit, text)


def add_tag_command(service: "LibraryService", ids: Sequence[int], tag: str) -> EditCommand:
    from readinglist.library.user_edits import AddTagEdit

    text = tr("Tag {what} with {tag}").format(what=count_papers(len(ids)), tag=tag)
    return EditCommand(service, AddTagEdit(list(ids), tag), text)


def remove_tag_command(service: "LibraryService", ids: Sequence[int], tag: str) -> EditCommand:
    from readinglist.library.user_edits import RemoveTagEdit

    text = tr("Untag {what} from {tag}").format(what=count_papers(len(ids)), tag=tag)
    return EditCommand(service, RemoveTagEdit(list(ids), tag), text)


def rename_tag_command(
    service: "LibraryService", ids: Sequence[int], old: str, new: str, *, merge: bool = False
) -> EditCommand:
    from readinglist.library.user_edits import renamed_tag

    text = tr("Merge tag {old} into {new}") if merge else tr("Rename tag {old} to {new}")
    return EditCommand(service, renamed_tag(list(ids), old, new), text.format(old=old, new=new))


def trash_command(service: "LibraryService", ids: Sequence[int], trashed: bool) -> EditCommand:
    from readinglist.library.user_edits import TrashEdit

    text = tr("Move {what} to the Trash") if trashed else tr("Restore {what} from the Trash")
    what = count_papers(len(ids))
    edit = TrashEdit(list(ids), trashed, clock=service.clock)
    return EditCommand(service, edit, text.format(what=what))


def skip_rest_command(service: "LibraryService", ids: Sequence[int]) -> EditCommand:
    from readinglist.library.user_edits import SkipRestEdit

    text = tr("Skip the Rest of Today ({what})").format(what=count_papers(len(ids)))
    return EditCommand(service, SkipRestEdit(list(ids), clock=service.clock), text)


def snooze_command(service: "LibraryService", ids: Sequence[int]) -> EditCommand:
    from readinglist.library.user_edits import SnoozeEdit

    text = tr("Snooze {what}").format(what=count_papers(len(ids)))
    return EditCommand(service, SnoozeEdit(list(ids), clock=service.clock), text)


def tags_command(service: "LibraryService", paper_id: int, tags: Sequence[str]) -> EditCommand:
    from readinglist.library.user_edits import TagsEdit

    return EditCommand(service, TagsEdit(paper_id, tuple(tags)), tr("Change tags"))


class NoteCommand(EditCommand):
    """A note edit; consecutive saves of one paper's note merge into one undo step."""

    edit: "NoteEdit"

    def __init__(self, service: "LibraryService", paper_id: int, note: str) -> None:
        from readinglist.library.user_edits import NoteEdit

        super().__init__(service, NoteEdit(paper_id, note, clock=service.clock), tr("Edit note"))

    def id(self) -> int:
        return _NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Not a save that failed, nor one still queued (it may yet fail)."""
        if not isinstance(other, NoteCommand) or other.edit.paper_id != self.edit.paper_id:
            return False
        if other.isObsolete() or self._service.edits.is_busy():
            return False
        self.edit.note = other.edit.note  # already written by `other`; undo goes back further
        return True


class SharedNoteCommand(EditCommand):
    """A save of my shared note (a shared library's). Each save is a step of its own: a
    save after it starts from where it left the note (`follows`), so undo goes back a save
    at a time without writing over a change made elsewhere."""

    edit: "SharedNoteEdit"

    def __init__(
        self,
        service: "LibraryService",
        edit: "SharedNoteEdit",
    ) -> None:
        super().__init__(service, edit, tr("Edit shared note"))

    @classmethod
    def of(
        cls,
        service: "LibraryService",
        paper_id: int,
        text: str,
        base: "SharedNote | None",
        follows: "SharedNoteEdit | None",
    ) -> "SharedNoteCommand":
        from readinglist.library.shared.notes import NoteRef
        from readinglist.library.user_edits import SharedNoteEdit

        start = NoteRef.of(base) if base is not None else None
        return cls(service, SharedNoteEdit(paper_id, text, start, follows))


def apply_rule_command(service: "LibraryService", rule: "Rule", ids: Sequence[int]) -> EditCommand:
    """The rule run on `ids` (the papers its query matches): one undo step."""
    from readinglist.library.user_edits import ApplyRuleEdit

    text = tr("Apply the rule {name} to {what}").format(name=rule.name, what=count_papers(len(ids)))
    return EditCommand(service, ApplyRuleEdit(rule, list(ids), clock=service.clock), text)
