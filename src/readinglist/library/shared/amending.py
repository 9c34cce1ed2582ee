"""What `init-shared` adds to a shared library made at this schema version before a part of
it was (`amend`): its owner runs init-shared again, and it is reported as amended.

Not a schema step: the version numbers are an SQLite library's too (setup.py), and these
parts are PostgreSQL's alone; a step would move every library file to a version that changes
nothing in it, and shut every member out of the shared library until its owner upgraded it.
A library without them works as before: the app keeps to what they hold (`rules.py` refuses
to share a rule that does more than tag; a shared rule stored so acts by its tags alone;
without `ddl.RULE_CATCH_UP` a member's private rules run at their own imports alone).

The check that a shared rule only tags (`ddl.SHARED_RULE_CHECK`) is added `NOT VALID`: the
database refuses every insert and update that breaks it at once, and it is validated on the
rules already there only when none breaks it. Those that do are named (their owners may
change them, and the library's owner may not: the rules' policy); the next init-shared
validates it once they stop being shared.

The word pairs (`WORD_PAIRS`, search_ddl.PAIRS) are worked out for every paper there, from its
words, with `paper_search` locked in SHARE mode: members' searches go on, their writes that
rework a paper's words (an import, a tag, a shared note) wait until it commits (434 s at
180,002 papers, on a machine at load 5-6; docs/postgres-notes.md), and members who open the
library meanwhile are refused until then (check_version). A library that kept them in
`paper_search` (the fourth pass) has those columns dropped afterwards, in a transaction of
their own: a moment's lock, no row rewritten (their bytes go as its papers change, or at
once with `VACUUM FULL paper_search`, which locks it).
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from readinglist.library.shared import ddl, search_ddl

if TYPE_CHECKING:
    import psycopg

LISTS_INDEX = "the index its lists of found papers are read by"
WORD_PAIRS = "the word pairs its phrases are looked up by"
RULE_CHECK = "the database's check that a shared rule only tags"
RULES_CATCH_UP = "what members' private rules have seen of the papers others import"
LISTED_ORDER = "the papers' dates beside their words, which lists of found papers are sorted by"

_RULE_CHECK_VALIDATED = (
    "SELECT convalidated FROM pg_constraint "
    f"WHERE conrelid = 'rules'::regclass AND conname = '{ddl.SHARED_RULE_CHECK_NAME}'"
)
_ADD_RULE_CHECK = (
    f"ALTER TABLE rules ADD CONSTRAINT {ddl.SHARED_RULE_CHECK_NAME} "
    f"CHECK ({ddl.SHARED_RULE_CHECK}) NOT VALID"
)
_VALIDATE_RULE_CHECK = f"ALTER TABLE rules VALIDATE CONSTRAINT {ddl.SHARED_RULE_CHECK_NAME}"
# Shared rules are every member's to read (the policy), the owner's among them.
_BREAKING_RULE_CHECK = (
    f"SELECT name, owner FROM rules WHERE NOT ({ddl.SHARED_RULE_CHECK}) ORDER BY owner, id"
)


# What the search reads (search_ddl): its name, whether it is there, the statements adding it
# (the pairs filled in for the papers already there, members given them as the rest).
_SEARCH_PARTS = (
    (LISTS_INDEX, search_ddl.HAS_SORTING, search_ddl.SORTING),
    (
        WORD_PAIRS,
        search_ddl.HAS_PAIRS,
        f"{search_ddl.PAIRS}\nGRANT SELECT, INSERT, UPDATE, DELETE ON paper_pairs TO {ddl.MEMBER};",
    ),
    (LISTED_ORDER, search_ddl.HAS_LISTED_ORDER, search_ddl.LISTED_ORDER_KEPT),
)
# Papers whose rows of words and word pairs `fill_listed_order` dates in one transaction: each
# part's rows are locked for a moment, never a whole table.
FILL_PART = 5_000


class SharedRule(NamedTuple):
    """A shared rule, named: what keeps the rule check from the rules already there."""

    name: str
    owner: str


@dataclass(frozen=True, slots=True)
class Amended:
    added: tuple[str, ...] = ()  # what was added, in words (`LISTS_INDEX`, `RULE_CHECK`…)
    # Shared rules that do more than tag: the rule check holds for every write, not on them.
    blocking: tuple[SharedRule, ...] = ()


def amend(connection: "psycopg.Connection[Any]") -> Amended:
    """Add what the library lacks, in the transaction the caller holds; psycopg's
    InsufficientPrivilege when the role connected does not own the tables."""
    added: list[str] = []
    for named, present, statements in _SEARCH_PARTS:
        if not holds(connection, present):
            connection.execute(statements.encode())
            added.append(named)
    if not holds(connection, ddl.HAS_RULE_CATCH_UP):  # until then no rule catches up
        connection.execute(ddl.rule_catch_up_amendment().encode())
        added.append(RULES_CATCH_UP)
    checked, blocking = _check_rules(connection)
    return Amended((*added, RULE_CHECK) if checked else tuple(added), blocking)


def fill_listed_order(connection: "psycopg.Connection[Any]") -> None:
    """Every row of `paper_search` and `paper_pairs` given its paper's date (`LISTED_ORDER`,
    its columns and what keeps them made by `amend`), then the dates required: with the
    connection in autocommit, each step in a transaction of its own (`_giving_way`), so that
    members' searches and imports go on throughout (a member's lists are read as before until
    the dates are required and that member's readinglist starts again: text_search.words_dated).
    A part read before an import changed a paper's date may write the old one (its trigger
    wrote the new): all are put right, the papers' dates held still meanwhile, before they are
    required. Run again after a failure, it goes on."""
    if holds(connection, search_ddl.HAS_LISTED_ORDER):
        return
    tables = search_ddl.LISTED_ORDER_TABLES
    for first, last in _id_parts(connection):
        fills = [search_ddl.listed_order_fill(table, in_parts=True) for table in tables]
        _giving_way(connection, [(fill, {"first": first, "last": last}) for fill in fills])
    for table in tables:  # checked on what is written from now on
        _giving_way(
            connection,
            [
                (f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_dated", None),
                (
                    f"ALTER TABLE {table} ADD CONSTRAINT {table}_dated "
                    "CHECK (last_seen IS NOT NULL) NOT VALID",
                    None,
                ),
            ],
        )
    held_still = [("LOCK TABLE paper_records IN SHARE MODE", None)]  # imports wait, not reads
    for table in tables:
        held_still += [
            (search_ddl.listed_order_fill(table, in_parts=False), None),
            (f"ALTER TABLE {table} VALIDATE CONSTRAINT {table}_dated", None),
        ]
    _giving_way(connection, held_still)
    required = [("LOCK TABLE paper_search, paper_pairs IN ACCESS EXCLUSIVE MODE", None)]
    for table in tables:  # the valid check spares NOT NULL its scan: a moment's lock
        required += [
            (f"ALTER TABLE {table} ALTER COLUMN last_seen SET NOT NULL", None),
            (f"ALTER TABLE {table} DROP CONSTRAINT {table}_dated", None),
        ]
    _giving_way(connection, required)


# How long a step of `fill_listed_order` waits for a lock before it gives way (its transaction
# rolled back, tried again after a pause): under PostgreSQL's deadlock_timeout (1 s), so that
# an import locking the same papers' rows in another order is never the one aborted, and
# members' searches never queue long behind a table's lock.
LOCK_WAIT = "200ms"
GIVE_WAY_S = (0.1, 0.2, 0.5, 1.0, 2.0)  # the pauses, the last repeated
GIVE_WAY_TRIES = 60


def _giving_way(
    connection: "psycopg.Connection[Any]", statements: "Sequence[tuple[str, dict[str, int] | None]]"
) -> None:
    """`statements` in one transaction, which gives way to whoever holds a lock it needs
    (`LOCK_WAIT`) and is tried again; psycopg's LockNotAvailable after `GIVE_WAY_TRIES`."""
    import psycopg

    for attempt in range(GIVE_WAY_TRIES):
        try:
            with connection.transaction():
                connection.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'".encode())
                for sql, parameters in statements:
                    connection.execute(sql.encode(), parameters)
            return
        except psycopg.errors.LockNotAvailable:
            if attempt == GIVE_WAY_TRIES - 1:
                raise
            time.sleep(GIVE_WAY_S[min(attempt, len(GIVE_WAY_S) - 1)])


def _id_parts(connection: "psycopg.Connection[Any]") -> list[tuple[int, int]]:
    """The papers' ids, from the first to the last, in parts of `FILL_PART`."""
    found = connection.execute(b"SELECT min(id), max(id) FROM paper_records").fetchone()
    if found is None or found[0] is None:
        return []
    first, last = int(found[0]), int(found[1])
    return [(start, start + FILL_PART - 1) for start in range(first, last + 1, FILL_PART)]


def drop_old_pairs(connection: "psycopg.Connection[Any]") -> None:
    """The word pairs as the fourth pass kept them (in `paper_search`), once `paper_pairs`
    holds them: in a transaction of its own, after `amend`'s, since dropping them locks
    `paper_search` against reads (for a moment: no row is rewritten) and a member's write
    that waited on `amend`'s lock may hold a read of it."""
    if holds(connection, search_ddl.HAS_OLD_PAIRS):
        connection.execute(search_ddl.OLD_PAIRS.encode())


def holds(connection: "psycopg.Connection[Any]", query: str) -> bool:
    found = connection.execute(query.encode()).fetchone()
    return found is not None and bool(found[0])


def _check_rules(connection: "psycopg.Connection[Any]") -> tuple[bool, tuple[SharedRule, ...]]:
    """The rule check added, or validated, if it was not: whether it was, and the shared
    rules that keep it from being validated."""
    found = connection.execute(_RULE_CHECK_VALIDATED.encode()).fetchone()
    if found is not None and found[0]:
        return False, ()
    if found is None:
        connection.execute(_ADD_RULE_CHECK.encode())
    rows = connection.execute(_BREAKING_RULE_CHECK.encode()).fetchall()
    if rows:
        return found is None, tuple(SharedRule(str(name), str(owner)) for name, owner in rows)
    connection.execute(_VALIDATE_RULE_CHECK.encode())
    return True, ()
