"""What the list shows: the sidebar's entry AND the search box's query, read off the GUI thread.

The sidebar, the search box and the list know nothing of one another; this joins them. A
request for the list's ids goes to the `ids` channel of the query runner, so only the newest is
answered. An entry whose list cannot be read (a digest dated 9999-12-31 once overflowed while
its query was made) falls back to All papers and is remembered so, or every later start would
show an empty list.

An import reloads the list (and the counts) as its files are stored, at most every
`IMPORT_RELOAD_MS`: the first import into an empty library showed "No papers yet" until its
end; now the list fills as it goes, and says "Importing…" until the first papers land. The
list takes those ids, and the sidebar those counts, and both repaint, while the import
pauses between two files (`ImportController.when_quiet`): each took 20-50 ms of the GUI
thread's time contending with the import for the GIL, the sidebar's 1,000 days most.
"""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from readinglist.core.listing import SidebarCounts, SortKey
from readinglist.ui import settings as keys
from readinglist.ui.i18n import QT_TR_NOOP, count_papers, tr
from readinglist.ui.imports.sources import IMPORT_FOLDER_LINK, SAMPLE_LINK
from readinglist.ui.qt import QLabel, QObject, QSettings, QTimer, Signal
from readinglist.ui.sidebar.pane import ALL_PAPERS_KEY

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.query import Query
    from readinglist.ui.data.queries import QueryRunner
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.imports.controller import ImportController
    from readinglist.ui.list.pane import PaperListPane
    from readinglist.ui.search.saved_searches import SavedSearchActions
    from readinglist.ui.search.search_box import SearchBox
    from readinglist.ui.sidebar.pane import SidebarPane

EMPTY_LIBRARY = QT_TR_NOOP(
    "<h2>No papers yet</h2><p>Drop digest files or folders here,<br>"
    "or use <b>File → Import…</b></p>"
    '<p><a href="{import_folder}">Import a folder…</a> &nbsp;·&nbsp; '
    '<a href="{sample}">Try the sample digest</a></p>'
)

IMPORTING = QT_TR_NOOP("<h2>Importing…</h2><p>The papers show here as they arrive.</p>")
IMPORT_RELOAD_MS = 500  # the list and the counts, read again during an import at most this often
FIRST = 100  # a shared library's list: its first rows are read, and shown, before the rest
FIRST_WITHIN_MS = 150  # unless the server needs longer for them (then the whole list shows)


class Browsing(QObject):
    said = Signal(str)  # a message for the status bar
    trash_shown = Signal(bool)  # whether the list shows the trash (as it is asked for)
    entry_changing = Signal()  # another sidebar entry: its list is read next

    def __init__(
        self,
        sidebar: "SidebarPane",
        search_box: "SearchBox",
        list_pane: "PaperListPane",
        settings: QSettings,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._sidebar = sidebar
        self._search_box = search_box
        self._list = list_pane
        self._settings = settings
        self.count_label = QLabel()
        self.count_label.setObjectName("paperCount")
        self._queries: QueryRunner | None = None
        self._service: LibraryService | None = None
        self._paper_to_select: int | None = None  # once the list's ids arrive
        self._arxiv_to_select = ""  # the last session's paper, looked up with the list's ids
        self._all_if_missing = False  # and if it is not among them, in All papers
        self._select_all_next = False  # every paper, once the list's ids arrive
        self._paper_total: int | None = None  # until the first counts arrive
        self._importing = False
        self._imports: ImportController | None = None
        self._import_fills = False  # an import into an empty library: shown as it is stored
        self._import_first_files = False  # shown at once, the rest every IMPORT_RELOAD_MS
        self._import_reload = QTimer(self)
        self._import_reload.setSingleShot(True)
        self._import_reload.setInterval(IMPORT_RELOAD_MS)
        self._import_reload.timeout.connect(self.reload)
        self._reloads = 0  # the lists asked for
        self._listed = 0  # the one whose whole list is shown
        self._first_for = 0  # the one whose first rows alone were shown (later: still so)
        self._when_listed: list[Callable[[], object]] = []
        sidebar.query_changed.connect(lambda _: self._change_entry())
        search_box.query_changed.connect(lambda _: self.reload())
        list_pane.connect_sort(self.reload)

    def attach(self, service: "LibraryService", queries: "QueryRunner") -> None:
        """Show the library's papers, starting with the entry and paper of the last session."""
        self._service = service
        self._queries = queries
        self._arxiv_to_select = keys.CURRENT_PAPER.read(self._settings)
        self._sidebar.set_current_key(keys.SIDEBAR_ENTRY.read(self._settings))
        self.reload()

    def _change_entry(self) -> None:
        self.entry_changing.emit()  # what follows the entry (Today's order) is set first
        self.reload()

    def remember(self) -> None:
        """The entry and the paper to start with next time."""
        keys.SIDEBAR_ENTRY.write(self._settings, self._sidebar.current_key())
        keys.CURRENT_PAPER.write(self._settings, self._list.current_arxiv_id() or "")

    def follow_imports(self, imports: "ImportController", recount: Callable[[], object]) -> None:
        """The list and the counts (`recount`) follow an import's files as they are stored."""
        self._imports = imports
        imports.started.connect(lambda: self._set_importing(True))
        imports.progressed.connect(lambda *_: self._on_import_progress())
        self._import_reload.timeout.connect(recount)
        imports.finished.connect(lambda *_: self._set_importing(False))
        imports.finished.connect(lambda *_: recount())

    def _set_importing(self, importing: bool) -> None:
        self._importing = importing
        self._import_fills = self._import_first_files = importing and not self._paper_total
        self._import_reload.stop()
        self._update_empty_message()
        if not importing:
            self.reload()

    def _on_import_progress(self) -> None:
        """Files stored into a library that was empty: the first ones show at once, later
        ones every IMPORT_RELOAD_MS. Into one that had papers, the list and the counts are
        read once, at the end (each reading of a large library takes a reader thread a
        few hundred ms, and the import wants the disk)."""
        if not self._import_fills or self._import_reload.isActive():
            return
        self._import_reload.start(0 if self._import_first_files else IMPORT_RELOAD_MS)
        self._import_first_files = False

    def current_query(self) -> "Query":
        """What the list shows: the sidebar's entry and the search box, both."""
        return self._sidebar.current_query().and_(self._search_box.query())

    def reload(self) -> None:
        """Fetch the ids for the sidebar's entry in the list's order, off the GUI thread."""
        if self._queries is None or self._service is None:
            return
        from readinglist.library.papers import first_paper_ids
        from readinglist.ui.data.edits import why_not

        sort, descending = self._list.sort_order()
        try:
            query = self.current_query()
        except Exception as error:  # an entry's query that cannot be made (a day + 1 overflows)
            self._on_failed(why_not(error, self._service.library.location))
            return
        self.trash_shown.emit(query.lists_trash)
        self._reloads += 1
        if self._service.library.shared and self._shows_first_screen():
            self._queries.submit(
                "first ids",
                lambda connection: first_paper_ids(
                    connection, query, sort, descending, limit=FIRST, within_ms=FIRST_WITHIN_MS
                ),
                partial(self._show_first, self._reloads),
                failed=lambda _why: None,  # the whole list's read says it
            )
        self._queries.submit(
            "ids",
            partial(
                _listed,
                query=query,
                sort=sort,
                descending=descending,
                arxiv_id=self._arxiv_to_select,
            ),
            partial(self._show_listed, self._reloads),
            failed=self._on_failed,
        )

    def _shows_first_screen(self) -> bool:
        """Whether the first rows may show before the rest: not when a paper or every paper
        is to be selected in the list (the whole list says where), nor during an import."""
        to_select = self._paper_to_select or self._arxiv_to_select
        return not (self._importing or self._select_all_next or to_select)

    def _show_listed(self, reload: int, listed: "tuple[list[int], int | None]") -> None:
        """The whole list, and the last session's paper (its id, once looked up) to select."""
        ids, startup_paper = listed
        if self._arxiv_to_select:
            self._arxiv_to_select = ""
            if self._paper_to_select is None:  # not one asked for since
                self._paper_to_select = startup_paper
        self._show_ids(ids, reload=reload)

    def _show_first(self, reload: int, ids: list[int] | None) -> None:
        """A shared library's first FIRST rows, while the rest are read: the list shows them
        (what the user waits for on a key), the count waits for the whole list; not when
        the whole list came first, nor when the server gave up on them (None: the whole
        list shows when it comes). Fewer than FIRST: the whole list it is."""
        if ids is None or reload != self._reloads or self._listed == reload:
            return
        if len(ids) < FIRST:
            self._show_ids(ids, reload=reload)
            return
        self._list.show_ids(ids)
        self._first_for = reload
        self.count_label.setText(tr("Counting…"))

    def when_listed(self, then: Callable[[], object]) -> None:
        """`then()` once the list shows every paper it lists: at once, unless a shared
        library's first rows show alone (an export of the list waits for the rest)."""
        if self._first_for > self._listed:  # its first rows show alone
            self._when_listed.append(then)
        else:
            then()

    def save_view(self, saved_searches: "SavedSearchActions") -> None:
        """Save what the list shows (the sidebar's entry and the search) under a name."""
        entry = self._sidebar.current_query()
        saved_searches.save_view(entry, self._search_box.text(), self._sidebar.current_label())

    def show_saved_search(self, search_id: int) -> None:
        """A search just saved: its sidebar entry (once counted) replaces the search box."""
        self._search_box.clear_quietly()
        self._sidebar.select_saved_search_when_listed(search_id)

    def select_all_of(self, key: str) -> None:
        """Show the sidebar's entry `key` with all its papers selected."""
        self._select_all_next = True
        if self._sidebar.current_key() == key:
            self.reload()
        else:
            self._sidebar.select_key(key)

    def select_paper(self, arxiv_id: str) -> bool:
        """Select the paper, once the list's ids are read (showing All papers if it is not
        in the list); False if unknown."""
        paper_id = self._service.paper_id(arxiv_id) if self._service else None
        if paper_id is None:
            return False
        if not self._list.select_paper(paper_id):
            self._paper_to_select, self._all_if_missing = paper_id, True
            self.reload()  # the ids may be on their way: the paper is looked for in them
        return True

    def show_counts(self, counts: SidebarCounts) -> None:
        if self._importing and self._imports is not None:
            self._imports.when_quiet(lambda: self._show_counts_now(counts, paint=True))
        else:
            self._show_counts_now(counts)

    def _show_counts_now(self, counts: SidebarCounts, *, paint: bool = False) -> None:
        self._paper_total = counts.total
        self._update_empty_message()
        self._sidebar.show_counts(counts)
        if paint:
            self._sidebar.paint_now()

    def _show_ids(self, ids: list[int], *, reload: int = 0) -> None:
        self._listed = reload
        if self._importing and self._imports is not None:
            self._imports.when_quiet(lambda: self._show_ids_now(ids, paint=True))
        else:
            self._show_ids_now(ids)

    def _show_ids_now(self, ids: list[int], *, paint: bool = False) -> None:
        self._update_empty_message()
        rest_of_shown = self._first_for == self._listed  # these ids follow its first rows
        every_row_selected = rest_of_shown and self._list.every_row_selected()
        self._list.show_ids(ids)
        if every_row_selected:  # Select All among these first rows: all of them, then
            self._list.select_all()
        self.count_label.setText(count_papers(len(ids)))
        if self._paper_to_select is not None:
            self._select_listed(self._paper_to_select)
        if self._select_all_next:
            self._select_all_next = False
            self._list.select_all()
        if paint:
            self._list.paint_now()
        waiting, self._when_listed = self._when_listed, []
        for then in waiting:
            then()

    def _select_listed(self, paper_id: int) -> None:
        """Select the paper in the ids just shown; when it is not there and was asked for
        (`select_paper`), in All papers."""
        self._paper_to_select = None
        missing = not self._list.select_paper(paper_id)
        if missing and self._all_if_missing and self._sidebar.current_key() != ALL_PAPERS_KEY:
            self._paper_to_select = paper_id
            self._sidebar.select_key(ALL_PAPERS_KEY)
            return
        self._all_if_missing = False

    def _on_failed(self, why: str) -> None:
        if self._sidebar.current_key() == ALL_PAPERS_KEY:
            self.said.emit(tr("Could not read the library: {why}").format(why=why))
            return
        self.said.emit(
            tr("Could not show {entry}: {why}; showing all papers").format(
                entry=self._sidebar.current_label(), why=why
            )
        )
        keys.SIDEBAR_ENTRY.write(self._settings, ALL_PAPERS_KEY)
        self._sidebar.select_key(ALL_PAPERS_KEY)

    def _update_empty_message(self) -> None:
        if self._paper_total is None:
            message = tr("Opening the library…")
        elif self._importing:
            message = tr(IMPORTING)
        elif self._paper_total == 0:
            message = tr(EMPTY_LIBRARY).format(import_folder=IMPORT_FOLDER_LINK, sample=SAMPLE_LINK)
        elif not self._search_box.query().is_empty:
            message = tr("No papers match this search here.")
        else:
            message = tr("No papers here.")
        self._list.set_empty_message(message)


def _listed(
    connection: "Connection", query: "Query", sort: SortKey, descending: bool, arxiv_id: str
) -> tuple[list[int], int | None]:
    """The list's ids in its order, and the paper `arxiv_id`'s id (None: none, or unknown):
    read together off the GUI thread (a shared library's server may be slow to answer)."""
    from readinglist.library.papers import find_paper_ids, paper_id_for

    ids = find_paper_ids(connection, query, sort, descending)
    return ids, paper_id_for(connection, arxiv_id) if arxiv_id else None
