"""Undoable edits of the user's data: every star, status, tag and note change is one of these."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from readinglist.core.paper import ReadingStatus
from readinglist.ui.qt import QCoreApplication, QUndoCommand

if TYPE_CHECKING:
    from readinglist.ui.service import LibraryService

_NOTE_MERGE_ID = 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def _papers(count: int) -> str:
    return _tr("1 paper") if count == 1 else _tr("{n} papers").format(n=count)


class SetStarredCommand(QUndoCommand):
    def __init__(self, service: "LibraryService", ids: Sequence[int], starred: bool) -> None:
        text = _tr("Star {what}") if starred else _tr("Unstar {what}")
        super().__init__(text.format(what=_papers(len(ids))))
        self._service = service
        self._before = {i: state[0] for i, state in service.user_states(ids).items()}
        self._after = dict.fromkeys(self._before, starred)

    def redo(self) -> None:
        self._service.set_starred(self._after)

    def undo(self) -> None:
        self._service.set_starred(self._before)


class SetStatusCommand(QUndoCommand):
    def __init__(
        self, service: "LibraryService", ids: Sequence[int], status: ReadingStatus
    ) -> None:
        super().__init__(
            _tr("Mark {what} as {status}").format(what=_papers(len(ids)), status=status.value)
        )
        self._service = service
        self._before = {i: state[1] for i, state in service.user_states(ids).items()}
        self._after = dict.fromkeys(self._before, status)

    def redo(self) -> None:
        self._service.set_status(self._after)

    def undo(self) -> None:
        self._service.set_status(self._before)


class SetTagsCommand(QUndoCommand):
    def __init__(self, service: "LibraryService", paper_id: int, tags: Sequence[str]) -> None:
        super().__init__(_tr("Change tags"))
        self._service = service
        self._paper_id = paper_id
        self._before = service.rows([paper_id])[paper_id].tags
        self._after = tuple(tags)

    def redo(self) -> None:
        self._service.set_tags(self._paper_id, self._after)

    def undo(self) -> None:
        self._service.set_tags(self._paper_id, self._before)


class AddTagCommand(QUndoCommand):
    """One tag onto many papers; undo takes it off only those that did not have it."""

    def __init__(self, service: "LibraryService", ids: Sequence[int], tag: str) -> None:
        super().__init__(_tr("Tag {what} with {tag}").format(what=_papers(len(ids)), tag=tag))
        self._service = service
        self._tag = tag
        had = service.tagged(ids, tag)
        self._ids = list(ids)
        self._added = [paper_id for paper_id in ids if paper_id not in had]

    def redo(self) -> None:
        self._service.add_tag(self._ids, self._tag)

    def undo(self) -> None:
        self._service.remove_tag(self._added, self._tag)


class RemoveTagCommand(QUndoCommand):
    """One tag off many papers; undo puts it back on those that had it."""

    def __init__(self, service: "LibraryService", ids: Sequence[int], tag: str) -> None:
        super().__init__(_tr("Untag {what} from {tag}").format(what=_papers(len(ids)), tag=tag))
        self._service = service
        self._tag = tag
        had = service.tagged(ids, tag)
        self._had = [paper_id for paper_id in ids if paper_id in had]

    def redo(self) -> None:
        self._service.remove_tag(self._had, self._tag)

    def undo(self) -> None:
        self._service.add_tag(self._had, self._tag)


class SetNoteCommand(QUndoCommand):
    """A note edit; consecutive saves of one paper's note merge into one undo step."""

    def __init__(self, service: "LibraryService", paper_id: int, note: str) -> None:
        super().__init__(_tr("Edit note"))
        self._service = service
        self.paper_id = paper_id
        self._before = service.note(paper_id)
        self.after = note

    def id(self) -> int:
        return _NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetNoteCommand) or other.paper_id != self.paper_id:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._service.set_note(self.paper_id, self.after)

    def undo(self) -> None:
        self._service.set_note(self.paper_id, self._before)
