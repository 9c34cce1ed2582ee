"""The terms a query is made of: a small tree that the parser builds and the library compiles.

Plain frozen values, so a query can be compared, hashed and kept by the sidebar, and
`format_terms` writes any tree back as text that parses to the same tree (saved searches
are stored as that text).
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from readinglist.core.paper import ReadingStatus
from readinglist.core.translatable import QT_TR_NOOP, Message


class QueryError(ValueError):
    """A malformed query; `position` is the 0-based index of the character at fault, `reason`
    what is wrong (`message` in English), `described` both, as `str()` says them."""

    def __init__(self, position: int, reason: Message) -> None:
        self.position = position
        self.reason = reason
        self.message = str(reason)
        self.described = Message(
            QT_TR_NOOP("at character {position}: {reason}"), position=position + 1, reason=reason
        )
        super().__init__(str(self.described))


class TextField(StrEnum):
    """Where a text term looks; the values are the query's field names."""

    ANY = ""
    TITLE = "title"
    AUTHORS = "author"
    SUMMARY = "summary"
    NOTE = "note"
    ARXIV_ID = "id"


class Op(StrEnum):
    EQ = "="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="

    def flipped(self) -> "Op":
        return _FLIPPED[self]


_FLIPPED = {Op.EQ: Op.EQ, Op.LT: Op.GT, Op.LE: Op.GE, Op.GT: Op.LT, Op.GE: Op.LE}


@dataclass(frozen=True, slots=True)
class Text:
    """Words (a phrase) found in that order; the last may carry more letters (데이터셋은)."""

    value: str
    field: TextField = TextField.ANY


@dataclass(frozen=True, slots=True)
class Tag:
    name: str  # compared without regard to case


@dataclass(frozen=True, slots=True)
class Status:
    statuses: tuple[ReadingStatus, ...]  # any of them


@dataclass(frozen=True, slots=True)
class Starred:
    pass


@dataclass(frozen=True, slots=True)
class Trashed:
    """In the trash. A query lists the trash's papers only when it asks for them as a whole
    (`is:trashed`, alone or ANDed with the rest); any other query leaves them out."""


@dataclass(frozen=True, slots=True)
class InToday:
    """In Today: arrived since the last triage session, or brought back (`core.today`)."""


@dataclass(frozen=True, slots=True)
class Votes:
    op: Op
    value: int


@dataclass(frozen=True, slots=True)
class Seen:
    """Seen that many times, in any sources (`seen:>1`: seen before)."""

    op: Op
    value: int


@dataclass(frozen=True, slots=True)
class Span:
    """Whole days from `start` to `last`, both included: a day, a month or a year.

    The last day is kept rather than the day after it, which the calendar does not have
    after 9999-12-31: no span, and no query on one, ever needs a day past `dt.date.max`.
    """

    start: dt.date
    last: dt.date

    @classmethod
    def day(cls, day: dt.date) -> "Span":
        return cls(day, day)

    @classmethod
    def month(cls, year: int, month: int) -> "Span":
        return cls(dt.date(year, month, 1), _month_end(year, month))

    @classmethod
    def year(cls, year: int) -> "Span":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def __str__(self) -> str:
        start, last = self.start, self.last
        if start == last:
            return start.isoformat()
        if start.day == 1 and last == _month_end(start.year, start.month):
            return start.isoformat()[:7]
        if (start, last) == (dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)):
            return f"{start.year:04d}"
        raise ValueError(f"{start}..{last} is not a day, a month or a year")


class AgeUnit(StrEnum):
    DAYS = "d"
    WEEKS = "w"
    MONTHS = "m"
    YEARS = "y"


@dataclass(frozen=True, slots=True)
class Ago:
    """A day counted back from today; its operator compares ages, not dates."""

    amount: int
    unit: AgeUnit

    def span(self, today: dt.date) -> Span:
        """That day; the first day there is, if it is further back than the calendar goes."""
        if self.unit in (AgeUnit.MONTHS, AgeUnit.YEARS):
            months = self.amount * (12 if self.unit is AgeUnit.YEARS else 1)
            return Span.day(_add_months(today, -months))
        days = self.amount * (7 if self.unit is AgeUnit.WEEKS else 1)
        try:
            return Span.day(today - dt.timedelta(days=days))
        except OverflowError:
            return Span.day(dt.date.min)

    def __str__(self) -> str:
        return f"{self.amount}{self.unit.value}"


@dataclass(frozen=True, slots=True)
class FirstSeen:
    op: Op
    when: Span | Ago


@dataclass(frozen=True, slots=True)
class Added:
    """Added to the library on that day (the local one), or before, after… with `op`."""

    op: Op
    when: Span | Ago


TODAY = Ago(0, AgeUnit.DAYS)  # `today` in a date term: no days ago


@dataclass(frozen=True, slots=True)
class InDigest:
    """Appeared in a digest of that day (or before, after… with `op`)."""

    op: Op
    when: Span | Ago


@dataclass(frozen=True, slots=True)
class InSource:
    """Seen in any of these sources (format names, `core.sources.registry.FORMATS`)."""

    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Not:
    term: "Term"


@dataclass(frozen=True, slots=True)
class And:
    terms: tuple["Term", ...]


@dataclass(frozen=True, slots=True)
class Or:
    terms: tuple["Term", ...]


type ColumnAtom = (  # the terms answered by the papers' columns, not the full-text index
    Tag
    | Status
    | Starred
    | Trashed
    | InToday
    | Votes
    | Seen
    | FirstSeen
    | Added
    | InDigest
    | InSource
)
type Atom = Text | ColumnAtom
type Term = Atom | Not | And | Or


def asks_for_trash(term: Term | None) -> bool:
    """Whether a query of `term` lists the trash (see `Trashed`)."""
    parts = term.terms if isinstance(term, And) else (term,)
    return any(isinstance(part, Trashed) for part in parts)


def mentions_today(term: Term | None) -> bool:
    """Whether `term` has `is:today` anywhere in it (negated or among alternatives too)."""
    if isinstance(term, Not):
        return mentions_today(term.term)
    if isinstance(term, And | Or):
        return any(mentions_today(part) for part in term.terms)
    return isinstance(term, InToday)


def all_of(*terms: Term | None) -> Term | None:
    """The terms joined by AND (nested ANDs flattened); None for no terms at all."""
    return _joined(And, terms)


def any_of(*terms: Term | None) -> Term | None:
    return _joined(Or, terms)


def _joined(kind: type[And] | type[Or], terms: tuple[Term | None, ...]) -> Term | None:
    flat: list[Term] = []
    for term in terms:
        if isinstance(term, kind):
            flat.extend(term.terms)
        elif term is not None:
            flat.append(term)
    if len(flat) <= 1:
        return flat[0] if flat else None
    return kind(tuple(flat))


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day of another month (or that month's last day); clamped to the calendar."""
    index = day.year * 12 + day.month - 1 + months
    if index < dt.MINYEAR * 12:
        return dt.date.min
    if index > dt.MAXYEAR * 12 + 11:
        return dt.date.max
    year, month = divmod(index, 12)
    end = _month_end(year, month + 1)
    return end.replace(day=min(day.day, end.day))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
