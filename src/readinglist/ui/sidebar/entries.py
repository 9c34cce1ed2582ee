"""The sidebar's entries, declared once: each kind of entry, the key it is saved under
(`kind:value`), and the query it stands for. The model builds its rows from here, and a key
restored from the settings finds its query here too, before the first counts arrive.

A new kind of entry is one line in `_QUERY_OF_KIND` and one builder below.
"""

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readinglist.core.listing import SidebarCounts
from readinglist.core.paper import ReadingStatus
from readinglist.ui.i18n import tr

if TYPE_CHECKING:  # the query language loads with the first counts, after the first paint
    from readinglist.core.query import Query

ALL_PAPERS_KEY = "all"
STARRED_KEY = "starred"
TRASH_KEY = "trash"
SAVED_GROUP = "group:saved"
SAVED_PREFIX = "saved:"
TAGS_GROUP = "group:tags"
DIGESTS_GROUP = "group:digests"


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    label: str
    count: int
    tooltip: str = ""
    saved_query: "Query | None" = None  # a saved search's, parsed from its text

    @property
    def query(self) -> "Query | None":
        """What the entry shows (None for a group's heading), built when asked: a library
        holds thousands of digests, and new counts rebuild every entry on the GUI thread."""
        if self.key.startswith(SAVED_PREFIX):
            return self.saved_query
        return query_for_key(self.key)


@functools.cache
def _query_of_kind() -> "dict[str, Callable[[str], Query]]":
    from readinglist.core.query import Query

    return {
        ALL_PAPERS_KEY: lambda _: Query(),
        STARRED_KEY: lambda _: Query(starred=True),
        TRASH_KEY: lambda _: Query(trashed=True),
        "status": lambda value: Query(statuses=(ReadingStatus(value),)),
        "tag": lambda value: Query(tags=(value,)),
        "digest": lambda value: Query(digests=(dt.date.fromisoformat(value),)),
    }


def query_for_key(key: str) -> "Query | None":
    """The query an entry's key stands for (None for a group, a saved search or a key that
    names nothing: a saved setting from another version)."""
    kind, colon, value = key.partition(":")
    build = _query_of_kind().get(kind)
    if build is None or (colon and not value):
        return None
    try:
        return build(value)
    except ValueError:
        return None


def fixed_entries(counts: SidebarCounts) -> list[Entry]:
    statuses = [
        Entry(f"status:{status.value}", tr(status.look.label), counts.by_status[status])
        for status in ReadingStatus
    ]
    return [
        Entry(ALL_PAPERS_KEY, tr("All papers"), counts.total),
        *statuses,
        Entry(STARRED_KEY, tr("Starred"), counts.starred),
        Entry(TRASH_KEY, tr("Trash"), counts.trashed),
        Entry(SAVED_GROUP, tr("Saved searches"), 0),
        Entry(TAGS_GROUP, tr("Tags"), 0),
        Entry(DIGESTS_GROUP, tr("Digests"), 0),
    ]


def saved_entries(counts: SidebarCounts) -> list[Entry]:
    """A saved search whose text no longer parses is listed, greyed, with the reason."""
    from readinglist.core.query import Query, QueryError, parse_query

    entries = []
    for saved in counts.saved:
        try:
            query: Query | None = parse_query(saved.query_text)
            tooltip = saved.query_text
        except QueryError as error:
            query, tooltip = None, tr("This query no longer reads: {error}").format(error=error)
        key = f"{SAVED_PREFIX}{saved.id}"
        entries.append(Entry(key, saved.name, saved.count or 0, tooltip, query))
    return entries


def saved_search_id(key: str) -> int | None:
    """The saved search an entry's key names, or None for any other entry."""
    prefix, _, value = key.partition(":")
    return int(value) if f"{prefix}:" == SAVED_PREFIX and value.isdigit() else None


def tag_entries(counts: SidebarCounts) -> list[Entry]:
    return [Entry(f"tag:{name}", name, n) for name, n in counts.tags]


def digest_entries(counts: SidebarCounts) -> list[Entry]:
    """A digest per day: 11,000 in a 200,000-paper library, built after every edit's new
    counts (about 25 ms on the GUI thread; 200 ms while each built its query)."""
    tooltip = tr("{papers} papers, {unread} unread")
    entries = []
    for digest in counts.digests:
        day = digest.date.isoformat()
        words = tooltip.format(papers=digest.papers, unread=digest.unread)
        entries.append(Entry(f"digest:{day}", day, digest.unread, words))
    return entries
