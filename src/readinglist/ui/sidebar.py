"""The sidebar: all papers, each status, starred, tags and digests, with their counts.

Selecting an entry emits the `Query` it stands for; the window hands it to the list.
"""

from readinglist.core.listing import SidebarCounts
from readinglist.core.query import Query
from readinglist.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QModelIndex,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from readinglist.ui.sidebar_model import (
    ALL_PAPERS_KEY,
    KEY_ROLE,
    QUERY_ROLE,
    SidebarModel,
    query_for_key,
)

__all__ = ["ALL_PAPERS_KEY", "SidebarPane"]


class SidebarPane(QWidget):
    query_changed = Signal(object)  # a Query

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SidebarModel(self)
        self.tree = self._make_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._current_key = ALL_PAPERS_KEY
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
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(tree.expandAll)
        return tree

    def show_counts(self, counts: SidebarCounts) -> None:
        """New counts; the selected entry stays selected while it exists, else All papers."""
        self._updating = True
        try:
            self.model.show_counts(counts)
        finally:
            self._updating = False
        if not self._reselect():  # its tag or digest is gone: the list must follow
            self.query_changed.emit(self.current_query())

    def select_key(self, key: str) -> None:
        """Select the entry `key` (All papers if there is none) and announce its query."""
        self._current_key = key
        self._reselect()
        self.query_changed.emit(self.current_query())

    def set_current_key(self, key: str) -> None:
        """The entry to select once the counts arrive, without announcing it."""
        self._current_key = key

    def current_key(self) -> str:
        return self._current_key

    def current_query(self) -> Query:
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
        self.query_changed.emit(self.current_query())
