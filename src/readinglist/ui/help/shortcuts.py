"""Help → Keyboard Shortcuts: every action and its keys, by menu, read off the actions when
the window opens (a key changed in code, or a translation, shows here at once). A field
above narrows the list as one types, as in the command palette."""

from collections.abc import Callable

from readinglist.ui.help.commands import Command
from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsWindow(QDialog):
    def __init__(self, find_commands: Callable[[], list[Command]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardShortcuts")
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        self._find_commands = find_commands
        self._commands: list[Command] = []
        self._rows: list[tuple[str, str, str]] = []  # as shown
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(tr("Filter"))
        self.field.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Action"), tr("Keys")])
        self.tree.setUniformRowHeights(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._show)
        self.resize(640, 600)

    def open_list(self) -> None:
        self._commands = self._find_commands()
        self.field.clear()
        self._show("")
        self.show()
        self.activateWindow()

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, keys) as shown."""
        return list(self._rows)

    def _show(self, text: str) -> None:
        words = text.lower().split()
        self.tree.clear()
        self._rows = []
        groups: dict[str, QTreeWidgetItem] = {}
        for command in self._commands:
            if not command.matches(words):
                continue
            group = groups.get(command.place)
            if group is None:
                group = groups[command.place] = QTreeWidgetItem(self.tree, [command.place])
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            row = (command.place, command.name, ", ".join(command.keys))
            QTreeWidgetItem(group, list(row[1:]))
            self._rows.append(row)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
