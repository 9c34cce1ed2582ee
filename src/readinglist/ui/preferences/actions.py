"""Edit → Preferences…: opens the dialog, applies the theme at once, and says what else
changed (`changed`), for the window to apply to its features."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from readinglist.ui.i18n import tr
from readinglist.ui.preferences.libraries import LibraryMenu
from readinglist.ui.preferences.theme import apply_theme
from readinglist.ui.qt import (
    QAction,
    QApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QObject,
    QPushButton,
    QSettings,
    Qt,
    QWidget,
    Signal,
)
from readinglist.ui.settings import LIBRARY_SECTION, THEME, Setting

if TYPE_CHECKING:
    from readinglist.ui.preferences.dialog import PreferencesDialog

FALLBACK_KEY = "Ctrl+,"  # where the platform has no Preferences key (Linux, Windows)


class Preferences(QObject):
    changed = Signal(object)  # a Setting the dialog changed

    def __init__(self, settings: QSettings, window: QWidget, libraries: LibraryMenu) -> None:
        super().__init__(window)
        self._settings, self._window, self._libraries = settings, window, libraries
        self.dialog: PreferencesDialog | None = None
        self._rows: list[tuple[str, Callable[[], tuple[str, QWidget]]]] = []
        self.action = QAction(tr("&Preferences…"), window)
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        self.action.setShortcuts(keys or [QKeySequence(FALLBACK_KEY)])
        self.action.triggered.connect(lambda *_: self.open())
        self.changed.connect(self._apply)

    def open(self) -> "PreferencesDialog":
        """The dialog, shown window-modal (returns at once) on its first page; raised, on the
        page it shows, when it is open already."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        return self._new_dialog()

    def _new_dialog(self) -> "PreferencesDialog":
        rows = {LIBRARY_SECTION.title: [(tr("Location"), self._library_row())]}
        for section, make in self._rows:
            rows.setdefault(section, []).append(make())
        from readinglist.ui.preferences.dialog import PreferencesDialog  # when first asked

        dialog = PreferencesDialog(self._settings, self._window, extra_rows=rows)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.changed)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_row(self, section: str, make: Callable[[], tuple[str, QWidget]]) -> None:
        """A row of a feature's own under `section` (its title), made each time the dialog
        opens: `make` gives its label and widget (the window wires them)."""
        self._rows.append((section, make))

    def _forget_dialog(self) -> None:
        self.dialog = None

    def _library_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        path = self._libraries.current()
        shown = QLabel(str(path) if path is not None else "")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setWordWrap(True)
        button = QPushButton(tr("Open Another Library…"))
        button.clicked.connect(self._open_another_library)
        layout.addWidget(shown, 1)
        layout.addWidget(button)
        return row

    def _open_another_library(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self._libraries.open_action.trigger()

    def _apply(self, setting: Setting[Any]) -> None:
        if setting is THEME:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, THEME.read(self._settings))
