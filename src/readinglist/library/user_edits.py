"""The user's edits (star, status, tags, note, the trash) as objects that can be applied and
reverted.

Each edit remembers, paper by paper, what it replaced the first time it touched that paper,
inside the same transaction as the change: an edit queued behind others (a bulk tag on
20,000 papers takes seconds, so the window runs edits on a writer thread, in order) sees the
library as the edits before it left it, not as it was when the user pressed the key.

An edit can be applied or reverted a part at a time (`ids`: some of its papers), each part
in a transaction of its own: `write_in_parts` does so for long bulk edits, so that another
writer (`readinglist set`, an import) waits for one part rather than the whole edit.
"""

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from sqlalchemy import Connection

from readinglist.core.paper import ReadingStatus
from readinglist.core.translatable import Message
from readinglist.library import browse, rules, today, trash
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.rules import Rule
from readinglist.library.shared.notes import Kept, NoteRef, note_text, put_shared_note

Part = Sequence[int] | None  # some of an edit's papers; None: all of them
UNREAD = ReadingStatus.UNREAD
type Clock = Callable[[], dt.datetime]
"""What an edit asks for the time it is written at (`utc_now`; a test's clock moved by
hand): the moment of a status change, a snooze, a session's turn."""


class Edit(Protocol):
    """Any of the edits below. `changes_lists`: the edit moves papers into or out of the
    lists (the trash), so every list and count is read again, not only its papers' rows."""

    changes_lists: ClassVar[bool]

    @property
    def ids(self) -> list[int]: ...

    def apply(self, connection: Connection, part: Part = None) -> None: ...

    def revert(self, connection: Connection, part: Part = None) -> None: ...


@dataclass
class _TriageKey:
    """What a status or star edit does to Today (`today.note_triage`): whether it began a
    new session (the window then reads Today again), and the papers brought back that it
    acknowledged, as they were (its undo leaves them untriaged again)."""

    began: bool = False
    _rested: today.Resting = field(default_factory=dict)

    def note(self, connection: Connection, ids: list[int], now: dt.datetime) -> None:
        triaged = today.note_triage(connection, now, ids)
        self.began = self.began or triaged.began
        for paper_id, row in triaged.rested.items():
            self._rested.setdefault(paper_id, row)

    def undo(self, connection: Connection, part: Part) -> None:
        today.put_back(connection, _recorded(self._rested, part))


@dataclass
class StarEdit:
    changes_lists: ClassVar[bool] = False
    ids: list[int]
    starred: bool
    _before: dict[int, bool] = field(default_factory=dict)
    triage: _TriageKey = field(default_factory=_TriageKey)
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    def apply(self, connection: Connection, part: Part = None) -> None:
        ids = self._remember(connection, part)
        store.set_starred(connection, ids, self.starred)
        self.triage.note(connection, ids, self.clock())

    def revert(self, connection: Connection, part: Part = None) -> None:
        before = _recorded(self._before, part)
        for value in (True, False):
            store.set_starred(connection, [i for i, s in before.items() if s is value], value)
        self.triage.undo(connection, part)

    def _remember(self, connection: Connection, part: Part) -> list[int]:
        ids = list(self.ids if part is None else part)
        new = [paper_id for paper_id in ids if paper_id not in self._before]
        states = store.user_states(connection, new)
        self._before.update({paper_id: state.starred for paper_id, state in states.items()})
        return ids


@dataclass
class ToggleStarEdit(StarEdit):
    """Star them all, unless all are starred: then unstar them. Decided when first applied,
    over all its papers, on the library as the edits before it left it (`s` pressed twice,
    quickly, on many papers toggles twice)."""

    starred: bool = False
    decided: bool = False

    def apply(self, connection: Connection, part: Part = None) -> None:
        if not self.decided:
            states = store.user_states(connection, self.ids)
            self.starred = not all(state.starred for state in states.values())
            self.decided = True
        super().apply(connection, part)


@dataclass
class StatusEdit:
    """Papers given `status`; with `only_unread`, those of them still unread when it is
    written (Mark Above as Read leaves a queued paper queued)."""

    changes_lists: ClassVar[bool] = False
    ids: list[int]
    status: ReadingStatus
    only_unread: bool = False
    _before: dict[int, store.UserState] = field(default_factory=dict)
    triage: _TriageKey = field(default_factory=_TriageKey)
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    def apply(self, connection: Connection, part: Part = None) -> None:
        ids = list(self.ids if part is None else part)
        new = [paper_id for paper_id in ids if paper_id not in self._before]
        self._before.update(store.user_states(connection, new))
        now = self.clock()
        changed = list(self._changed(ids))
        store.set_status(connection, changed, self.status, now)
        self.triage.note(connection, changed, now)

    def revert(self, connection: Connection, part: Part = None) -> None:
        """Each paper gets its status back, and the time that status was set."""
        groups: dict[tuple[ReadingStatus, dt.datetime | None], list[int]] = {}
        before = _recorded(self._before, part)
        for paper_id in self._changed(before):
            state = before[paper_id]
            groups.setdefault((state.status, state.status_changed_at), []).append(paper_id)
        for (status, changed_at), ids in groups.items():
            store.undo_status(connection, ids, status, changed_at)
        self.triage.undo(connection, part)

    def _changed(self, ids: Iterable[int]) -> Iterable[int]:
        if not self.only_unread:
            return ids
        return (i for i in ids if i in self._before and self._before[i].status is UNREAD)


@dataclass
class RollTodayEdit:
    """Not the user's edit: Today moved on to a new session when the last one is over
    (`today.roll`), written in turn with the edits. `began`: whether it did."""

    changes_lists: ClassVar[bool] = False
    ids: list[int] = field(default_factory=list)
    began: bool = False
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    def apply(self, connection: Connection, part: Part = None) -> None:
        self.began = today.roll(connection, self.clock())

    def revert(self, connection: Connection, part: Part = None) -> None:
        """Nothing to take back: a session's turn is not undone."""


@dataclass
class SnoozeEdit:
    """Papers brought back into Today sent away for a while (`core.today.SNOOZE`); the
    undo puts back what the library knew of their resurfacing."""

    changes_lists: ClassVar[bool] = False  # out of Today only (`moves_today`)
    ids: list[int]
    _before: today.Resting = field(default_factory=dict)
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    def apply(self, connection: Connection, part: Part = None) -> None:
        ids = list(self.ids if part is None else part)
        new = [paper_id for paper_id in ids if paper_id not in self._before]
        self._before.update(today.resting_rows(connection, new))
        today.snooze(connection, ids, self.clock())

    def revert(self, connection: Connection, part: Part = None) -> None:
        today.put_back(connection, _recorded(self._before, part))


@dataclass
class SkipRestEdit:
    """Skip the Rest of Today, one step: of what was left when the user asked
    (`today.untriaged_ids`, read off the GUI thread), the papers that arrived are skipped
    (those still unread) and those brought back snoozed (those still to do: a key queued
    before it may have triaged one), so Today is done either way. Decided when first
    written, on the library as the edits before it left it."""

    changes_lists: ClassVar[bool] = False  # the snoozed leave Today only (`moves_today`)
    ids: list[int]
    _parts: tuple[StatusEdit, SnoozeEdit] | None = None
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    def apply(self, connection: Connection, part: Part = None) -> None:
        if self._parts is None:
            back, back_left = today.brought_back_ids(connection)
            arrived = [i for i in self.ids if i not in back]
            skipped = StatusEdit(arrived, ReadingStatus.SKIPPED, only_unread=True, clock=self.clock)
            snoozed = SnoozeEdit([i for i in self.ids if i in back_left], clock=self.clock)
            self._parts = (skipped, snoozed)
        for edit in self._parts:
            edit.apply(connection, _among(edit.ids, part))

    def revert(self, connection: Connection, part: Part = None) -> None:
        for edit in reversed(self._parts or ()):
            edit.revert(connection, _among(edit.ids, part))

    @property
    def began(self) -> bool:
        return self._parts is not None and self._parts[0].triage.began


def _among(ids: list[int], part: Part) -> Part:
    """The papers of `part` that are among `ids` (None: all of them)."""
    if part is None:
        return None
    wanted = set(ids)
    return [paper_id for paper_id in part if paper_id in wanted]


def began_today(edit: Edit) -> bool:
    """Whether writing `edit` began a new session's Today (the window reads Today again)."""
    if isinstance(edit, StarEdit | StatusEdit):
        return edit.triage.began
    return isinstance(edit, RollTodayEdit | SkipRestEdit) and edit.began


def moves_today(edit: Edit) -> bool:
    """Whether `edit` takes papers out of Today or puts them back (a snooze, Skip the
    Rest's, and their undo): a list of Today's papers is read again. Nothing else changes
    but their resurfacing rows and statuses, so the counts follow as after a status key,
    from those papers alone."""
    return isinstance(edit, SnoozeEdit | SkipRestEdit)


@dataclass
class AddTagEdit:
    """One tag onto many papers; reverting takes it off only those that did not have it."""

    changes_lists: ClassVar[bool] = False
    ids: list[int]
    tag: str
    _had: dict[int, bool] = field(default_factory=dict)

    def apply(self, connection: Connection, part: Part = None) -> None:
        _remember_tagged(connection, self._had, list(self.ids if part is None else part), self.tag)
        added = [i for i, had in _recorded(self._had, part).items() if not had]
        store.add_tags(connection, added, [self.tag])

    def revert(self, connection: Connection, part: Part = None) -> None:
        added = [i for i, had in _recorded(self._had, part).items() if not had]
        store.remove_tags(connection, added, [self.tag])


@dataclass
class RemoveTagEdit:
    """One tag off many papers; reverting puts it back on those that had it, spelled as it
    was (the tag is forgotten once no paper carries it)."""

    changes_lists: ClassVar[bool] = False
    ids: list[int]
    tag: str
    _had: dict[int, bool] = field(default_factory=dict)

    def apply(self, connection: Connection, part: Part = None) -> None:
        if not self._had:
            self.tag = store.tag_spelling(connection, self.tag) or self.tag
        _remember_tagged(connection, self._had, list(self.ids if part is None else part), self.tag)
        had = [i for i, had in _recorded(self._had, part).items() if had]
        store.remove_tags(connection, had, [self.tag])

    def revert(self, connection: Connection, part: Part = None) -> None:
        had = [i for i, had in _recorded(self._had, part).items() if had]
        store.add_tags(connection, had, [self.tag])


@dataclass
class EditsInOne:
    """Edits of the same papers as one: applied in order, reverted in reverse. Renaming a
    tag is the new name added, then the old one removed; its undo takes off the new name
    only where it was not before (a merge into an existing tag)."""

    changes_lists: ClassVar[bool] = False
    edits: list[AddTagEdit | RemoveTagEdit]

    @property
    def ids(self) -> list[int]:
        return self.edits[0].ids if self.edits else []

    def apply(self, connection: Connection, part: Part = None) -> None:
        for edit in self.edits:
            edit.apply(connection, part)

    def revert(self, connection: Connection, part: Part = None) -> None:
        for edit in reversed(self.edits):
            edit.revert(connection, part)


def renamed_tag(ids: list[int], old: str, new: str) -> EditsInOne:
    return EditsInOne([AddTagEdit(ids, new), RemoveTagEdit(list(ids), old)])


@dataclass
class TagsEdit:
    """One paper's tags, made exactly `tags`."""

    changes_lists: ClassVar[bool] = False
    paper_id: int
    tags: tuple[str, ...]
    _before: tuple[str, ...] | None = None

    @property
    def ids(self) -> list[int]:
        return [self.paper_id]

    def apply(self, connection: Connection, part: Part = None) -> None:
        if self._before is None:
            self._before = _tags_of(connection, self.paper_id)
        _set_tags(connection, self.paper_id, self.tags)

    def revert(self, connection: Connection, part: Part = None) -> None:
        _set_tags(connection, self.paper_id, self._before or ())


@dataclass
class NoteEdit:
    """A paper's note; a later edit of the same note can be folded into this one."""

    changes_lists: ClassVar[bool] = False
    paper_id: int
    note: str
    _before: str | None = None
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    @property
    def ids(self) -> list[int]:
        return [self.paper_id]

    def apply(self, connection: Connection, part: Part = None) -> None:
        if self._before is None:
            papers = store.load_papers(connection, [self.paper_id])
            self._before = papers[0].note if papers else ""
        store.set_note(connection, self.paper_id, self.note, self.clock())

    def revert(self, connection: Connection, part: Part = None) -> None:
        store.set_note(connection, self.paper_id, self._before or "", self.clock())


@dataclass
class _NoteAt:
    """Where one editor's shared note stands: the saves of that editor (and their undos,
    last first) each start from where the one before left it."""

    ref: NoteRef | None


@dataclass
class SharedNoteEdit:
    """My shared note on a paper (a shared library's), saved from the note `base` the
    editor showed (None: I had none), or from where `follows` (the save before it, of the
    same editor) left it. A note changed elsewhere since is kept beside this text (`kept`
    says so); an empty text removes it. Undo puts back what this save replaced, the same
    way: nothing written over."""

    changes_lists: ClassVar[bool] = False
    paper_id: int
    text: str
    base: NoteRef | None = None
    follows: "SharedNoteEdit | None" = None
    kept: Kept | None = None
    _at: _NoteAt | None = None
    _undo_text: str | None = None

    @property
    def ids(self) -> list[int]:
        return [self.paper_id]

    def apply(self, connection: Connection, part: Part = None) -> None:
        at = self.at
        start = at.ref
        before = note_text(connection, start)
        at.ref, self.kept = put_shared_note(connection, self.paper_id, start, self.text)
        if self.kept is Kept.NOT_REMOVED:
            self._undo_text = None  # nothing was written: nothing to undo
        elif self.kept is Kept.BOTH or start is None:
            self._undo_text = ""  # a note was added: undo removes it
        else:
            self._undo_text = before

    @property
    def at(self) -> _NoteAt:
        """Where this save left the note (before it is written: where it starts from)."""
        if self._at is None:
            self._at = self.follows.at if self.follows is not None else _NoteAt(self.base)
        return self._at

    def revert(self, connection: Connection, part: Part = None) -> None:
        if self._undo_text is not None:
            at = self.at
            at.ref, _ = put_shared_note(connection, self.paper_id, at.ref, self._undo_text)


@dataclass
class TrashEdit:
    """Papers moved to the trash (`trashed`) or restored from it; reverting puts each back
    where it was, a paper already in the trash since the time it went there."""

    changes_lists: ClassVar[bool] = True
    ids: list[int]
    trashed: bool = True
    _before: dict[int, dt.datetime | None] = field(default_factory=dict)
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    def apply(self, connection: Connection, part: Part = None) -> None:
        ids = list(self.ids if part is None else part)
        new = [paper_id for paper_id in ids if paper_id not in self._before]
        since = trash.trashed_since(connection, new)
        self._before.update({paper_id: since.get(paper_id) for paper_id in new})
        if self.trashed:
            trash.move_to_trash(connection, ids, self.clock())
        else:
            trash.restore(connection, ids)

    def revert(self, connection: Connection, part: Part = None) -> None:
        before = _recorded(self._before, part)
        trash.restore(connection, [i for i, since in before.items() if since is None])
        trash.put_back(connection, {i: since for i, since in before.items() if since is not None})


@dataclass
class EmptyTrashEdit:
    """The trash's papers (`ids`, those in it when the user said so) deleted for good, with
    their notes and tags. Not undoable (the window asks first): `revert` does nothing, so a
    part that fails leaves deleted what the parts before it deleted."""

    changes_lists: ClassVar[bool] = True
    ids: list[int]
    deleted: int = 0

    def apply(self, connection: Connection, part: Part = None) -> None:
        self.deleted += trash.delete_for_good(connection, self.ids if part is None else part)

    def revert(self, connection: Connection, part: Part = None) -> None:
        return


def _recorded[T](memory: dict[int, T], part: Part) -> dict[int, T]:
    """What `memory` holds for the papers of `part` (all it holds for None)."""
    if part is None:
        return memory
    return {paper_id: memory[paper_id] for paper_id in part if paper_id in memory}


def _remember_tagged(
    connection: Connection, had: dict[int, bool], ids: list[int], tag: str
) -> None:
    new = [paper_id for paper_id in ids if paper_id not in had]
    tagged = store.tagged_ids(connection, new, tag)
    had.update({paper_id: paper_id in tagged for paper_id in new})


def _tags_of(connection: Connection, paper_id: int) -> tuple[str, ...]:
    rows = browse.load_rows(connection, [paper_id])
    return rows[paper_id].tags if paper_id in rows else ()


def _set_tags(connection: Connection, paper_id: int, tags: Sequence[str]) -> None:
    current = _tags_of(connection, paper_id)
    wanted = {tag.lower() for tag in tags}
    store.remove_tags(connection, [paper_id], [t for t in current if t.lower() not in wanted])
    store.add_tags(connection, [paper_id], tags)


# --- writing a long edit a part at a time -------------------------------------------------------

PART_SECONDS = 0.5
"""How long one part should hold the write lock. Measured on a 54,020-paper library (2 busy
cores): adding a tag rewrites each paper's search-index entry, 0.5-1 ms a paper, so tagging
all of them held the lock 25 s in one transaction, more than the 10 s another writer waits
before `database is locked`; a status costs 0.15-0.3 ms a paper, a star 0.03-0.08 ms. Parts
are sized from the time the last one took, so every kind of edit holds the lock about this
long: tagging all 54,020 papers went in 59 parts holding it 0.49 s (median; 2.2 s at worst),
and a writer trying every 0.2 s meanwhile waited 1.7 s at most (status: 16 parts, 0.46 s
wait at most; star: 6 parts)."""
GAP_SECONDS = 0.12
"""The lock is let go this long between parts. A writer waiting on it (SQLite's busy handler)
looks again every 100 ms at most, so it always finds the gap; a shorter gap could fall
between its looks every time."""
FIRST_PART = 500  # papers: 0.25-0.5 s of the slowest edit (a tag), before anything is timed
LARGEST_PART = 20_000
_GROWTH = 4  # a part is at most this many times the one before


def write_in_parts(
    library: Library,
    edit: Edit,
    *,
    undo: bool = False,
    pause: Callable[[float], None] = time.sleep,
) -> None:
    """Apply (or, with `undo`, revert) `edit`, a part of its papers per transaction, with
    the write lock let go between parts. All or nothing: a part that fails takes back the
    parts written before it, then the error goes on."""
    step, back = (edit.revert, edit.apply) if undo else (edit.apply, edit.revert)
    if not edit.ids:  # of no paper (Today's turn to a new session): one transaction
        with library.writing() as connection:
            step(connection, None)
        return
    written: list[list[int]] = []
    remaining, size = list(edit.ids), FIRST_PART
    while remaining:
        part, remaining = remaining[:size], remaining[size:]
        started = time.perf_counter()
        try:
            with library.writing() as connection:
                step(connection, part)
        except Exception:
            _take_back(library, back, written)
            raise
        written.append(part)
        size = _next_size(size, time.perf_counter() - started)
        if remaining:
            pause(GAP_SECONDS)


def _next_size(size: int, seconds: float) -> int:
    wanted = size * PART_SECONDS / max(seconds, 1e-3)
    return max(1, min(int(wanted), size * _GROWTH, LARGEST_PART))


def _take_back(
    library: Library, back: Callable[[Connection, Part], None], parts: list[list[int]]
) -> None:
    """Undo the parts written, newest first; what cannot be undone stays (the caller reads
    the library again to show what it holds)."""
    try:
        for part in reversed(parts):
            with library.writing() as connection:
                back(connection, part)
    except Exception:  # the library refuses writes: nothing more to take back
        return


# --- a rule run on the papers already in the library -------------------------------------------


@dataclass
class ApplyRuleEdit:
    """A rule run on papers already in the library (Rules → Apply to Existing Papers…): those
    of `ids` (read when the user asked) its query still matches when it is written (it may
    wait behind other edits) get its star, status and tags and a hit, as papers do at import
    (`rules.act`); a rule removed meanwhile (a redo after Remove) writes nothing and says
    so (`rules.GONE`). Reverting gives each paper it caught back
    its star, its status and the time that was set, takes off only the rule's tags it did
    not carry, and forgets the hits this edit added (not those the rule made before).

    Each apply remembers what it replaced in the papers of its part; a redo (after an undo
    put them back) finds them as they were and remembers the same."""

    changes_lists: ClassVar[bool] = False
    rule: Rule
    ids: list[int]
    _before: dict[int, store.UserState] = field(default_factory=dict)  # the papers caught
    _lacked: dict[int, tuple[str, ...]] = field(default_factory=dict)  # the rule's tags
    _new_hits: set[int] = field(default_factory=set)
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    @property
    def caught(self) -> list[int]:
        """The papers it acted on, in id order."""
        return sorted(self._before)

    def apply(self, connection: Connection, part: Part = None) -> None:
        """`RuleError` (`GONE`) when the rule was removed while this edit waited its turn."""
        if not rules.still_kept(connection, self.rule):
            raise rules.RuleError(Message(rules.GONE, name=self.rule.name))
        ids = list(self.ids if part is None else part)
        matched = rules.matching_among(connection, self.rule.query, ids)  # once, as written
        self._remember(connection, ids, matched)
        rules.act(connection, {self.rule: matched}, self.clock())

    def _remember(self, connection: Connection, ids: list[int], matched: list[int]) -> None:
        for paper_id in ids:  # what an earlier apply of these papers remembered is undone
            self._before.pop(paper_id, None)
            self._lacked.pop(paper_id, None)
            self._new_hits.discard(paper_id)
        self._before.update(store.user_states(connection, matched))
        carried = {tag: store.tagged_ids(connection, matched, tag) for tag in self.rule.tags}
        for paper_id in matched:
            lacked = tuple(tag for tag, had in carried.items() if paper_id not in had)
            self._lacked[paper_id] = lacked
        self._new_hits.update(set(matched) - rules.hit_among(connection, self.rule.id, matched))

    def revert(self, connection: Connection, part: Part = None) -> None:
        before = _recorded(self._before, part)
        if self.rule.star:
            store.set_starred(connection, [i for i, s in before.items() if not s.starred], False)
        if self.rule.status not in (None, UNREAD):
            groups: dict[dt.datetime | None, list[int]] = {}
            for paper_id, state in before.items():
                if state.status is UNREAD:  # a rule gives a status to unread papers only
                    groups.setdefault(state.status_changed_at, []).append(paper_id)
            for changed_at, ids in groups.items():
                store.undo_status(connection, ids, UNREAD, changed_at)
        for tag in self.rule.tags:
            store.remove_tags(connection, [i for i in before if tag in self._lacked[i]], [tag])
        rules.forget_hits(connection, self.rule.id, [i for i in before if i in self._new_hits])


# --- the rules themselves ----------------------------------------------------------------------


@dataclass
class AddRuleEdit:
    """A rule kept (Rules → Add…), written in turn with the edits, off the GUI thread. Not
    undoable (removing it is). `added`: the rule with its id; `refused`: why it was not
    (its name taken by then, a rule that does nothing), for the form to say."""

    changes_lists: ClassVar[bool] = False
    rule: Rule
    ids: list[int] = field(default_factory=list)  # of no paper
    added: Rule | None = None
    refused: Message | None = None
    clock: Clock = field(default=utc_now, kw_only=True, repr=False)

    def apply(self, connection: Connection, part: Part = None) -> None:
        try:
            self.added = rules.add_rule(connection, self.rule, self.clock())
        except rules.RuleError as error:
            self.refused = error.described

    def revert(self, connection: Connection, part: Part = None) -> None:
        """Nothing: it is not on the undo stack."""


@dataclass
class RemoveRuleEdit:
    """A rule forgotten (Rules → Remove; what it did stays done), written in turn with the
    edits: an Apply to Existing Papers… of it queued before is written first. `refused`:
    why not (it was removed already, by `readinglist rules remove`)."""

    changes_lists: ClassVar[bool] = False
    name: str
    ids: list[int] = field(default_factory=list)  # of no paper
    refused: Message | None = None

    def apply(self, connection: Connection, part: Part = None) -> None:
        try:
            rules.remove_rule(connection, self.name)
        except rules.RuleError as error:
            self.refused = error.described

    def revert(self, connection: Connection, part: Part = None) -> None:
        """Nothing: it is not on the undo stack."""


@dataclass
class ShareRuleEdit:
    """A shared library's rule of mine shared with every member, or no more (Rules →
    Share), written in turn with the edits. `refused`: why not (another member's, gone, or
    a rule that does more than tag: `rules.set_shared`)."""

    changes_lists: ClassVar[bool] = False
    rule: Rule
    shared: bool
    ids: list[int] = field(default_factory=list)  # of no paper
    refused: Message | None = None

    def apply(self, connection: Connection, part: Part = None) -> None:
        try:
            rules.set_shared(connection, self.rule, self.shared)
        except rules.RuleError as error:
            self.refused = error.described

    def revert(self, connection: Connection, part: Part = None) -> None:
        """Nothing: it is not on the undo stack."""
