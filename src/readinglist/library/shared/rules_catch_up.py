"""A member's private rules on the papers others brought into a shared library (issue 17).

At an import the importer's rules run on its new papers (`rules.apply_to_new`): the shared
rules, whoever imports, and the importer's private ones. A private rule of another member's
meets those papers here, at that member's next look: `catch_up` runs each of their private
rules, once, on every paper that arrived since their rules last caught up, whoever imported
it, and does what an import would (`rules.act`: a status given only to a paper still unread,
the hits kept for the detail pane's "Rules:"). Papers the member imported are left out: their
rules ran then, and so are those in the member's trash: left alone, as a trashed paper is by
everything else. A rule acts only on papers that arrived after it was made (`rules.since`),
as at an import; `rules apply` is for the papers before.

"Since" is a snapshot, not a number: ids are given as papers are inserted, not as imports
commit, so an import still open may commit papers with smaller ids than one already seen.
A paper arrived since a snapshot when the transaction that inserted it (`arrived`) is not
visible in that snapshot; the papers read and the snapshot kept are of one statement, so
none is seen twice and none missed. Each member's mark is a row of their own
(`rule_catch_up`, row-level security), locked for the catch-up's transaction: two windows
of one member catch up one after the other, the second from where the first left off.

The changes it writes are named `CLIENT` (`changes.client`): every window of the member's,
the one that ran it too, shows them as it shows other changes (ui/window/live.py).
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection

from readinglist.library import rules
from readinglist.library.database import utc_now
from readinglist.library.dialect import on_postgresql
from readinglist.library.driver import fetch
from readinglist.library.shared import ddl
from readinglist.library.trash import not_trashed_sql

CLIENT = "readinglist-rules"
# The connection named `CLIENT` for the catch-up's statements (the changes log reads it), as
# it was after them: the rest of the caller's transaction is the caller's own.
_NAMED = "SELECT current_setting('application_name'), set_config('application_name', ?, true)"
_NAMED_BACK = "SELECT set_config('application_name', ?, true)"
_MARK = "SELECT seen::text FROM rule_catch_up WHERE person = current_user FOR UPDATE"
# A member's first mark: before the papers their oldest private rule may act on (those not
# visible in its `since`), so what arrived between the rule (or the owner's amendment) and
# this first catch-up is caught. A rule made before the amendment has no `since`: it starts
# at the amendment, before every paper with an `arrived` ('1:1:', no transaction visible).
# No private rule: the moment itself, nothing to catch. Another window's first mark, made
# meanwhile, wins (nothing returned: `_MARK` then waits for it).
_FIRST_MARK = (
    "INSERT INTO rule_catch_up (seen, at) SELECT coalesce(CASE WHEN bool_or(since IS NULL) "
    "THEN '1:1:'::pg_snapshot ELSE (min(pg_snapshot_xmin(since)) || ':' || "
    "min(pg_snapshot_xmin(since)) || ':')::pg_snapshot END, pg_current_snapshot()), ? "
    "FROM rules WHERE owner = current_user AND NOT shared "
    "ON CONFLICT (person) DO NOTHING RETURNING seen::text"
)
# The papers others brought in since the mark, and the snapshot they were read in.
_ARRIVED = (
    "SELECT pg_current_snapshot()::text, ARRAY(SELECT id FROM paper_records WHERE "
    "arrived >= pg_snapshot_xmin(?::pg_snapshot) "
    "AND NOT pg_visible_in_snapshot(arrived, ?::pg_snapshot) "
    "AND arrived_by <> current_user ORDER BY id)"
)
# Which of them each of the member's private rules was made before, those in the member's
# trash left out: a trashed paper is left alone, as by every other edit (restored, it is as
# it was; the rules do not come back to it).
_AFTER_RULES = (
    "SELECT r.id, p.id FROM rules r JOIN paper_records p ON p.id = ANY(?::bigint[]) "
    "WHERE r.owner = current_user AND NOT r.shared "
    "AND (r.since IS NULL OR NOT pg_visible_in_snapshot(p.arrived, r.since)) "
    f"AND {not_trashed_sql('p.id', postgresql=True)}"
)
_MOVE_MARK = (
    "UPDATE rule_catch_up SET seen = ?::pg_snapshot, at = ? WHERE person = current_user "
    "RETURNING person"
)


@dataclass(frozen=True, slots=True)
class CaughtUp:
    """What a catch-up did: the papers others brought in since the last one, and for each
    rule that acted (in the order rules run) its name and the papers it caught."""

    arrived: tuple[int, ...] = ()
    caught: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def paper_ids(self) -> list[int]:
        """The papers a rule acted on."""
        return sorted({paper_id for _, papers in self.caught for paper_id in papers})

    def counts(self) -> dict[str, int]:
        """Each rule that acted: how many papers it caught (the command line's report)."""
        return {name: len(papers) for name, papers in self.caught}


def catch_up(connection: Connection, now: dt.datetime) -> CaughtUp:
    """Run the member's private rules on the papers others brought in since their last
    catch-up, in the caller's transaction; nothing on a library file (its one person
    imports everything), nor on a shared library made before the catch-up (until its
    owner's init-shared adds it: amending.py). A member's first catch-up starts from their
    oldest private rule (`_FIRST_MARK`): what others imported since it was made, or since the
    owner's amendment for a rule made before it, is caught then."""
    if not on_postgresql(connection) or not fetch(connection, ddl.HAS_RULE_CATCH_UP)[0][0]:
        return CaughtUp()
    [(named, _)] = fetch(connection, _NAMED, [CLIENT])
    done = _catch_up(connection, now)  # a failure rolls the name back with the rest
    fetch(connection, _NAMED_BACK, [named])
    return done


def _catch_up(connection: Connection, now: dt.datetime) -> CaughtUp:
    marked = fetch(connection, _MARK) or fetch(connection, _FIRST_MARK, [now])
    if not marked:  # another window of the member's made the first mark meanwhile
        marked = fetch(connection, _MARK)
    seen = marked[0][0]
    [(snapshot, arrived)] = fetch(connection, _ARRIVED, [seen, seen])
    caught = _act(connection, [int(paper_id) for paper_id in arrived], now)
    fetch(connection, _MOVE_MARK, [snapshot, now])
    return CaughtUp(tuple(arrived), caught)


def catch_up_now(connection: Connection) -> CaughtUp:
    """`catch_up` at this moment (a window's, on its query runner)."""
    return catch_up(connection, utc_now())


def _act(
    connection: Connection, arrived: list[int], now: dt.datetime
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each private rule of the member's acts on those of `arrived` that match it and came
    after it was made: matched all before any acts, as at an import."""
    if not arrived:
        return ()
    after: dict[int, set[int]] = {}
    for rule_id, paper_id in fetch(connection, _AFTER_RULES, [arrived]):
        after.setdefault(int(rule_id), set()).add(int(paper_id))
    running = [rule for rule in rules.list_rules(connection) if rule.id in after]
    if not running:
        return ()
    matched = rules.matching_each(connection, [rule.query for rule in running], arrived)
    caught = {
        rule: [paper_id for paper_id in papers if paper_id in after[rule.id]]
        for rule, papers in zip(running, matched, strict=True)
    }
    rules.act(connection, caught, now)
    return tuple((rule.label, tuple(papers)) for rule, papers in caught.items() if papers)
