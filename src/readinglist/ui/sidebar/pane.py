"""The sidebar: all papers, each status, starred, saved searches, tags and digests, with
their counts.

Selecting an entry emits the `Query` it stands for; the window hands it to the list. A saved
search's context menu asks the window to rename it, edit its query or delete it, by id.
"""

from typing import TYPE_CHECKING

from readinglist.core.listing import SidebarCounts
from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QModelIndex,
    QPoint,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from readinglist.ui.sidebar.entries import (
    ALL_PAPERS_KEY,
    SAVED_PREFIX,
    query_for_key,
    saved_search_id,
)
from readinglist.ui.sidebar.model import KEY_ROLE, QUERY_ROLE, SidebarModel

if TYPE_CHECKING:
    from readinglist.core.query import Query

__all__ = ["ALL_PAPERS_KEY", "SidebarPane"]


class SidebarPane(QWidget):
    query_changed = Signal(object)  # a Query
    rename_requested = Signal(int, str)  # a saved search's id and its name now
    edit_requested = Signal(int, str)
    delete_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SidebarModel(self)
        self.tree = self._make_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._current_key = ALL_PAPERS_KEY
        self._announced: Query | None = None  # the query the list was last told of
        self._updating = False

    def _make_view(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("sidebar")
        tree.setModel(self.model)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # the rows in view: 1,000 new digests cost 0.1 s
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(tree.expandAll)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        return tree

    def show_counts(self, counts: SidebarCounts) -> None:
        """New counts; the selected entry stays selected while it exists, else All papers."""
        self._updating = True
        try:
            self.model.show_counts(counts)
        finally:
            self._updating = False
        self._reselect()  # its tag, digest or saved search gone: All papers
        if self.current_query() != self._announced:  # or a saved search's text changed
            self._announce()

    def select_key(self, key: str) -> None:
        """Select the entry `key` (All papers if there is none) and announce its query."""
        self._current_key = key
        self._reselect()
        self._announce()

    def set_current_key(self, key: str) -> None:
        """The entry to select once the counts arrive, without announcing it. A saved
        search's query is known only then: it is announced when it arrives."""
        self._current_key = key
        self._announced = self.current_query()

    def select_saved_search_when_listed(self, search_id: int) -> None:
        self.select_key_when_listed(f"{SAVED_PREFIX}{search_id}")

    def select_key_when_listed(self, key: str) -> None:
        """Select `key` once the next counts list it (a saved search just made), and announce
        its query then."""
        self._current_key = key

    def _announce(self) -> None:
        self._announced = self.current_query()
        self.query_changed.emit(self._announced)

    def current_key(self) -> str:
        return self._current_key

    def current_label(self) -> str:
        """The entry's name as the sidebar shows it (before the counts: from its key)."""
        entry = self.model.entry(self.model.index_of(self._current_key))
        return entry.label if entry is not None else self._current_key.partition(":")[2]

    def current_query(self) -> "Query":
        from readinglist.core.query import Query

        query = self.tree.currentIndex().data(QUERY_ROLE)
        if isinstance(query, Query):
            return query
        return query_for_key(self._current_key) or Query()  # before the first counts

    def _reselect(self) -> bool:
        """Make the current key's entry current; False when it is gone (All papers instead)."""
        index = self.model.index_of(self._current_key)
        found = index.isValid()
        if not found:
            index = self.model.index_of(ALL_PAPERS_KEY)
            self._current_key = ALL_PAPERS_KEY
        if index.isValid() and index != self.tree.currentIndex():
            self._updating = True
            try:
                self.tree.setCurrentIndex(index)
            finally:
                self._updating = False
        return found

    def _on_current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        key = current.data(KEY_ROLE)
        if self._updating or not isinstance(key, str) or current.data(QUERY_ROLE) is None:
            return
        self._current_key = key
        self._announce()

    def _context_menu(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        key, entry = index.data(KEY_ROLE), self.model.entry(index)
        search_id = saved_search_id(key) if isinstance(key, str) else None
        if search_id is None or entry is None:
            return
        menu = QMenu(self)
        menu.addAction(tr("Rename…"), lambda: self.rename_requested.emit(search_id, entry.label))
        menu.addAction(tr("Edit Query…"), lambda: self.edit_requested.emit(search_id, entry.label))
        menu.addAction(tr("Delete"), lambda: self.delete_requested.emit(search_id, entry.label))
        menu.exec(self.tree.viewport().mapToGlobal(position))
        menu.deleteLater()
