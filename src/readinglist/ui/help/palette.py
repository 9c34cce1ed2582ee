"""The command palette (Ctrl+K): type a few letters of any action and press Enter.

Every action in the menus is here, with its key, so the palette also teaches the keys. Words
match anywhere in an action's name or its menu ("star", "sta pap"); disabled actions are shown
greyed and do nothing. The action runs after the palette has closed, so it acts on the window
as the user left it (the list's selection, the focused pane).

The palette floats inside the window rather than in a window of its own: a second window
must be activated to take the keys, which window managers (and Wayland) may refuse, and
the keys then reach the list's one-letter shortcuts instead.
"""

from collections.abc import Callable

from readinglist.ui.help.commands import Command
from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QApplication,
    QEvent,
    QFrame,
    QHeaderView,
    QKeyEvent,
    QLineEdit,
    QObject,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

_COMMAND_ROLE = Qt.ItemDataRole.UserRole + 1
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
WIDTH = 560
HEIGHT = 420
MARGIN = 40


class CommandPalette(QFrame):
    def __init__(self, find_commands: Callable[[], list[Command]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.hide()
        self._return_focus: QWidget | None = None
        self._find_commands = find_commands
        self._commands: list[Command] = []
        self._items: list[QTreeWidgetItem] = []  # the rows shown, in order
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(tr("Type the name of an action…"))
        self.field.setClearButtonEnabled(True)
        self.results = QTreeWidget(self)
        self.results.setColumnCount(2)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        columns = self.results.header()
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results)
        self.field.textChanged.connect(self._show_matches)
        self.field.returnPressed.connect(self._run_current)
        self.field.installEventFilter(self)
        self.results.itemActivated.connect(lambda *_: self._run_current())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def open_palette(self) -> None:
        """Show it over the window, empty, listing every action."""
        self._commands = self._find_commands()
        self.field.clear()
        self._show_matches("")
        self._return_focus = QApplication.focusWidget()
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus()

    def close_palette(self) -> None:
        """Hidden, the focus back where it was."""
        if self.isVisible():
            self.hide()
            if self._return_focus is not None:
                self._return_focus.setFocus()

    def shown_names(self) -> list[str]:
        return [item.text(0) for item in self._items]

    # --- inside --------------------------------------------------------------------------

    def _place(self) -> None:
        """Across the top of the window, centred."""
        parent = self.parentWidget()
        if parent is None:
            return
        area = parent.rect()
        width = min(WIDTH, area.width() - 2 * MARGIN)
        height = min(HEIGHT, area.height() - 2 * MARGIN)
        self.setGeometry(area.center().x() - width // 2, MARGIN, width, height)

    def _on_focus_changed(self, _: QWidget | None, now: QWidget | None) -> None:
        """A click elsewhere in the window closes the palette, as a popup would."""
        if self.isVisible() and (now is None or not self.isAncestorOf(now)):
            self.hide()

    def _show_matches(self, text: str) -> None:
        words = text.lower().split()
        matching = [command for command in self._commands if command.matches(words)]
        matching.sort(key=lambda command: not command.name.lower().startswith(text.lower()))
        self.results.clear()
        self._items = []
        for command in matching:
            item = QTreeWidgetItem([command.name, ", ".join(command.keys)])
            item.setToolTip(0, command.place)
            item.setData(0, _COMMAND_ROLE, command)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not command.action.isEnabled():
                item.setDisabled(True)
            self.results.addTopLevelItem(item)
            self._items.append(item)
        if self._items:
            self.results.setCurrentItem(self._items[0])

    def _run_current(self) -> None:
        item = self.results.currentItem()
        command = item.data(0, _COMMAND_ROLE) if item is not None else None
        if not isinstance(command, Command) or not command.action.isEnabled():
            return
        self.close_palette()
        QTimer.singleShot(0, command.action.trigger)  # once the palette has gone

    def _move(self, steps: int) -> None:
        current = self.results.currentItem()
        if self._items and current is not None:
            row = self._items.index(current) + steps
            self.results.setCurrentItem(self._items[min(max(row, 0), len(self._items) - 1)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down, PageUp and PageDown in the field move through the results; Esc closes."""
        if watched is self.field and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            if event.key() == Qt.Key.Key_Escape:
                self.close_palette()
                return True
            steps = _MOVES.get(Qt.Key(event.key()))
            if steps is not None:
                self._move(steps)
                return True
        return super().eventFilter(watched, event)
