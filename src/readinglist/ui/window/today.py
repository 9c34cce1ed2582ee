"""Today's wiring: the bar above the list while Today is shown, the list in Today's order,
status keys moving on to the next untriaged paper, snooze for the papers brought back,
Skip the Rest as one undo step, and a new session's papers (or a snoozed paper's) read
again."""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from readinglist.ui.sidebar.pane import TODAY_KEY
from readinglist.ui.today.session import lists_today

if TYPE_CHECKING:
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.window.main_window import MainWindow


def wire(window: "MainWindow") -> None:
    session, list_pane, browsing, triage = (
        window.today,
        window.list_pane,
        window.browsing,
        window.triage,
    )
    list_pane.add_bar(session.bar)

    def reorder() -> None:
        list_pane.set_sort_override(session.sort())
        browsing.reload()

    browsing.entry_changing.connect(lambda: follow(window))
    session.order_changed.connect(reorder)
    session.bar.skip_rest_requested.connect(session.skip_rest)
    session.skip_rest_wanted.connect(triage.skip_rest)
    session.bar.link_activated.connect(window.sidebar.select_key)
    triage.set_snoozable(session.snoozable)
    session.progress_changed.connect(triage.refresh_snooze)
    list_pane.shown_changed.connect(lambda _: triage.refresh_snooze())


def follow(window: "MainWindow") -> None:
    """Today shown, or no longer: the bar, the list's order, where status keys move on.
    The sidebar's change is read by the browsing once; the order is set before it."""
    session, list_pane = window.today, window.list_pane
    shown = window.sidebar.current_key() == TODAY_KEY
    session.set_shown(shown)
    list_pane.set_sort_override(session.sort())
    step = partial(list_pane.step_to, session.untriaged) if shown else None
    window.triage.set_next_after_status(step)


def reload_if_today(window: "MainWindow") -> None:
    """Papers left Today or came back into it (a snooze, and its undo): the list is read
    again if it holds Today's papers; the counts follow the edit's papers, as for a key."""
    try:
        listed = window.today.shown or lists_today(window.browsing.current_query())
    except Exception:  # an entry whose query cannot be made: the reload says why
        listed = True
    if listed:
        window.browsing.reload()


def attach(window: "MainWindow", service: "LibraryService", recount: Callable[[], object]) -> None:
    """A new session's Today: its list and counts read again; the entry a start restores
    may be Today (the sidebar does not announce it)."""
    session = window.today
    session.began.connect(window.browsing.reload)
    session.began.connect(recount)
    session.papers_moved.connect(partial(reload_if_today, window))
    assert window.queries is not None
    session.attach(service, window.queries)
    follow(window)
