"""Today's session in the window: the bar, the order the reader picked, what is left to do,
and the turn to a new session (`library.today.roll`). The turn is asked for once the first
counts are in (SQLModel, which it loads, waits for the first rows), when Today is shown and
every `ROLL_MINUTES` (a window left open overnight): a reader checks whether it is due, and
only then the writer thread takes it, so the GUI thread never waits for the write lock.
Skip the Rest reads what is left on a reader too, then hands it on (`skip_rest_wanted`).
"""

from functools import partial
from typing import TYPE_CHECKING

from readinglist.core.listing import SortKey, TodayProgress
from readinglist.core.paper import ReadingStatus
from readinglist.core.query_terms import mentions_today
from readinglist.core.today import TodayOrder
from readinglist.ui import settings as keys
from readinglist.ui.qt import QObject, QSettings, QTimer, Signal
from readinglist.ui.today.bar import TodayBar

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.listing import PaperRow
    from readinglist.core.query import Query
    from readinglist.library.user_edits import Clock, Edit
    from readinglist.ui.data.queries import QueryRunner
    from readinglist.ui.data.service import LibraryService

ROLL_MINUTES = 15
LEFT_CHANNEL = "today-left"  # the reader's channel for what Skip the Rest skips


class TodaySession(QObject):
    began = Signal()  # a new session began: Today's papers and counts are others now
    order_changed = Signal()  # the list's order, while Today is shown
    progress_changed = Signal()  # what is left (and which papers were brought back)
    papers_moved = Signal()  # papers left Today or came back (a snooze, and its undo)
    skip_rest_wanted = Signal(object)  # list[int]: what is left of Today, read just now

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._service: LibraryService | None = None
        self._queries: QueryRunner | None = None
        self.progress = TodayProgress()
        self._started = False  # the first counts are in: a turn may load SQLModel
        self.shown = False
        self.bar = TodayBar()
        self.bar.hide()
        self.bar.order_chosen.connect(self._choose_order)
        self.bar.progress_shown_changed.connect(self._keep_progress_shown)
        self.apply_settings()
        self._timer = QTimer(self)
        self._timer.setInterval(ROLL_MINUTES * 60_000)
        self._timer.timeout.connect(self.roll)

    def attach(self, service: "LibraryService", queries: "QueryRunner") -> None:
        self._service, self._queries = service, queries
        service.edits.written.connect(self._on_written)
        self._timer.start()

    def order(self) -> TodayOrder:
        return TodayOrder(keys.TODAY_ORDER.read(self._settings))

    def sort(self) -> SortKey | None:
        """The list's order while Today is shown (None: the header's)."""
        return self.order().facts.sort if self.shown else None

    def set_shown(self, shown: bool) -> None:
        """Today is the list (or no longer is): the bar shows, and a new session may begin."""
        if shown and not self.shown:
            self.roll()
        self.shown = shown
        self.bar.setVisible(shown)

    def show_progress(self, progress: TodayProgress) -> None:
        self.progress = progress
        self.bar.show_progress(progress)
        self.progress_changed.emit()
        if not self._started:
            self._started = True
            self.roll()

    def untriaged(self, paper: "PaperRow") -> bool:
        """Whether a paper of Today's list is still to do (where status keys move on to)."""
        return self.progress.untriaged(paper.id, paper.status is ReadingStatus.UNREAD)

    def snoozable(self, ids: list[int]) -> list[int]:
        """Those of `ids` that a snooze sends away: the papers brought back into Today."""
        return [paper_id for paper_id in ids if paper_id in self.progress.brought_back]

    def apply_settings(self) -> None:
        """The order and the progress line, as Preferences left them."""
        self.bar.set_order(self.order())
        self.bar.set_progress_shown(keys.TODAY_PROGRESS_SHOWN.read(self._settings))
        if self.shown:
            self.order_changed.emit()

    def roll(self) -> None:
        """Today moves on to a new session when the last one is over: checked on a reader,
        written in turn with the edits when due."""
        if self._queries is None or self._service is None or not self._started:
            return
        due = partial(_roll_due, self._service.clock)
        self._queries.submit("today", due, self._roll_when_due, background=True)

    def _roll_when_due(self, due: bool) -> None:
        from readinglist.library.user_edits import RollTodayEdit

        if due and self._service is not None:
            self._service.apply(RollTodayEdit(clock=self._service.clock), in_background=True)

    def skip_rest(self) -> None:
        """What is left of Today, read on a reader (`skip_rest_wanted` brings it): at 200,000
        papers the read is felt, and the window never waits for the library."""
        from readinglist.library.today import untriaged_ids

        if self._queries is not None:
            self._queries.submit(LEFT_CHANNEL, untriaged_ids, self.skip_rest_wanted.emit)

    def _on_written(self, edit: "Edit") -> None:
        from readinglist.library.user_edits import began_today, moves_today

        if began_today(edit):
            self.began.emit()
        elif moves_today(edit):
            self.papers_moved.emit()

    def _choose_order(self, value: str) -> None:
        keys.TODAY_ORDER.write(self._settings, value)
        if self.shown:
            self.order_changed.emit()

    def _keep_progress_shown(self, shown: bool) -> None:
        keys.TODAY_PROGRESS_SHOWN.write(self._settings, shown)
        self.bar.set_progress_shown(shown)


def _roll_due(clock: "Clock", connection: "Connection") -> bool:
    from readinglist.library import today

    return today.roll_due(connection, clock())


def lists_today(query: "Query") -> bool:
    """Whether a list of `query` holds Today's papers (`is:today` anywhere in it)."""
    return mentions_today(query.as_term())
