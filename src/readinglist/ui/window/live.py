"""A shared library's window shows what other members change (`ui.live`): their papers'
rows, the paper shown and every count are read again; a server that cannot be reached is
shown in the status bar until it is back. A library file has no one else: nothing to do.

The member's private rules catch up on the papers others imported (`rules_catch_up`) when
the window opens and whenever others' papers change, on the query runner's thread; what
they do is written as the rules' own changes, not this window's, and so comes back here
like another member's."""

from typing import TYPE_CHECKING

from readinglist.library.shared.address import SharedAddress

if TYPE_CHECKING:
    from readinglist.library.shared.changes import Changed
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.window.main_window import MainWindow


def follow(window: "MainWindow", service: "LibraryService") -> None:
    """Start following the library's changes, when it is a shared one."""
    from readinglist.ui.live.updates import LiveUpdates, ServerIndicator

    address = service.library.place
    if not isinstance(address, SharedAddress):
        return
    live = LiveUpdates(service.library, address, window)
    indicator = ServerIndicator(window)
    window.statusBar().addPermanentWidget(indicator)
    live.changed.connect(lambda changed: show(window, changed))
    live.lost.connect(indicator.server_lost)
    live.back.connect(indicator.server_back)
    live.back.connect(service.server_back)
    window.live = live
    live.start()
    catch_up_rules(window)


def show(window: "MainWindow", changed: "Changed") -> None:
    """Others' changes on screen: the list and every count read again (a paper may have
    joined or left the list shown: tagged, imported), the changed papers' rows and the
    paper shown (the selection's, when too much changed to name), the Reading view when it
    is open (the tags of what was read are everyone's), and the Rules dialog when a shared
    rule changed."""
    from readinglist.ui.rules.actions import RuleActions

    ids = sorted(changed.paper_ids)
    if changed.everything:
        ids += window.list_pane.selected_ids()
    window.edits_shown.reload_lists(ids)
    window.list_pane.refresh(ids)  # the list's ids may be the same: their rows are not
    window.reading.refresh()
    rules = window.findChild(RuleActions)
    if rules is not None and (changed.everything or "rule" in changed.kinds):
        rules.others_changed()
    if ids:  # a paper another member imported among them, perhaps
        catch_up_rules(window)


def catch_up_rules(window: "MainWindow") -> None:
    """The member's private rules act on the papers others imported since they last did,
    off the GUI thread, after what the user waits for (`background`); nothing to answer."""
    from readinglist.library.shared.rules_catch_up import catch_up_now

    if window.queries is not None:
        window.queries.submit("rules catch-up", catch_up_now, lambda _: None, background=True)
