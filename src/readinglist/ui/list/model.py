"""The paper list's model: it holds ids and builds rows only when Qt asks to paint them.

Rows are fetched a page at a time and cached as frozen `PaperRow`s; sorting and filtering
happen in SQL (a proxy model over 200k Python-backed rows took 52 s to sort here). What each
column shows comes from `columns.COLUMNS`.

On a library file a page is read when Qt first paints one of its rows (a millisecond). On
a shared library (`read_rows_elsewhere`) the rows to paint are asked of a reader thread
instead, the pages met in one paint in one request: a server far away, or gone, never holds
the window, and a row paints empty until its page comes. A paper edited meanwhile keeps
its old row on screen until its new one comes, and an answer read before the edit is not
taken. `row_at`, which a caller asks for one row's facts, still reads at once.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from readinglist.core.listing import PaperRow
from readinglist.core.paper import ReadingStatus
from readinglist.core.render import clip
from readinglist.ui.i18n import tr
from readinglist.ui.list.columns import CELL_SHOWN, Column
from readinglist.ui.qt import (
    QAbstractTableModel,
    QFont,
    QGuiApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPalette,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

Rows = dict[int, PaperRow]
RowLoader = Callable[[Sequence[int]], Rows]
RowRequest = Callable[[Sequence[int], Callable[[Rows | None], None]], None]  # None: failed
AnyIndex = QModelIndex | QPersistentModelIndex
PAGE = 100
MAX_CACHED = 20 * PAGE
MAX_INSERTED = 5_000  # more new rows than this: a reset is cheaper than the inserts
PAPER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
_COLUMNS = len(Column)


REFRESH_ROW_BY_ROW = 200  # more changed papers than this are announced as one range


class PaperTableModel(QAbstractTableModel):
    def __init__(self, load_rows: RowLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = {}  # built on demand: 200k entries cost 20 ms
        self._cache: dict[int, PaperRow] = {}
        self._request_rows: RowRequest | None = None  # set: rows to paint read elsewhere
        self._wanted: set[int] = set()  # first rows of pages met unread in this paint
        self._asked: set[int] = set()  # first rows of pages asked for, not yet answered
        self._stale: set[int] = set()  # papers edited since their cached row was read
        self._missing: set[int] = set()  # papers asked for and not found (deleted meanwhile)
        self._edits_seen = 0  # answers read before the newest edit are not taken
        self._bold = QFont()
        self._bold.setBold(True)
        self._unread_mark = QGuiApplication.palette().color(QPalette.ColorRole.Link)

    # --- what Qt asks ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        """One call into Python for each cell the view asks for, where Qt's own asks the
        row and column counts: two."""
        if parent.isValid() or not (0 <= row < len(self._ids) and 0 <= column < _COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        facts = Column(section).facts
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(facts.header)
        if role == Qt.ItemDataRole.ToolTipRole and facts.name != facts.header:
            return tr(facts.name)  # a header that is only a sign says what it is
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == PAPER_ID_ROLE:
            return self._ids[index.row()]
        row = self._painted_row(index.row())
        return None if row is None else self._value(row, Column(index.column()), role)

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a cell is painted with, in one call from Qt (its delegate asks for
        eight). With `index`, a repaint of the list's 33 rows calls into Python 512 times,
        where it made 2,300 calls (each waits for the GIL while an import holds it); the
        repaint alone takes 16-19 ms. The stall during an import did not clearly shrink:
        gui_bench --stalls-only 73-112 ms against 105-121 ms before, at load 1."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return
        row = self._painted_row(index.row())
        column = Column(index.column())
        spans = [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan
        for role_data in cast("Iterable[QModelRoleData]", spans):  # PySide6 iterates a span
            role = role_data.role()
            if role == PAPER_ID_ROLE:
                role_data.setData(self._ids[index.row()])
            elif row is not None:
                role_data.setData(self._value(row, column, role))

    def _value(self, row: PaperRow, column: Column, role: int) -> Any:
        if row.status is ReadingStatus.UNREAD:  # unread rows stand out: bold, a coloured mark
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS:
                return self._unread_mark
        return _cell(row, column, role)

    # --- ids in, rows out ------------------------------------------------------------------

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids_in_rows(self, runs: Sequence[tuple[int, int]]) -> list[int]:
        """The ids of rows `first` to `last` (inclusive) of each run, in the list's order;
        overlapping runs count once. Slices, so 200,000 selected rows cost a copy."""
        ids: list[int] = []
        end = 0  # rows before this are taken
        for first, last in sorted(runs):
            start = max(first, end)
            if start <= last:
                ids += self._ids[start : last + 1]
                end = last + 1
        return ids

    def row_of(self, paper_id: int) -> int | None:
        if self._row_of is not None:
            return self._row_of.get(paper_id)
        try:
            return self._ids.index(paper_id)  # a C scan: cheaper than building the dict once
        except ValueError:
            return None

    def row_at(self, row: int) -> PaperRow | None:
        """Row `row`'s paper as it is now, read at once if need be."""
        paper_id = self._ids[row]
        cached = None if paper_id in self._stale else self._cache.get(paper_id)
        if cached is None:
            self._fetch_page_around(row)
            cached = self._cache.get(paper_id)
        return cached

    def arxiv_id_at(self, row: int) -> str | None:
        """Row `row`'s arXiv id (never edited: a row kept from before an edit tells it)."""
        kept = self._cache.get(self._ids[row])
        found = kept if kept is not None else self.row_at(row)
        return found.arxiv_id if found is not None else None

    def _fetch_page_around(self, row: int) -> None:
        start = row - row % PAGE
        self._keep(self._load_rows(self._ids[start : start + PAGE]))

    def _keep(self, rows: Rows) -> None:
        if len(self._cache) + len(rows) > MAX_CACHED:
            self._cache.clear()
        self._cache.update(rows)
        self._stale.difference_update(rows)

    # --- rows read elsewhere (a shared library) ----------------------------------------------

    def read_rows_elsewhere(self, request: RowRequest) -> None:
        """Rows to paint are asked of `request(ids, answer)`, which calls `answer(rows)` on
        this thread when they are read, `answer(None)` when the read failed (they are asked
        again at the next paint), or never, when another request superseded it (asking for
        these rows too)."""
        self._request_rows = request

    def _painted_row(self, row: int) -> PaperRow | None:
        if self._request_rows is None:
            return self.row_at(row)
        paper_id = self._ids[row]
        cached = self._cache.get(paper_id)
        if (cached is None and paper_id not in self._missing) or paper_id in self._stale:
            self._want_page(row - row % PAGE)
        return cached

    def _want_page(self, start: int) -> None:
        if start in self._asked or start in self._wanted:
            return
        if not self._wanted:
            QTimer.singleShot(0, self, self._ask)  # once the paint is over: one request
        self._wanted.add(start)

    def _ask(self) -> None:
        if not self._wanted or self._request_rows is None:
            return
        starts = self._asked | self._wanted  # a request supersedes the one still out
        self._asked, self._wanted = starts, set()
        ids = [paper_id for start in sorted(starts) for paper_id in self._ids[start : start + PAGE]]
        edits_seen = self._edits_seen
        self._request_rows(ids, lambda rows: self._take(rows, ids, starts, edits_seen))

    def _take(self, rows: Rows | None, ids: list[int], starts: set[int], edits_seen: int) -> None:
        self._asked -= starts
        if rows is None:
            return  # a server gone is not asked again at once: at the next paint
        if edits_seen == self._edits_seen:
            self._keep(rows)
            self._missing.update(paper_id for paper_id in ids if paper_id not in rows)
        if self._ids:  # the view repaints what shows: rows come, a stale answer is asked again
            last = self.index(len(self._ids) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _forget_pages(self) -> None:
        """The rows moved: pages asked for are pages no more (their answers still kept)."""
        self._asked.clear()
        self._wanted.clear()

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show exactly these papers, in this order (insertions are announced as such)."""
        ids = list(ids)
        if ids == self._ids:
            return
        if self._ids and len(ids) > len(self._ids) and ids[: len(self._ids)] == self._ids:
            self._append(ids[len(self._ids) :])  # the rest of a list shown by its first rows
            return
        if self._only_insertions(ids):
            self._insert_new(ids)
            return
        self.beginResetModel()
        self._replace(ids)
        self.endResetModel()

    def refresh(self, paper_ids: Sequence[int]) -> None:
        """Re-read these papers' rows and repaint them only (a bulk edit: all rows, once)."""
        self._edits_seen += 1
        if len(paper_ids) > REFRESH_ROW_BY_ROW:
            self._forget(list(self._cache))
            if self._ids:
                last = self.index(len(self._ids) - 1, len(Column) - 1)
                self.dataChanged.emit(self.index(0, 0), last)  # the view repaints what shows
            return
        if len(paper_ids) > 1 and self._row_of is None:
            self._row_of = {paper_id: row for row, paper_id in enumerate(self._ids)}
        self._forget(paper_ids)
        for paper_id in paper_ids:
            row = self.row_of(paper_id)
            if row is not None:
                first, last = self.index(row, 0), self.index(row, len(Column) - 1)
                self.dataChanged.emit(first, last)

    def _forget(self, paper_ids: Iterable[int]) -> None:
        """These papers' rows are read again; read elsewhere, the old ones show until then."""
        if self._request_rows is None:
            for paper_id in paper_ids:
                self._cache.pop(paper_id, None)
            return
        self._missing.difference_update(paper_ids)
        self._stale.update(paper_id for paper_id in paper_ids if paper_id in self._cache)

    def _replace(self, ids: list[int]) -> None:
        self._ids = ids
        self._row_of = None
        self._cache.clear()
        self._stale.clear()
        self._missing.clear()
        self._forget_pages()

    def _append(self, ids: list[int]) -> None:
        """Rows after the last: those shown, the selection and the scroll stay as they are."""
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(ids) - 1)
        self._ids.extend(ids)
        self.endInsertRows()
        self._row_of = None
        self._forget_pages()

    def _only_insertions(self, ids: list[int]) -> bool:
        if not self._ids or not len(self._ids) < len(ids) <= len(self._ids) + MAX_INSERTED:
            return False
        old = iter(self._ids)
        expected = next(old, None)
        for paper_id in ids:
            if paper_id == expected:
                expected = next(old, None)
        return expected is None

    def _insert_new(self, ids: list[int]) -> None:
        """Announce each run of new ids with beginInsertRows (an inclusive last row)."""
        known = set(self._ids)
        row = 0
        while row < len(ids):
            if ids[row] in known:
                row += 1
                continue
            end = row
            while end + 1 < len(ids) and ids[end + 1] not in known:
                end += 1
            self.beginInsertRows(QModelIndex(), row, end)
            self._ids[row:row] = ids[row : end + 1]
            self.endInsertRows()
            row = end + 1
        self._row_of = None
        self._forget_pages()


def _cell(row: PaperRow, column: Column, role: int) -> Any:
    facts = column.facts
    if role == Qt.ItemDataRole.DisplayRole:
        return clip(facts.display(row), CELL_SHOWN)
    if role == Qt.ItemDataRole.ToolTipRole and facts.tooltip is not None:
        return facts.tooltip(row)
    if role == Qt.ItemDataRole.TextAlignmentRole and facts.alignment is not None:
        return int(facts.alignment)
    return None
