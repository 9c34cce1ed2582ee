"""The list's order: the ids of the papers a query matches, sorted by SQLite.

Every sort reads an index in order rather than sorting the library, in the sidebar's status
entries too (the indexes of schema v4 begin with the status). Ids come back as one JSON
array built inside SQLite: stepping through 200,000 rows cost more than the query itself,
and each row took the GIL back from the window's thread.

A list's statements are built here in SQLAlchemy Core on the SQLModel tables, compiled once
into an `IdPlan` and run through the driver. `id_plans` keeps the plans of the last lists
shown, so the list a start restores runs without building anything here: SQLModel, which
building needs (0.15-0.5 s to import), loads after the window's first rows.
"""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Dialect,
    Select,
    bindparam,
    exists,
    func,
    select,
)

from readinglist.core.listing import SortKey
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query, Term
from readinglist.core.query_terms import Added, Ago, And, FirstSeen, InDigest, Not, Or
from readinglist.library import id_plans, tables, today
from readinglist.library.dialect import FOUND_MANY
from readinglist.library.driver import stored
from readinglist.library.id_plans import IdPlan, Statement
from readinglist.library.search import FIRST_ROWS, compile_query, words_alone
from readinglist.library.search import conditions as _conditions
from readinglist.library.today import Since

EVERYTHING = Query()
_WORDS_DATED = "readinglist_words_dated"  # a shared library's dialect: see _positional_postgresql
_TEXT_SORTS = frozenset({SortKey.TITLE, SortKey.AUTHORS})  # indexed as lower(column)
# Sorts whose ties follow the sort's direction: rare ties (text), or ties so many (most
# papers are seen once and have no rising) that sorting them by id in the other direction
# would sort most of the library (SQLite's "TEMP B-TREE FOR RIGHT PART OF ORDER BY").
_TIES_FOLLOW = _TEXT_SORTS | {SortKey.SEEN, SortKey.RISING}
_COLUMN_NAMES = {SortKey.SEEN: "seen_count"}  # the others are named as their key
# Sorts by a column of few values, ascending: one query per value, each in id order.
_VALUES_IN_ORDER: dict[SortKey, tuple[object, ...]] = {
    SortKey.STATUS: tuple(status.value for status in ReadingStatus),  # the workflow's order
    SortKey.STARRED: (False, True),
}

type Conditions = list[ColumnElement[bool]]


def find_paper_ids(
    connection: Connection,
    query: Query = EVERYTHING,
    sort: SortKey = SortKey.LAST_SEEN,
    descending: bool = True,
    limit: int | None = None,
) -> list[int]:
    """Ids of the papers matching `query`, sorted in SQL.

    Ties keep the order of import (a digest's own order within a day), except for title,
    authors, seen and rising, where following the sort's direction lets SQLite walk the
    index instead of sorting the whole library (`_TIES_FOLLOW`). Papers without votes (or
    without rising) come last when descending, first when ascending: SQLite's NULL is least.
    """
    ids = id_plan(connection, query, sort, descending, limit).ids(connection)
    return ids if limit is None else ids[:limit]


CANCELLED = "57014"  # PostgreSQL's query_canceled: a statement_timeout ran out


def first_paper_ids(
    connection: Connection,
    query: Query,
    sort: SortKey,
    descending: bool,
    *,
    limit: int,
    within_ms: int,
) -> list[int] | None:
    """The list's first `limit` ids; on a shared library None when the server takes longer
    than `within_ms` for them, and stops (a shared library's window reads the whole list
    beside them and shows that then). Read as their own statement (`search.FIRST_ROWS`):
    a common word's first screen is the list's index walked in order, each paper tested,
    which for words the planner thinks common and that are rare together (a phrase) would
    test every paper; the bound keeps that to `within_ms` of the server's time."""
    if connection.dialect.name != "postgresql":
        return find_paper_ids(connection, query, sort, descending, limit)
    from sqlalchemy.exc import OperationalError

    try:
        with connection.begin_nested():  # a statement stopped leaves the transaction usable
            connection.exec_driver_sql(f"SET LOCAL statement_timeout = {int(within_ms)}")
            ids = find_paper_ids(connection, query, sort, descending, limit)
            connection.exec_driver_sql("SET LOCAL statement_timeout = DEFAULT")  # kept else
            return ids
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", None) == CANCELLED:
            return None
        raise


def id_plan(
    connection: Connection, query: Query, sort: SortKey, descending: bool, limit: int | None = None
) -> IdPlan:
    """The statements `find_paper_ids` runs (a recent list's from `id_plans`)."""
    key = _key(query.as_term(), sort, descending, limit)
    dialect = _dialect(connection, query, first_rows=limit is not None)
    if dialect is not connection.dialect:  # a shared library's: which plan depends on it
        many, dated = getattr(dialect, FOUND_MANY), getattr(dialect, _WORDS_DATED)
        key = f"{key}, words find many: {many}, words dated: {dated}"
    since = today.listed_since(connection, query.as_term())
    if since is not None:  # a value in the plan: another Today's is another plan
        key = f"{key}, Today since {since.value!r}"
    return id_plans.plan(
        connection, key, lambda: _plan(dialect, query, sort, descending, limit, today_since=since)
    )


def _dialect(connection: Connection, query: Query, *, first_rows: bool) -> Dialect:
    """The dialect a list's statements are compiled in: the connection's for SQLite; for
    PostgreSQL, psycopg's with positional placeholders, told whether the query's words find
    many papers (`dialect.FOUND_MANY`: the planner estimates them, shared/text_search.py),
    and whether only the list's first rows are wanted (`search.FIRST_ROWS`)."""
    if connection.dialect.name != "postgresql":
        return connection.dialect
    from readinglist.library.shared.text_search import (
        FIRST_ROWS_MANY,
        MANY,
        finds_many,
        words_dated,
    )

    compiled = compile_query(query)
    share = FIRST_ROWS_MANY if first_rows else MANY
    many = compiled.match is not None and finds_many(connection, compiled.match, share)
    dated = not first_rows and compiled.match is not None and words_dated(connection)
    return _positional_postgresql(found_many=many, first_rows=first_rows, words_dated=dated)


def _key(term: Term | None, sort: SortKey, descending: bool, limit: int | None) -> str:
    """A list, as `id_plans` keeps it: on the day it is asked for, when the query counts
    days back from today (`date:<7d`)."""
    day = f" on {dt.date.today()}" if _counts_from_today(term) else ""
    order = "descending" if descending else "ascending"
    return f"{sort.value} {order}, limit {limit}{day}: {term!r}"


def _counts_from_today(term: Term | None) -> bool:
    match term:
        case And(terms) | Or(terms):
            return any(_counts_from_today(part) for part in terms)
        case Not(inner):
            return _counts_from_today(inner)
        case FirstSeen(when=Ago()) | InDigest(when=Ago()) | Added(when=Ago()):
            return True
        case _:
            return False


def _plan(
    dialect: Dialect,
    query: Query,
    sort: SortKey,
    descending: bool,
    limit: int | None,
    *,
    today_since: Since = None,
) -> IdPlan:
    if getattr(dialect, _WORDS_DATED, False) and sort is SortKey.LAST_SEEN and limit is None:
        from readinglist.library.shared.text_search import in_list_order

        words = words_alone(query)
        if words is not None:
            listed = in_list_order(words.match, descending, words.other_statuses)
            return IdPlan(_statements(dialect, listed, whole=True))
    leads = sort is not SortKey.LAST_SEEN
    conditions = _conditions(query, status_leads=leads, today_since=today_since)
    if sort is SortKey.TAGS:
        return _by_tags(dialect, conditions, descending)
    if sort in _VALUES_IN_ORDER:
        return _by_value(dialect, conditions, sort, descending)
    if sort is SortKey.RULES_FIRST:
        return _rules_first(dialect, conditions, descending)
    papers = tables.PAPERS
    named = papers.c[_COLUMN_NAMES.get(sort, sort.value)]
    column = func.lower(named) if sort in _TEXT_SORTS else named
    tie = papers.c.id.desc() if descending and sort in _TIES_FOLLOW else papers.c.id
    keys = (column.desc() if descending else column, tie)
    statement = select(papers.c.id).where(*conditions).order_by(*keys).limit(limit)
    return IdPlan(_statements(dialect, statement, whole=limit is None))


def _by_value(dialect: Dialect, conditions: Conditions, sort: SortKey, descending: bool) -> IdPlan:
    """Each value's papers in id order, the values in the sort's order.

    Sorting by a computed rank (the status's place in the workflow) made SQLite sort the
    whole library; each value's papers are one range of an index that ends in the id.
    """
    papers = tables.PAPERS
    value = papers.c[sort.value] == bindparam("value", required=False)
    statement = select(papers.c.id).where(value, *conditions).order_by(papers.c.id)
    values = _VALUES_IN_ORDER[sort]
    in_order = [{"value": v} for v in (values[::-1] if descending else values)]
    return IdPlan(_statements(dialect, statement, in_order, whole=True))


def _rules_first(dialect: Dialect, conditions: Conditions, descending: bool) -> IdPlan:
    """Papers a rule put first in Today, then the rest, each part as LAST_SEEN sorts it
    (descending: the newest digest first, ties in import order). For Today's few papers:
    SQLite sorts them (a whole library would take a sort of every paper)."""
    papers, hits, rules = tables.PAPERS.c, tables.RULE_HITS.c, tables.RULES.c
    put_first = select(hits.paper_id).join(tables.RULES, rules.id == hits.rule_id)
    first = exists(put_first.where(hits.paper_id == papers.id, rules.first))
    keys = (*(key.desc() if descending else key for key in (first, papers.last_seen)), papers.id)
    statement = select(papers.id).where(*conditions).order_by(*keys)
    return IdPlan(_statements(dialect, statement, whole=True))


def _by_tags(dialect: Dialect, conditions: Conditions, descending: bool) -> IdPlan:
    """Tagged papers by their first tag, then the untagged ones by id; reversed when descending.

    The tagged papers are few: SQLite sorts them. The untagged rest is every match but
    those, read from whichever index SQLite finds smallest and put in id order in Python
    (`IdPlan.tags_first`): read in id order from the table itself, each checked for tags,
    it took 100 ms at 200k papers.
    """
    papers = tables.PAPERS
    links = tables.PAPER_TAGS.alias("sort_links")  # apart from the tables a tag: condition
    names = tables.TAGS.alias("sort_names")  # correlates with
    first_tag = func.min(func.lower(names.c.name))
    tagged = (
        select(links.c.paper_id)
        .join(names, names.c.id == links.c.tag_id)
        .join(papers, papers.c.id == links.c.paper_id)
        .where(*conditions)
        .group_by(links.c.paper_id)
        .order_by(first_tag, links.c.paper_id)
    )
    matching = select(papers.c.id).where(*conditions)
    statements = _statements(dialect, tagged) + _statements(dialect, matching)
    return IdPlan(statements, tags_first=True, reverse=descending)


def _statements(
    dialect: Dialect,
    statement: Select[tuple[int]],
    values: Sequence[Mapping[str, object]] = ({},),
    whole: bool = False,
) -> tuple[Statement, ...]:
    """The statement as the driver runs it, `SELECT json_group_array(id) FROM (...)`, once
    for each set of `values` of its named parameters (the others as built).

    SQLite keeps a subquery's ORDER BY for an aggregate fed by it (other than count, min
    and max), so the array is in the statement's order. On PostgreSQL a whole list (`whole`:
    no LIMIT, an ORDER BY) is `SELECT ARRAY(statement)`, whose elements come in the
    statement's own order, read by psycopg as one list (150,000 ids read one a row took
    60-100 ms more than the query itself); the others' ids are read one a row. Both
    through psycopg's dialect with positional placeholders, the values as they are.
    `array_agg(id ORDER BY its keys)` did the same but sorted the ids again, always (PostgreSQL
    15 does not see that the walk of the list's index gives them in order): 50-100 ms of a
    common word's 156,009 ids at 180,000 papers.
    """
    if dialect.name == "postgresql":  # _dialect's, positional
        listed = _one_array(statement) if whole else statement
        return _compiled(listed, dialect, values, lambda value: value)
    ids = statement.subquery()
    return _compiled(select(func.json_group_array(ids.c[0])), dialect, values, stored)


def _one_array(statement: Select[tuple[int]]) -> Select[Any]:
    """PostgreSQL's `SELECT ARRAY(statement)`: `statement`'s ids in its ORDER BY's order,
    as one array (empty when none match)."""
    return select(func.array(statement.scalar_subquery()))


def _compiled(
    statement: Select[tuple[int]],
    dialect: Dialect,
    values: Sequence[Mapping[str, object]],
    store: Callable[[object], object],
) -> tuple[Statement, ...]:
    compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    sql, names, defaults = str(compiled), compiled.positiontup or (), compiled.params
    return tuple(
        (sql, tuple(store(given.get(name, defaults[name])) for name in names)) for given in values
    )


@cache
def _positional_postgresql(
    *, found_many: bool, first_rows: bool = False, words_dated: bool = False
) -> Dialect:
    """psycopg's dialect with `%s` placeholders (its own are named), marked with
    `found_many` and `first_rows` for search.py's text conditions, and `words_dated` when a
    whole list of words alone may be read from the found rows in order
    (text_search.in_list_order): loaded when a shared library first lists, never on an
    SQLite library's way to the first paint."""
    from sqlalchemy.dialects.postgresql.psycopg import dialect

    positional: Dialect = dialect(paramstyle="format")  # type: ignore[no-untyped-call]
    setattr(positional, FOUND_MANY, found_many)
    setattr(positional, FIRST_ROWS, first_rows)
    setattr(positional, _WORDS_DATED, words_dated)
    return positional
