"""The Help menu's actions: the command palette (Ctrl+K), the keyboard shortcuts and About.
Their windows are made (and their modules loaded) the first time they are asked for, after
the first paint."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from readinglist.ui.i18n import tr
from readinglist.ui.qt import QAction, QKeySequence, QObject, QWidget

if TYPE_CHECKING:
    from readinglist.ui.help.about import AboutDialog
    from readinglist.ui.help.commands import Command
    from readinglist.ui.help.palette import CommandPalette
    from readinglist.ui.help.shortcuts import ShortcutsWindow

PALETTE_KEY = "Ctrl+K"
SHORTCUTS_KEY = "Ctrl+/"


class HelpMenu(QObject):
    def __init__(
        self,
        window: QWidget,
        find_commands: "Callable[[], list[Command]]",
        library_location: Callable[[], str | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._find_commands = find_commands
        self._library_location = library_location
        self.palette: CommandPalette | None = None
        self.shortcuts: ShortcutsWindow | None = None
        self.about: AboutDialog | None = None
        self.palette_action = QAction(tr("&Command Palette…"), window)
        self.palette_action.setShortcut(QKeySequence(PALETTE_KEY))
        self.palette_action.triggered.connect(self.open_palette)
        self.shortcuts_action = QAction(tr("&Keyboard Shortcuts"), window)
        self.shortcuts_action.setShortcut(QKeySequence(SHORTCUTS_KEY))
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        self.about_action = QAction(tr("&About readinglist"), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)

    def actions(self) -> list[QAction]:
        return [self.palette_action, self.shortcuts_action, self.about_action]

    def open_palette(self) -> None:
        if self.palette is None:
            from readinglist.ui.help.palette import CommandPalette

            self.palette = CommandPalette(self._find_commands, self._window)
        self.palette.open_palette()

    def open_shortcuts(self) -> None:
        if self.shortcuts is None:
            from readinglist.ui.help.shortcuts import ShortcutsWindow

            self.shortcuts = ShortcutsWindow(self._find_commands, self._window)
        self.shortcuts.open_list()

    def open_about(self) -> None:
        """Made again each time: the library may have changed."""
        from readinglist.ui.help.about import AboutDialog

        if self.about is not None:
            self.about.deleteLater()
        self.about = AboutDialog(self._library_location(), self._window)
        self.about.open()
