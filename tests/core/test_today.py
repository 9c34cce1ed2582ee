"""When a new session begins, and how long a passed-over paper waits: on a clock moved by
hand."""

import datetime as dt

import pytest

from readinglist.core.listing import SortKey, TodayProgress
from readinglist.core.today import (
    RESURFACE_AFTER,
    SESSION_GAP,
    TodayOrder,
    TriageState,
    next_due,
)

MORNING = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


def test_before_any_triage_today_is_the_latest_digest_day() -> None:
    assert TriageState().rolled(MORNING) == TriageState()


def test_a_session_keeps_its_today_while_its_keys_come() -> None:
    state = TriageState(today_since=MORNING - dt.timedelta(days=1), last_triage_at=MORNING)
    for minutes in (1, 30, 90):
        state = state.triaged(MORNING + minutes * MINUTE)
        assert state.today_since == MORNING - dt.timedelta(days=1)
    assert state.last_triage_at == MORNING + 90 * MINUTE


def test_the_next_morning_today_is_what_arrived_since_the_last_key() -> None:
    last_key = MORNING + 30 * MINUTE
    state = TriageState(today_since=MORNING - dt.timedelta(days=1), last_triage_at=last_key)
    next_morning = MORNING + dt.timedelta(days=1)

    assert state.session_over(next_morning)
    assert state.rolled(next_morning) == TriageState(last_key, last_key)
    rolled = state.rolled(next_morning)
    assert rolled.triaged(next_morning) == TriageState(last_key, next_morning)  # same Today
    assert not rolled.due(next_morning + dt.timedelta(days=1))  # no key since: rolled once


def test_an_unfinished_today_is_kept_at_the_turn() -> None:
    began = MORNING - dt.timedelta(days=1)
    state = TriageState(today_since=began, last_triage_at=MORNING)
    next_morning = MORNING + dt.timedelta(days=1)

    assert state.due(next_morning)
    kept = state.rolled(next_morning, unfinished=True)
    assert kept.today_since == began
    assert not kept.due(next_morning)
    assert kept.rolled(next_morning, unfinished=False) == kept  # turned once, not again
    assert kept.triaged(next_morning) == TriageState(began, next_morning)


def test_keys_just_under_the_gap_apart_are_one_session() -> None:
    state = TriageState(today_since=None, last_triage_at=MORNING)

    assert not state.session_over(MORNING + SESSION_GAP - MINUTE)
    assert state.session_over(MORNING + SESSION_GAP)


def test_a_passed_over_paper_waits_twice_as_long_each_time() -> None:
    waits = [next_due(passes, MORNING) - MORNING for passes in range(4)]

    assert waits == [RESURFACE_AFTER * 2**n for n in range(4)]
    assert next_due(100, MORNING) - MORNING == RESURFACE_AFTER * 2**8  # bounded


def test_each_order_is_a_sort_and_reads_back() -> None:
    sorts = {order: order.facts.sort for order in TodayOrder}

    assert sorts[TodayOrder.RULES] is SortKey.RULES_FIRST
    assert len(set(sorts.values())) == len(TodayOrder)
    assert TodayOrder.parse(" Votes ") is TodayOrder.VOTES
    with pytest.raises(ValueError, match="one of: digest, votes, rising, rules"):
        TodayOrder.parse("random")


def test_progress_is_caught_up_only_with_papers_all_triaged() -> None:
    assert not TodayProgress().caught_up  # nothing to do is not "caught up"
    assert not TodayProgress(total=3, triaged=2).caught_up
    assert TodayProgress(total=3, triaged=3, queued=1).caught_up
    assert TodayProgress(total=3, triaged=1).left == 2
