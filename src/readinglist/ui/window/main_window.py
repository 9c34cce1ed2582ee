"""The main window: composes the panes, menus and status bar, and wires their signals.

Behaviour lives in the panes, `Triage` (edits and keys) and `ImportController`; this class
only connects them and remembers the layout.
"""

from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.digest import Media
from readinglist.core.import_report import ImportReport
from readinglist.core.listing import PaperRow, SidebarCounts
from readinglist.core.paper import Paper, ReadingStatus
from readinglist.core.render import clip, is_safe_link
from readinglist.resources import sample_digest
from readinglist.ui import settings as keys
from readinglist.ui.data.queries import QueryRunner, SidebarCounter
from readinglist.ui.detail.pane import DetailPane
from readinglist.ui.detail.unsaved_notes import NoteQuestions, NoteRescue, UnsavedNote
from readinglist.ui.i18n import QT_TR_NOOP, tr
from readinglist.ui.imports.controller import ImportController
from readinglist.ui.imports.status import ImportStatus
from readinglist.ui.list.pane import PaperListPane
from readinglist.ui.media_pane import MediaPane
from readinglist.ui.qt import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QKeySequence,
    QLabel,
    QMainWindow,
    QSettings,
    QSplitter,
    QStackedWidget,
    Qt,
    QToolBar,
    QUrl,
    QWidget,
)
from readinglist.ui.search.search_box import SearchBox
from readinglist.ui.sidebar.model import SAVED_PREFIX
from readinglist.ui.sidebar.pane import ALL_PAPERS_KEY, SidebarPane
from readinglist.ui.triage.actions import FieldKeys, Selection, Triage

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.query import Query
    from readinglist.ui.data.edits import Failure
    from readinglist.ui.data.service import LibraryService, PaperLoader
    from readinglist.ui.detail.selection_panel import SelectionPanel
    from readinglist.ui.export.actions import ExportActions
    from readinglist.ui.search.saved_searches import SavedSearchActions


EMPTY_LIBRARY = QT_TR_NOOP(
    "<h2>No papers yet</h2><p>Drop digest files or folders here,<br>"
    "or use <b>File → Import…</b></p>"
    '<p><a href="action:import-folder">Import a folder…</a> &nbsp;·&nbsp; '
    '<a href="action:sample">Try the sample digest</a></p>'
)


MAIN_SIZES = [170, 720, 390]  # sidebar, list, detail and media
TITLE_IN_QUESTIONS = 80  # characters of a paper's title in a dialog


def _papers_text(count: int) -> str:
    return tr("1 paper") if count == 1 else tr("{n} papers").format(n=f"{count:,}")


def _chain_tab_order(*widgets: QWidget) -> None:
    """Tab goes from each pane to the next (the detail and media panes follow the list)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("readinglist")
        self.setAcceptDrops(True)
        self.settings = settings
        self.service: LibraryService | None = None
        self.imports: ImportController | None = None
        self.queries: QueryRunner | None = None
        self._counter: SidebarCounter | None = None
        self.saved_searches: SavedSearchActions | None = None
        self.exports: ExportActions | None = None
        self._paper_to_select: int | None = None  # once the list's ids arrive
        self._papers: PaperLoader | None = None  # the detail pane's reads
        self._paper_wanted: int | None = None  # the paper the detail pane shows, or will
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.sidebar = SidebarPane(self)
        self.search_box = SearchBox(self)
        self.list_pane = PaperListPane(self._load_rows, self)
        self.detail = DetailPane(self)
        self._selection_panel: SelectionPanel | None = None  # built when first needed
        self._tag_names: list[str] = []
        self.media = MediaPane(self, settings=settings)
        self.import_status = ImportStatus(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("paperCount")
        self.triage = Triage(
            Selection(self.list_pane.selected_ids, self.list_pane.step),
            self,
        )
        self._closed = False
        self.note_questions: NoteQuestions | None = None  # dialogs, made when first needed
        self._paper_total: int | None = None  # until the first counts arrive
        self._compose()
        self._build_menus()
        self._wire()
        self._restore_layout()

    # --- composing ---------------------------------------------------------------------------

    def _compose(self) -> None:
        self.detail_stack = QStackedWidget(self)  # one paper, or what to do with many
        self.detail_stack.addWidget(self.detail)
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.addWidget(self.detail_stack)
        self.side_splitter.addWidget(self.media)
        self.side_splitter.setSizes([560, 200])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for pane in (self.sidebar, self.list_pane, self.side_splitter):
            self.main_splitter.addWidget(pane)
        self.main_splitter.setSizes(MAIN_SIZES)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)
        toolbar = QToolBar(tr("Search"), self)
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.import_status)
        self.triage.attach_keys_to(self.list_pane.view)
        self.field_keys = FieldKeys(self)
        self.field_keys.watch(self.search_box.field, self.detail.tags_edit, self.detail.note_edit)
        _chain_tab_order(self.search_box.field, self.sidebar.tree, self.list_pane.view)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        self.import_action = file_menu.addAction(tr("&Import Files…"), self.choose_files)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        file_menu.addAction(tr("Import &Folder…"), self.choose_folder)
        file_menu.addSeparator()
        self.export_action = file_menu.addAction(tr("&Export…"), self.export)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(tr("&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu(tr("&Edit"))
        edit_menu.addActions([self.triage.undo_action, self.triage.redo_action])
        edit_menu.addSeparator()
        self.find_action = edit_menu.addAction(tr("&Find"), self.search_box.focus)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.slash_action = QAction(tr("Find"), self)  # `/` where typing it means nothing
        self.slash_action.setShortcut(QKeySequence("/"))
        self.slash_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.slash_action.triggered.connect(self.search_box.focus)
        for widget in (self.list_pane.view, self.sidebar.tree):
            widget.addAction(self.slash_action)
        self.save_search_action = edit_menu.addAction(
            tr("&Save Search…"), lambda: self._save_search(self.search_box.text())
        )
        self.select_all_action = edit_menu.addAction(tr("Select &All Papers"), self._select_all)
        paper_menu = self.menuBar().addMenu(tr("&Paper"))
        paper_menu.addActions(self.triage.paper_actions())
        paper_menu.addSeparator()
        self.advance_action = QAction(tr("&Advance After Setting Status"), self, checkable=True)
        self.advance_action.setChecked(keys.ADVANCE_AFTER_STATUS.read(self.settings))
        paper_menu.addAction(self.advance_action)
        media_menu = self.menuBar().addMenu(tr("&Media"))
        media_menu.addActions(self.media.menu_actions())

    def _wire(self) -> None:
        self.sidebar.query_changed.connect(lambda _: self.reload_list())
        self.search_box.query_changed.connect(lambda _: self.reload_list())
        self.search_box.done.connect(self.list_pane.view.setFocus)
        self.search_box.save_requested.connect(self._save_search)
        self.sidebar.rename_requested.connect(self._rename_saved_search)
        self.sidebar.edit_requested.connect(self._edit_saved_search)
        self.sidebar.delete_requested.connect(self._delete_saved_search)
        self.list_pane.shown_changed.connect(self._on_shown)
        self.list_pane.connect_sort(self.reload_list)
        self.detail.star_toggled.connect(self.triage.set_star)
        self.detail.status_chosen.connect(
            lambda paper_id, status: self.triage.set_status(ReadingStatus(status), [paper_id])
        )
        self.detail.tags_edited.connect(self.triage.set_tags)
        self.detail.note_edited.connect(self.triage.set_note)
        self.detail.link_activated.connect(self.open_link)
        self.detail.done.connect(self.list_pane.view.setFocus)
        self.triage.open_requested.connect(self.open_current_paper)
        self.triage.tags_requested.connect(self._focus_tags)
        self.triage.note_requested.connect(self.detail.focus_note)
        self.advance_action.toggled.connect(self._set_advance)
        self._set_advance(self.advance_action.isChecked())
        self.media.prefetch_digest_action.triggered.connect(self._prefetch_digest_media)
        self.media.prefetch_selection_action.triggered.connect(self._prefetch_selected_media)
        empty = self.list_pane.empty_label
        empty.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        empty.linkActivated.connect(self._on_empty_link)

    @property
    def selection_panel(self) -> "SelectionPanel":
        """What the detail pane shows for several papers; built the first time it is needed."""
        if self._selection_panel is None:
            from readinglist.ui.detail.selection_panel import SelectionPanel

            self._selection_panel = SelectionPanel(self)
            self.detail_stack.addWidget(self._selection_panel)
            self.field_keys.watch(self._selection_panel.tag_edit)
            self._wire_selection_panel(self._selection_panel)
            self._selection_panel.set_tag_choices(self._tag_names)
        return self._selection_panel

    def _wire_selection_panel(self, panel: "SelectionPanel") -> None:
        panel.star_chosen.connect(self.triage.star_selected)
        panel.status_chosen.connect(lambda status: self.triage.set_status(ReadingStatus(status)))
        panel.tag_added.connect(self.triage.add_tag)
        panel.tag_removed.connect(self.triage.remove_tag)
        panel.export_requested.connect(self.export)
        panel.done.connect(self.list_pane.view.setFocus)

    # --- the library -------------------------------------------------------------------------

    def attach(self, service: "LibraryService") -> None:
        """Show the library (the window is on screen before it is opened)."""
        if self._closed:
            raise RuntimeError("the window has closed")
        self.service = service
        self.triage.attach(service)
        from readinglist.ui.data.service import PaperLoader

        self._papers = PaperLoader(service)
        self._papers.loaded.connect(self._on_paper_loaded)
        self.imports = ImportController(service.library, self)
        self.imports.started.connect(self.import_status.on_started)
        self.imports.started.connect(lambda *_: service.edits.set_others_writing(True))
        self.imports.progressed.connect(self.import_status.on_progress)
        self.imports.finished.connect(self._on_import_finished)
        self.import_status.cancel_requested.connect(self.imports.cancel)
        self.queries = QueryRunner(service.library, self)
        self.queries.failed.connect(self._show_read_failure)
        self._counter = SidebarCounter(self.queries, self._show_counts)
        self._attach_actions(service)
        service.papers_changed.connect(self._on_papers_changed)
        service.edits.busy_changed.connect(self._show_saving)
        service.edits.failed.connect(self._on_edit_failed)
        service.read_failed.connect(self._show_read_failure)
        service.saved_searches_changed.connect(self._counter.recount_all)
        self._paper_to_select = self._remembered_paper()
        self.sidebar.set_current_key(keys.SIDEBAR_ENTRY.read(self.settings))
        self.reload_list()
        self._counter.recount_all()

    def _attach_actions(self, service: "LibraryService") -> None:
        """Saved searches and export: loaded with the library, after the first paint."""
        from readinglist.ui.export import actions as export_actions
        from readinglist.ui.search import saved_searches as saved_search_actions

        assert self.queries is not None
        saved = saved_search_actions.SavedSearchActions(
            service, saved_search_actions.dialogs(self), self
        )
        saved.saved.connect(self._show_saved_search)
        saved.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.saved_searches = saved
        exports = export_actions.ExportActions(self.queries, export_actions.dialogs(self), self)
        exports.finished.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.exports = exports

    def back_up_daily(self) -> None:
        """Today's backup of the library, copied off the GUI thread (700 MB at 200k papers);
        the status bar says why when it could not be made."""
        if self.queries is None or self.service is None:
            return
        from readinglist.library.backup import BackupOutcome, rotate_daily

        path = self.service.library.path

        def back_up(connection: "Connection") -> BackupOutcome:
            return rotate_daily(connection.connection.driver_connection, path)  # type: ignore[arg-type]

        def said(outcome: BackupOutcome) -> None:
            if outcome.why_not_made is not None:
                text = tr("Today's backup of the library was not made: {reason}")
                self.statusBar().showMessage(text.format(reason=outcome.why_not_made), 30_000)

        self.queries.submit("backup", back_up, said)

    def is_settled(self) -> bool:
        """Nothing left to load: no library read running or queued for the panes, no
        Markdown being rendered."""
        return (
            self.queries is not None
            and not self.queries.is_busy()
            and not (self._papers is not None and self._papers.is_waiting())
            and self.detail.is_settled()
        )

    def _load_rows(self, ids: Sequence[int]) -> dict[int, PaperRow]:
        return self.service.rows(ids) if self.service else {}

    def reload_list(self) -> None:
        """Fetch the ids for the sidebar's entry in the list's order, off the GUI thread."""
        if self.queries is None or self.service is None:
            return
        from readinglist.library.papers import find_paper_ids

        sort, descending = self.list_pane.sort_order()
        try:
            query = self.current_query()
        except Exception as error:  # an entry's query that cannot be made (a day + 1 overflows)
            from readinglist.ui.data.edits import why_not

            self._on_list_failed(why_not(error, self.service.library.path))
            return
        self.queries.submit(
            "ids",
            lambda connection: find_paper_ids(connection, query, sort, descending),
            self._show_ids,
            failed=self._on_list_failed,
        )

    def _on_list_failed(self, why: str) -> None:
        """The sidebar entry's list could not be read: All papers instead, remembered at
        once (a digest dated 9999-12-31, restored at every start, kept the list empty)."""
        if self.sidebar.current_key() == ALL_PAPERS_KEY:
            self._show_read_failure(why)
            return
        self.statusBar().showMessage(
            tr("Could not show {entry}: {why}; showing all papers").format(
                entry=self.sidebar.current_label(), why=why
            )
        )
        keys.SIDEBAR_ENTRY.write(self.settings, ALL_PAPERS_KEY)
        self.sidebar.select_key(ALL_PAPERS_KEY)

    def _show_ids(self, ids: list[int]) -> None:
        self._update_empty_message()
        self.list_pane.show_ids(ids)
        self.count_label.setText(_papers_text(len(ids)))
        if self._paper_to_select is not None:
            self.list_pane.select_paper(self._paper_to_select)
            self._paper_to_select = None

    def current_query(self) -> "Query":
        """What the list shows: the sidebar's entry and the search box, both."""
        return self.sidebar.current_query().and_(self.search_box.query())

    def select_paper(self, arxiv_id: str) -> bool:
        """Select the paper (showing All papers if it is not in the list); False if unknown."""
        paper_id = self.service.paper_id(arxiv_id) if self.service else None
        if paper_id is None:
            return False
        if not self.list_pane.select_paper(paper_id):
            self._paper_to_select = paper_id
            if self.sidebar.current_key() != ALL_PAPERS_KEY:
                self.sidebar.select_key(ALL_PAPERS_KEY)
        return True

    def import_paths(self, paths: list[Path]) -> None:
        if self.imports is not None and paths:
            self.imports.start(paths)

    def _show_saving(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _show_read_failure(self, why: str) -> None:
        self.statusBar().showMessage(tr("Could not read the library: {why}").format(why=why))

    def _on_edit_failed(self, failure: "Failure") -> None:
        """An edit that was not written is undone on screen: the list's rows, the detail
        pane's controls and the counts show the library as it is. A note is kept."""
        from readinglist.library.user_edits import NoteEdit

        edit = failure.edit
        if isinstance(edit, NoteEdit) and not failure.undoing:
            self.detail.keep_unsaved_note(UnsavedNote(edit.paper_id, edit.note, failure.why))
        self._on_papers_changed(edit.ids)
        self.statusBar().showMessage(tr("Could not save: {why}").format(why=failure.why))

    def _show_counts(self, counts: SidebarCounts) -> None:
        self._paper_total = counts.total
        self._update_empty_message()
        self.sidebar.show_counts(counts)
        self._tag_names = [name for name, _ in counts.tags]
        self.detail.set_tag_choices(self._tag_names)
        if self._selection_panel is not None:
            self._selection_panel.set_tag_choices(self._tag_names)

    def _update_empty_message(self) -> None:
        if self._paper_total is None:
            message = tr("Opening the library…")
        elif self._paper_total == 0:
            message = tr(EMPTY_LIBRARY)
        elif not self.search_box.query().is_empty:
            message = tr("No papers match this search here.")
        else:
            message = tr("No papers here.")
        self.list_pane.set_empty_message(message)

    def _show_paper(self, paper_id: int | None) -> None:
        """The paper in the detail and media panes; a slow one (huge fields) once read."""
        self._paper_wanted = paper_id
        if self._papers is None or paper_id is None:
            self._show_loaded(None)
            return
        arrived, paper = self._papers.load(paper_id)
        if arrived:
            self._show_loaded(paper)
        else:
            self.detail.show_loading()
            self.media.show_media(None)

    def _on_paper_loaded(self, serial: int, paper: Paper | None) -> None:
        if self._papers is not None and self._papers.take(serial):
            self._show_loaded(paper)

    def _show_loaded(self, paper: Paper | None) -> None:
        self.detail.show_paper(paper)
        self.media.show_media(paper.media if paper else None)

    def _on_papers_changed(self, ids: list[int]) -> None:
        self.list_pane.refresh(ids)
        settled = self.service is None or not self.service.edits.is_busy()
        if self._paper_wanted in ids and settled:  # not the notes of edits still queued
            self._show_paper(self._paper_wanted)
        if self._counter is not None:
            self._counter.recount(ids)

    def _on_import_finished(self, report: ImportReport) -> None:
        if self.service is not None:
            self.service.edits.set_others_writing(False)
        self.import_status.on_finished(report)
        if self._counter is not None:
            self._counter.recount_all()
        self.reload_list()

    # --- selection, saved searches, export -----------------------------------------------

    def _on_shown(self, ids: list[int]) -> None:
        """One paper selected: the detail pane shows it. Several: it offers what can be done
        to all of them. None: nothing."""
        many = len(ids) > 1
        if many:
            self.detail.flush_note()
            self.selection_panel.show_count(len(ids))
        else:
            self._show_paper(ids[0] if ids else None)
        self.detail_stack.setCurrentWidget(self.selection_panel if many else self.detail)

    def _focus_tags(self) -> None:
        """`t`: the tags of the paper shown, or the tag for all the papers selected."""
        if self.detail_stack.currentWidget() is self.detail:
            self.detail.focus_tags()
        else:
            self.selection_panel.focus_tag()

    def _select_all(self) -> None:
        self.list_pane.view.setFocus()
        self.list_pane.view.selectAll()

    def _save_search(self, search_text: str) -> None:
        """Save what the list shows (the sidebar's entry and the search) under a name."""
        from readinglist.core.query import QueryError, parse_query

        try:
            search = parse_query(search_text)
        except QueryError as error:
            self.statusBar().showMessage(str(error), 10_000)
            return
        query = self.sidebar.current_query().and_(search)
        if self.saved_searches is not None and not query.is_empty:
            self.saved_searches.save(query.text)

    def _show_saved_search(self, search_id: int) -> None:
        """A search just saved: its sidebar entry (once counted) replaces the search box."""
        self.search_box.clear_quietly()
        self.sidebar.select_key_when_listed(f"{SAVED_PREFIX}{search_id}")

    def _rename_saved_search(self, search_id: int, name: str) -> None:
        if self.saved_searches is not None:
            self.saved_searches.rename(search_id, name)

    def _edit_saved_search(self, _: int, name: str) -> None:
        if self.saved_searches is not None:
            self.saved_searches.edit(name)

    def _delete_saved_search(self, search_id: int, name: str) -> None:
        if self.saved_searches is not None:
            self.saved_searches.delete(search_id, name)

    def export(self) -> None:
        """File → Export…: the selection, or every paper the list shows, in its order."""
        if self.exports is not None:
            self.exports.export(self.list_pane.selected_ids(), self.list_pane.model.ids())

    # --- media -------------------------------------------------------------------------------

    def _prefetch_selected_media(self) -> None:
        from readinglist.core.query import Query

        self._prefetch_media(Query(), self.list_pane.selected_ids())

    def _prefetch_digest_media(self) -> None:
        """The digest chosen in the sidebar, else the current paper's latest digest."""
        from readinglist.core.query import Query

        query = self.sidebar.current_query()
        if not query.digests:
            paper_id = self.list_pane.current_id()
            paper = self.service.paper(paper_id) if self.service and paper_id is not None else None
            if paper is None:
                return
            query = Query(digests=(paper.last_seen,))
        self._prefetch_media(query, None)

    def _prefetch_media(self, query: "Query", paper_ids: list[int] | None) -> None:
        """Read the papers' teasers on a reader thread, then hand them to the media pane."""
        if self.queries is None:
            return
        from readinglist.library.papers import find_paper_ids, load_papers

        def teasers(connection: "Connection") -> list[Media]:
            ids = find_paper_ids(connection, query) if paper_ids is None else paper_ids
            return [p.media for p in load_papers(connection, ids) if p.media is not None]

        self.queries.submit("prefetch", teasers, self.media.prefetch)

    # --- links, files, drops -----------------------------------------------------------------

    def _on_empty_link(self, link: str) -> None:
        if link == "action:import-folder":
            self.choose_folder()
        elif link == "action:sample":
            self.try_sample_digest()

    def try_sample_digest(self) -> None:
        """The bundled sample digest, so a new user sees papers within seconds."""
        self.import_paths([sample_digest()])

    def open_link(self, url: str) -> None:
        """Only http and https leave the app; `javascript:` and `file:` links do nothing."""
        if is_safe_link(url):
            self.open_url(QUrl(url))

    def open_current_paper(self) -> None:
        paper_id = self.list_pane.shown_id()
        paper = self.service.paper(paper_id) if self.service and paper_id is not None else None
        if paper is not None:
            self.open_link(paper.url)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, tr("Import digests"), "", tr("Markdown digests (*.md);;All files (*)")
        )
        self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Import a folder of digests"))
        if folder:
            self.import_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- remembering -------------------------------------------------------------------------

    def _set_advance(self, advance: bool) -> None:
        self.triage.advance_after_status = advance
        keys.ADVANCE_AFTER_STATUS.write(self.settings, advance)

    def _restore_layout(self) -> None:
        geometry = keys.WINDOW_GEOMETRY.read(self.settings)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        for setting, splitter in (
            (keys.MAIN_SPLITTER, self.main_splitter),
            (keys.SIDE_SPLITTER, self.side_splitter),
        ):
            state = setting.read(self.settings)
            if not state.isEmpty():
                splitter.restoreState(state)
        if self.main_splitter.sizes()[1] == 0:  # the list dragged shut: it opens visible
            self.main_splitter.setSizes(MAIN_SIZES)
        header = keys.LIST_HEADER.read(self.settings)
        if not header.isEmpty():
            self.list_pane.restore_header_state(header)

    def _remembered_paper(self) -> int | None:
        arxiv_id = keys.CURRENT_PAPER.read(self.settings)
        return self.service.paper_id(arxiv_id) if self.service and arxiv_id else None

    def save_layout(self) -> None:
        keys.WINDOW_GEOMETRY.write(self.settings, self.saveGeometry())
        keys.MAIN_SPLITTER.write(self.settings, self.main_splitter.saveState())
        keys.SIDE_SPLITTER.write(self.settings, self.side_splitter.saveState())
        keys.LIST_HEADER.write(self.settings, self.list_pane.header_state())
        keys.SIDEBAR_ENTRY.write(self.settings, self.sidebar.current_key())
        paper_id = self.list_pane.current_id()
        paper = self.service.paper(paper_id) if self.service and paper_id is not None else None
        keys.CURRENT_PAPER.write(self.settings, paper.arxiv_id if paper else "")

    def _settle_unsaved_notes(self) -> bool:
        """Every note typed is saved, or the user said what to do with it; False: the user
        keeps the window open."""
        self.detail.flush_note()
        if self.service is None:
            return True
        self.service.edits.finish()  # the queued saves written, their failures known
        notes = self.detail.unsaved_notes()
        if not notes:
            return True
        if self.note_questions is None:
            from readinglist.ui.detail.unsaved_notes import dialogs

            self.note_questions = dialogs(self)
        let_go = NoteRescue(self.note_questions, self._title_of, self._save_note_again).settle(
            notes
        )
        for paper_id in let_go or []:
            self.detail.let_go_of_note(paper_id)
        return let_go is not None

    def _title_of(self, paper_id: int) -> str:
        paper = self.service.paper(paper_id) if self.service else None
        return clip(paper.title, TITLE_IN_QUESTIONS) if paper else tr("a paper")

    def _save_note_again(self, note: UnsavedNote) -> str | None:
        """None once saved; else why not."""
        self.triage.set_note(note.paper_id, note.text, again=True)
        kept = self.detail.unsaved_notes()
        return next((n.why for n in kept if n.paper_id == note.paper_id), None)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed and not self._settle_unsaved_notes():
            event.ignore()  # the note stays in its editor
            return
        if not self._closed:  # Qt may deliver it twice (a close on a closed window)
            self._closed = True
            self.detail.flush_note()  # nothing typed is lost
            if self.imports is not None:
                self.imports.wait()
            if self.service is not None:
                self.service.edits.finish()  # every edit queued reaches the library
            self.media.shutdown()  # downloads stop; the loader's thread ends
            if self.queries is not None:
                self.queries.stop()
            if self._papers is not None:
                self._papers.shutdown()
            self.save_layout()
            self.settings.sync()
        super().closeEvent(event)
