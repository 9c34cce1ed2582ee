"""The query language shared by `readinglist list` and (later) the GUI's search box.

For now: words (all must match), `"quoted phrases"`, `tag:X`, `status:S`, `is:starred`,
`is:unread`, `digest:YYYY-MM-DD` (appeared in that day's digest). A malformed query
raises `QueryError` pointing at the offending term.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from readinglist.core.paper import ReadingStatus

_TOKEN = re.compile(r'(?:[^\s"]*"[^"]*"?)+[^\s"]*|\S+')


class QueryError(ValueError):
    def __init__(self, position: int, message: str) -> None:
        self.position = position
        self.message = message
        super().__init__(f"at character {position + 1}: {message}")


@dataclass(frozen=True, slots=True)
class Query:
    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    statuses: tuple[ReadingStatus, ...] = ()
    starred: bool | None = None
    digests: tuple[dt.date, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == Query()


def parse_query(text: str) -> Query:
    parts = _Parts()
    for match in _TOKEN.finditer(text):
        token, position = match.group(), match.start()
        if token.count('"') % 2:
            raise QueryError(position, f"unclosed quote in {token}")
        field, colon, value = token.partition(":")
        if colon and field.lower() in _FIELDS:
            parts.add_field(field.lower(), value.replace('"', "").strip(), position)
        elif word := token.replace('"', "").strip():
            parts.words.append(word)
    return parts.query()


_FIELDS = frozenset({"tag", "status", "is", "digest"})


@dataclass(slots=True)
class _Parts:
    words: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    statuses: list[ReadingStatus] = field(default_factory=list)
    starred: bool | None = None
    digests: list[dt.date] = field(default_factory=list)

    def add_field(self, name: str, value: str, position: int) -> None:
        if not value:
            raise QueryError(position, f"'{name}:' needs a value")
        if name == "tag":
            self.tags.append(value)
        elif name == "status":
            self.statuses.append(_status(value, position))
        elif name == "digest":
            self.digests.append(_date(value, position))
        elif value.lower() == "starred":
            self.starred = True
        elif value.lower() == "unread":
            self.statuses.append(ReadingStatus.UNREAD)
        else:
            raise QueryError(position, f"unknown 'is:{value}' (use is:starred or is:unread)")

    def query(self) -> Query:
        statuses = tuple(dict.fromkeys(self.statuses))
        digests = tuple(dict.fromkeys(self.digests))
        return Query(tuple(self.words), tuple(self.tags), statuses, self.starred, digests)


def _status(value: str, position: int) -> ReadingStatus:
    try:
        return ReadingStatus.parse(value)
    except ValueError as error:
        raise QueryError(position, str(error)) from None


def _date(value: str, position: int) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(position, f"'{value}' is not a date as YYYY-MM-DD") from None
