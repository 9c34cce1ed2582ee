"""The sidebar: all papers, each status, starred, saved searches, tags and digests, with
their counts.

Selecting an entry emits the `Query` it stands for; the window hands it to the list. Context
menus ask the window, in plain values: a saved search's to rename it, edit its query or
delete it (by id), or make a rule of it (by name); a tag's to rename it, merge it into
another or delete it; a digest's, a month's or a year's to mark all its papers read or
skipped, select them or fetch their teasers.
"""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from readinglist.core.listing import SidebarCounts
from readinglist.core.paper import ReadingStatus
from readinglist.ui.i18n import count_text, tr
from readinglist.ui.qt import (
    QAbstractItemView,
    QEvent,
    QFont,
    QFontMetrics,
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
    DIGESTS_GROUP,
    MONTH,
    SAVED_GROUP,
    SAVED_PREFIX,
    SOURCES_GROUP,
    TAGS_GROUP,
    TODAY_KEY,
    TRASH_KEY,
    YEAR,
    Entry,
    query_for_key,
    saved_search_id,
)
from readinglist.ui.sidebar.model import KEY_ROLE, QUERY_ROLE, SidebarModel

if TYPE_CHECKING:
    from readinglist.core.query import Query

__all__ = ["ALL_PAPERS_KEY", "TODAY_KEY", "SidebarPane"]

DIGEST_KINDS = frozenset({"digest", MONTH, YEAR})

WIDEST_DAY = "2000-00-00"
WIDEST_COUNT = "00,000"
DAY_DEPTH = 4  # levels of indentation before a day: Digests, year, month, day
COLUMN_PADDING = 12


class SidebarPane(QWidget):
    query_changed = Signal(object)  # a Query
    rename_requested = Signal(int, str)  # a saved search's id and its name now
    edit_requested = Signal(int, str)
    delete_requested = Signal(int, str)
    share_requested = Signal(int, bool)  # a shared library's saved search of mine: shared or not
    rule_requested = Signal(str)  # a saved search's name: make a rule of its query
    tag_rename_requested = Signal(str)
    tag_merge_requested = Signal(str)
    tag_delete_requested = Signal(str)
    papers_status_requested = Signal(object, str)  # a digest's Query, a ReadingStatus value
    papers_select_requested = Signal(str)  # the entry's key
    papers_prefetch_requested = Signal(object)  # a digest's Query
    empty_trash_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SidebarModel(self)
        self._largest_count = 0
        self.tree = self._make_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._fit_width()
        self._current_key = ALL_PAPERS_KEY
        self._announced: Query | None = None  # the query the list was last told of
        self._updating = False
        self.pop_up: Callable[[QMenu, QPoint], object] = lambda menu, at: menu.exec(at)

    def _make_view(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("sidebar")
        tree.setModel(self.model)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.setIndentation(tree.fontMetrics().averageCharWidth() * 2)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The counts' column as wide as the largest count (All papers'), set with the counts:
        # sized to its contents, it was measured again row by row at every change of counts
        # (0.1-0.2 s of the GUI thread per recount during an import of 1,000 digests).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._expand_on_reset)
        self.model.rowsInserted.connect(self._expand_newest)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        return tree

    def changeEvent(self, event: QEvent) -> None:
        """A larger text size (View menu, or the system's): still wide enough."""
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def _fit_width(self) -> None:
        """Wide enough that "Saved searches" (bold) and a day three levels down, with a
        five-figure count, are never elided."""
        plain = self.tree.fontMetrics()
        bold_font = QFont(self.tree.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        indent = self.tree.indentation()
        count = plain.horizontalAdvance(WIDEST_COUNT) + COLUMN_PADDING
        self._fit_counts(self._largest_count)
        label = max(
            bold.horizontalAdvance(tr("Saved searches")) + indent,
            plain.horizontalAdvance(WIDEST_DAY) + DAY_DEPTH * indent,
        )
        scroll_bar = self.tree.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(
            label + COLUMN_PADDING + count + scroll_bar + 2 * self.tree.frameWidth()
        )

    def _fit_counts(self, largest: int) -> None:
        """The counts' column: the largest count's width (`count_text`), padded."""
        self._largest_count = largest
        width = self.tree.fontMetrics().horizontalAdvance(count_text(largest)) + COLUMN_PADDING
        if self.tree.header().sectionSize(1) != width:
            self.tree.header().resizeSection(1, width)

    def _expand_on_reset(self) -> None:
        """The groups open, and among the digests only the newest year and month: older
        months stay folded (357 days in one column were too many to scan)."""
        for key in (SAVED_GROUP, TAGS_GROUP, SOURCES_GROUP, DIGESTS_GROUP):
            self.tree.expand(self.model.index_of(key))
        self._expand_newest(self.model.index_of(DIGESTS_GROUP), 0, 0)

    def _expand_newest(self, parent: QModelIndex, first: int, _: int) -> None:
        """A new newest year (or month) opens, down to its days, as the first did."""
        digests = self.model.index_of(DIGESTS_GROUP)
        is_period_list = parent == digests or parent.parent() == digests
        if not is_period_list or first != 0:
            return
        newest = self.model.index(0, 0, parent)
        while newest.isValid() and self.model.rowCount(newest):
            self.tree.expand(newest)
            newest = self.model.index(0, 0, newest)

    def paint_now(self) -> None:
        """Lay the entries out and paint them at once (see the list pane's)."""
        self.tree.doItemsLayout()
        self.tree.viewport().repaint()

    def show_counts(self, counts: SidebarCounts) -> None:
        """New counts; the selected entry stays selected while it exists, else All papers."""
        self._fit_counts(max(counts.total, counts.trashed))  # no other count is larger
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
                self.tree.scrollTo(index)  # a day in a folded month: its month opens
            finally:
                self._updating = False
        return found

    def _on_current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        key = current.data(KEY_ROLE)
        if self._updating or not isinstance(key, str) or current.data(QUERY_ROLE) is None:
            return
        self._current_key = key
        self._announce()

    def tag_names(self) -> list[str]:
        parent = self.model.index_of(TAGS_GROUP)
        return [
            self.model.index(row, 0, parent).data() for row in range(self.model.rowCount(parent))
        ]

    def _context_menu(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        key, entry = index.data(KEY_ROLE), self.model.entry(index)
        if not isinstance(key, str) or entry is None:
            return
        menu = QMenu(self)
        kind = key.partition(":")[0]
        if saved_search_id(key) is not None:
            self._saved_search_menu(menu, saved_search_id(key) or 0, entry)
        elif kind == "tag":
            self._tag_menu(menu, entry.label)
        elif kind in DIGEST_KINDS and entry.query is not None:
            self._digest_menu(menu, key, entry.query)
        elif key == TRASH_KEY:
            empty = menu.addAction(tr("Empty Tras&h…"), self.empty_trash_requested.emit)
            empty.setEnabled(entry.count > 0)
        if menu.actions():
            self.pop_up(menu, self.tree.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _saved_search_menu(self, menu: QMenu, search_id: int, entry: Entry) -> None:
        """Rename, edit, delete, share: one's own; another member's is theirs to change."""
        name = entry.name or entry.label
        if not entry.mine:
            said = tr("Shared by {owner}: only they can change it").format(owner=entry.owner)
            menu.addAction(said).setEnabled(False)
            return
        if entry.owner is not None:  # a shared library's
            share = menu.addAction(tr("Share with Everyone in This Library"))
            share.setCheckable(True)
            share.setChecked(entry.shared)
            share.toggled.connect(lambda shared: self.share_requested.emit(search_id, shared))
            menu.addSeparator()
        menu.addAction(tr("Rename…"), lambda: self.rename_requested.emit(search_id, name))
        menu.addAction(tr("Edit Query…"), lambda: self.edit_requested.emit(search_id, name))
        menu.addAction(tr("Delete"), lambda: self.delete_requested.emit(search_id, name))
        menu.addSeparator()
        menu.addAction(tr("Make a Rule…"), lambda: self.rule_requested.emit(name))

    def _tag_menu(self, menu: QMenu, tag: str) -> None:
        menu.addAction(tr("Rename Tag…"), lambda: self.tag_rename_requested.emit(tag))
        merge = menu.addAction(tr("Merge Into…"), lambda: self.tag_merge_requested.emit(tag))
        merge.setEnabled(len(self.tag_names()) > 1)
        menu.addAction(tr("Delete Tag"), lambda: self.tag_delete_requested.emit(tag))

    def _digest_menu(self, menu: QMenu, key: str, query: "Query") -> None:
        for status in (ReadingStatus.READ, ReadingStatus.SKIPPED):
            text = tr("Mark All as {status}").format(status=tr(status.look.label))
            menu.addAction(text, partial(self.papers_status_requested.emit, query, status.value))
        menu.addSeparator()
        menu.addAction(tr("Select Its Papers"), lambda: self.papers_select_requested.emit(key))
        menu.addAction(tr("Prefetch Media"), lambda: self.papers_prefetch_requested.emit(query))
