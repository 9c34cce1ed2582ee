"""A paper as the library knows it, in plain frozen values: what the CLI prints, the GUI shows."""

import datetime as dt
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from readinglist.core.digest import Media
from readinglist.core.sources.sighting import Links
from readinglist.core.translatable import QT_TR_NOOP, Message


class ReadingStatus(StrEnum):
    UNREAD = "unread"
    QUEUED = "queued"
    READING = "reading"
    READ = "read"
    SKIPPED = "skipped"

    @classmethod
    def parse(cls, text: str) -> "ReadingStatus":
        """The status named by `text` (any case), or ValueError listing the valid ones."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(str(cls.unknown(text))) from None

    @classmethod
    def unknown(cls, text: str) -> Message:
        """What `parse` says of a `text` that names no status."""
        names = ", ".join(status.value for status in cls)
        return Message(
            QT_TR_NOOP("unknown status '{text}' (one of: {names})"), text=text, names=names
        )

    @property
    def look(self) -> "StatusLook":
        return STATUS_LOOKS[self]


@dataclass(frozen=True, slots=True)
class StatusLook:
    """How a reading status shows itself: the list, the sidebar, the detail pane, the
    selection panel, the menus and the command line all read this one table."""

    label: str  # what people read, translated where it is shown (`tr(look.label)`)
    mark: str  # the list's one-character sign
    key: str  # the triage key that sets it (also its menu shortcut)


STATUS_LOOKS = {
    ReadingStatus.UNREAD: StatusLook(QT_TR_NOOP("Unread"), "●", "U"),
    ReadingStatus.QUEUED: StatusLook(QT_TR_NOOP("Queued"), "◷", "Q"),
    ReadingStatus.READING: StatusLook(QT_TR_NOOP("Reading"), "◐", "R"),
    ReadingStatus.READ: StatusLook(QT_TR_NOOP("Read"), "✓", "D"),
    ReadingStatus.SKIPPED: StatusLook(QT_TR_NOOP("Skipped"), "–", "X"),
}


@dataclass(frozen=True, slots=True)
class SharedNote:
    """A note on a paper that its author shared with the other members of a shared library
    (a library file has none): `mine` when the person reading wrote it; `version` counts
    its saves, so a save can tell whether it changed elsewhere since it was read."""

    id: int
    author: str
    text: str
    changed_at: dt.datetime
    version: int
    mine: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "author": self.author,
            "text": self.text,
            "changed_at": self.changed_at.isoformat(),
            "mine": self.mine,
        }


@dataclass(frozen=True, slots=True)
class DigestAppearance:
    """A sighting of the paper: one source's digest of one day, and its votes there."""

    date: dt.date
    votes: int | None
    position: int
    source: str = "daily-papers-md"  # the format's name (`core.sources.registry.FORMATS`)


@dataclass(frozen=True, slots=True)
class Paper:
    id: int
    arxiv_id: str
    title: str
    url: str
    authors: tuple[str, ...]
    authors_truncated: bool
    votes: int | None
    first_seen: dt.date
    last_seen: dt.date
    digests: tuple[DigestAppearance, ...]
    media: Media | None
    summary: tuple[str, ...]
    starred: bool
    status: ReadingStatus
    status_changed_at: dt.datetime | None
    tags: tuple[str, ...]
    note: str
    abstract: str | None = None  # the paper's own (English), from the latest source with it
    links: Links | None = None  # None: only those its id gives
    title_ko: str | None = None
    # What a generator wrote where its summary should be, when no source gave a summary.
    summary_error: str | None = None
    seen_count: int = 1  # its sightings, as the library keeps the count (`papers.seen_count`)
    rising: int | None = None  # votes gained over its last voted sightings (`votes_gained`)
    categories: tuple[str, ...] = ()  # arXiv categories (cs.CL) its sources gave, first seen first
    suggested_tags: tuple[str, ...] = ()  # tags its sources offer; applied only by the user
    rules: tuple[str, ...] = ()  # the names of the rules that acted on it, in the order they run
    shared_notes: tuple[SharedNote, ...] = ()  # a shared library's, oldest first

    @property
    def my_shared_notes(self) -> tuple[SharedNote, ...]:
        return tuple(note for note in self.shared_notes if note.mine)

    @property
    def others_shared_notes(self) -> tuple[SharedNote, ...]:
        return tuple(note for note in self.shared_notes if not note.mine)

    @property
    def all_links(self) -> Links:
        return self.links or Links.of(self.arxiv_id, {})

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources it was seen in, in the order first seen."""
        return tuple(dict.fromkeys(seen.source for seen in self.digests))

    def to_json(self) -> dict[str, Any]:
        """The CLI's paper shape (a contract: scripts rely on these names; v6 added
        `sightings`, `abstract` and `links`; v7 `seen_count` and `rising`;
        then `shared_notes`, a shared library's, always empty on a library file)."""
        return {
            "arxiv_id": self.arxiv_id,
            "title": self.title,
            "url": self.url,
            "authors": list(self.authors),
            "authors_truncated": self.authors_truncated,
            "votes": self.votes,
            "first_seen": self.first_seen.isoformat(),
            "digests": [{"date": d.date.isoformat(), "votes": d.votes} for d in self.digests],
            "media": {"kind": self.media.kind.value, "url": self.media.url} if self.media else None,
            "summary": list(self.summary),
            "starred": self.starred,
            "status": self.status.value,
            "tags": list(self.tags),
            "note": self.note,
            "sightings": [
                {"source": d.source, "date": d.date.isoformat(), "votes": d.votes}
                for d in self.digests
            ],
            "abstract": self.abstract,
            "links": {k: v for k, v in asdict(self.all_links).items() if v is not None},
            "seen_count": self.seen_count,
            "rising": self.rising,
            "shared_notes": [note.to_json() for note in self.shared_notes],
        }
