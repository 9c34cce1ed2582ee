"""Today's wiring: the bar above the list while Today is shown, the list in Today's order,
status keys moving on to the next unread paper, Skip the Rest as one undo step, and a new
session's papers read again."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from readinglist.core.paper import ReadingStatus
from readinglist.ui.sidebar.pane import TODAY_KEY

if TYPE_CHECKING:
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.window.main_window import MainWindow

TODAY_UNREAD = "is:today status:unread"  # what Skip the Rest skips


def wire(window: "MainWindow") -> None:
    session, list_pane, browsing = window.today, window.list_pane, window.browsing
    list_pane.add_bar(session.bar)

    def reorder() -> None:
        list_pane.set_sort_override(session.sort())
        browsing.reload()

    window.sidebar.query_changed.connect(lambda _: follow(window))
    session.order_changed.connect(reorder)
    session.bar.skip_rest_requested.connect(lambda: skip_rest(window))
    session.bar.link_activated.connect(window.sidebar.select_key)


def follow(window: "MainWindow") -> None:
    """Today shown, or no longer: the bar, the list's order, where status keys move on."""
    session, list_pane = window.today, window.list_pane
    shown = window.sidebar.current_key() == TODAY_KEY
    before = list_pane.sort_order()
    session.set_shown(shown)
    list_pane.set_sort_override(session.sort())
    window.triage.set_next_after_status(list_pane.step_to_unread if shown else None)
    if list_pane.sort_order() != before:
        window.browsing.reload()  # the sidebar's change was read in the old order


def skip_rest(window: "MainWindow") -> None:
    """Today's unread papers skipped, one undo step (a day without time for them)."""
    from readinglist.core.query import parse_query

    window.triage.set_status_where(parse_query(TODAY_UNREAD), ReadingStatus.SKIPPED)


def attach(window: "MainWindow", service: "LibraryService", recount: Callable[[], object]) -> None:
    """A new session's Today: its list and counts read again; the entry a start restores
    may be Today (the sidebar does not announce it)."""
    session = window.today
    session.began.connect(window.browsing.reload)
    session.began.connect(recount)
    session.attach(service)
    follow(window)
