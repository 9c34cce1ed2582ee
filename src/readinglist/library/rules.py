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

On a shared library (PostgreSQL) each rule has an owner and may be `shared`: a member sees
their own rules and the shared ones (the database's policy) and changes only their own
(the policy again; the functions here say so in words first); names are each owner's. What
a rule does splits as the library does: its tags are everyone's, its star, status and
first in Today each member's own, and a role may write only its own per-person rows. So a
**shared rule only tags**: whoever imports, the tags land for everyone, the same for all,
and its hit (`rule_hits`, one per paper and rule) is true for every member who sees it. A
rule with a star, a status or first in Today is refused as shared (`SHARED_PERSONAL`); a
member who wants them makes a private copy (a rule of their own of the same name and query,
with what they want). The database refuses one too, whoever writes it and however
(`shared.ddl.SHARED_RULE_CHECK`); one a library made before that check holds still acts
by its tags alone (`Rule.acting`). At an import the shared rules run and the importer's
private ones; another member's private rules meet those papers at that member's next
command or in their open window (`shared.rules_catch_up`), once, as they would here.
"""

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    DateTime,
    Executable,
    Integer,
    Select,
    and_,
    bindparam,
    delete,
    literal,
    literal_column,
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
from readinglist.library.driver import chunks, fetch
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
NOT_SHARED_LIBRARY = QT_TR_NOOP(
    "a library file has one person: only a shared library's rules are shared"
)
SHARED_PERSONAL = QT_TR_NOOP(
    "a shared rule only adds tags: a star, a status and first in Today are each member's "
    "own. Share a rule that only tags, and keep {name}'s other actions in a private rule"
)
NOT_MINE = QT_TR_NOOP("the rule {name} is {owner}'s, shared with you: only {owner} can change it")

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
    owner: str | None = None  # a shared library's: who made it (None on a library file)
    shared: bool = False  # seen, and run at import, by every member of the shared library
    mine: bool = True  # changed by the person reading (others' shared ones are read only)

    @property
    def query(self) -> Query:
        return parse_query(self.query_text)

    @property
    def personal(self) -> bool:
        """Whether it does what is each member's own: a star, a status, first in Today."""
        return self.status is not None or self.star or self.first

    @property
    def label(self) -> str:
        """Its name, another member's followed by theirs: "LLM (alice)" (the import report's;
        the detail pane's names are `papers`' `_RULES`, which says the same in SQL)."""
        return self.name if self.mine else f"{self.name} ({self.owner})"

    def acting(self) -> "Rule":
        """The rule as it acts: a shared one by its tags alone (see the module's docstring)."""
        if not self.shared:
            return self
        return dataclasses.replace(self, status=None, star=False, first=False)

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
    """Every rule, in the order they run (the order they were made); on a shared library
    one's own and the shared ones (the database's policy), each with its owner."""
    r = tables.RULES.c
    columns: list[ColumnElement[Any]] = [r.id, r.name, r.query, r.tags, r.status, r.star, r.first]
    if on_postgresql(connection):
        columns += [literal_column(name) for name in _OWNERS]
    rows = connection.execute(select(*columns).order_by(r.id))
    return [_rule(*row) for row in rows]


# A shared library's rule: its owner, whether it is shared, whether it is the reader's own.
_OWNERS = ("owner", "shared", "owner = current_user")


def _rule(*row: object) -> Rule:
    rule_id, name, query, tags, status, star, first, *owned = row
    owner, shared, mine = owned or (None, False, True)
    return Rule(
        int(str(rule_id)),
        str(name),
        str(query),
        tuple(json.loads(str(tags))),
        ReadingStatus(str(status)) if status else None,
        bool(star),
        bool(first),
        None if owner is None else str(owner),
        bool(shared),
        bool(mine),
    )


def find_rule(connection: Connection, name: str) -> Rule | None:
    """The rule called `name` (case aside): on a shared library one's own first, else a
    shared one of another member's."""
    named = [rule for rule in list_rules(connection) if rule.name.lower() == name.lower()]
    return min(named, key=lambda rule: not rule.mine, default=None)


def add_rule(connection: Connection, rule: Rule, now: dt.datetime) -> Rule:
    """Keep `rule` (its id is given here; `rule.shared`: shared with a shared library's
    members). `QueryError` for a malformed query; `RuleError` for an empty or taken name, a
    rule that would do nothing, or one shared that is not only tags, or on a library file."""
    name = rule.name.strip()
    parse_query(rule.query_text)
    if not name:
        raise RuleError(Message(NO_NAME))
    if not rule.actions():
        raise RuleError(Message(DOES_NOTHING))
    if rule.shared:
        _check_shareable(connection, dataclasses.replace(rule, name=name))
    taken = find_rule(connection, name)
    if taken is not None and taken.mine:  # another member's may have the name too
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
    assert added is not None
    if rule.shared:
        fetch(connection, "UPDATE rules SET shared = true WHERE id = ? RETURNING id", [added[0]])
    return _kept(connection, int(added[0]))


def _kept(connection: Connection, rule_id: int) -> Rule:
    return next(rule for rule in list_rules(connection) if rule.id == rule_id)


def set_shared(connection: Connection, rule: Rule, shared: bool) -> Rule:
    """Share one's rule with every member of a shared library, or stop sharing it;
    `RuleError` on a library file, for another member's rule, for one no longer there, or
    for sharing one that does more than tag."""
    if shared:
        _check_shareable(connection, rule)
    else:
        check_sharing(connection)
    _check_mine(connection, rule)
    fetch(connection, "UPDATE rules SET shared = ? WHERE id = ? RETURNING id", [shared, rule.id])
    return _kept(connection, rule.id)


def check_sharing(connection: Connection) -> None:
    """`RuleError` on a library file: one person, nothing to share (said before a rule's name
    is looked up, so `rules share` on a library file says that first)."""
    if not on_postgresql(connection):
        raise RuleError(Message(NOT_SHARED_LIBRARY))


def _check_shareable(connection: Connection, rule: Rule) -> None:
    check_sharing(connection)
    if rule.personal:
        raise RuleError(Message(SHARED_PERSONAL, name=rule.name))


def _check_mine(connection: Connection, rule: Rule) -> None:
    """On a shared library, another member's (shared) rule is theirs to change: said in
    words (the policy would only change nothing)."""
    kept = next((found for found in list_rules(connection) if found.id == rule.id), None)
    if kept is None:
        raise RuleError(Message(NO_SUCH_RULE, name=rule.name))
    if not kept.mine:
        raise RuleError(Message(NOT_MINE, name=kept.name, owner=kept.owner))


def still_kept(connection: Connection, rule: Rule) -> bool:
    """Whether `rule` is still there (by its id: not one made since under its name)."""
    r = tables.RULES.c
    return connection.execute(select(r.id).where(r.id == rule.id)).first() is not None


def remove_rule(connection: Connection, name: str) -> None:
    """Forget a rule (what it did stays done); `RuleError` if there is none of that name,
    or if it is another member's."""
    rule = find_rule(connection, name)
    if rule is None:
        raise RuleError(Message(NO_SUCH_RULE, name=name))
    _check_mine(connection, rule)
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
    paper a rule caught, the names of the rules that did (another member's with theirs:
    `Rule.label`)."""
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
            caught[paper_id] = (*caught.get(paper_id, ()), rule.label)
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
    then every rule's tags at once (`store.link_tags`). A shared rule gives its tags alone
    (`Rule.acting`). `indexed`: whether the index holds the papers already (not an import's
    new ones: it gets them at commit)."""
    for shown, matched in caught.items():
        rule = shown.acting()
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
    """The names of the rules that acted on the paper, in the order they run (another
    member's with theirs: `Rule.label`)."""
    hits = tables.RULE_HITS.c
    statement = select(hits.rule_id).where(hits.paper_id == paper_id)
    hit = {int(rule_id) for rule_id in connection.execute(statement).scalars()}
    return [rule.label for rule in list_rules(connection) if rule.id in hit]


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
