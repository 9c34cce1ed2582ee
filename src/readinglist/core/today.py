"""Today: the morning's papers to get through, and when a new morning begins.

Today holds the papers added since the reader's last triage session (when none are new, the
latest digest day's), plus a few starred or queued papers that have waited long and are
brought back ("resurfaced"). A session is a run of triage keys; one begins when the latest
key is `SESSION_GAP` old, and its Today is what arrived since that latest key. The clock is
always passed in, so tests move it by hand.

A resurfaced paper the reader passes over (its status left as it was) comes back after
twice the wait each time; a snooze sends it away for `SNOOZE`.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from readinglist.core.listing import SortKey, TodayProgress

__all__ = ["TodayOrder", "TodayProgress", "TriageState"]
from readinglist.core.translatable import QT_TR_NOOP

SESSION_GAP = dt.timedelta(hours=4)  # keys further apart than this: two sessions
RESURFACE_AFTER = dt.timedelta(days=14)  # starred or queued this long ago: may come back
RESURFACE_PER_SESSION = 3  # brought back into one Today at most
SNOOZE = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class OrderFacts:
    label: str  # translated where it is shown (`tr(facts.label)`)
    sort: SortKey  # the list's order (descending)


class TodayOrder(StrEnum):
    """How Today is listed, as the reader picks it."""

    DIGEST = "digest"
    VOTES = "votes"
    RISING = "rising"
    RULES = "rules"

    @property
    def facts(self) -> OrderFacts:
        return _ORDER_FACTS[self]

    @classmethod
    def parse(cls, text: str) -> "TodayOrder":
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(order.value for order in cls)
            raise ValueError(f"unknown order '{text}' (one of: {names})") from None


_ORDER_FACTS = {
    TodayOrder.DIGEST: OrderFacts(QT_TR_NOOP("Digest order"), SortKey.LAST_SEEN),
    TodayOrder.VOTES: OrderFacts(QT_TR_NOOP("Most votes"), SortKey.VOTES),
    TodayOrder.RISING: OrderFacts(QT_TR_NOOP("Rising"), SortKey.RISING),
    TodayOrder.RULES: OrderFacts(QT_TR_NOOP("Rules first"), SortKey.RULES_FIRST),
}


@dataclass(frozen=True, slots=True)
class TriageState:
    """What the library keeps: when the current Today began, and the latest triage key."""

    today_since: dt.datetime | None = None
    last_triage_at: dt.datetime | None = None

    def session_over(self, now: dt.datetime) -> bool:
        """Whether the latest key belongs to a session that has ended by `now`."""
        last = self.last_triage_at
        return last is not None and now - last >= SESSION_GAP

    def rolled(self, now: dt.datetime, unfinished: bool = False) -> "TriageState":
        """The state with a new session begun, when the last one is over. An `unfinished`
        Today (papers that arrived in it still untriaged) is kept, and grows by what
        arrives: nothing drops out of it untriaged (Skip the Rest empties it)."""
        if not self.session_over(now) or self.rolled_over:
            return self
        if unfinished and self.today_since is not None:
            return TriageState(self.today_since, self.today_since)
        return TriageState(self.last_triage_at, self.last_triage_at)

    @property
    def rolled_over(self) -> bool:
        """Whether the last session's turn is done (no key since)."""
        return self.today_since is not None and self.today_since == self.last_triage_at

    def due(self, now: dt.datetime) -> bool:
        """Whether a new session's turn is due at `now` (what a window checks on a reader
        before it asks the writer)."""
        return self.session_over(now) and not self.rolled_over

    def triaged(self, now: dt.datetime) -> "TriageState":
        """After a triage key at `now` on a state already rolled (`rolled`): the session
        it belongs to keeps its Today."""
        return TriageState(self.today_since, now)


def next_due(passes: int, now: dt.datetime) -> dt.datetime:
    """When a resurfaced paper passed over `passes` times may come back: the wait doubles."""
    doubled: int = 2 ** min(passes, 8)
    return now + RESURFACE_AFTER * doubled


def waited_since(now: dt.datetime) -> dt.datetime:
    """Starred or queued before this: waited long enough to be brought back."""
    return now - RESURFACE_AFTER
