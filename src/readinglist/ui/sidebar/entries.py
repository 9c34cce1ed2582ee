"""The sidebar's entries, declared once: each kind of entry, the key it is saved under
(`kind:value`), and the query it stands for. The model builds its rows from here, and a key
restored from the settings finds its query here too, before the first counts arrive.

A new kind of entry is one line in `_QUERY_OF_KIND` and one builder below.
"""

import datetime as dt
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
SAVED_GROUP = "group:saved"
SAVED_PREFIX = "saved:"
TAGS_GROUP = "group:tags"
DIGESTS_GROUP = "group:digests"


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    label: str
    count: int
    query: "Query | None"  # None for a group's heading
    tooltip: str = ""


def _query_of_kind() -> "dict[str, Callable[[str], Query]]":
    from readinglist.core.query import Query

    return {
        ALL_PAPERS_KEY: lambda _: Query(),
        STARRED_KEY: lambda _: Query(starred=True),
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


def _entry(key: str, label: str, count: int, tooltip: str = "") -> Entry:
    return Entry(key, label, count, query_for_key(key), tooltip)


def fixed_entries(counts: SidebarCounts) -> list[Entry]:
    statuses = [
        _entry(f"status:{status.value}", tr(status.look.label), counts.by_status[status])
        for status in ReadingStatus
    ]
    return [
        _entry(ALL_PAPERS_KEY, tr("All papers"), counts.total),
        *statuses,
        _entry(STARRED_KEY, tr("Starred"), counts.starred),
        Entry(SAVED_GROUP, tr("Saved searches"), 0, None),
        Entry(TAGS_GROUP, tr("Tags"), 0, None),
        Entry(DIGESTS_GROUP, tr("Digests"), 0, None),
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
        entries.append(Entry(key, saved.name, saved.count or 0, query, tooltip))
    return entries


def saved_search_id(key: str) -> int | None:
    """The saved search an entry's key names, or None for any other entry."""
    prefix, _, value = key.partition(":")
    return int(value) if f"{prefix}:" == SAVED_PREFIX and value.isdigit() else None


def tag_entries(counts: SidebarCounts) -> list[Entry]:
    return [_entry(f"tag:{name}", name, n) for name, n in counts.tags]


def digest_entries(counts: SidebarCounts) -> list[Entry]:
    return [
        _entry(
            f"digest:{d.date}",
            d.date.isoformat(),
            d.unread,
            tr("{papers} papers, {unread} unread").format(papers=d.papers, unread=d.unread),
        )
        for d in counts.digests
    ]
