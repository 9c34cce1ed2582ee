"""What a digest file holds, as plain frozen values, and the error a bad file gives."""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

VIDEO_EXTENSIONS = frozenset({".qt", ".mov", ".mp4", ".webm", ".m4v", ".mkv"})


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
class Digest:
    date: dt.date
    entries: tuple[Entry, ...]
    header_count: int = 1


class DigestError(ValueError):
    """A file that is not a readable digest: says which file, which line and why."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}, line {self.line}" if self.line else self.source
        return f"{where}: {self.message}"
