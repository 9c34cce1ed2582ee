"""The paper list pane: a table over `PaperTableModel`, or a friendly empty state.

It tells the window which papers are shown, as plain ids: the selection, which is what the
detail pane shows and what every action acts on. Every way of moving selects where it
lands, so the row with the focus frame is never another paper than the one shown.
"""

from collections.abc import Callable
from functools import partial

from readinglist.core.listing import PaperRow, SortKey
from readinglist.ui.i18n import tr
from readinglist.ui.list.columns import Column
from readinglist.ui.list.context_menu import RowMenu
from readinglist.ui.list.header_state import saved_sections
from readinglist.ui.list.model import PaperTableModel, RowLoader
from readinglist.ui.qt import (
    QAbstractItemView,
    QAction,
    QByteArray,
    QContextMenuEvent,
    QEvent,
    QHeaderView,
    QItemSelection,
    QItemSelectionModel,
    QKeyEvent,
    QLabel,
    QMenu,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QStackedWidget,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)

_MOVES = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}
_MOVE_TO_END = {
    QAbstractItemView.CursorAction.MoveHome,
    QAbstractItemView.CursorAction.MoveEnd,
}


class PaperTableView(QTableView):
    """A table of papers whose keys move from paper to paper and select where they land.

    Qt's extended selection moves only the focus frame on Ctrl+arrows, Ctrl+Home/End and
    Ctrl+PageUp/Down (to pick rows one by one with Ctrl+Space): the detail pane then showed
    one paper while `s` starred the row clicked before. Here Ctrl changes nothing about a
    move (Shift still extends), Home and End go to the first and last paper rather than the
    first and last column, and Tab leaves the list instead of walking its cells. A right-click
    (or the menu key) asks for the rows' context menu (`context_menu.RowMenu`).
    """

    menu_requested = Signal(object)  # the QContextMenuEvent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self._fit_rows_to_font()

    def changeEvent(self, event: QEvent) -> None:
        """A larger or smaller text size (View menu): rows as tall as the new text."""
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows_to_font()
        super().changeEvent(event)

    def _fit_rows_to_font(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu_requested.emit(event)

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        if isinstance(event, QKeyEvent) and _is_ctrl_move(event):
            event = _without_ctrl(event)
        return super().selectionCommand(index, event)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if cursorAction in _MOVE_TO_END:
            modifiers |= Qt.KeyboardModifier.ControlModifier  # the first or last row
        return super().moveCursor(cursorAction, modifiers)


def _set_default_look(view: QTableView, column: Column) -> None:
    """The column's declared width (unless it stretches) and whether it shows by default."""
    if column.facts.width is not None:
        view.setColumnWidth(column, column.facts.width)
    view.setColumnHidden(column, not column.facts.shown_by_default)


def _is_ctrl_move(event: QKeyEvent) -> bool:
    ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
    return event.type() == QEvent.Type.KeyPress and bool(ctrl) and event.key() in _MOVES


def _without_ctrl(event: QKeyEvent) -> QKeyEvent:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.ControlModifier
    return QKeyEvent(event.type(), event.key(), modifiers, event.text())


class PaperListPane(QWidget):
    shown_changed = Signal(object)  # list[int]: the selection's ids, in list order
    empty_link_activated = Signal(str)  # a link of the empty state's message

    def __init__(self, load_rows: RowLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PaperTableModel(load_rows, self)
        self.view = self._make_view()
        self.row_menu = RowMenu(self.view, self.select_row)
        self.view.menu_requested.connect(self.row_menu.show_for)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.empty_label.linkActivated.connect(self.empty_link_activated)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.set_empty_message(tr("Opening the library…"))
        self.column_actions = self._make_column_actions()
        self._first_click = False  # a header section other than the sorted one was pressed
        self._sort_override: SortKey | None = None

    def _make_view(self) -> PaperTableView:
        view = PaperTableView(self)
        view.setObjectName("paperList")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = view.horizontalHeader()
        header.setSectionsClickable(True)
        # The header paints a column differently when all its rows are selected, and to find
        # out it asks the model about every row, through Python: 10 s with 200,000 rows
        # selected. It gets a selection of its own, always empty; the view keeps the real one.
        header.setHighlightSections(False)
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        header.setSortIndicatorShown(True)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column in Column:
            if column.facts.width is None:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            _set_default_look(view, column)
        header.setSortIndicator(Column.FIRST_SEEN, Qt.SortOrder.DescendingOrder)
        view.selectionModel().selectionChanged.connect(self._on_selection)
        return view

    # --- what the window asks ----------------------------------------------------------------

    def sort_order(self) -> tuple[SortKey, bool]:
        if self._sort_override is not None:
            return self._sort_override, True
        header = self.view.horizontalHeader()
        column = Column(header.sortIndicatorSection())
        return column.facts.sort_key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def show_ids(self, ids: list[int]) -> None:
        """Show these papers, keeping the current paper (and its row in view) if it remains."""
        current = self.current_id()
        self.model.set_ids(ids)
        if current is not None and self.model.row_of(current) is not None:
            self.select_paper(current)
        elif ids and self.current_id() is None:
            self.select_row(0)
        self.stack.setCurrentWidget(self.view if ids else self.empty_label)
        if not ids:  # a reset drops the selection without a word
            self.shown_changed.emit([])

    def paint_now(self) -> None:
        """Lay the rows out and paint them at once, not when the event loop next gets to
        it (an import waits meanwhile: `ImportController.when_quiet`)."""
        self.view.doItemsLayout()
        self.view.viewport().repaint()

    def add_bar(self, bar: QWidget) -> None:
        """A bar above the list (Today's progress)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, bar)

    def set_empty_message(self, text: str) -> None:
        self.empty_label.setText(text)
        if self.model.rowCount() == 0:
            self.stack.setCurrentWidget(self.empty_label)

    def refresh(self, paper_ids: list[int]) -> None:
        self.model.refresh(paper_ids)

    def every_row_selected(self) -> bool:
        """Whether the selection is every row (a few hundred at most: it counts them)."""
        count = self.model.rowCount()
        return count > 0 and len(self.view.selectionModel().selectedRows()) == count

    def current_arxiv_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.arxiv_id_at(index.row()) if index.isValid() else None

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def shown_id(self) -> int | None:
        """The one paper the detail pane shows, or None (none, or several, are selected)."""
        ranges = self.view.selectionModel().selection()
        only = ranges.count() == 1 and ranges.at(0).top() == ranges.at(0).bottom()
        return self.model.id_at(ranges.at(0).top()) if only else None

    def selected_ids(self) -> list[int]:
        """In the list's order; read from the selection's ranges, so Ctrl+A on 200,000 rows
        costs a slice rather than 200,000 indexes."""
        selection = self.view.selectionModel().selection()
        runs = [(selection.at(n).top(), selection.at(n).bottom()) for n in range(selection.count())]
        return self.model.ids_in_rows(runs)

    def select_paper(self, paper_id: int) -> bool:
        row = self.model.row_of(paper_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, Column.STAR)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def select_all(self) -> None:
        self.view.setFocus()
        self.view.selectAll()

    def around_current(self) -> tuple[list[int], list[int]]:
        """The papers listed above the current one and those below it, in the list's order
        (both empty when there is no current paper)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return [], []
        ids = self.model.ids()
        return ids[: index.row()], ids[index.row() + 1 :]

    def step(self, delta: int) -> None:
        index = self.view.currentIndex()
        self.select_row((index.row() if index.isValid() else -1) + delta)

    def step_to(self, wanted: Callable[[PaperRow], bool]) -> None:
        """To the next `wanted` paper below the current one, else the first above it (a
        list to get through, as Today's untriaged papers); to the next paper when none is
        left."""
        index = self.view.currentIndex()
        current = index.row() if index.isValid() else -1
        count = self.model.rowCount()
        for row in (*range(current + 1, count), *range(current)):
            paper = self.model.row_at(row)
            if paper is not None and wanted(paper):
                self.select_row(row)
                return
        self.step(1)

    def header_state(self) -> QByteArray:
        return self.view.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> bool:
        """Widths, order, hidden columns and sort, as saved; False (and the defaults kept)
        for a state that does not fit this list: damaged, or saved by a version with other
        columns (Qt restores a sort on a column that is not there, or more columns)."""
        header = self.view.horizontalHeader()
        default = header.saveState()
        fits = (
            header.restoreState(state)
            and header.count() == len(Column)
            and 0 <= header.sortIndicatorSection() < len(Column)
            and not any(header.isSectionHidden(c) for c in Column if c.facts.always_shown)
        )
        if not fits:
            header.restoreState(default)
        else:
            self._default_new_columns(saved_sections(bytes(state.data())))
        self._tick_shown_columns()
        return fits

    def _default_new_columns(self, saved: int | None) -> None:
        """Columns the saved state did not know (saved by an earlier version): Qt appends
        them shown, at the saved default width; they get their declared width and shown
        state instead."""
        if saved is None:
            return
        for column in Column:
            if column >= saved:
                _set_default_look(self.view, column)

    def set_sort_override(self, sort: SortKey | None) -> None:
        """Sort by `sort`, newest first, whatever the header says (Today's order), until a
        column is clicked; None: as the header says."""
        self._sort_override = sort
        self.view.horizontalHeader().setSortIndicatorShown(sort is None)

    def connect_sort(self, on_sort: Callable[[], None]) -> None:
        header = self.view.horizontalHeader()
        header.sectionPressed.connect(self._note_press)
        header.sortIndicatorChanged.connect(self._sorted)
        header.sortIndicatorChanged.connect(lambda *_: on_sort())

    def _note_press(self, section: int) -> None:
        if self._sort_override is not None:  # a click sorts by the column again
            self.set_sort_override(None)
        self._first_click = section != self.view.horizontalHeader().sortIndicatorSection()

    def _sorted(self, section: int, order: Qt.SortOrder) -> None:
        """A column's first click sorts it as people look at it first: newest, most voted or
        starred first (`SortKey.newest_first`); the next click reverses it."""
        first_click, self._first_click = self._first_click, False
        newest_first = 0 <= section < len(Column) and Column(section).facts.sort_key.newest_first
        if first_click and newest_first and order == Qt.SortOrder.AscendingOrder:
            header = self.view.horizontalHeader()
            blocked = header.blockSignals(True)  # one sort, not two
            header.setSortIndicator(section, Qt.SortOrder.DescendingOrder)
            header.blockSignals(blocked)

    # --- inside ------------------------------------------------------------------------------

    def _on_selection(self, *_: QItemSelection) -> None:
        """A Ctrl+click that leaves one row selected leaves the frame on the row clicked:
        the frame goes to the row shown, so j and k move on from there."""
        shown = self.shown_id()
        if shown is not None and shown != self.current_id():
            index = self.model.index(self.model.row_of(shown) or 0, Column.STAR)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.shown_changed.emit(self.selected_ids())

    def _make_column_actions(self) -> list[QAction]:
        """A checkable action per column that can be hidden: the header's context menu and
        View → Columns list the same ones."""
        actions = []
        for column in Column:
            if column.facts.always_shown:
                continue
            action = QAction(tr(column.facts.name), self)
            action.setCheckable(True)
            action.setChecked(column.facts.shown_by_default)  # until a saved header says
            action.toggled.connect(partial(self._show_column, column))
            actions.append(action)
        return actions

    def _show_column(self, column: Column, shown: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(column, not shown)

    def _tick_shown_columns(self) -> None:
        """Tick the columns shown (a restored header may have hidden some)."""
        header = self.view.horizontalHeader()
        shown = [c for c in Column if not c.facts.always_shown]
        for column, action in zip(shown, self.column_actions, strict=True):
            action.setChecked(not header.isSectionHidden(column))

    def _column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions(self.column_actions)
        header = self.view.horizontalHeader()
        menu.exec(header.mapToGlobal(position))
