"""A shared library's window shows what other members change (`ui.live`): their papers'
rows, the paper shown and every count are read again; a server that cannot be reached is
shown in the status bar until it is back. A library file has no one else: nothing to do."""

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
    window.reading.refresh()
    rules = window.findChild(RuleActions)
    if rules is not None and (changed.everything or "rule" in changed.kinds):
        rules.others_changed()
