"""The sidebar's entries, declared once: each kind of entry, the key it is saved under
(`kind:value`), and the query it stands for. The model builds its rows from here, and a key
restored from the settings finds its query here too, before the first counts arrive.

A new kind of entry is one line in `_query_of_kind` and one builder below. Digests come as a
tree: year, month, day (357 days in one flat column were too many to scan), each year and
month with the unread papers of its days rolled up, and standing for the query `digest:2025`
or `digest:2025-05`. Sources list each format the library holds (`source:NAME`), New today
the papers added on the local today (`added:today`), listed only when there are some.
"""

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from readinglist.core.listing import SavedSearchCount, SidebarCounts
from readinglist.core.paper import ReadingStatus
from readinglist.ui.i18n import (
    QT_TR_NOOP,
    count_papers,
    count_text,
    source_label,
    tr,
    tr_message,
)

if TYPE_CHECKING:  # the query language loads with the first counts, after the first paint
    from readinglist.core.query import Query

ALL_PAPERS_KEY = "all"
STARRED_KEY = "starred"
TRASH_KEY = "trash"
NEW_TODAY_KEY = "new-today"
TODAY_KEY = "today"
SAVED_GROUP = "group:saved"
SAVED_PREFIX = "saved:"
TAGS_GROUP = "group:tags"
DIGESTS_GROUP = "group:digests"
SOURCES_GROUP = "group:sources"
YEAR = "year"
MONTH = "month"
MONTH_NAMES = (
    QT_TR_NOOP("January"),
    QT_TR_NOOP("February"),
    QT_TR_NOOP("March"),
    QT_TR_NOOP("April"),
    QT_TR_NOOP("May"),
    QT_TR_NOOP("June"),
    QT_TR_NOOP("July"),
    QT_TR_NOOP("August"),
    QT_TR_NOOP("September"),
    QT_TR_NOOP("October"),
    QT_TR_NOOP("November"),
    QT_TR_NOOP("December"),
)


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    label: str
    count: int
    tooltip: str = ""
    saved_query: "Query | None" = None  # a saved search's, parsed from its text
    papers: int = 0  # a digest's, month's, year's or source's papers (its count: the unread)
    name: str = ""  # a saved search's own name (its label may add its owner's)
    owner: str | None = None  # a shared library's saved search: who saved it
    shared: bool = False  # a shared library's saved search, seen by every member
    mine: bool = True  # False: another member's shared saved search, read only

    @property
    def hint(self) -> str:
        """The tooltip: a day's, month's or year's counts in words, made when asked (there
        are thousands of days)."""
        if self.tooltip or not self.papers:
            return self.tooltip
        words = tr("{papers}, {unread} unread")
        return words.format(papers=count_papers(self.papers), unread=count_text(self.count))

    @property
    def query(self) -> "Query | None":
        """What the entry shows (None for a group's heading), built when asked: a library
        holds thousands of digests, and new counts rebuild every entry on the GUI thread."""
        if self.key.startswith(SAVED_PREFIX):
            return self.saved_query
        return query_for_key(self.key)


@functools.cache
def _query_of_kind() -> "dict[str, Callable[[str], Query]]":
    from readinglist.core.query import Query, parse_query

    return {
        ALL_PAPERS_KEY: lambda _: Query(),
        STARRED_KEY: lambda _: Query(starred=True),
        TRASH_KEY: lambda _: Query(trashed=True),
        NEW_TODAY_KEY: lambda _: parse_query("added:today"),
        TODAY_KEY: lambda _: parse_query("is:today"),
        "source": lambda value: parse_query(f"source:{value}"),
        "status": lambda value: Query(statuses=(ReadingStatus(value),)),
        "tag": lambda value: Query(tags=(value,)),
        "digest": lambda value: Query(digests=(dt.date.fromisoformat(value),)),
        YEAR: _digests_in,
        MONTH: _digests_in,
    }


def _digests_in(period: str) -> "Query":
    """`2025` or `2025-05`: the query language's own `digest:2025-05`."""
    from readinglist.core.query import QueryError, parse_query

    if not period.replace("-", "").isdigit():
        raise ValueError(period)
    try:
        return parse_query(f"digest:{period}")
    except QueryError as error:
        raise ValueError(period) from error


@functools.cache  # a view asks each entry's flags at every paint; one Query a key is enough
def query_for_key(key: str) -> "Query | None":
    """The query an entry's key stands for (None for a group, a saved search or a key that
    names nothing: a saved setting from another version)."""
    kind, colon, value = key.partition(":")
    build = _query_of_kind().get(kind)
    if build is None or (colon and not value):
        return None
    try:
        return build(value)
    except ValueError:  # QueryError too: a source this version does not read
        return None


def fixed_entries(counts: SidebarCounts) -> list[Entry]:
    statuses = [
        Entry(f"status:{status.value}", tr(status.look.label), counts.by_status[status])
        for status in ReadingStatus
    ]
    new_today = [
        Entry(NEW_TODAY_KEY, tr("New today"), counts.added_today_unread, papers=added)
        for added in (counts.added_today,)
        if added
    ]
    today = counts.today
    progress = tr("{triaged} of {total} triaged").format(triaged=today.triaged, total=today.total)
    return [
        Entry(TODAY_KEY, tr("Today"), today.left, progress),
        Entry(ALL_PAPERS_KEY, tr("All papers"), counts.total),
        *new_today,
        *statuses,
        Entry(STARRED_KEY, tr("Starred"), counts.starred),
        Entry(TRASH_KEY, tr("Trash"), counts.trashed),
        Entry(SAVED_GROUP, tr("Saved searches"), 0),
        Entry(TAGS_GROUP, tr("Tags"), 0),
        Entry(SOURCES_GROUP, tr("Sources"), 0),
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
            why = tr_message(error.described)
            query, tooltip = None, tr("This query no longer reads: {error}").format(error=why)
        key = f"{SAVED_PREFIX}{saved.id}"
        label, tooltip = _saved_label(saved, tooltip)
        entries.append(
            Entry(
                key,
                label,
                saved.count or 0,
                tooltip,
                query,
                name=saved.name,
                owner=saved.owner,
                shared=saved.shared,
                mine=saved.mine,
            )
        )
    return entries


def _saved_label(saved: "SavedSearchCount", tooltip: str) -> tuple[str, str]:
    """A shared library's saved search says who shares it: another member's by name in
    its label, mine shared in its tooltip."""
    if not saved.mine:
        label = tr("{name} · {owner}").format(name=saved.name, owner=saved.owner)
        said = tr("Shared by {owner} (only they can change it): {query}")
        return label, said.format(owner=saved.owner, query=tooltip)
    if saved.shared:
        return saved.name, tr("Shared with everyone in this library: {query}").format(query=tooltip)
    return saved.name, tooltip


def saved_search_id(key: str) -> int | None:
    """The saved search an entry's key names, or None for any other entry."""
    prefix, _, value = key.partition(":")
    return int(value) if f"{prefix}:" == SAVED_PREFIX and value.isdigit() else None


def tag_entries(counts: SidebarCounts) -> list[Entry]:
    return [Entry(f"tag:{name}", name, n) for name, n in counts.tags]


def source_entries(counts: SidebarCounts) -> list[Entry]:
    """A source format per entry, by its label: its unread papers; the tooltip names it
    whole (a narrow sidebar cuts it) with its papers."""
    entries = []
    for source in counts.sources:
        label = source_label(source.name)
        said = tr("{source}: {papers}, {unread} unread").format(
            source=label, papers=count_papers(source.papers), unread=count_text(source.unread)
        )
        entries.append(
            Entry(f"source:{source.name}", label, source.unread, said, papers=source.papers)
        )
    return entries


@dataclass(frozen=True, slots=True)
class Tree:
    entry: Entry
    children: "Sequence[Tree]" = field(default_factory=tuple)


def digest_entries(counts: SidebarCounts) -> list[Entry]:
    """A digest per day: 11,000 in a 200,000-paper library, built after every edit's new
    counts (about 25 ms on the GUI thread; 200 ms while each built its query)."""
    entries = []
    for digest in counts.digests:
        day = digest.date.isoformat()
        entries.append(Entry(f"digest:{day}", day, digest.unread, papers=digest.papers))
    return entries


def digest_tree(days: Iterable[Entry]) -> list[Tree]:
    """Days (newest first, as the counts list them) under their month under their year."""
    years = []
    for year, in_year in itertools.groupby(days, key=lambda day: day.label[:4]):
        months = [
            Tree(period_entry(MONTH, month, list(in_month)), [Tree(d) for d in in_month])
            for month, in_month in _by_month(in_year)
        ]
        years.append(Tree(period_entry(YEAR, year, [m.entry for m in months]), months))
    return years


def _by_month(days: Iterable[Entry]) -> list[tuple[str, list[Entry]]]:
    return [(m, list(group)) for m, group in itertools.groupby(days, key=lambda d: d.label[:7])]


def period_entry(kind: str, period: str, parts: Sequence[Entry]) -> Entry:
    """A year (`2025`) or month (`2025-05`): its parts' papers and unread papers summed."""
    papers, unread = sum(p.papers for p in parts), sum(p.count for p in parts)
    return Entry(f"{kind}:{period}", period_label(kind, period), unread, papers=papers)


def period_label(kind: str, period: str) -> str:
    """The year as written; a month by its name in the UI's language ("May", "5월"),
    which may not be the system's (the `ui/language` setting): translated, not the
    locale's."""
    if kind != MONTH:
        return period
    return tr(MONTH_NAMES[int(period[5:7]) - 1])
