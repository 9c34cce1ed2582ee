"""The sidebar: all papers, each status, starred, tags and digests, with their counts.

Selecting an entry emits the `Query` it stands for; the window hands it to the list.
"""

import datetime as dt

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query
from readinglist.library.browse import SidebarCounts
from readinglist.ui.qt import (
    QCoreApplication,
    QHeaderView,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

_QUERY_ROLE = Qt.ItemDataRole.UserRole + 1
_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
ALL_PAPERS_KEY = "all"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sidebar", text)


class SidebarPane(QWidget):
    query_changed = Signal(object)  # a Query

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setObjectName("sidebar")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self._current_key = ALL_PAPERS_KEY

    def show_counts(self, counts: SidebarCounts) -> None:
        """Rebuild the entries with fresh counts, keeping the selected one (if it remains)."""
        key = self._current_key
        self.tree.blockSignals(True)
        self.tree.clear()
        self._add(None, ALL_PAPERS_KEY, _tr("All papers"), counts.total, Query())
        for status in ReadingStatus:
            label = _tr(status.value.capitalize())
            self._add(
                None,
                f"status:{status.value}",
                label,
                counts.by_status[status],
                Query(statuses=(status,)),
            )
        self._add(None, "starred", _tr("Starred"), counts.starred, Query(starred=True))
        self._add_group(
            _tr("Tags"),
            [(f"tag:{name}", name, count, Query(tags=(name,))) for name, count in counts.tags],
        )
        self._add_group(
            _tr("Digests"),
            [
                (f"digest:{d.date}", _digest_label(d.date), d.unread, Query(digests=(d.date,)))
                for d in counts.digests
            ],
        )
        self._reselect()
        self.tree.blockSignals(False)
        if self._current_key != key:  # its tag or digest is gone: the list must follow
            self.query_changed.emit(self.current_query())

    def select_key(self, key: str) -> None:
        """Select the entry `key` (All papers if there is none) and announce its query."""
        self._current_key = key
        self.tree.blockSignals(True)
        self._reselect()
        self.tree.blockSignals(False)
        self.query_changed.emit(self.current_query())

    def current_key(self) -> str:
        return self._current_key

    def current_query(self) -> Query:
        item = self.tree.currentItem()
        query = item.data(0, _QUERY_ROLE) if item is not None else None
        return query if isinstance(query, Query) else Query()

    def _add(
        self, parent: QTreeWidgetItem | None, key: str, label: str, count: int, query: Query
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label, str(count) if count else ""])
        item.setData(0, _QUERY_ROLE, query)
        item.setData(0, _KEY_ROLE, key)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _add_group(self, label: str, entries: list[tuple[str, str, int, Query]]) -> None:
        group = QTreeWidgetItem([label, ""])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(group)
        for key, name, count, query in entries:
            self._add(group, key, name, count, query)
        group.setExpanded(True)

    def _reselect(self) -> None:
        items = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        wanted = next((i for i in items if i.data(0, _KEY_ROLE) == self._current_key), None)
        target = wanted or self.tree.topLevelItem(0)
        if target is not None:
            self.tree.setCurrentItem(target)
            self._current_key = str(target.data(0, _KEY_ROLE))

    def _on_current_changed(self, current: QTreeWidgetItem | None, _: object) -> None:
        if current is None or current.data(0, _KEY_ROLE) is None:
            return
        self._current_key = str(current.data(0, _KEY_ROLE))
        self.query_changed.emit(self.current_query())


def _digest_label(date: dt.date) -> str:
    return date.isoformat()
