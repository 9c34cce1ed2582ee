"""A shared library's window shows what other members change (`ui.live`): their papers'
rows, the paper shown and every count are read again; a server that cannot be reached is
shown in the status bar until it is back. A library file has no one else: nothing to do.

The member's private rules catch up on the papers others imported (`rules_catch_up`) when
the window opens and whenever others' papers change, one catch-up at a time, in the
background (`ui.rules.catch_up`); the status bar says what they did. What they do is
written as the rules' own changes, not this window's, and so comes back here like another
member's."""

from typing import TYPE_CHECKING

from readinglist.library.shared.address import SharedAddress
from readinglist.ui.window.status_messages import SAID_FOR_MS

if TYPE_CHECKING:
    from readinglist.library.shared.changes import Changed
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.rules.catch_up import RulesCatchUp
    from readinglist.ui.window.main_window import MainWindow


def follow(window: "MainWindow", service: "LibraryService") -> None:
    """Start following the library's changes, when it is a shared one."""
    from readinglist.ui.live.updates import LiveUpdates, ServerIndicator
    from readinglist.ui.rules.catch_up import RulesCatchUp

    address = service.library.place
    if not isinstance(address, SharedAddress) or window.queries is None:
        return
    live = LiveUpdates(service.library, address, window)
    indicator = ServerIndicator(window)
    window.statusBar().addPermanentWidget(indicator)
    catch_up = RulesCatchUp(window.queries, window)
    catch_up.said.connect(lambda text: window.status.say(text, SAID_FOR_MS))
    live.changed.connect(lambda changed: show(window, changed, catch_up))
    live.lost.connect(indicator.server_lost)
    live.back.connect(indicator.server_back)
    live.back.connect(service.server_back)
    window.live = live
    live.start()
    catch_up.catch_up()


def show(window: "MainWindow", changed: "Changed", catch_up: "RulesCatchUp") -> None:
    """Others' changes on screen: the list and every count read again (a paper may have
    joined or left the list shown: tagged, imported), the changed papers' rows and the
    paper shown (the selection's, when too much changed to name), the Reading view when it
    is open (the tags of what was read are everyone's), and the Rules dialog when a shared
    rule changed. The member's rules catch up (`catch_up`) when another member changed
    papers, not on the member's own changes (their rules' among them, which would otherwise
    start another catch-up in each of their windows after every one that acted)."""
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
    if changed.everything or changed.others_papers:  # one another member imported, perhaps
        catch_up.catch_up()
