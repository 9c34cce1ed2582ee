"""The sidebar's model: fixed entries (all papers, each status, starred) and groups (tags,
digests) whose children come and go.

New counts change the model in place: `dataChanged` for the entries whose count changed,
row inserts and removals for tags or digests that appeared or went, so the view keeps its
selection and scroll position while the user triages.
"""

from collections.abc import Iterator, Sequence
from typing import Any

from readinglist.core.listing import DigestCount, SidebarCounts
from readinglist.ui.qt import (
    QAbstractItemModel,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from readinglist.ui.sidebar.entries import (
    DIGESTS_GROUP,
    SAVED_GROUP,
    TAGS_GROUP,
    Entry,
    digest_entries,
    fixed_entries,
    saved_entries,
    tag_entries,
)

AnyIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
QUERY_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()


class SidebarModel(QAbstractItemModel):
    """Two levels: top entries (internal id 0) and a group's children (the group's row + 1)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._top: list[Entry] = []
        self._children: dict[str, list[Entry]] = {}
        self._digests_shown: tuple[DigestCount, ...] = ()  # the counts the digests show
        self._heading_font = QFont()
        self._heading_font.setBold(True)

    # --- what Qt asks ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        group_row = index.internalId() - 1 if index.isValid() else -1
        return self.createIndex(group_row, 0, 0) if group_row >= 0 else QModelIndex()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._children.get(self._top[parent.row()].key, ()))

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 2

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        entry = self.entry(index)
        if entry is None:
            return Qt.ItemFlag.NoItemFlags
        if entry.query is None:
            return Qt.ItemFlag.ItemIsEnabled if _is_group(entry) else Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index)
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return entry.label
            return str(entry.count) if entry.count else ""
        return self._other_roles(entry, index.column()).get(role)

    def _other_roles(self, entry: Entry, column: int) -> dict[int, Any]:
        roles: dict[int, Any] = {KEY_ROLE: entry.key, QUERY_ROLE: entry.query}
        if column == 1:
            roles[Qt.ItemDataRole.TextAlignmentRole] = (
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if _is_group(entry):
            roles[Qt.ItemDataRole.FontRole] = self._heading_font
        if entry.tooltip:
            roles[Qt.ItemDataRole.ToolTipRole] = entry.tooltip
        return roles

    # --- entries -----------------------------------------------------------------------------

    def entry(self, index: AnyIndex) -> Entry | None:
        if not index.isValid():
            return None
        group_row = index.internalId() - 1
        if group_row < 0:
            return self._top[index.row()] if index.row() < len(self._top) else None
        children = self._children.get(self._top[group_row].key, [])
        return children[index.row()] if index.row() < len(children) else None

    def index_of(self, key: str) -> QModelIndex:
        """The entry `key`'s index, or an invalid one."""
        for row, entry in enumerate(self._top):
            if entry.key == key:
                return self.index(row, 0)
            for child_row, child in enumerate(self._children.get(entry.key, ())):
                if child.key == key:
                    return self.index(child_row, 0, self.index(row, 0))
        return QModelIndex()

    # --- counts in ---------------------------------------------------------------------------

    def show_counts(self, counts: SidebarCounts) -> None:
        fixed = fixed_entries(counts)
        if [e.key for e in fixed] != [e.key for e in self._top]:  # the first counts
            self.beginResetModel()
            self._top = fixed
            digests = digest_entries(counts) if counts.every_digest else []
            self._digests_shown = counts.digests if counts.every_digest else ()
            self._children = {
                SAVED_GROUP: saved_entries(counts),
                TAGS_GROUP: tag_entries(counts),
                DIGESTS_GROUP: digests,
            }
            self.endResetModel()
            return
        self._replace_changed(_ROOT, self._top, fixed)
        self._update_group(SAVED_GROUP, saved_entries(counts))
        self._update_group(TAGS_GROUP, tag_entries(counts))
        self._update_digests(counts)

    def _update_digests(self, counts: SidebarCounts) -> None:
        """Most edits (a star, a tag) leave every digest's counts as they were: then the
        11,000 entries of a large library are not rebuilt."""
        if not counts.every_digest:
            self._update_some(DIGESTS_GROUP, digest_entries(counts))
            self._digests_shown = ()
        elif counts.digests != self._digests_shown:
            self._update_group(DIGESTS_GROUP, digest_entries(counts))
            self._digests_shown = counts.digests

    def _group_index(self, key: str) -> QModelIndex:
        row = next(row for row, entry in enumerate(self._top) if entry.key == key)
        return self.index(row, 0)

    def _update_group(self, key: str, new: list[Entry]) -> None:
        """Remove the children that went, insert the ones that came, refresh the rest."""
        parent, old = self._group_index(key), self._children[key]
        new_keys = {entry.key for entry in new}
        gone = [row for row, entry in enumerate(old) if entry.key not in new_keys]
        for first, last in reversed(list(_runs(gone))):
            self.beginRemoveRows(parent, first, last)
            del old[first : last + 1]
            self.endRemoveRows()
        kept = {entry.key for entry in old}
        if [e.key for e in old] != [e.key for e in new if e.key in kept]:  # the order changed
            self._remove_all(parent, old)
            kept = set()
        for first, last in _runs([row for row, e in enumerate(new) if e.key not in kept]):
            self.beginInsertRows(parent, first, last)
            old[first:first] = new[first : last + 1]
            self.endInsertRows()
        self._replace_changed(parent, old, new)

    def _remove_all(self, parent: QModelIndex, entries: list[Entry]) -> None:
        if entries:
            self.beginRemoveRows(parent, 0, len(entries) - 1)
            entries.clear()
            self.endRemoveRows()

    def _update_some(self, key: str, changed: Sequence[Entry]) -> None:
        """New counts for some children, found by key; children are neither added nor removed."""
        parent, entries = self._group_index(key), self._children[key]
        by_key = {entry.key: entry for entry in changed}
        wanted = [by_key.get(entry.key, entry) for entry in entries]
        self._replace_changed(parent, entries, wanted)

    def _replace_changed(self, parent: QModelIndex, old: list[Entry], new: list[Entry]) -> None:
        """`old` becomes `new` (same keys, same order), announcing only the rows that differ."""
        for row, entry in enumerate(new):
            if old[row] != entry:
                old[row] = entry
                self.dataChanged.emit(
                    self.index(row, 0, parent), self.index(row, self.columnCount() - 1, parent)
                )


def _is_group(entry: Entry) -> bool:
    return entry.key.startswith("group:")


def _runs(rows: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Ascending rows as inclusive (first, last) runs of consecutive numbers."""
    start = previous = None
    for row in rows:
        if previous is not None and row == previous + 1:
            previous = row
            continue
        if start is not None and previous is not None:
            yield start, previous
        start = previous = row
    if start is not None and previous is not None:
        yield start, previous
