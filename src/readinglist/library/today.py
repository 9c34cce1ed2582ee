"""Today in the library: which papers it holds, how far the reader is, and the session's
turn (`core.today` says when a session begins; here it is written down).

Today is a query term (`is:today`) like any other: the papers added after
`triage_state.today_since` that no rule hid, and those brought back into this Today
(`resurfacing.shown_since`); when none were added since, the latest digest day's papers.
Everything is read from stored values: a library file's list reads the start where its SQL
(kept by `id_plans`) runs, so that stays true when the state changes; a shared library's
has it as a value (`listed_since`), and its kept SQL is keyed by it. `roll` moves the state
on when a session is over: the window asks for it once its first counts are in, when Today
is shown and every 15 minutes; `readinglist today` before it lists; every triage key
(`note_triage`) first.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    delete,
    exists,
    func,
    literal,
    not_,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.selectable import FromClause

from readinglist.core.paper import ReadingStatus
from readinglist.core.query_terms import Term, mentions_today
from readinglist.core.today import (
    RESURFACE_PER_SESSION,
    SNOOZE,
    TodayProgress,
    TriageState,
    next_due,
    waited_since,
)
from readinglist.library import tables
from readinglist.library.dialect import conflict_keys, insert, on_postgresql
from readinglist.library.trash import NotTrashed

_ROW = 1  # the one reader's row (a shared library keeps one per person)
UNREAD, SKIPPED, QUEUED = (
    s.value for s in (ReadingStatus.UNREAD, ReadingStatus.SKIPPED, ReadingStatus.QUEUED)
)


type Resting = dict[int, tuple[int, dt.datetime, dt.datetime | None] | None]


@dataclass(frozen=True, slots=True)
class Triaged:
    """What a triage key did beyond the edit: whether it began a new session, and the
    resurfacing rows of the papers it acknowledged, as they were (for its undo)."""

    began: bool
    rested: Resting


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else moment.replace(tzinfo=dt.UTC)


def _as_utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC)


def read_state(connection: Connection) -> TriageState:
    state = tables.TRIAGE_STATE.c
    row = connection.execute(
        select(state.today_since, state.last_triage_at).where(state.id == _ROW)
    ).first()
    if row is None:
        return TriageState()
    return TriageState(_aware(row.today_since), _aware(row.last_triage_at))


def _write_state(connection: Connection, state: TriageState) -> None:
    values = {"today_since": state.today_since, "last_triage_at": state.last_triage_at}
    table = tables.TRIAGE_STATE
    statement = insert(connection, table).values(id=_ROW, **values)
    keys = conflict_keys(connection, table, "id")
    connection.execute(statement.on_conflict_do_update(index_elements=keys, set_=values))


def roll(connection: Connection, now: dt.datetime) -> bool:
    """Begin a new session's Today when the last session is over: the papers brought back
    into the old one and passed over wait longer, a few others come back. An unfinished
    Today is kept (`TriageState.rolled`) with the papers brought back into it, untriaged
    ones too: nothing drops out of it. True when the turn was taken."""
    state = read_state(connection)
    return _take_turn(connection, state, now) != state


def _take_turn(connection: Connection, state: TriageState, now: dt.datetime) -> TriageState:
    """`roll` from `state` as read; the state after it (`state`: no turn was due)."""
    if not state.due(now):
        return state
    rolled = state.rolled(now, unfinished=_unfinished(connection, state))
    _write_state(connection, rolled)
    if rolled.today_since != state.today_since:  # else kept: the same Today goes on
        _pass_over(connection, state.today_since, now)
        if rolled.today_since is not None:
            _bring_back(connection, rolled.today_since, now)
    return rolled


def roll_due(connection: Connection, now: dt.datetime) -> bool:
    """Whether `roll` would take a turn (read only: a window asks a reader first)."""
    return read_state(connection).due(now)


def note_triage(connection: Connection, now: dt.datetime, ids: Iterable[int] = ()) -> "Triaged":
    """A triage key at `now` on the papers `ids` (a status or a star the reader gave):
    written with the edit. Those of them brought back into Today are done with for a while
    (`_acknowledge`)."""
    before = read_state(connection)
    after = _take_turn(connection, before, now)
    rested = _acknowledge(connection, ids, now)
    _write_state(connection, after.triaged(now))
    return Triaged(after != before, rested)


def _unfinished(connection: Connection, state: TriageState) -> bool:
    """Whether papers that arrived in the current Today before its latest key (those the
    reader had in front of them) are still unread."""
    papers = tables.PAPERS.c
    left = select(papers.id).where(
        papers.id.in_(_arrived(_since_now(connection))),  # 2-7 ms; by the subquery, 800
        papers.added_at <= state.last_triage_at,
        papers.status == UNREAD,
        NotTrashed(),
    )
    return connection.execute(left.limit(1)).first() is not None


# --- which papers ------------------------------------------------------------------------


type Since = ColumnElement[dt.datetime] | None  # when this Today began (None: as stored)


def _since(since: Since = None) -> ColumnElement[dt.datetime]:
    """`since`, else the stored start, read where the statement runs (a library file's
    list's SQL, kept by `id_plans`, stays true when the state changes)."""
    if since is not None:
        return since
    state = tables.TRIAGE_STATE.c
    return select(state.today_since).where(state.id == _ROW).scalar_subquery()


def _since_now(connection: Connection) -> BindParameter[dt.datetime]:
    """The stored start as read now, a value in the statement: PostgreSQL then plans for the
    few papers that arrived since. From the subquery it guessed a third of the library and
    joined every paper's state (Today's counts at 180,000 papers: 270-440 against 5-8 ms,
    shared_counts.py, load 5)."""
    state = tables.TRIAGE_STATE.c
    stored = connection.execute(select(state.today_since).where(state.id == _ROW)).scalar()
    return literal(stored, state.today_since.type)


def listed_since(connection: Connection, term: Term | None) -> BindParameter[dt.datetime] | None:
    """The start a list of `term` (a query's) is compiled with, when it asks for Today: on a
    shared library the stored start as read now (`_since_now`; its list took 270-350 ms
    from the subquery), which the list's kept plan is then keyed by (sorting.py). None
    elsewhere: a library file's list reads the start where it runs, so its plan, kept
    beside it from one start of the app to the next, stays true when a new Today begins."""
    if on_postgresql(connection) and mentions_today(term):
        return _since_now(connection)
    return None


def _hidden(table: "FromClause | None" = None) -> ColumnElement[bool]:
    """Skipped as it arrived, and still: only a rule gives a status in the import that adds
    the paper (`rules.apply_to_new`, at the import's moment), so this holds once the rule is
    removed (its hits go with it). A rule applied later skips as a key does: no hiding."""
    papers = (tables.PAPERS if table is None else table).c
    return and_(papers.status == SKIPPED, papers.status_changed_at == papers.added_at)


def _arrived(since: Since = None) -> Select[tuple[int]]:
    """Added since Today began (an alias: a list's own `papers` is not this one)."""
    arrived = tables.PAPERS.alias("arrived")
    return select(arrived.c.id).where(arrived.c.added_at > _since(since), not_(_hidden(arrived)))


def _latest_day(since: Since = None) -> Select[tuple[int]]:
    """The latest digest day's papers, when nothing arrived since Today began."""
    digests, sightings = tables.DIGESTS.c, tables.SIGHTINGS.c
    latest = select(func.max(digests.date)).scalar_subquery()
    days = select(digests.id).where(digests.date == latest)
    nothing_arrived = not_(exists(_arrived(since)))
    return select(sightings.paper_id).where(sightings.digest_id.in_(days), nothing_arrived)


def _brought_back(since: Since = None) -> Select[tuple[int]]:
    resurfacing = tables.RESURFACING.c
    return select(resurfacing.paper_id).where(resurfacing.shown_since == _since(since))


def _brought_back_untouched(since: Since = None) -> Select[tuple[int]]:
    """Brought back and no key given on them yet (a key moves their `due_at` on)."""
    resurfacing = tables.RESURFACING.c
    shown = resurfacing.shown_since == _since(since)
    return select(resurfacing.paper_id).where(shown, resurfacing.due_at <= resurfacing.shown_since)


def today_ids(since: Since = None) -> Select[tuple[int]]:
    """Today's papers, the trash's included (the query leaves those out)."""
    return select(union(_arrived(since), _latest_day(since), _brought_back(since)).subquery().c[0])


def in_today(since: Since = None) -> ColumnElement[bool]:
    """`is:today` as a condition on `papers`: none that a rule hid."""
    return and_(tables.PAPERS.c.id.in_(today_ids(since)), not_(_hidden()))


def _untriaged(since: Since = None) -> ColumnElement[bool]:
    """Still to do: arrived and unread, or brought back, no key given on it, and still
    waiting (not read or skipped since, by a rule applied to it). When its status was set
    does not count: a paper queued after the last session began (by a rule applied to the
    papers already in the library, or on another machine's clock) was as much to do."""
    papers = tables.PAPERS.c
    arrived_unread = and_(papers.status == UNREAD, papers.id.not_in(_brought_back(since)))
    untouched = papers.id.in_(_brought_back_untouched(since))
    return or_(arrived_unread, and_(untouched, _waiting()))


def progress(connection: Connection) -> TodayProgress:
    """Today's counts, from one row per paper in it (a day's few dozen): whether it is still
    to do, queued, starred, brought back."""
    papers, since = tables.PAPERS.c, _since_now(connection)
    brought_back = papers.id.in_(_brought_back(since))
    untriaged = _untriaged(since)
    facts = select(papers.id, untriaged, papers.status == QUEUED, papers.starred, brought_back)
    rows = connection.execute(facts.where(in_today(since), NotTrashed())).all()
    done = [row for row in rows if not row[1]]
    return TodayProgress(
        total=len(rows),
        triaged=len(done),
        queued=sum(1 for row in done if row[2]),
        starred=sum(1 for row in done if row[3]),
        brought_back=frozenset(row[0] for row in rows if row[4]),
        brought_back_left=frozenset(row[0] for row in rows if row[4] and row[1]),
    )


def untriaged_ids(connection: Connection) -> list[int]:
    """Today's papers still to do (what "Skip the Rest of Today" skips)."""
    papers, since = tables.PAPERS.c, _since_now(connection)
    statement = select(papers.id).where(in_today(since), NotTrashed(), _untriaged(since))
    return list(connection.scalars(statement.order_by(papers.id)))


# --- resurfacing -------------------------------------------------------------------------


def _waiting() -> ColumnElement[bool]:
    """Starred and unread, or queued: what may be brought back."""
    papers = tables.PAPERS.c
    return or_(papers.status == QUEUED, and_(papers.starred, papers.status == UNREAD))


def _pass_over(connection: Connection, since: dt.datetime | None, now: dt.datetime) -> None:
    """The papers brought back into the Today that began at `since` and still waiting:
    those given no key wait twice as long to come again; those given a key that left them
    waiting (`q`, a star) rest until the `due_at` the key set; the others (read, skipped)
    are done with (a new status restarts their wait: `waited_since` counts from it)."""
    resurfacing, papers = tables.RESURFACING.c, tables.PAPERS.c
    if since is None:
        return
    shown = resurfacing.shown_since == since
    passed = and_(shown, resurfacing.paper_id.in_(select(papers.id).where(_waiting())))
    rows = connection.execute(
        select(resurfacing.paper_id, resurfacing.passes).where(passed, resurfacing.due_at <= since)
    )
    for paper_id, passes in rows.all():
        again = update(tables.RESURFACING).where(resurfacing.paper_id == paper_id)
        connection.execute(
            again.values(passes=passes + 1, due_at=next_due(passes + 1, now), shown_since=None)
        )
    resting = and_(passed, resurfacing.due_at > since)
    connection.execute(update(tables.RESURFACING).where(resting).values(shown_since=None))
    connection.execute(delete(tables.RESURFACING).where(shown))


def _acknowledge(connection: Connection, ids: Iterable[int], now: dt.datetime) -> Resting:
    """A key on papers brought back into this Today: they are triaged, and rest (as a
    paper passed over does) before they may come back. Their rows as they were."""
    untouched = set(cast("list[int]", connection.scalars(_brought_back_untouched()).all()))
    rows = resting_rows(connection, [paper_id for paper_id in set(ids) if paper_id in untouched])
    before: Resting = {paper_id: row for paper_id, row in rows.items() if row is not None}
    resurfacing = tables.RESURFACING.c
    for paper_id, row in before.items():
        assert row is not None
        rested = update(tables.RESURFACING).where(resurfacing.paper_id == paper_id)
        connection.execute(rested.values(due_at=next_due(row[0], now)))
    return before


def _bring_back(connection: Connection, since: dt.datetime, now: dt.datetime) -> None:
    """A few papers that have waited longest, not snoozed or passed over lately."""
    papers, resurfacing = tables.PAPERS.c, tables.RESURFACING.c
    waited = func.coalesce(papers.status_changed_at, papers.added_at)
    resting = select(resurfacing.paper_id).where(resurfacing.due_at > now)
    chosen = (
        select(papers.id)
        .where(
            _waiting(),
            waited < waited_since(now),
            papers.added_at <= since,
            papers.id.not_in(resting),
            NotTrashed(),
        )
        .order_by(waited, papers.id)
        .limit(RESURFACE_PER_SESSION)
    )
    for paper_id in connection.scalars(chosen).all():
        _rest(connection, paper_id, due_at=since, shown_since=since)  # untouched


def _rest(
    connection: Connection, paper_id: int, due_at: dt.datetime, shown_since: dt.datetime | None
) -> None:
    """The paper's resurfacing row: due at `due_at`, shown since (None: not in Today)."""
    table = tables.RESURFACING
    kept = {"due_at": due_at, "shown_since": shown_since}
    statement = insert(connection, table).values(paper_id=paper_id, **kept)
    keys = conflict_keys(connection, table, "paper_id")
    connection.execute(statement.on_conflict_do_update(index_elements=keys, set_=kept))


def brought_back_ids(connection: Connection) -> tuple[set[int], set[int]]:
    """The papers brought back into this Today, and those of them still to do."""
    papers = tables.PAPERS.c
    facts = select(papers.id, _untriaged()).where(papers.id.in_(_brought_back()))
    rows = connection.execute(facts).all()
    return {row[0] for row in rows}, {row[0] for row in rows if row[1]}


def resting_rows(connection: Connection, ids: Iterable[int]) -> Resting:
    """The papers' resurfacing rows as they are (None: none), for an undo to put back."""
    resurfacing = tables.RESURFACING.c
    wanted = list(ids)
    found: Resting = dict.fromkeys(wanted)
    columns = (
        resurfacing.paper_id,
        resurfacing.passes,
        resurfacing.due_at,
        resurfacing.shown_since,
    )
    for row in connection.execute(select(*columns).where(resurfacing.paper_id.in_(wanted))):
        found[row.paper_id] = (row.passes, _as_utc(row.due_at), _aware(row.shown_since))
    return found


def snooze(connection: Connection, ids: Iterable[int], now: dt.datetime) -> None:
    """Out of Today, and not brought back before `SNOOZE` has passed."""
    for paper_id in ids:
        _rest(connection, paper_id, due_at=now + SNOOZE, shown_since=None)


def put_back(connection: Connection, rows: Resting) -> None:
    """The rows as `resting_rows` read them (a snooze undone)."""
    resurfacing = tables.RESURFACING
    for paper_id, row in rows.items():
        connection.execute(delete(resurfacing).where(resurfacing.c.paper_id == paper_id))
        if row is not None:
            passes, due_at, shown_since = row
            values = {"passes": passes, "due_at": due_at, "shown_since": shown_since}
            connection.execute(resurfacing.insert().values(paper_id=paper_id, **values))
