"""Notes shared with the other members of a shared library (`shared_notes`, ddl.py).

Everyone reads every shared note; the database lets only a note's author change it. A
person's shared note is written whole when the editor commits it (the window's debounced
save: one statement, never one per keystroke), with an optimistic check: a save names the
note and the `version` it started from, and changes it only if that version is still the
one stored. When it is not (the same person saved it from another machine meanwhile), the
text is not written over the other: it is saved beside it as a second shared note of the
same author, and the caller is told so (`Kept`). Nothing typed is lost either way. An
empty text removes the note (the same check: a note changed elsewhere is kept).

The command line (`set --shared-note`) has no editor that read the note earlier: it reads
one's note and writes it in one transaction (`my_shared_note`, then `put_shared_note`), and
a save of one's own committed in between (another computer) makes it write nothing at all
and say so, rather than keep two texts the user never saw side by side.

A library file (SQLite) has one person and no shared notes: reading gives none.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection

from readinglist.core.paper import SharedNote
from readinglist.core.translatable import QT_TR_NOOP, Message
from readinglist.library.driver import fetch, id_list, moment, on_postgresql

_READ = (
    "SELECT paper_id, id, author, text, changed_at, version, author = current_user "
    "FROM shared_notes WHERE paper_id IN (SELECT value FROM json_each(?)) "
    "ORDER BY paper_id, changed_at, id"
)
_UPDATE = (
    "UPDATE shared_notes SET text = ?, version = version + 1, changed_at = now() "
    "WHERE id = ? AND version = ? AND author = current_user RETURNING version"
)
_INSERT = "INSERT INTO shared_notes (paper_id, text) VALUES (?, ?) RETURNING id, version"
_DELETE = (
    "DELETE FROM shared_notes WHERE id = ? AND version = ? AND author = current_user RETURNING id"
)
_MINE = "SELECT id FROM shared_notes WHERE paper_id = ? AND author = current_user"
_MINE_VERSIONED = (
    "SELECT id, version FROM shared_notes WHERE paper_id = ? AND author = current_user ORDER BY id"
)
_STILL_THERE = "SELECT id FROM shared_notes WHERE id = ?"


@dataclass(frozen=True, slots=True)
class NoteRef:
    """One stored shared note as a save saw it: its id and version."""

    id: int
    version: int

    @classmethod
    def of(cls, note: SharedNote) -> "NoteRef":
        return cls(note.id, note.version)


class Kept(Enum):
    """What a save did instead of overwriting or removing a note changed elsewhere."""

    BOTH = "both"  # the text saved as a second note beside the one changed elsewhere
    NOT_REMOVED = "not removed"  # emptied here, but changed elsewhere: left as it was

    @property
    def message(self) -> Message:
        """What the user is told, in words (the window's status bar, the CLI)."""
        return KEPT_MESSAGES[self]


KEPT_MESSAGES = {
    Kept.BOTH: Message(
        QT_TR_NOOP(
            "Your shared note was changed elsewhere (another computer of yours) since it was "
            "opened here: both texts are kept, as two shared notes of yours."
        )
    ),
    Kept.NOT_REMOVED: Message(
        QT_TR_NOOP(
            "Your shared note was changed elsewhere (another computer of yours) since it was "
            "opened here: it was kept, not removed."
        )
    ),
}


class SharedNoteError(ValueError):
    """A shared note that cannot be written as asked: `str()` in English (the command
    line's), `described` for a window to translate."""

    def __init__(self, described: Message) -> None:
        super().__init__(str(described))
        self.described = described


NOT_SHARED_LIBRARY = QT_TR_NOOP(
    "a library file has one person: only a shared library's notes are shared (use --note)"
)
SEVERAL_OF_MINE = QT_TR_NOOP(
    "you have {count} shared notes on {paper} (both texts kept after a save from another "
    "computer): merge them in the window's Shared tab first"
)


def my_shared_note(connection: Connection, paper_id: int, paper: str) -> NoteRef | None:
    """My one shared note on `paper_id` as it stands (None: I have none), for a save that
    starts from it. `SharedNoteError` on a library file, and when I have several (kept after
    a conflict): which to replace would be a guess. `paper` names it in the message."""
    if not on_postgresql(connection):
        raise SharedNoteError(Message(NOT_SHARED_LIBRARY))
    mine = fetch(connection, _MINE_VERSIONED, [paper_id])
    if len(mine) > 1:
        raise SharedNoteError(Message(SEVERAL_OF_MINE, count=len(mine), paper=paper))
    return NoteRef(int(mine[0][0]), int(mine[0][1])) if mine else None


def shared_notes_of(
    connection: Connection, ids: Sequence[int]
) -> dict[int, tuple[SharedNote, ...]]:
    """The shared notes on each of `ids` (oldest first); none on a library file."""
    if not ids or not on_postgresql(connection):
        return {}
    found: dict[int, list[SharedNote]] = {}
    for paper_id, note_id, author, text, changed_at, version, mine in fetch(
        connection, _READ, [id_list(ids)]
    ):
        when = moment(changed_at)
        assert when is not None  # NOT NULL
        found.setdefault(paper_id, []).append(
            SharedNote(note_id, str(author), text, when, version, bool(mine))
        )
    return {paper_id: tuple(notes) for paper_id, notes in found.items()}


def put_shared_note(
    connection: Connection, paper_id: int, ref: NoteRef | None, text: str
) -> tuple[NoteRef | None, Kept | None]:
    """My shared note on `paper_id` made `text`, from the note `ref` (None: I had none).

    Returns the note as it now stands (None: there is none) and, when `ref` had changed
    elsewhere, what was kept rather than lose either text."""
    if not text.strip():
        if ref is None or fetch(connection, _DELETE, [ref.id, ref.version]):
            return None, None
        still = fetch(connection, _STILL_THERE, [ref.id])
        return (None, Kept.NOT_REMOVED) if still else (None, None)
    if ref is not None:
        updated = fetch(connection, _UPDATE, [text, ref.id, ref.version])
        if updated:
            return NoteRef(ref.id, int(updated[0][0])), None
    # From none, yet one of mine is there now: written on my other machine meanwhile.
    changed_elsewhere = ref is not None or bool(fetch(connection, _MINE, [paper_id]))
    (note_id, version), *_ = fetch(connection, _INSERT, [paper_id, text])
    return NoteRef(int(note_id), int(version)), Kept.BOTH if changed_elsewhere else None


def note_text(connection: Connection, ref: NoteRef | None) -> str:
    """The text of `ref` as stored at that version ("" if it is not, or for None)."""
    if ref is None:
        return ""
    rows = fetch(
        connection,
        "SELECT text FROM shared_notes WHERE id = ? AND version = ?",
        [ref.id, ref.version],
    )
    return str(rows[0][0]) if rows else ""


__all__ = [
    "Kept",
    "NoteRef",
    "SharedNoteError",
    "my_shared_note",
    "note_text",
    "put_shared_note",
    "shared_notes_of",
]
