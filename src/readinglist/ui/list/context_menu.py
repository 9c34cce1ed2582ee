"""The paper list's context menu: right-click on a row (or the keyboard's menu key) for what can
be done to the selected papers.

It acts on the selection, as every key and menu does: a right-click on a row that is not
selected first selects that row alone, as file managers do; on a selected row the selection
stays. The window says what the menu holds (`set_entries`): the actions are triage's own, the
ones the menu bar and the keys trigger, so the menu never does anything they would not.
"""

from collections.abc import Callable, Sequence

from readinglist.ui.qt import QAction, QContextMenuEvent, QMenu, QObject, QPoint, Qt, QTableView

# An action; a submenu (its title, its actions); None, a separator.
MenuEntry = QAction | tuple[str, Sequence[QAction]] | None


class RowMenu(QObject):
    def __init__(self, view: QTableView, select_row: Callable[[int], None]) -> None:
        super().__init__(view)
        self._view = view
        self._select_row = select_row
        self._entries: list[MenuEntry] = []
        self.menu: QMenu | None = None  # the menu on screen, if any
        self.pop_up: Callable[[QMenu, QPoint], object] = QMenu.popup  # tests: not on screen

    def set_entries(self, entries: Sequence[MenuEntry]) -> None:
        self._entries = list(entries)

    def show_for(self, event: QContextMenuEvent) -> None:
        where = self._row_point(event)
        if where is None or not self._entries:
            return
        if not self._view.selectionModel().hasSelection():
            return  # nothing to act on (the current row was Ctrl-clicked off)
        self.menu = self._build()
        self.menu.aboutToHide.connect(self._forget_menu)
        self.pop_up(self.menu, self._view.viewport().mapToGlobal(where))

    def _row_point(self, event: QContextMenuEvent) -> QPoint | None:
        """Where the menu opens, in the viewport: at the mouse, over a row (selected first
        when it is not); from the keyboard, at the current row. None: not over a row."""
        view = self._view
        if event.reason() != QContextMenuEvent.Reason.Mouse:
            index = view.currentIndex()
            if not index.isValid():
                return None
            view.scrollTo(index)  # it may have been scrolled out of sight
            return view.visualRect(index).center()
        where = view.viewport().mapFromGlobal(event.globalPos())
        index = view.indexAt(where)
        if not index.isValid():
            return None
        if not view.selectionModel().isRowSelected(index.row()):
            self._select_row(index.row())
        return where

    def _build(self) -> QMenu:
        menu = QMenu(self._view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for entry in self._entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QAction):
                menu.addAction(entry)
            else:
                title, actions = entry
                menu.addMenu(title).addActions(list(actions))
        return menu

    def _forget_menu(self) -> None:
        self.menu = None
