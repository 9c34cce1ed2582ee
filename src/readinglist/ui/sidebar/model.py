"""The sidebar's model: fixed entries (all papers, each status, starred) and groups (saved
searches, tags, digests) whose children come and go; digests nest by year and month.

New counts change the model in place: `dataChanged` for the entries whose count changed,
row inserts and removals for entries that appeared or went, so the view keeps its selection,
its expanded branches and its scroll position while the user triages. Each row is a node
held by id (the index's internal id); `index_of` finds a key's node at once.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from readinglist.core.listing import DigestCount, SidebarCounts
from readinglist.ui.i18n import count_text
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
    MONTH,
    SAVED_GROUP,
    SOURCES_GROUP,
    TAGS_GROUP,
    YEAR,
    Entry,
    Tree,
    digest_entries,
    digest_tree,
    fixed_entries,
    period_entry,
    saved_entries,
    source_entries,
    tag_entries,
)

AnyIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
QUERY_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
_ROOT_ID = 0
_GROUPS = frozenset({SAVED_GROUP, TAGS_GROUP, SOURCES_GROUP, DIGESTS_GROUP})  # synced apart


class _Node:
    __slots__ = ("children", "entry", "id", "parent")

    def __init__(self, node_id: int, entry: Entry | None, parent: "_Node | None") -> None:
        self.id = node_id
        self.entry = entry
        self.parent = parent
        self.children: list[_Node] = []

    def row(self) -> int:
        assert self.parent is not None
        return next(row for row, child in enumerate(self.parent.children) if child is self)


class SidebarModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(_ROOT_ID, None, None)
        self._nodes: dict[int, _Node] = {_ROOT_ID: self._root}
        self._by_key: dict[str, _Node] = {}
        self._next_id = _ROOT_ID + 1
        self._digests_shown: tuple[DigestCount, ...] = ()  # the counts the digests show
        self._heading_font = QFont()
        self._heading_font.setBold(True)
        self._answers = self._role_answers()

    # --- what Qt asks ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        children = self._node(parent).children
        if not (0 <= row < len(children) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column, children[row].id)

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        up = self._node(index).parent if index.isValid() else None
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row(), 0, up.id)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

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
        """Only what `role` asks for is made: views ask every role of every visible entry
        at each paint, and a tooltip or a query costs more than a label."""
        entry = self.entry(index)
        answer = self._answers.get(role)
        return answer(entry, index.column()) if entry is not None and answer else None

    def _role_answers(self) -> dict[int, Callable[[Entry, int], Any]]:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return {
            Qt.ItemDataRole.DisplayRole: _display,
            Qt.ItemDataRole.TextAlignmentRole: lambda _, column: right if column == 1 else None,
            Qt.ItemDataRole.FontRole: lambda e, _: self._heading_font if _is_group(e) else None,
            Qt.ItemDataRole.ToolTipRole: lambda entry, _: entry.hint or None,
            KEY_ROLE: lambda entry, _: entry.key,
            QUERY_ROLE: lambda entry, _: entry.query,
        }

    # --- entries -----------------------------------------------------------------------------

    def entry(self, index: AnyIndex) -> Entry | None:
        return self._node(index).entry if index.isValid() else None

    def index_of(self, key: str) -> QModelIndex:
        """The entry `key`'s index, or an invalid one."""
        node = self._by_key.get(key)
        return self._index(node) if node is not None else QModelIndex()

    def _node(self, index: AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        return self._nodes.get(index.internalId(), self._root)

    def _index(self, node: _Node, column: int = 0) -> QModelIndex:
        return self.createIndex(node.row(), column, node.id)

    # --- counts in ---------------------------------------------------------------------------

    def show_counts(self, counts: SidebarCounts) -> None:
        if not self._root.children:  # the first counts
            self.beginResetModel()
            self._adopt(self._root, self._tree(counts))
            self._digests_shown = counts.digests if counts.every_digest else ()
            self.endResetModel()
            return
        fixed = [Tree(e) for e in fixed_entries(counts)]
        self._sync(self._root, fixed, keep_children_of=_GROUPS)
        self._sync(self._by_key[SAVED_GROUP], [Tree(e) for e in saved_entries(counts)])
        self._sync(self._by_key[TAGS_GROUP], [Tree(e) for e in tag_entries(counts)])
        self._sync(self._by_key[SOURCES_GROUP], [Tree(e) for e in source_entries(counts)])
        self._update_digests(counts)

    def _tree(self, counts: SidebarCounts) -> list[Tree]:
        children = {
            SAVED_GROUP: [Tree(e) for e in saved_entries(counts)],
            TAGS_GROUP: [Tree(e) for e in tag_entries(counts)],
            SOURCES_GROUP: [Tree(e) for e in source_entries(counts)],
            DIGESTS_GROUP: digest_tree(digest_entries(counts)) if counts.every_digest else [],
        }
        return [Tree(e, children.get(e.key, ())) for e in fixed_entries(counts)]

    def _update_digests(self, counts: SidebarCounts) -> None:
        """Most edits (a star, a tag) leave every digest's counts as they were: then the
        11,000 days of a large library are not rebuilt. An edit's few digests are updated
        in place, with their month and year."""
        if not counts.every_digest:
            for day in digest_entries(counts):
                self._update_day(day)
            self._digests_shown = ()
        elif counts.digests != self._digests_shown:
            self._sync(self._by_key[DIGESTS_GROUP], digest_tree(digest_entries(counts)))
            self._digests_shown = counts.digests

    def _update_day(self, day: Entry) -> None:
        node = self._by_key.get(day.key)
        if node is None:
            return
        self._replace(node, day)
        period = node.parent
        for kind in (MONTH, YEAR):
            if period is None or period.entry is None:
                return
            parts = [child.entry for child in period.children if child.entry is not None]
            self._replace(period, period_entry(kind, period.entry.key.partition(":")[2], parts))
            period = period.parent

    def _replace(self, node: _Node, entry: Entry) -> None:
        if node.entry != entry:
            node.entry = entry
            self.dataChanged.emit(self._index(node), self._index(node, self.columnCount() - 1))

    # --- the tree in step with new entries ---------------------------------------------------

    def _sync(
        self, parent: _Node, new: Sequence[Tree], keep_children_of: frozenset[str] = frozenset()
    ) -> None:
        """`parent`'s children become `new`: the ones gone removed, the ones come inserted,
        the rest refreshed (and their children in turn), announcing each change."""
        new_keys = {tree.entry.key for tree in new}
        gone = [row for row, node in enumerate(parent.children) if _key(node) not in new_keys]
        for first, last in reversed(list(_runs(gone))):
            self._remove(parent, first, last)
        kept = [_key(node) for node in parent.children]
        if kept != [t.entry.key for t in new if t.entry.key in set(kept)]:  # the order changed
            self._remove(parent, 0, len(parent.children) - 1)
            kept = []
        have = set(kept)
        for first, last in _runs([row for row, t in enumerate(new) if t.entry.key not in have]):
            self._insert(parent, first, new[first : last + 1])
        labels: list[int] = []  # rows whose label, query or tooltip changed
        counts: list[int] = []  # rows whose count alone did
        for row, (node, tree) in enumerate(zip(parent.children, new, strict=True)):
            if node.entry != tree.entry:
                (counts if _count_alone(node.entry, tree.entry) else labels).append(row)
                node.entry = tree.entry
            if tree.entry.key not in keep_children_of:
                self._sync(node, tree.children)
        self._announce_changed(parent, labels, first_column=0)
        self._announce_changed(parent, counts, first_column=1)

    def _announce_changed(self, parent: _Node, rows: Sequence[int], first_column: int) -> None:
        """One signal per run of rows (11,000 days change at once); a count alone changes
        only the count's column, which spares the view a look at each row's children."""
        last_column, above = self.columnCount() - 1, self._parent_index(parent)
        for first, last in _runs(rows):
            start = self.index(first, first_column, above)
            self.dataChanged.emit(start, self.index(last, last_column, above))

    def _remove(self, parent: _Node, first: int, last: int) -> None:
        if last < first:
            return
        self.beginRemoveRows(self._parent_index(parent), first, last)
        for node in parent.children[first : last + 1]:
            self._forget(node)
        del parent.children[first : last + 1]
        self.endRemoveRows()

    def _insert(self, parent: _Node, row: int, trees: Sequence[Tree]) -> None:
        self.beginInsertRows(self._parent_index(parent), row, row + len(trees) - 1)
        made = _Node(-1, None, None)
        self._adopt(made, trees)
        for node in made.children:
            node.parent = parent
        parent.children[row:row] = made.children
        self.endInsertRows()

    def _parent_index(self, node: _Node) -> QModelIndex:
        return QModelIndex() if node is self._root else self._index(node)

    def _adopt(self, parent: _Node, trees: Sequence[Tree]) -> None:
        for tree in trees:
            node = _Node(self._next_id, tree.entry, parent)
            self._next_id += 1
            self._nodes[node.id] = node
            self._by_key[tree.entry.key] = node
            parent.children.append(node)
            self._adopt(node, tree.children)

    def _forget(self, node: _Node) -> None:
        for child in node.children:
            self._forget(child)
        self._nodes.pop(node.id, None)
        if node.entry is not None and self._by_key.get(node.entry.key) is node:
            del self._by_key[node.entry.key]


def _key(node: _Node) -> str:
    return node.entry.key if node.entry is not None else ""


def _display(entry: Entry, column: int) -> str:
    if column == 0:
        return entry.label
    return count_text(entry.count) if entry.count else ""


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


def _count_alone(old: Entry | None, new: Entry) -> bool:
    """Whether only the counts of an entry changed (a saved search's text edited under the
    same name changes its query: the whole row)."""
    return old is not None and replace(old, count=new.count, papers=new.papers) == new
