"""Rules: a query and what to do to the papers that match it when they arrive (issue 16).

A rule adds tags, gives a status (queued; skipped hides what matches), stars, or puts the
paper first in Today. Rules run inside the import's transaction on the papers it added and
on no other (`apply_to_new`): a paper is never seen half-ruled, a file that fails leaves no
rule's effect behind, and papers already in the library are touched only when the user
applies a rule to them (`apply_rule`). A status is given only to papers still unread, the
first rule that gives one winning; `rule_hits` keeps which rules acted on which paper.

The library's index gets an import's new papers at commit, once, with the tags the rules
gave them; the rules match their text in a small index of the new papers alone
(`search_index.new_papers_indexed`), all rules one statement. Applied to papers the
library had, a rule's text is one full-text query bounded by their row ids (FTS5 seeks to
the range in each term's list; tested paper by paper, each test read the whole lists: 40x
slower).
"""

import datetime as dt
import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Connection,
    DateTime,
    Executable,
    Integer,
    Select,
    and_,
    bindparam,
    delete,
    literal,
    select,
    union_all,
)
from sqlalchemy.sql.selectable import TableClause

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query, parse_query
from readinglist.core.translatable import QT_TR_NOOP, Message
from readinglist.library import papers as store
from readinglist.library import search_index, sorting, tables
from readinglist.library.dialect import (
    among_bound_ids,
    bound_ids,
    insert_into,
    on_postgresql,
)
from readinglist.library.driver import chunks
from readinglist.library.search import SEARCH_INDEX, compile_query, matching_text


class RuleError(ValueError):
    """A rule's name empty or taken, a rule that does nothing, or one that is not there:
    `str()` in English (the command line's), `described` for the window to translate."""

    def __init__(self, described: Message) -> None:
        super().__init__(str(described))
        self.described = described


NO_NAME = QT_TR_NOOP("a rule needs a name")
DOES_NOTHING = QT_TR_NOOP("a rule must do something: a tag, a status, a star or first in Today")
NAME_TAKEN = QT_TR_NOOP("there is already a rule named '{name}'")
NO_SUCH_RULE = QT_TR_NOOP("there is no rule named '{name}'")
GONE = QT_TR_NOOP("the rule {name} was removed before it could be applied")

# What a rule does, one message an action: the command line prints them in English, the
# window translated (a status by its label).
TAG_ACTION = QT_TR_NOOP("tag {tag}")
STATUS_ACTION = QT_TR_NOOP("status {status}")
STAR_ACTION = QT_TR_NOOP("star")
FIRST_ACTION = QT_TR_NOOP("first in Today")


@dataclass(frozen=True, slots=True)
class Rule:
    id: int
    name: str
    query_text: str
    tags: tuple[str, ...] = ()
    status: ReadingStatus | None = None
    star: bool = False
    first: bool = False

    @property
    def query(self) -> Query:
        return parse_query(self.query_text)

    def described(self) -> list[Message]:
        """What it does, an action a message (a status's argument is the `ReadingStatus`)."""
        done = [Message(TAG_ACTION, tag=tag) for tag in self.tags]
        done += [Message(STATUS_ACTION, status=self.status)] if self.status else []
        done += [Message(STAR_ACTION)] if self.star else []
        return done + ([Message(FIRST_ACTION)] if self.first else [])

    def actions(self) -> list[str]:
        """What it does, in words (English: the command line's)."""
        return [str(action) for action in self.described()]


def list_rules(connection: Connection) -> list[Rule]:
    """Every rule, in the order they run (the order they were made)."""
    r = tables.RULES.c
    columns = (r.id, r.name, r.query, r.tags, r.status, r.star, r.first)
    rows = connection.execute(select(*columns).order_by(r.id))
    return [_rule(*row) for row in rows]


def _rule(*row: object) -> Rule:
    rule_id, name, query, tags, status, star, first = row
    return Rule(
        int(str(rule_id)),
        str(name),
        str(query),
        tuple(json.loads(str(tags))),
        ReadingStatus(str(status)) if status else None,
        bool(star),
        bool(first),
    )


def find_rule(connection: Connection, name: str) -> Rule | None:
    return next(
        (rule for rule in list_rules(connection) if rule.name.lower() == name.lower()), None
    )


def add_rule(connection: Connection, rule: Rule, now: dt.datetime) -> Rule:
    """Keep `rule` (its id is given here). `QueryError` for a malformed query; `RuleError`
    for an empty or taken name, or a rule that would do nothing."""
    name = rule.name.strip()
    parse_query(rule.query_text)
    if not name:
        raise RuleError(Message(NO_NAME))
    if not rule.actions():
        raise RuleError(Message(DOES_NOTHING))
    if find_rule(connection, name) is not None:
        raise RuleError(Message(NAME_TAKEN, name=name))
    values = {
        "name": name,
        "query": rule.query_text.strip(),
        "tags": json.dumps([store.normalize_tag(tag) for tag in rule.tags], ensure_ascii=False),
        "status": rule.status.value if rule.status else None,
        "star": rule.star,
        "first": rule.first,
        "created_at": now,
    }
    added = connection.execute(tables.RULES.insert().values(values)).inserted_primary_key
    found = find_rule(connection, name)
    assert found is not None and added is not None and found.id == added[0]
    return found


def still_kept(connection: Connection, rule: Rule) -> bool:
    """Whether `rule` is still there (by its id: not one made since under its name)."""
    r = tables.RULES.c
    return connection.execute(select(r.id).where(r.id == rule.id)).first() is not None


def remove_rule(connection: Connection, name: str) -> None:
    """Forget a rule (what it did stays done); `RuleError` if there is none of that name."""
    rule = find_rule(connection, name)
    if rule is None:
        raise RuleError(Message(NO_SUCH_RULE, name=name))
    connection.execute(delete(tables.RULES).where(tables.RULES.c.id == rule.id))


def matching_among(
    connection: Connection, query: Query, ids: Sequence[int], index: TableClause = SEARCH_INDEX
) -> list[int]:
    """Those of `ids` that match `query`, their text in `index`, in id order (one
    statement)."""
    return matching_each(connection, [query], ids, index)[0]


# Queries matched in one statement, at most (SQLite takes up to 500 SELECTs in a compound).
_QUERIES_PER_STATEMENT = 50


def matching_each(
    connection: Connection,
    queries: Sequence[Query],
    ids: Sequence[int],
    index: TableClause = SEARCH_INDEX,
) -> list[list[int]]:
    """For each query, those of `ids` that match it, their text in `index`, in id order.
    One statement for them all, a SELECT a query joined by UNION ALL, built once for every
    batch of an import (`_statements`): SQLAlchemy's work on a statement costs more than
    SQLite's here (20 rules on a 1,000-digest import's batches: 0.55 s a statement a rule
    built for each batch, 0.2 s so)."""
    found: list[list[int]] = [[] for _ in queries]
    if not ids:
        return found
    postgresql = on_postgresql(connection)
    bound = {"ids": bound_ids(connection, ids), "low": min(ids), "high": max(ids)}
    for statement in _statements(tuple(queries), index, dt.date.today(), postgresql):
        for number, paper_id in connection.execute(statement, bound):
            found[number].append(int(paper_id))
    return [sorted(matched) for matched in found]


@functools.lru_cache(maxsize=8)
def _statements(
    queries: tuple[Query, ...], index: TableClause, today: dt.date, postgresql: bool
) -> list[Executable]:
    """The statements `matching_each` runs for these queries (`_QUERIES_PER_STATEMENT` a
    statement), the ids bound at each run: "ids" (`bound_ids`), "low" and "high"."""
    statements: list[Executable] = []
    for start in range(0, len(queries), _QUERIES_PER_STATEMENT):
        numbered = enumerate(queries[start : start + _QUERIES_PER_STATEMENT], start)
        arms = [_matching(query, number, index, today, postgresql) for number, query in numbered]
        statements.append(arms[0] if len(arms) == 1 else union_all(*arms))
    return statements


def _matching(
    query: Query, number: int, index: TableClause, today: dt.date, postgresql: bool
) -> Select[tuple[int, int]]:
    """(`number`, id) for those of the papers bound that match `query`."""
    papers = tables.PAPERS
    compiled = compile_query(query, today, among_few=True, index=index)
    among = among_bound_ids(postgresql, papers.c.id, "ids")
    conditions = [among, *compiled.other_conditions()]
    if compiled.match is not None:  # one full-text query over the papers' id range
        found = select(index.c.rowid).where(
            matching_text(compiled.match, index),
            index.c.rowid.between(bindparam("low"), bindparam("high")),
        )
        conditions.append(papers.c.id.in_(found))
    # Every other term is a test of the paper's row (`among_few`): SQLite starts from the ids.
    return select(literal(number, Integer), papers.c.id).where(and_(*conditions))


def apply_to_new(
    connection: Connection, ids: Sequence[int], now: dt.datetime
) -> dict[int, tuple[str, ...]]:
    """Run every rule on the papers an import just added (in its transaction): for each
    paper a rule caught, the names of the rules that did."""
    if not ids:
        return {}
    rules = list_rules(connection)
    if not rules:
        return {}
    with search_index.new_papers_indexed(connection, ids) as index:
        matched = matching_each(connection, [rule.query for rule in rules], ids, index)
    found = dict(zip(rules, matched, strict=True))
    act(connection, found, now, indexed=False)
    caught: dict[int, tuple[str, ...]] = {}
    for rule, papers in found.items():
        for paper_id in papers:
            caught[paper_id] = (*caught.get(paper_id, ()), rule.name)
    return caught


def matching_in_library(connection: Connection, rule: Rule) -> list[int]:
    """The papers out of the trash that the rule's query matches, in id order (one match;
    `QueryError` for a query this version of the language does not read)."""
    return sorted(sorting.find_paper_ids(connection, rule.query))


def apply_rule(
    connection: Connection, rule: Rule, ids: Sequence[int], now: dt.datetime
) -> list[int]:
    """Do what `rule` does to those of `ids` that match it; the ids it caught."""
    return apply_rules(connection, [rule], ids, now)[rule]


def apply_rules(
    connection: Connection, rules: Sequence[Rule], ids: Sequence[int], now: dt.datetime
) -> dict[Rule, list[int]]:
    """Each rule's papers among `ids`, matched before any acts (each rule sees the papers
    without the tags the others give), then acted on (`act`)."""
    matched = matching_each(connection, [rule.query for rule in rules], ids)
    caught = dict(zip(rules, matched, strict=True))
    act(connection, caught, now)
    return caught


def act(
    connection: Connection,
    caught: Mapping[Rule, Sequence[int]],
    now: dt.datetime,
    *,
    indexed: bool = True,
) -> None:
    """Give each rule's papers (matched already) its star and status, in turn, and a hit;
    then every rule's tags at once (`store.link_tags`). `indexed`: whether the index holds the
    papers already (not an import's new ones: it gets them at commit)."""
    for rule, matched in caught.items():
        if rule.star and matched:
            store.set_starred(connection, matched, True)
        if rule.status is not None and matched:
            store.set_status(connection, _still_unread(connection, matched), rule.status, now)
    _hit(connection, caught, now)
    tagging: dict[str, set[int]] = {}
    for rule, matched in caught.items():
        for tag in rule.tags:
            tagging.setdefault(tag, set()).update(matched)
    tagged = sorted({paper_id for matched in tagging.values() for paper_id in matched})
    if tagged:
        indexing = (
            search_index.tags_indexed_at_commit if indexed else search_index.tagging_unindexed
        )
        with indexing(connection, tagged):
            store.link_tags(connection, {tag: sorted(ids) for tag, ids in tagging.items()})


def _hit(connection: Connection, caught: Mapping[Rule, Sequence[int]], now: dt.datetime) -> None:
    """Keep which rules acted on which papers: an INSERT ... SELECT a rule over its papers,
    joined by UNION ALL (`_QUERIES_PER_STATEMENT` rules a statement, `_hits`)."""
    acted = [(rule, matched) for rule, matched in caught.items() if matched]
    postgresql = on_postgresql(connection)
    for start in range(0, len(acted), _QUERIES_PER_STATEMENT):
        part = acted[start : start + _QUERIES_PER_STATEMENT]
        bound: dict[str, object] = {"at": now}
        for number, (rule, matched) in enumerate(part):
            bound |= {f"rule_{number}": rule.id, f"ids_{number}": bound_ids(connection, matched)}
        connection.execute(_hits(len(part), postgresql), bound)


@functools.lru_cache(maxsize=8)
def _hits(rules: int, postgresql: bool) -> Executable:
    """The hits of that many rules, built once: each rule's id ("rule_N") and papers
    ("ids_N", `bound_ids`) bound at each run, and the moment ("at")."""
    papers = tables.PAPERS.c
    arms = [
        select(
            papers.id, bindparam(f"rule_{number}", type_=Integer), bindparam("at", type_=DateTime())
        ).where(among_bound_ids(postgresql, papers.id, f"ids_{number}"))
        for number in range(rules)
    ]
    hits = arms[0] if len(arms) == 1 else union_all(*arms)
    rows = insert_into(postgresql, tables.RULE_HITS)
    return rows.from_select(["paper_id", "rule_id", "at"], hits).on_conflict_do_nothing()


def _still_unread(connection: Connection, ids: Sequence[int]) -> list[int]:
    papers = tables.PAPERS.c
    unread: list[int] = []
    for chunk in chunks(ids):
        statement = select(papers.id).where(
            papers.id.in_(chunk), papers.status == ReadingStatus.UNREAD.value
        )
        unread += [int(paper_id) for paper_id in connection.execute(statement).scalars()]
    return unread


def rules_that_caught(connection: Connection, paper_id: int) -> list[str]:
    """The names of the rules that acted on the paper, in the order they run."""
    r, hits = tables.RULES.c, tables.RULE_HITS.c
    statement = (
        select(r.name).join(tables.RULE_HITS, hits.rule_id == r.id).where(hits.paper_id == paper_id)
    )
    return [str(name) for name in connection.execute(statement.order_by(r.id)).scalars()]


def forget_hits(connection: Connection, rule_id: int, ids: Sequence[int]) -> None:
    """Take back the record of a rule's acting on papers (its undo)."""
    hits = tables.RULE_HITS.c
    for chunk in chunks(ids):
        statement = delete(tables.RULE_HITS).where(
            hits.rule_id == rule_id, hits.paper_id.in_(chunk)
        )
        connection.execute(statement)


def hit_among(connection: Connection, rule_id: int, ids: Sequence[int]) -> set[int]:
    """Those of `ids` the rule has acted on already (their hit is there)."""
    hits = tables.RULE_HITS.c
    found: set[int] = set()
    for chunk in chunks(ids):
        statement = select(hits.paper_id).where(hits.rule_id == rule_id, hits.paper_id.in_(chunk))
        found.update(int(paper_id) for paper_id in connection.execute(statement).scalars())
    return found
