"""A shared library's window catching the member's private rules up on the papers others
imported (`library.shared.rules_catch_up`), and saying in the status bar what they did.

A catch-up writes on a channel of the query runner's (`QueryRunner.submit(writes=True)`), a
thread of its own, in the background (once what the user waits for is read): the user's
edits, on the edit runner's thread, never queue behind it (after 5,000 papers it takes
8.6 s). One at a time: asked again while one runs (a burst of others' changes; each
catch-up is a write transaction, ~4 ms with nothing new, in every member's window), it
runs once more after it, however many times it was asked. Each one's result is said:
the query runner's channels answer only their newest request, so one is never in flight
behind another.
"""

from typing import TYPE_CHECKING

from readinglist.ui.i18n import count_text, counted, tr
from readinglist.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from readinglist.library.shared.rules_catch_up import CaughtUp
    from readinglist.ui.data.queries import QueryRunner

CHANNEL = "rules catch-up"


class RulesCatchUp(QObject):
    said = Signal(str)  # what the rules did, or why they could not, for the status bar

    def __init__(self, queries: "QueryRunner", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queries = queries
        self._running = False
        self._again = False  # asked while one was running: once more after it
        self._failed_why: str | None = None  # said once, until it acts or fails otherwise

    def catch_up(self) -> None:
        """The rules act on what others imported since they last did: now, or once the
        catch-up under way is over."""
        if self._running:
            self._again = True
            return
        from readinglist.library.shared import rules_catch_up

        self._running, self._again = True, False
        self._queries.submit(
            CHANNEL,
            rules_catch_up.catch_up_now,
            self._caught_up,
            background=True,
            writes=True,
            failed=self._not_caught_up,
        )

    def is_running(self) -> bool:
        return self._running

    def _caught_up(self, done: "CaughtUp") -> None:
        self._failed_why = None
        if done.caught:
            self.said.emit(acted_text(done))
        self._next()

    def _not_caught_up(self, why: str) -> None:
        """Said once: the mark stays where it was, so every change another member makes
        fails the same way until the rule is mended."""
        if why != self._failed_why:
            text = tr("Your rules could not act on the papers others imported: {why}")
            self.said.emit(text.format(why=why))
        self._failed_why = why
        self._next()

    def _next(self) -> None:
        self._running = False
        if self._again:
            self.catch_up()


def acted_text(done: "CaughtUp") -> str:
    """ "Your rules acted on 3 new papers (Quiet 2, Robots 1)": how many papers, and each
    rule's count, as the command line says it."""
    rules = ", ".join(f"{name} {count_text(count)}" for name, count in done.counts().items())
    return counted(
        len(done.paper_ids),
        tr("Your rules acted on 1 new paper ({rules})"),
        tr("Your rules acted on {n} new papers ({rules})"),
        rules=rules,
    )
