"""From a query to SQL: text through the full-text index, the rest through indexed columns.

Every text term becomes a phrase whose last word is a prefix (`"large lang"*`), so
데이터셋 finds 데이터셋은 and 데이터셋을: Korean particles stay attached to their word in
the index. Text terms that sit side by side (or in an OR) go to the index as one
expression (`text_match.TextMatch`), which FTS5 answers far faster than one lookup per
word: on an SQLite library one MATCH, on a shared library `tsquery`s on the words its
triggers keep (library/shared/text_search.py), for the same papers. Each condition is
a plain, NULL-free boolean on `papers`, so NOT and OR compose as they read.

Conditions are shaped for SQLite's planner, which has no statistics and takes any
condition on an indexed column or on the id for a small set to start from. A query
starts from the papers that people picked by hand (a tag, a star, a status other than
unread), a digest's day, or a range of dates, when it names any, and only tests a text
match on those (as `+papers.id IN (...)`, which the planner cannot start from); else
from the text match. A range of dates that is not narrow costs at worst what a common
word costs; a narrow one, looked up first, makes `word date:2024` 2-5x faster.
Papers in the trash are left out (`trash.not_trashed`) unless the query asks for them: a
lookup in a small table for each paper the list's index walk reaches, the covering index
still enough (see `schema.TrashRecord`); on a shared library an anti-join (`trash.NotTrashed`).
Most papers are unread: never a place to start with other conditions. Alone (the Unread
entry), SQLite walks the schema v4 index of the status and the list's sort column; several
statuses with unread are tested as "not in the few that have the others".
"""

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    and_,
    column,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    table,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import FromClause, NamedFromClause, TableClause
from sqlalchemy.sql.visitors import InternalTraversal

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query
from readinglist.core.query_terms import (
    Added,
    Ago,
    And,
    ColumnAtom,
    FirstSeen,
    InDigest,
    InSource,
    InToday,
    Not,
    Op,
    Or,
    Seen,
    Span,
    Starred,
    Status,
    Tag,
    Term,
    Text,
    Trashed,
    Votes,
    asks_for_trash,
)
from readinglist.core.query_terms import all_of as join_terms
from readinglist.library import tables
from readinglist.library.dialect import FOUND_MANY, on_postgresql, same_name, unindexed
from readinglist.library.text_match import TextMatch, all_of, any_of, fts5
from readinglist.library.today import Since, in_today, listed_since
from readinglist.library.trash import NotTrashed, trashed


# The FTS5 table of schema v3 (see migrations.py); `paper_search` is also its hidden column.
# A shared library's table of words has the same name and key (library/shared/search_ddl.py).
def text_index(name: str) -> TableClause:
    """An FTS5 table, to match a query's text in: its row ids and its hidden column (which
    bears the table's name)."""
    return table(name, column("rowid", Integer), column(name))


SEARCH_INDEX = text_index("paper_search")
# bm25 weights, in the index's column order: title, authors, summary, note, tags, arxiv_id.
_WEIGHTS = (8.0, 4.0, 1.0, 2.0, 4.0, 8.0)


@dataclass(frozen=True, slots=True)
class Compiled:
    """A query as SQL: `match`, the full-text expression all results match (if any), and
    the other `conditions` on `papers`, all to be ANDed."""

    match: TextMatch | None
    conditions: list[ColumnElement[bool]]
    match_tested: bool = False  # only tested on the papers the conditions select
    among_picked: bool = False  # and those are picked by hand (few on any library)
    leaves_out_trash: bool = False  # set on a whole query that does not ask for the trash
    index: TableClause = SEARCH_INDEX  # where the text is matched

    def all_conditions(self) -> list[ColumnElement[bool]]:
        if self.match is None:
            return self.other_conditions()
        matching = _matches
        if self.match_tested:
            matching = _picked if self.among_picked else _tested
        return [matching(self.match, self.index), *self.other_conditions()]

    def other_conditions(self) -> list[ColumnElement[bool]]:
        """The conditions besides the text match, the trash's included."""
        return [*self.conditions, NotTrashed()] if self.leaves_out_trash else self.conditions


def compile_query(
    query: Query,
    today: dt.date | None = None,
    *,
    status_leads: bool = True,
    among_few: bool = False,
    index: TableClause = SEARCH_INDEX,
    today_since: Since = None,
) -> Compiled:
    """`status_leads`: an index begins with the status and goes on with the list's sort
    column (schema v4 has one for every column the window sorts by, not for last_seen).
    `among_few`: the papers are tested among a few given ones (rules on an import's new
    papers), as among papers picked by hand: every range is a test of the paper's row.
    `index`: the FTS5 table the text is matched in (`text_index`; rules match an import's
    new papers in one of their own, see `search_index.new_papers_indexed`; a shared
    library has its one table of words). `today_since`: when Today began, for `is:today`
    (`today.listed_since`; None: the stored start, read where the statement runs)."""
    term = query.as_term()
    if term is None:
        return Compiled(None, [], leaves_out_trash=True, index=index)
    compiler = _Compiler(today or dt.date.today(), status_leads, among_few, index, today_since)
    parts = term.terms if isinstance(term, And) else (term,)
    compiled = compiler.conjunction(parts)
    return replace(compiled, leaves_out_trash=not asks_for_trash(term))


def conditions(
    query: Query,
    today: dt.date | None = None,
    *,
    status_leads: bool = True,
    today_since: Since = None,
) -> list[ColumnElement[bool]]:
    """WHERE conditions on `papers` for `query` (ANDed); none for `Query()`."""
    compiled = compile_query(query, today, status_leads=status_leads, today_since=today_since)
    return compiled.all_conditions()


@dataclass(frozen=True, slots=True)
class WordsAlone:
    """A query of words and nothing else but, perhaps, statuses among which unread (as most
    papers are): its `match`, and the reader's `other_statuses` that leave a paper out."""

    match: TextMatch
    other_statuses: tuple[str, ...] = ()


def words_alone(query: Query) -> WordsAlone | None:
    """The query's words when it asks for nothing else (no filter, the trash left out) but
    one choice of statuses with unread among them (`is:unread 데이터셋`)."""
    term = query.as_term()
    parts = term.terms if isinstance(term, And) else (term,)
    unread = [part for part in parts if isinstance(part, Status) and _with_unread(part)]
    rest = Query(terms=join_terms(*(part for part in parts if part not in unread)))
    compiled = compile_query(rest)
    if len(unread) > 1 or compiled.match is None or compiled.match_tested:
        return None
    if compiled.conditions or not compiled.leaves_out_trash:
        return None
    wanted = unread[0].statuses if unread else tuple(ReadingStatus)
    others = tuple(status.value for status in ReadingStatus if status not in wanted)
    return WordsAlone(compiled.match, others)


def _with_unread(term: Status) -> bool:
    return ReadingStatus.UNREAD in term.statuses


def count_matching(connection: Connection, query: Query) -> int:
    """How many papers match (the sidebar's counts of saved searches)."""
    compiled = compile_query(query, today_since=listed_since(connection, query.as_term()))
    if compiled.match is not None and not compiled.conditions and on_postgresql(connection):
        from readinglist.library.shared.text_search import found

        ids = found(compiled.match, once=True).subquery()
        counted = select(func.count()).select_from(ids).where(not_(ids.c.rowid.in_(trashed())))
        return int(connection.execute(counted).scalar_one())
    if compiled.match is not None and not compiled.conditions:  # the index alone knows
        matched = matching_text(compiled.match)
        kept = not_(SEARCH_INDEX.c.rowid.in_(trashed()))
        statement = select(func.count()).select_from(SEARCH_INDEX).where(matched, kept)
    else:
        statement = (
            select(func.count()).select_from(tables.PAPERS).where(*compiled.all_conditions())
        )
    return int(connection.execute(statement).scalar_one())


def ranked_ids(connection: Connection, query: Query, limit: int | None = None) -> list[int] | None:
    """Matching ids, best first by bm25 (title and authors weigh most); None if the query
    searches no text that every result contains, so there is nothing to rank by."""
    compiled = compile_query(query, today_since=listed_since(connection, query.as_term()))
    if compiled.match is None:
        return None
    if on_postgresql(connection):
        from readinglist.library.shared.text_search import ranked

        tsquery_ranked = ranked(compiled.match, tables.PAPERS).where(*compiled.other_conditions())
        found = connection.execute(tsquery_ranked.limit(limit)).scalars()
        return [int(paper_id) for paper_id in found]
    rank = func.bm25(column("paper_search"), *_WEIGHTS)
    statement = (
        select(tables.PAPERS.c.id)
        .join(SEARCH_INDEX, SEARCH_INDEX.c.rowid == tables.PAPERS.c.id)
        .where(matching_text(compiled.match), *compiled.other_conditions())
        .order_by(rank, tables.PAPERS.c.id)
        .limit(limit)
    )
    return [int(paper_id) for paper_id in connection.execute(statement).scalars()]


def matching_text(match: TextMatch, index: TableClause = SEARCH_INDEX) -> ColumnElement[bool]:
    """The condition on the full-text index's row (`index`, the library's `paper_search` or
    an import's own) that it matches: FTS5's MATCH, or on a shared library its row among
    the papers found."""
    return _TextCondition(match, _ON_INDEX, index.name)


_ON_INDEX, _ON_PAPERS, _TESTED, _PICKED = "index", "papers", "tested", "picked"
# Attributes of the dialect a shared library's list is compiled in: its words find many
# papers (`dialect.FOUND_MANY`); only its first rows are wanted (see `_tsquery_condition`).
FIRST_ROWS = "readinglist_first_rows"


class _TextCondition(ColumnElement[bool]):
    """A text match as a condition, in the connection's dialect: on the index's row
    (`_ON_INDEX`), or as `papers.id IN (...)` (`_ON_PAPERS`; `_TESTED` and `_PICKED`:
    `+papers.id`)."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # a condition, never `= 1` where booleans are numbers
    _traverse_internals = [  # noqa: RUF012  (SQLAlchemy's cache key: the match itself)
        ("text_match", InternalTraversal.dp_plain_obj),
        ("subject", InternalTraversal.dp_string),
        ("index_name", InternalTraversal.dp_string),
    ]

    def __init__(self, match: TextMatch, subject: str, index_name: str) -> None:
        self.text_match = match
        self.subject = subject
        self.index_name = index_name  # the FTS5 table's: a shared library has one


@compiles(_TextCondition, "sqlite")
def _fts5_condition(element: _TextCondition, compiler: SQLCompiler, **options: Any) -> str:
    query = literal(fts5(element.text_match), String())
    index = text_index(element.index_name)
    matched = index.c[index.name].op("MATCH", is_comparison=True)(query)
    ids = select(index.c.rowid).where(matched)
    return compiler.process(_on(element.subject, ids, matched), **options)


@compiles(_TextCondition)
def _tsquery_condition(element: _TextCondition, compiler: SQLCompiler, **options: Any) -> str:
    """On papers, `papers.id IN (found)`; when the words find many papers (the dialect is
    marked `FOUND_MANY` by sorting, from the planner's estimate, text_search.finds_many),
    `(papers.id IN (found)) IS TRUE`: the same truth (neither side is ever NULL), but not a
    join PostgreSQL may turn it into. The statement hides the tsquery from the planner
    (text_search._unseen), which then guesses 900 papers: for a common word it looked each
    of 150,000 found papers up by id (0.8-1 s at 180,000 papers). Kept a condition, the
    found ids are one hash table (a "hashed SubPlan") that each paper the list reads, in
    one walk of an index, is tested against; a few found papers are still looked up.
    Among papers picked by hand (`_PICKED`), each of those is tested on its own words
    (text_search.tested): a common word's whole set is never built for a few papers. So
    are the papers of a list's first rows (`FIRST_ROWS`, a LIMIT) when the words find many:
    the list's index is walked in its order, testing each paper, until the first screen is
    full (a hundred rows of a word 87% of papers hold test some 115 papers, where its hash
    table holds 156,000)."""
    from readinglist.library.shared.text_search import found, tested

    many = getattr(compiler.dialect, FOUND_MANY, False)
    first_rows = many and getattr(compiler.dialect, FIRST_ROWS, False)
    if element.subject == _PICKED or (element.subject == _ON_PAPERS and first_rows):
        return compiler.process(tested(element.text_match, tables.PAPERS.c.id), **options)
    ids = found(element.text_match)
    if element.subject == _ON_INDEX:
        return compiler.process(SEARCH_INDEX.c.rowid.in_(ids), **options)
    among = tables.PAPERS.c.id.in_(ids)
    if many:
        among = among.is_(true())
    return compiler.process(among, **options)


def _on(subject: str, ids: Any, on_index: ColumnElement[bool]) -> ColumnElement[bool]:
    if subject == _ON_INDEX:
        return on_index
    if subject in (_TESTED, _PICKED):
        return unindexed(tables.PAPERS.c.id).in_(ids)
    return tables.PAPERS.c.id.in_(ids)


def _matches(match: TextMatch, index: TableClause) -> ColumnElement[bool]:
    return _TextCondition(match, _ON_PAPERS, index.name)


def _tested(match: TextMatch, index: TableClause) -> ColumnElement[bool]:
    """`_matches` as `+papers.id IN (...)`: the same test, but not a set of ids that
    SQLite may start from."""
    return _TextCondition(match, _TESTED, index.name)


def _picked(match: TextMatch, index: TableClause) -> ColumnElement[bool]:
    """`_tested` among papers picked by hand: on a shared library, each tested alone."""
    return _TextCondition(match, _PICKED, index.name)


class _Compiler:
    def __init__(
        self,
        today: dt.date,
        status_leads: bool = True,
        among_few: bool = False,
        index: TableClause = SEARCH_INDEX,
        today_since: Since = None,
    ) -> None:
        self.today = today
        self.status_leads = status_leads
        self.among_few = among_few
        self.index = index
        self.today_since = today_since

    def conjunction(self, terms: tuple[Term, ...]) -> Compiled:
        """Side-by-side text terms (and exclusions) as one MATCH; the rest as conditions.

        SQLite starts from a term that picks few papers when there is one (one picked by
        hand, or a range of dates) and only tests the text match on those. A range is
        looked up in its own index unless something narrower is there to start from, and
        then checked on those papers: for dates, a term picked by hand; for votes and
        sightings (`seen:`), also a text match or a range of dates.
        """
        wanted, unwanted, rest = _split_text(terms)
        by_hand = self.among_few or any(_picked_by_hand(term) for term in rest)
        few = by_hand or any(isinstance(term, FirstSeen | Added) for term in rest)
        voted = any(isinstance(term, Votes | Seen) for term in rest)
        starts = _Starts(by_hand, few or bool(wanted), few or bool(wanted) or voted)
        conditions = [self._conjunct(term, starts) for term in rest]
        if wanted:
            match = all_of(wanted, unwanted)
            tested = {"match_tested": few, "among_picked": by_hand}
            return Compiled(match, conditions, index=self.index, **tested)
        if unwanted:
            conditions.insert(0, not_(_matches(any_of(unwanted), self.index)))
        return Compiled(None, conditions, index=self.index)

    def _conjunct(self, term: Term, starts: "_Starts") -> ColumnElement[bool]:
        """`term` as one of a conjunction's conditions."""
        if isinstance(term, FirstSeen) and starts.by_hand:
            return self._range(term)
        if isinstance(term, Added) and starts.by_hand:
            return self._added(tables.PAPERS.c.added_at, term)
        if isinstance(term, Votes | Seen) and starts.before_votes:
            return self._range(term)
        if isinstance(term, Status) and ReadingStatus.UNREAD in term.statuses:
            return _most_papers(term, starts.anywhere, self.status_leads)
        return self.condition(term)

    def condition(self, term: Term) -> ColumnElement[bool]:
        text = _fts(term)
        if text is not None:
            return _matches(text, self.index)
        match term:
            case And(terms):
                return and_(true(), *self.conjunction(terms).all_conditions())
            case Or(terms):
                return self._alternatives(terms)
            case Not(inner):
                return not_(self.condition(inner))
            case Text():
                return _matches(term, self.index)
            case _:
                return self._column_condition(term)

    def _alternatives(self, terms: tuple[Term, ...]) -> ColumnElement[bool]:
        texts = [text for term in terms if (text := _fts(term)) is not None]
        others = [self.condition(term) for term in terms if _fts(term) is None]
        matched = [_matches(any_of(texts), self.index)] if texts else []
        return or_(false(), *matched, *others)

    def _column_condition(self, term: ColumnAtom) -> ColumnElement[bool]:
        match term:
            case Tag(name):
                return tables.PAPERS.c.id.in_(_tagged(name))
            case Status() | Starred():
                return _own_state(term)
            case Trashed() | InToday():
                return _marked(term, self.today_since)
            case Votes(op, value) | Seen(op, value):
                return _by_index(_compare(_counted(_indexed(), term), op, value))
            case FirstSeen() | Added():
                return _by_index(self._dated_term(term, _indexed()))
            case InDigest() | InSource():
                return self._seen_in(term)

    def _seen_in(self, term: InDigest | InSource) -> ColumnElement[bool]:
        """Papers with a sighting in the digests of those days, or of those sources."""
        digests = tables.DIGESTS.c
        if isinstance(term, InDigest):
            which = self._in_span(digests.date, term.op, term.when)
        else:
            which = digests.source.in_(term.names)
        sightings = tables.SIGHTINGS.c
        seen = select(sightings.paper_id).where(
            sightings.digest_id.in_(select(digests.id).where(which))
        )
        return tables.PAPERS.c.id.in_(seen)

    def _range(self, term: Votes | Seen | FirstSeen) -> ColumnElement[bool]:
        """The range as a plain condition on the papers at hand."""
        if isinstance(term, Votes | Seen):
            counted = _counted(tables.PAPERS, term)
            return and_(counted.is_not(None), _compare(counted, term.op, term.value))
        return self._in_span(tables.PAPERS.c.first_seen, term.op, term.when)

    def _dated_term(self, term: FirstSeen | Added, papers: NamedFromClause) -> ColumnElement[bool]:
        if isinstance(term, Added):
            return self._added(papers.c.added_at, term)
        return self._in_span(papers.c.first_seen, term.op, term.when)

    def _added(self, at: ColumnElement[dt.datetime], term: Added) -> ColumnElement[bool]:
        """Added in those local days (or before, after): the moments from the first day's
        local midnight to the one after the last day, in UTC as the library keeps them."""
        op, when = self._dated(term.op, term.when)
        start, end = _utc_midnight(when.start), _utc_midnight(when.last, after=True)
        match op:
            case Op.EQ:
                return and_(at >= start, at < end)
            case Op.GT:
                return at >= end
            case Op.GE:
                return at >= start
            case Op.LT:
                return at < start
            case Op.LE:
                return at < end

    def _dated(self, op: Op, when: Span | Ago) -> tuple[Op, Span]:
        """An age as the day it names (`<7d` is less than a week old: a later date)."""
        if isinstance(when, Ago):
            return op.flipped(), when.span(self.today)
        return op, when

    def _in_span(
        self, date: ColumnElement[dt.date], op: Op, when: Span | Ago
    ) -> ColumnElement[bool]:
        """The day, month or year itself (=), or the days before or after it."""
        op, when = self._dated(op, when)
        match op:
            case Op.EQ:
                return and_(date >= when.start, date <= when.last)
            case Op.GT:
                return date > when.last
            case Op.GE:
                return date >= when.start
            case Op.LT:
                return date < when.start
            case Op.LE:
                return date <= when.last


def _marked(term: Trashed | InToday, today_since: Since) -> ColumnElement[bool]:
    if isinstance(term, Trashed):
        return tables.PAPERS.c.id.in_(trashed())
    return in_today(today_since)


def _utc_midnight(day: dt.date, *, after: bool = False) -> dt.datetime:
    """The start of `day` (or of the day after it) in local time, in UTC; the calendar's
    ends where that falls outside it."""
    try:
        start = dt.datetime.combine(day + dt.timedelta(days=after), dt.time())
        return start.astimezone(dt.UTC)
    except OverflowError:
        end = dt.datetime.max if after or day.year > 1 else dt.datetime.min
        return end.replace(tzinfo=dt.UTC)


def _own_state(term: Status | Starred) -> ColumnElement[bool]:
    """The reader's star or statuses; unread (most papers, no row of their own on a shared
    library) as `papers`' column."""
    if isinstance(term, Status) and ReadingStatus.UNREAD in term.statuses:
        return _on_papers(term)
    return _OwnState(term)


def _on_papers(term: Status | Starred) -> ColumnElement[bool]:
    """The reader's status or star as a column of `papers`."""
    if isinstance(term, Status):
        return tables.PAPERS.c.status.in_([status.value for status in term.statuses])
    return tables.PAPERS.c.starred == True  # noqa: E712  (SQL, not Python)


class _OwnState(ColumnElement[bool]):
    """A star, or statuses other than unread: the reader's own marks. On a library file,
    `papers`' column; on a shared library, the reader's own rows of `paper_states` (a few
    percent of the papers, indexed by person): the view's `coalesce` over its outer join
    hides them from the planner, which then read every paper's."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True
    _traverse_internals = [  # noqa: RUF012  (SQLAlchemy's cache key)
        ("term", InternalTraversal.dp_plain_obj),
        ("negated", InternalTraversal.dp_plain_obj),
    ]

    def __init__(self, term: Status | Starred, *, negated: bool = False) -> None:
        self.term = term
        self.negated = negated

    def _negate(self) -> ColumnElement[bool]:
        """NOT as SQLAlchemy negates the column's condition (`starred != 1` on SQLite)."""
        return _OwnState(self.term, negated=not self.negated)


@compiles(_OwnState)
def _own_rows(element: _OwnState, compiler: SQLCompiler, **options: Any) -> str:
    from readinglist.library.shared.text_search import own_states

    term = element.term
    statuses = [status.value for status in term.statuses] if isinstance(term, Status) else None
    if element.negated:  # an anti-join: planned as NOT IN, each rescan paid its hashing
        return compiler.process(~own_states(statuses, tables.PAPERS.c.id).exists(), **options)
    return compiler.process(tables.PAPERS.c.id.in_(own_states(statuses)), **options)


@compiles(_OwnState, "sqlite")
def _own_column(element: _OwnState, compiler: SQLCompiler, **options: Any) -> str:
    on_papers = _on_papers(element.term)
    return compiler.process(not_(on_papers) if element.negated else on_papers, **options)


@dataclass(frozen=True, slots=True)
class _Starts:
    """Where SQLite may start a conjunction, other than from the term at hand."""

    by_hand: bool  # papers picked by hand (or a digest's day)
    before_votes: bool  # those, a range of dates or a text match
    anywhere: bool  # any of those, or a range of votes


def _picked_by_hand(term: Term) -> bool:
    """Terms for papers people picked (or a digest's day): few, compared with a library."""
    if isinstance(term, Status):
        return ReadingStatus.UNREAD not in term.statuses
    return isinstance(term, Tag | Starred | Trashed | InToday | InDigest)


def _most_papers(term: Status, started: bool, status_leads: bool) -> ColumnElement[bool]:
    """Statuses that include unread, as most papers have: checked on each paper at hand
    when another condition selects them; unread alone, walked in order on the index of the
    status and the sort column when there is one; else "not one of the other statuses", a
    test against the few papers that have those (SQLite then walks the sort index)."""
    wanted = [status.value for status in term.statuses]
    if started:
        return _StatusAtHand(term)
    if len(wanted) == 1 and status_leads:
        return tables.PAPERS.c.status == wanted[0]
    others = [status.value for status in ReadingStatus if status.value not in wanted]
    having = select(_indexed().c.id).where(_indexed().c.status.in_(others))
    return not_(unindexed(tables.PAPERS.c.id).in_(having))


class _StatusAtHand(ColumnElement[bool]):
    """Statuses with unread, tested on each paper another condition gives: the status of
    `papers` (on a shared library the view's, each paper's state joined). When a shared
    library's whole list tests every paper against the ids its words find, "not one of the
    reader's other statuses" instead (their own rows, hashed once): a test in the walk of
    the list's index, which keeps its order, where the view's column made PostgreSQL join
    every paper's state and sort them again (hash joins give no order): `is:unread
    데이터셋`, 136,980 of 180,002 papers, 310-480 ms against 215-250 (load 3.8). The first
    rows and a few found papers keep the view's column (a few states looked up)."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True
    _traverse_internals = [("term", InternalTraversal.dp_plain_obj)]  # noqa: RUF012

    def __init__(self, term: Status) -> None:
        self.term = term


@compiles(_StatusAtHand)
def _status_at_hand(element: _StatusAtHand, compiler: SQLCompiler, **options: Any) -> str:
    from readinglist.library.shared.text_search import own_states

    many = getattr(compiler.dialect, FOUND_MANY, False)
    if not many or getattr(compiler.dialect, FIRST_ROWS, False):
        return _status_column(element, compiler, **options)
    others = [status.value for status in ReadingStatus if status not in element.term.statuses]
    return compiler.process(tables.PAPERS.c.id.not_in(own_states(others)), **options)


@compiles(_StatusAtHand, "sqlite")
def _status_column(element: _StatusAtHand, compiler: SQLCompiler, **options: Any) -> str:
    wanted = [status.value for status in element.term.statuses]
    return compiler.process(unindexed(tables.PAPERS.c.status).in_(wanted), **options)


def _split_text(terms: tuple[Term, ...]) -> tuple[list[TextMatch], list[TextMatch], list[Term]]:
    """Text matches of the text terms wanted and of those excluded (`-word`); the rest."""
    wanted: list[TextMatch] = []
    unwanted: list[TextMatch] = []
    rest: list[Term] = []
    for term in terms:
        if (text := _fts(term)) is not None:
            wanted.append(text)
        elif isinstance(term, Not) and (text := _fts(term.term)) is not None:
            unwanted.append(text)
        else:
            rest.append(term)
    return wanted, unwanted, rest


def _fts(term: Term) -> TextMatch | None:
    """`term` as a text match, if the index alone can answer it."""
    match term:
        case Text():
            return term
        case Or(terms):
            parts = [_fts(part) for part in terms]
            texts = [part for part in parts if part is not None]
            return any_of(texts) if len(texts) == len(parts) else None
        case And(terms):
            wanted, unwanted, rest = _split_text(terms)
            return all_of(wanted, unwanted) if wanted and not rest else None
        case _:
            return None


def _counted(papers: FromClause, term: Votes | Seen) -> ColumnElement[int]:
    """The column a number term compares: the votes, or how often the paper was seen."""
    return papers.c.votes if isinstance(term, Votes) else papers.c.seen_count


def _compare(value: ColumnElement[int], op: Op, number: int) -> ColumnElement[bool]:
    match op:
        case Op.EQ:
            return value == number
        case Op.GT:
            return value > number
        case Op.GE:
            return value >= number
        case Op.LT:
            return value < number
        case Op.LE:
            return value <= number


@cache
def _indexed() -> NamedFromClause:
    """Papers again, to look up ranges of votes or dates in their own indexes: as a plain
    condition, SQLite reads the list's sort index instead and checks every paper (50-260 ms
    at 180k papers instead of 8). One alias, so that a condition and its select share it."""
    return tables.PAPERS.alias("indexed")


def _by_index(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return tables.PAPERS.c.id.in_(select(_indexed().c.id).where(condition))


def _tagged(name: str) -> Select[tuple[int]]:
    tag_ids = select(tables.TAGS.c.id).where(same_name(tables.TAGS.c.name, name))
    return select(tables.PAPER_TAGS.c.paper_id).where(tables.PAPER_TAGS.c.tag_id.in_(tag_ids))
