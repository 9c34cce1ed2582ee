"""The main window: composes the panes, menus and status bar, and wires their signals.

Behaviour lives in the features: the panes, `Triage` (edits and keys), `ImportController` and
`ImportSources`, the saved-search and export actions; `Browsing` joins the sidebar, the search
box and the list, `ShownPaper` keeps the detail and media panes on the selection, `Layout`
remembers sizes. This class makes them and closes them in order; `wiring` connects them.
"""

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.listing import PaperRow, SidebarCounts
from readinglist.ui.data.queries import QueryRunner, SidebarCounter
from readinglist.ui.detail.stack import DetailStack
from readinglist.ui.detail.unsaved_notes import NoteQuestions
from readinglist.ui.help.menu import HelpMenu
from readinglist.ui.imports.controller import ImportController
from readinglist.ui.imports.sources import ImportSources, accept_as_copy, dropped_paths
from readinglist.ui.imports.status import ImportStatus
from readinglist.ui.list.pane import PaperListPane
from readinglist.ui.media.pane import MediaPane
from readinglist.ui.preferences.actions import Preferences
from readinglist.ui.preferences.libraries import LibraryMenu
from readinglist.ui.qt import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QMainWindow,
    QSettings,
    QWidget,
)
from readinglist.ui.reading.opener import ReadingViews
from readinglist.ui.search.search_box import SearchBox
from readinglist.ui.sidebar.pane import SidebarPane
from readinglist.ui.today.session import TodaySession
from readinglist.ui.triage import copy_open
from readinglist.ui.triage.actions import FieldKeys, Selection, Triage
from readinglist.ui.window import closing, layout, live, menus, today, wiring
from readinglist.ui.window.browsing import Browsing
from readinglist.ui.window.edits_shown import EditsShown
from readinglist.ui.window.prefetch import MediaPrefetch
from readinglist.ui.window.shown_paper import ShownPaper
from readinglist.ui.window.status_messages import StatusMessages
from readinglist.ui.window.view_menu import ViewMenu

if TYPE_CHECKING:
    from readinglist.library.location import LibraryPlace
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.detail.selection_panel import SelectionPanel
    from readinglist.ui.export.actions import ExportActions
    from readinglist.ui.help.commands import Command
    from readinglist.ui.imports.subscriptions import SubscriptionChecker
    from readinglist.ui.imports.watching import FolderWatcher
    from readinglist.ui.live.updates import LiveUpdates
    from readinglist.ui.search.saved_searches import SavedSearchActions


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("readinglist")
        self.setAcceptDrops(True)
        self.settings = settings
        self.service: LibraryService | None = None
        self.imports: ImportController | None = None
        self.watching: FolderWatcher | None = None  # watched folders (wiring.watch_folders)
        self.queries: QueryRunner | None = None
        self.saved_searches: SavedSearchActions | None = None
        self.exports: ExportActions | None = None
        self.subscriptions: SubscriptionChecker | None = None
        self.live: LiveUpdates | None = None  # others' changes, on a shared library
        self.note_questions: NoteQuestions | None = None  # dialogs, made when first needed
        self.sidebar = SidebarPane(self)
        self.search_box = SearchBox(self)
        self.list_pane = PaperListPane(self._load_rows, self)
        self.detail_stack = DetailStack(self)
        self.detail = self.detail_stack.detail
        self.media = MediaPane(self, settings=settings)
        self.import_status = ImportStatus(self)
        self.sources = ImportSources(self, settings)
        selection = Selection(
            self.list_pane.selected_ids, self.list_pane.step, self.list_pane.around_current
        )
        self.triage = Triage(selection, self)
        self.copy_open = copy_open.CopyOpen(
            self.list_pane.selected_ids, copy_open.dialogs(self), self
        )
        self.browsing = Browsing(self.sidebar, self.search_box, self.list_pane, settings, self)
        self.today = TodaySession(settings, self)
        self.shown = ShownPaper(self.detail_stack, self.media, self)
        self.prefetch = MediaPrefetch(self.sidebar, self.list_pane, self.media, self)
        self.menu_actions = menus.window_actions(self, settings)
        self.view_menu = ViewMenu(
            self, (self.sidebar, self.media), self.list_pane.column_actions, settings
        )
        self.help_menu = HelpMenu(self, self.commands, self._library_location)
        self.reading = ReadingViews(self)
        self.status = StatusMessages(self.statusBar())
        self.libraries = LibraryMenu(settings, self, self._library_place)
        self.preferences = Preferences(settings, self, self.libraries)
        self.next_library: LibraryPlace | None = None  # opened by a new start after this one
        self._closed = False
        self._compose()
        wiring.panes(self)
        wiring.triage(self)
        wiring.sidebar_menus(self)
        wiring.preferences(self)
        today.wire(self)
        self.layout_memory.restore(self.list_pane.restore_header_state)

    def _compose(self) -> None:
        side = layout.side_splitter(self.detail_stack, self.media)
        self.main_splitter = layout.main_splitter(self.sidebar, self.list_pane, side)
        self.layout_memory = layout.Layout(self, self.main_splitter, side, self.settings)
        self.setCentralWidget(self.main_splitter)
        self.addToolBar(layout.search_toolbar(self, self.search_box))
        self.statusBar().addPermanentWidget(self.browsing.count_label)
        self.statusBar().addPermanentWidget(self.import_status)
        menus.build_window_menus(self)
        menus.give_to(self.menu_actions.slash, self.list_pane.view, self.sidebar.tree)
        self.triage.attach_keys_to(self.list_pane.view)
        self.field_keys = FieldKeys(self)
        self.field_keys.watch(self.search_box.field, self.detail.tags_edit, self.detail.note_edit)
        for first, second in pairwise(
            (self.search_box.field, self.sidebar.tree, self.list_pane.view)
        ):
            QWidget.setTabOrder(first, second)  # Tab goes from pane to pane

    @property
    def selection_panel(self) -> "SelectionPanel":
        return self.detail_stack.selection_panel

    # --- the library -------------------------------------------------------------------------

    def attach(self, service: "LibraryService") -> None:
        """Show the library (the window is on screen before it is opened)."""
        if self._closed:
            raise RuntimeError("the window has closed")
        self.service = service
        self.queries = QueryRunner(service.library, self)
        self.imports = ImportController(service.library, self)
        self.triage.attach(service)
        self.copy_open.attach(service, self.queries)
        self.shown.attach(service, self.queries)
        self.prefetch.attach(self.queries)
        counter = SidebarCounter(self.queries, self._show_counts)
        self.edits_shown = EditsShown(  # held: signals keep a weak reference to its methods
            self.list_pane, self.shown, counter, self.browsing, self.detail, self.status
        )
        wiring.library(self, service, counter, self.edits_shown)
        wiring.library_actions(self, service)
        wiring.arrivals(self, service, counter.recount_all)
        live.follow(self, service)
        self.browsing.attach(service, self.queries)
        today.attach(self, service, counter.recount_all)
        counter.recount_all()

    def back_up_daily(self) -> None:
        """Today's backup of the library, copied off the GUI thread (700 MB at 200k papers)."""
        if self.queries is not None and self.service is not None:
            self.service.back_up_daily(self.queries, self.status.backup_not_made)

    def is_settled(self) -> bool:
        """Nothing left to load: no library read running or queued for the panes or for a
        command, no paper being read, no Markdown being rendered."""
        return (
            self.queries is not None
            and not self.queries.is_busy()
            and not (self.service is not None and self.service.edits.is_answering())
            and not self.shown.is_waiting()
            and self.detail.is_settled()
        )

    def commands(self) -> "list[Command]":
        """Every action in the menus, with its keys (the palette and the shortcut list)."""
        from readinglist.ui.help.commands import commands

        aliases = {self.menu_actions.slash: self.menu_actions.find}
        return commands(self.menuBar(), aliases)

    def _library_place(self) -> "LibraryPlace | None":
        return self.service.library.place if self.service is not None else None

    def _library_location(self) -> str | None:
        return self.service.library.location if self.service is not None else None

    def _load_rows(self, ids: Sequence[int]) -> dict[int, PaperRow]:
        return self.service.rows(ids) if self.service else {}

    def open_library(self, place: "LibraryPlace") -> None:
        """Show another library: this window closes, and start-up starts readinglist again
        on `place` (see `preferences.libraries`); nothing happens when the close is refused."""
        self.next_library = place
        if not self.close():
            self.next_library = None

    def select_paper(self, arxiv_id: str) -> bool:
        return self.browsing.select_paper(arxiv_id)

    def import_paths(self, paths: list[Path]) -> None:
        if self.imports is not None and paths:
            self.imports.start(paths)

    def _show_counts(self, counts: SidebarCounts) -> None:
        self.browsing.show_counts(counts)
        self.detail_stack.set_tag_choices([name for name, _ in counts.tags])
        self.import_status.show_new_today(counts.added_today)
        self.today.show_progress(counts.today)

    # --- saved searches, export, links, drops ------------------------------------------------

    def save_view(self) -> None:
        """Save what the list shows under a name."""
        if self.saved_searches is not None:
            self.browsing.save_view(self.saved_searches)

    def export(self, selection_first: bool = False) -> None:
        """File → Export…: the selection, or every paper the list shows, in its order;
        `selection_first` (Export Selected…): the selection is what the dialog offers first."""
        exports = self.exports
        if exports is not None:
            self.browsing.when_listed(
                lambda: exports.export(
                    self.list_pane.selected_ids(),
                    self.list_pane.model.ids(),
                    selection_first=selection_first,
                )
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            accept_as_copy(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.sources.accept_drop(event)

    # --- closing -----------------------------------------------------------------------------

    def save_layout(self) -> None:
        self.layout_memory.save(self.list_pane.header_state())
        self.browsing.remember()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and not closing.notes_settled(self):
            event.ignore()  # the note stays in its editor
            return
        if not self._closed:  # Qt may deliver it twice (a close on a closed window)
            self._closed = True
            closing.shut_down(self)
        super().closeEvent(event)
