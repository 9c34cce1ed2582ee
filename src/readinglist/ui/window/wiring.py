"""The main window's connections: which signal of one feature reaches which slot of another.

The features never import one another (an import-linter contract); this is where they meet.
The panes and triage are wired as the window is built, the library's signals and the saved
search and export actions once it has a library (after the first paint).
"""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from readinglist.core.paper import ReadingStatus
from readinglist.ui import settings as keys
from readinglist.ui.data.queries import SidebarCounter
from readinglist.ui.i18n import tr
from readinglist.ui.media.pane import MEDIA_SETTINGS
from readinglist.ui.qt import QWidget
from readinglist.ui.window import menus
from readinglist.ui.window.status_messages import EXPORT_SAID_FOR_MS, SAID_FOR_MS

if TYPE_CHECKING:
    from readinglist.core.import_report import ImportReport
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.window.edits_shown import EditsShown
    from readinglist.ui.window.main_window import MainWindow


def panes(window: "MainWindow") -> None:
    """Menus, the import sources, and the panes' signals to one another."""
    actions, sources, back_to_list = (
        window.menu_actions,
        window.sources,
        window.list_pane.view.setFocus,
    )
    for action, slot in (
        (actions.import_files, sources.choose_files),
        (actions.import_folder, sources.choose_folder),
        (actions.export, window.export),
        (actions.export_selection, partial(window.export, selection_first=True)),
        (actions.quit, window.close),
        (actions.find, window.search_box.focus),
        (actions.slash, window.search_box.focus),
        (actions.save_search, window.save_view),
        (actions.select_all, window.list_pane.select_all),
    ):
        menus.on_trigger(action, slot)
    sources.chosen.connect(window.import_paths)
    window.list_pane.empty_link_activated.connect(sources.follow_link)
    window.search_box.done.connect(back_to_list)
    window.search_box.save_requested.connect(lambda _: window.save_view())
    window.list_pane.shown_changed.connect(window.shown.show_selection)
    window.browsing.said.connect(window.status.say)
    window.detail.link_activated.connect(window.copy_open.open_link)
    window.detail.done.connect(back_to_list)
    window.detail_stack.done.connect(back_to_list)
    window.detail_stack.export_requested.connect(window.export)
    window.detail_stack.panel_built.connect(lambda panel: window.field_keys.watch(panel.tag_edit))
    window.media.prefetch_digest_action.triggered.connect(window.prefetch.digest)
    window.media.prefetch_selection_action.triggered.connect(window.prefetch.selection)


def sidebar_menus(window: "MainWindow") -> None:
    """The sidebar's context menus on tags and digests, to triage's edits."""
    from readinglist.ui.triage import tag_questions

    sidebar, triage = window.sidebar, window.triage

    def rename(tag: str) -> None:
        name = tag_questions.new_name(window, tag)
        if name is not None:
            triage.rename_tag(tag, name, merge=name in sidebar.tag_names())

    def merge(tag: str) -> None:
        target = tag_questions.merge_target(window, tag, sidebar.tag_names())
        if target is not None:
            triage.rename_tag(tag, target, merge=True)

    sidebar.tag_rename_requested.connect(rename)
    sidebar.tag_merge_requested.connect(merge)
    sidebar.tag_delete_requested.connect(triage.delete_tag)
    sidebar.papers_status_requested.connect(
        lambda query, status: triage.set_status_where(query, ReadingStatus(status))
    )
    sidebar.papers_select_requested.connect(window.browsing.select_all_of)
    sidebar.papers_prefetch_requested.connect(window.prefetch.papers_of)
    sidebar.empty_trash_requested.connect(triage.empty_trash_action.trigger)
    window.browsing.trash_shown.connect(triage.set_trash_shown)


def triage(window: "MainWindow") -> None:
    """The detail pane's and the selection panel's controls to the edits they make."""
    triage, detail, stack = window.triage, window.detail, window.detail_stack
    detail.star_toggled.connect(triage.set_star)
    detail.status_chosen.connect(lambda i, status: triage.set_status(ReadingStatus(status), [i]))
    detail.tags_edited.connect(triage.set_tags)
    detail.tag_suggested.connect(triage.tag_paper)
    detail.note_edited.connect(triage.set_note)
    detail.shared_note_edited.connect(triage.set_shared_note)
    stack.star_chosen.connect(triage.star_selected)
    stack.status_chosen.connect(lambda status: triage.set_status(ReadingStatus(status)))
    stack.tag_added.connect(triage.add_tag)
    stack.tag_removed.connect(triage.remove_tag)
    triage.open_requested.connect(window.copy_open.open)
    triage.copy_requested.connect(window.copy_open.copy)
    triage.revisit.connect(window.list_pane.select_paper)
    triage.tags_requested.connect(stack.focus_tags)
    triage.note_requested.connect(detail.focus_note)
    window.copy_open.said.connect(lambda text: window.status.say(text, SAID_FOR_MS))
    window.list_pane.view.doubleClicked.connect(lambda _: triage.open_action.trigger())
    window.menu_actions.advance.toggled.connect(triage.set_advance_after_status)
    triage.set_advance_after_status(window.menu_actions.advance.isChecked())
    _row_menu(window)


def preferences(window: "MainWindow") -> None:
    """What Preferences changed, applied at once; another library, opened."""

    def apply(setting: keys.Setting[Any]) -> None:
        if setting is keys.ADVANCE_AFTER_STATUS:  # the menu's action tells triage
            window.menu_actions.advance.setChecked(setting.read(window.settings))
        elif setting in (keys.TODAY_ORDER, keys.TODAY_PROGRESS_SHOWN):
            window.today.apply_settings()
        elif setting in MEDIA_SETTINGS:
            window.media.apply_settings()
        elif setting in keys.SUBSCRIPTIONS_SECTION.settings and window.subscriptions:
            window.subscriptions.apply_settings()
            if setting is keys.FETCH_SUBSCRIPTIONS:
                window.subscriptions.check()  # on again: at once (off: nothing happens)

    window.preferences.changed.connect(apply)
    window.libraries.chosen.connect(window.open_library)


def _row_menu(window: "MainWindow") -> None:
    """The list's context menu: triage's actions (those of the menus and keys), and export."""
    triage = window.triage
    window.list_pane.row_menu.set_entries(
        [
            *triage.status_actions.values(),
            (triage.mark_others_menu.title(), triage.mark_others_menu.actions()),
            None,
            triage.star_action,
            triage.tags_action,
            None,
            triage.trash_action,
            triage.restore_action,
            None,
            (tr("&Copy"), list(triage.copy_actions.values())),
            (tr("&Open"), list(triage.open_actions.values())),
            None,
            window.menu_actions.export_selection,
        ]
    )


def library(
    window: "MainWindow", service: "LibraryService", counter: SidebarCounter, shown: "EditsShown"
) -> None:
    """Imports, reads and edits to what the window shows and says."""
    assert window.imports is not None and window.queries is not None
    imports = window.imports
    window.import_status.follow(imports)
    imports.started.connect(lambda *_: service.edits.set_others_writing(True))
    imports.finished.connect(lambda *_: service.edits.set_others_writing(False))
    window.browsing.follow_imports(imports, counter.recount_all)
    window.queries.failed.connect(window.status.read_failed)
    service.read_failed.connect(window.status.read_failed)
    service.papers_changed.connect(shown.refresh)
    service.edits.busy_changed.connect(window.status.saving)
    service.edits.failed.connect(shown.undo_failed_edit)
    service.saved_searches_changed.connect(counter.recount_all)
    service.lists_changed.connect(shown.reload_lists)
    window.triage.said.connect(lambda text: window.status.say(text, SAID_FOR_MS))
    window.libraries.remember(service.library.place)
    if service.library.shared:  # a server's reads never hold the window's paint
        window.detail.show_shared_notes()
        window.list_pane.model.read_rows_elsewhere(partial(service.rows_later, window.queries))


def library_actions(window: "MainWindow", service: "LibraryService") -> None:
    """Saved searches and export: loaded with the library, after the first paint."""
    from readinglist.ui.export import actions as export_actions
    from readinglist.ui.search import saved_searches

    assert window.queries is not None
    saved = saved_searches.SavedSearchActions(service, saved_searches.dialogs(window), window)
    saved.saved.connect(window.browsing.show_saved_search)
    saved.failed.connect(lambda text: window.status.say(text, SAID_FOR_MS))
    window.sidebar.rename_requested.connect(saved.rename)
    window.sidebar.edit_requested.connect(lambda _, name: saved.edit(name))
    window.sidebar.delete_requested.connect(saved.delete)
    window.sidebar.share_requested.connect(saved.share)
    window.saved_searches = saved
    questions = export_actions.dialogs(window, window.settings)
    exports = export_actions.ExportActions(window.queries, questions, window)
    exports.finished.connect(lambda text: window.status.say(text, EXPORT_SAID_FOR_MS))
    window.exports = exports
    window.reading.attach(window.queries)
    service.papers_changed.connect(lambda _: window.reading.refresh())
    rules(window, service)


def rules(window: "MainWindow", service: "LibraryService") -> None:
    """Edit → Rules… and a saved search's Make a Rule…: the Rules dialog (its query errors
    shown as the search box shows them); a rule applied to the papers already in the library
    is one step on triage's undo stack."""
    from readinglist.ui.rules.actions import RuleActions
    from readinglist.ui.search.search_box import marked_error
    from readinglist.ui.triage.commands import apply_rule_command

    assert window.queries is not None
    actions = RuleActions(service, window.queries, marked_error, window)
    menus.on_trigger(window.menu_actions.rules, actions.show)
    window.sidebar.rule_requested.connect(actions.make_rule_of)
    actions.apply_wanted.connect(
        lambda rule, ids: window.triage.undo_stack.push(apply_rule_command(service, rule, ids))
    )
    actions.said.connect(lambda text: window.status.say(text, SAID_FOR_MS))


def arrivals(window: "MainWindow", service: "LibraryService", recount: Callable[[], None]) -> None:
    """Papers that arrive by themselves: from watched folders and subscriptions."""
    watch_folders(window, service)
    subscriptions(window, service, recount)


def watch_folders(window: "MainWindow", service: "LibraryService") -> None:
    """Watched folders: their scans import through the window's imports and speak in the
    status bar; File → Watch a Folder… and the Preferences section act on them. The
    start-up scan waits for the first reads (`startup.app`)."""
    from readinglist.ui.file_dialogs import FileDialogs
    from readinglist.ui.imports import watch_panel
    from readinglist.ui.imports.watching import FolderWatcher

    assert window.imports is not None
    watcher = FolderWatcher(service, window.imports, window)
    watcher.said.connect(lambda text: window.status.say(text, SAID_FOR_MS))
    watcher.refused.connect(lambda text: window.status.say(text, SAID_FOR_MS))
    dialogs = FileDialogs(window, window.settings)
    menus.on_trigger(
        window.menu_actions.watch_folder,
        lambda: watch_panel.watch_a_folder(watcher, dialogs.folder),
    )
    window.preferences.add_row(
        keys.WATCH_SECTION.title,
        lambda: ("", watch_panel.WatchFoldersPanel(watcher, dialogs.folder)),
    )
    window.watching = watcher


def subscriptions(
    window: "MainWindow", service: "LibraryService", recount: Callable[[], object]
) -> None:
    """Subscription checks at start and every few hours: their progress and summary in the
    status bar, the list and counts following what they brought; Preferences lists them."""
    from readinglist.ui.imports.subscription_list import SubscriptionList
    from readinglist.ui.imports.subscriptions import SubscriptionChecker

    checker = SubscriptionChecker(service.library, window.settings, window)
    window.subscriptions = checker
    window.import_status.follow_fetches(checker)
    checker.said.connect(lambda text: window.status.say(text, SAID_FOR_MS))
    checker.started.connect(lambda: service.edits.set_others_writing(True))
    imports = window.imports
    checker.finished.connect(
        lambda *_: service.edits.set_others_writing(imports is not None and imports.is_running())
    )

    def brought(report: "ImportReport") -> None:
        if report.papers_new or report.appearances_new:
            window.browsing.reload()
            recount()

    checker.finished.connect(brought)

    def rows() -> tuple[str, QWidget]:
        listed = SubscriptionList(service, keys.SUBSCRIPTION_DAYS_BACK.read(window.settings))
        listed.added.connect(checker.check)
        return "", listed

    window.preferences.add_row(keys.SUBSCRIPTIONS_SECTION.title, rows)
    checker.start()
