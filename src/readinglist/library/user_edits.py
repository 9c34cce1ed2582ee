"""The user's edits (star, status, tags, note) as objects that can be applied and reverted.

Each edit remembers what it replaced the first time it is applied, inside the same
transaction as the change: an edit queued behind others (a bulk tag on 20,000 papers takes
seconds, so the window runs edits on a writer thread, in order) sees the library as the
edits before it left it, not as it was when the user pressed the key.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from readinglist.core.paper import ReadingStatus
from readinglist.library import browse
from readinglist.library import papers as store
from readinglist.library.database import utc_now


@dataclass
class StarEdit:
    ids: list[int]
    starred: bool
    _before: dict[int, bool] | None = None

    def apply(self, connection: Connection) -> None:
        if self._before is None:
            states = store.user_states(connection, self.ids)
            self._before = {paper_id: state.starred for paper_id, state in states.items()}
        store.set_starred(connection, self.ids, self.starred)

    def revert(self, connection: Connection) -> None:
        for value in (True, False):
            ids = [i for i, starred in (self._before or {}).items() if starred is value]
            store.set_starred(connection, ids, value)


@dataclass
class ToggleStarEdit(StarEdit):
    """Star them all, unless all are starred: then unstar them. Decided when first applied,
    on the library as the edits before it left it (`s` pressed twice, quickly, on many
    papers toggles twice)."""

    starred: bool = False

    @property
    def decided(self) -> bool:
        return self._before is not None

    def apply(self, connection: Connection) -> None:
        if self._before is None:
            states = store.user_states(connection, self.ids)
            self._before = {paper_id: state.starred for paper_id, state in states.items()}
            self.starred = not all(self._before.values())
        store.set_starred(connection, self.ids, self.starred)


@dataclass
class StatusEdit:
    ids: list[int]
    status: ReadingStatus
    _before: dict[int, store.UserState] | None = None

    def apply(self, connection: Connection) -> None:
        if self._before is None:
            self._before = store.user_states(connection, self.ids)
        store.set_status(connection, self.ids, self.status, utc_now())

    def revert(self, connection: Connection) -> None:
        """Each paper gets its status back, and the time that status was set."""
        groups: dict[tuple[ReadingStatus, dt.datetime | None], list[int]] = {}
        for paper_id, state in (self._before or {}).items():
            groups.setdefault((state.status, state.status_changed_at), []).append(paper_id)
        for (status, changed_at), ids in groups.items():
            store.set_status(connection, ids, status, changed_at)


@dataclass
class AddTagEdit:
    """One tag onto many papers; reverting takes it off only those that did not have it."""

    ids: list[int]
    tag: str
    _added: list[int] | None = None

    def apply(self, connection: Connection) -> None:
        if self._added is None:
            had = store.tagged_ids(connection, self.ids, self.tag)
            self._added = [paper_id for paper_id in self.ids if paper_id not in had]
        store.add_tags(connection, self._added, [self.tag])

    def revert(self, connection: Connection) -> None:
        store.remove_tags(connection, self._added or [], [self.tag])


@dataclass
class RemoveTagEdit:
    """One tag off many papers; reverting puts it back on those that had it, spelled as it
    was (the tag is forgotten once no paper carries it)."""

    ids: list[int]
    tag: str
    _had: list[int] | None = None

    def apply(self, connection: Connection) -> None:
        if self._had is None:
            had = store.tagged_ids(connection, self.ids, self.tag)
            self._had = [paper_id for paper_id in self.ids if paper_id in had]
            self.tag = store.tag_spelling(connection, self.tag) or self.tag
        store.remove_tags(connection, self._had, [self.tag])

    def revert(self, connection: Connection) -> None:
        store.add_tags(connection, self._had or [], [self.tag])


@dataclass
class TagsEdit:
    """One paper's tags, made exactly `tags`."""

    paper_id: int
    tags: tuple[str, ...]
    _before: tuple[str, ...] | None = None

    @property
    def ids(self) -> list[int]:
        return [self.paper_id]

    def apply(self, connection: Connection) -> None:
        if self._before is None:
            self._before = _tags_of(connection, self.paper_id)
        _set_tags(connection, self.paper_id, self.tags)

    def revert(self, connection: Connection) -> None:
        _set_tags(connection, self.paper_id, self._before or ())


@dataclass
class NoteEdit:
    """A paper's note; a later edit of the same note can be folded into this one."""

    paper_id: int
    note: str
    _before: str | None = None

    @property
    def ids(self) -> list[int]:
        return [self.paper_id]

    def apply(self, connection: Connection) -> None:
        if self._before is None:
            papers = store.load_papers(connection, [self.paper_id])
            self._before = papers[0].note if papers else ""
        store.set_note(connection, self.paper_id, self.note, utc_now())

    def revert(self, connection: Connection) -> None:
        store.set_note(connection, self.paper_id, self._before or "", utc_now())


def _tags_of(connection: Connection, paper_id: int) -> tuple[str, ...]:
    rows = browse.load_rows(connection, [paper_id])
    return rows[paper_id].tags if paper_id in rows else ()


def _set_tags(connection: Connection, paper_id: int, tags: Sequence[str]) -> None:
    current = _tags_of(connection, paper_id)
    wanted = {tag.lower() for tag in tags}
    store.remove_tags(connection, [paper_id], [t for t in current if t.lower() not in wanted])
    store.add_tags(connection, [paper_id], tags)
