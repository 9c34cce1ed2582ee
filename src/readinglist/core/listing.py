"""What the window's list and sidebar show, as plain data: rows, counts and sort keys.

Kept apart from the SQL that fills them, so the window can be built (and shown) before
SQLAlchemy is even imported.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from readinglist.core.paper import ReadingStatus


class SortKey(StrEnum):
    LAST_SEEN = "last_seen"
    FIRST_SEEN = "first_seen"
    VOTES = "votes"
    TITLE = "title"
    STATUS = "status"
    STARRED = "starred"
    AUTHORS = "authors"
    TAGS = "tags"
    SEEN = "seen"  # how often the paper was seen (`papers.seen_count`)
    RISING = "rising"  # the votes it gained over its last sightings
    RULES_FIRST = "rules"  # put first in Today by a rule, then as LAST_SEEN (no column)

    @property
    def newest_first(self) -> bool:
        """Whether this key sorts descending unless reversed: newest, most voted, starred,
        most often seen, most risen first; text keys A to Z."""
        return self in _NEWEST_FIRST


_NEWEST_FIRST = frozenset(
    {
        SortKey.LAST_SEEN,
        SortKey.FIRST_SEEN,
        SortKey.VOTES,
        SortKey.STARRED,
        SortKey.SEEN,
        SortKey.RISING,
        SortKey.RULES_FIRST,
    }
)


@dataclass(frozen=True, slots=True)
class PaperRow:
    """One line of the paper list: only what the columns show."""

    id: int
    arxiv_id: str
    title: str
    authors: tuple[str, ...]
    authors_truncated: bool
    first_seen: dt.date
    votes: int | None
    starred: bool
    status: ReadingStatus
    tags: tuple[str, ...]
    seen_count: int = 1  # its sightings: another day, another source
    rising: int | None = None  # votes gained over its last sightings; None: nothing to compare


@dataclass(frozen=True, slots=True)
class DigestCount:
    date: dt.date
    papers: int
    unread: int


@dataclass(frozen=True, slots=True)
class SourceCount:
    """A source format's papers (those seen in it at least once), and the unread of them."""

    name: str  # the format's name (`core.sources.registry.FORMATS`)
    papers: int
    unread: int


@dataclass(frozen=True, slots=True)
class SavedSearchCount:
    """A saved search as the sidebar lists it; `count` is None when its text no longer parses."""

    id: int
    name: str
    query_text: str
    count: int | None
    owner: str | None = None  # a shared library's: who saved it (None on a library file)
    shared: bool = False  # seen by every member
    mine: bool = True  # another member's shared search is read only


@dataclass(frozen=True, slots=True)
class TodayProgress:
    """Today's papers and how far the reader is through them; `queued` and `starred`: of the
    triaged, those queued or starred (what the caught-up line says)."""

    total: int = 0
    triaged: int = 0
    queued: int = 0
    starred: int = 0
    brought_back: frozenset[int] = frozenset()  # resurfaced into this Today
    brought_back_left: frozenset[int] = frozenset()  # of those, still untriaged

    def untriaged(self, paper_id: int, unread: bool) -> bool:
        """Whether a paper of Today (`unread`: its status) is still to do."""
        if paper_id in self.brought_back:
            return paper_id in self.brought_back_left
        return unread

    @property
    def left(self) -> int:
        return self.total - self.triaged

    @property
    def caught_up(self) -> bool:
        return self.total > 0 and self.left == 0


@dataclass(frozen=True, slots=True)
class SidebarCounts:
    total: int
    by_status: dict[ReadingStatus, int]
    starred: int
    tags: tuple[tuple[str, int], ...]
    digests: tuple[DigestCount, ...]
    every_digest: bool = True  # False: `digests` holds only those whose counts may have changed
    saved: tuple[SavedSearchCount, ...] = ()
    trashed: int = 0  # papers in the trash (none of the other counts has them)
    sources: tuple[SourceCount, ...] = ()  # in the registry's order
    added_today: int = 0  # papers added on the local today ("New today")
    added_today_unread: int = 0
    today: TodayProgress = TodayProgress()  # Today's papers (`core.today`)
