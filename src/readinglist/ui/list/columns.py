"""The list's columns, each declared once: its header, what a cell shows, how it sorts, its
width and alignment. The model, the view and the column chooser read this table; a new column
is one entry here (and one in `Column`, whose order is the saved header's positional order).

A cell shows `CELL_SHOWN` characters at most: Qt lays out a cell's whole text to elide it,
and a 20 MB title (a digest can hold one) froze the window for minutes.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from readinglist.core.listing import PaperRow, SortKey
from readinglist.core.render import clip
from readinglist.core.translatable import QT_TR_NOOP
from readinglist.ui.i18n import count_text, counted, tr
from readinglist.ui.qt import Qt

CELL_SHOWN = 300  # characters: more than the widest cell shows
TOOLTIP_SHOWN = 1_000
AUTHORS_SHOWN = 3
_CENTRED = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class Column(IntEnum):
    """In the order a saved header state counts them: append, never reorder."""

    STAR = 0
    STATUS = 1
    TITLE = 2
    FIRST_SEEN = 3
    VOTES = 4
    AUTHORS = 5
    TAGS = 6
    SEEN = 7
    RISING = 8

    @property
    def facts(self) -> "ColumnFacts":
        return COLUMNS[self]


@dataclass(frozen=True, slots=True)
class ColumnFacts:
    header: str  # translated where it is shown
    name: str  # in the column chooser (the star's header is only a sign)
    sort_key: SortKey
    display: Callable[[PaperRow], str]
    width: int | None  # None: the column takes what is left
    alignment: Qt.AlignmentFlag | None = None
    tooltip: Callable[[PaperRow], str | None] | None = None
    always_shown: bool = False
    shown_by_default: bool = True  # False: hidden until chosen (header menu, View → Columns)


def short_authors(row: PaperRow) -> str:
    shown = ", ".join(clip(author, CELL_SHOWN) for author in row.authors[:AUTHORS_SHOWN])
    more = len(row.authors) > AUTHORS_SHOWN or row.authors_truncated
    return shown + (" et al." if more else "")


def _title_tip(row: PaperRow) -> str | None:
    return clip(row.title, TOOLTIP_SHOWN)


def _seen(row: PaperRow) -> str:
    """ "3×" for a paper seen three times; nothing for one seen once (most are)."""
    return f"{count_text(row.seen_count)}×" if row.seen_count > 1 else ""


def _seen_tip(row: PaperRow) -> str | None:
    if row.seen_count < 2:
        return None
    seen = tr("Seen {n} times since {day}")
    return seen.format(n=count_text(row.seen_count), day=row.first_seen.isoformat())


def _rising(row: PaperRow) -> str:
    """ "+12", "-3" or "0": the votes gained over its last sightings; "" with nothing to
    compare (seen with votes fewer than twice)."""
    if row.rising is None:
        return ""
    sign = "+" if row.rising > 0 else "-" if row.rising < 0 else ""
    return sign + count_text(abs(row.rising))


def _rising_tip(row: PaperRow) -> str | None:
    gained = row.rising
    if gained is None:
        return None
    if gained > 0:
        many = tr("Gained {n} votes over its last sightings")
        return counted(gained, tr("Gained 1 vote over its last sightings"), many)
    if gained < 0:
        many = tr("Lost {n} votes over its last sightings")
        return counted(-gained, tr("Lost 1 vote over its last sightings"), many)
    return tr("No votes gained over its last sightings")


def _authors_tip(row: PaperRow) -> str | None:
    if not row.authors:
        return None
    authors = ", ".join(clip(a, TOOLTIP_SHOWN) for a in row.authors[:TOOLTIP_SHOWN])
    return clip(authors, TOOLTIP_SHOWN) + (" …" if row.authors_truncated else "")


COLUMNS = {
    Column.STAR: ColumnFacts(
        "★",
        QT_TR_NOOP("Starred"),
        SortKey.STARRED,
        lambda row: "★" if row.starred else "",
        26,
        _CENTRED,
    ),
    Column.STATUS: ColumnFacts(
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Status"),
        SortKey.STATUS,
        lambda row: f"{row.status.look.mark} {tr(row.status.look.label).lower()}",  # ● unread
        84,
    ),
    Column.TITLE: ColumnFacts(
        QT_TR_NOOP("Title"),
        QT_TR_NOOP("Title"),
        SortKey.TITLE,
        lambda row: row.title,
        None,
        tooltip=_title_tip,
        always_shown=True,
    ),
    Column.FIRST_SEEN: ColumnFacts(
        QT_TR_NOOP("First seen"),
        QT_TR_NOOP("First seen"),
        SortKey.FIRST_SEEN,
        lambda row: row.first_seen.isoformat(),
        84,
    ),
    Column.VOTES: ColumnFacts(
        QT_TR_NOOP("Votes"),
        QT_TR_NOOP("Votes"),
        SortKey.VOTES,
        lambda row: "" if row.votes is None else str(row.votes),
        50,
        _RIGHT,
    ),
    Column.AUTHORS: ColumnFacts(
        QT_TR_NOOP("Authors"),
        QT_TR_NOOP("Authors"),
        SortKey.AUTHORS,
        short_authors,
        110,
        tooltip=_authors_tip,
    ),
    Column.TAGS: ColumnFacts(
        QT_TR_NOOP("Tags"),
        QT_TR_NOOP("Tags"),
        SortKey.TAGS,
        lambda row: ", ".join(row.tags),
        70,
    ),
    Column.SEEN: ColumnFacts(
        QT_TR_NOOP("Seen"),
        QT_TR_NOOP("Seen"),
        SortKey.SEEN,
        _seen,
        52,  # room for the sort indicator beside the header
        _RIGHT,
        tooltip=_seen_tip,
    ),
    Column.RISING: ColumnFacts(
        QT_TR_NOOP("Rising"),
        QT_TR_NOOP("Rising"),
        SortKey.RISING,
        _rising,
        60,
        _RIGHT,
        tooltip=_rising_tip,
        shown_by_default=False,  # at 1280 px it took the title's room; Seen says more
    ),
}
