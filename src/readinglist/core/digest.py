"""What a digest file holds, as plain frozen values, and the error a bad file gives."""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from readinglist.core.translatable import QT_TR_NOOP, Message

VIDEO_EXTENSIONS = frozenset({".qt", ".mov", ".mp4", ".webm", ".m4v", ".mkv"})

# The days a digest may be of: from the day arXiv began to a few days after today (time
# zones put a digest at most a day ahead; three leave room for one dated ahead of time).
# Any other date is a mistake, and 9999-12-31 left the query code no day after it.
EARLIEST_DATE = dt.date(1991, 8, 14)
MAX_DAYS_AHEAD = 3

# What a field may hold. Each is many times the most that 1,210 papers of 75 real digests
# hold (title 154 characters, summary 2,081, authors 663 of at most 33 characters, teaser
# link 108): more is not a title or a link, and would only make every screen that shows it
# slow. A longer field is cut (a link dropped) and the paper kept, with a warning.
MAX_TITLE_CHARS = 1_000
MAX_SUMMARY_CHARS = 20_000
MAX_AUTHORS = 5_000  # the longest author lists (particle physics) hold about 3,000 names
MAX_AUTHOR_CHARS = 200
MAX_URL_CHARS = 2_048  # the longest URL that every browser and server takes
MAX_WARNINGS = 20  # a file's first warnings are shown; the rest are counted


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"


@dataclass(frozen=True, slots=True)
class Media:
    kind: MediaKind
    url: str

    @classmethod
    def from_url(cls, url: str) -> "Media":
        """Image or video, decided by the file extension of the URL's path."""
        path = url.split("?", 1)[0].split("#", 1)[0].lower()
        dot = path.rfind(".")
        extension = path[dot:] if dot > path.rfind("/") else ""
        kind = MediaKind.VIDEO if extension in VIDEO_EXTENSIONS else MediaKind.IMAGE
        return cls(kind, url)


@dataclass(frozen=True, slots=True)
class Entry:
    """One paper as a digest presents it on its day."""

    position: int  # 1-based, in the order of the file
    line: int  # the line of its `### [` heading
    arxiv_id: str
    url: str
    title: str
    media: Media | None
    votes: int | None
    authors: tuple[str, ...]
    authors_truncated: bool
    summary: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DigestWarning:
    """Something of a file left out or cut to import the rest: where, and what was done."""

    line: int | None
    reason: Message

    @property
    def message(self) -> str:
        return str(self.reason)


class Warnings:
    """A file's first `MAX_WARNINGS` warnings, and a count of the others. Started from
    warnings already counted (`first` ends with its own "and N more"), it takes no more."""

    def __init__(self, first: tuple[DigestWarning, ...] = ()) -> None:
        self.kept: list[DigestWarning] = list(first)
        self.more = 0
        self.closed = len(self.kept) > MAX_WARNINGS

    def add(self, line: int | None, message: Message) -> None:
        if self.closed:
            return
        if len(self.kept) < MAX_WARNINGS:
            self.kept.append(DigestWarning(line, message))
        else:
            self.more += 1

    def all(self) -> tuple[DigestWarning, ...]:
        if not self.more:
            return tuple(self.kept)
        more = Message(QT_TR_NOOP("and {count:,} more warnings"), count=self.more)
        return (*self.kept, DigestWarning(None, more))


@dataclass(frozen=True, slots=True)
class Digest:
    date: dt.date
    entries: tuple[Entry, ...]
    header_count: int = 1
    warnings: tuple[DigestWarning, ...] = ()


class DigestError(ValueError):
    """A file that is not a readable digest: says which file, which line and why (`reason`
    for the UI to translate, `message` in English)."""

    def __init__(self, source: str, line: int | None, reason: Message) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        self.message = str(reason)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}, line {self.line}" if self.line else self.source
        return f"{where}: {self.message}"
