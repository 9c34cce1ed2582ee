"""The View menu: show or hide the sidebar and the media pane, the text size, the list's
columns and full screen. Each choice is remembered (`ui/settings.py`) and applied as the
window is built.

The text size scales the app's font, so menus, dialogs and every pane follow; a step is a
tenth of the size the app started with. The window's closing puts that font back (tests
and `--self-test` make several windows in one process).
"""

from readinglist.ui import settings as keys
from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QAction,
    QApplication,
    QKeySequence,
    QMainWindow,
    QMenu,
    QObject,
    QSettings,
    QSplitter,
    Qt,
    QWidget,
)

TEXT_STEP = 0.1
PANE_LEAST = 160  # pixels a pane shown again gets, at least


class ViewMenu(QObject):
    def __init__(
        self,
        window: QMainWindow,
        panes: tuple[QWidget, QWidget],  # the sidebar, the media pane
        column_actions: list[QAction],
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self._window, self._settings = window, settings
        self._base_font = QApplication.font()
        self._steps = keys.TEXT_SIZE_STEPS.read(settings)
        sidebar, media = panes
        self.sidebar = self._pane_action(tr("Show &Sidebar"), sidebar, keys.SIDEBAR_SHOWN)
        self.media = self._pane_action(tr("Show &Media Pane"), media, keys.MEDIA_PANE_SHOWN)
        self.larger = self._action(tr("&Larger Text"), QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.smaller = self._action(tr("Smalle&r Text"), QKeySequence.StandardKey.ZoomOut)
        self.actual_size = self._action(tr("&Actual Text Size"), "Ctrl+0")
        self.full_screen = self._action(tr("&Full Screen"), QKeySequence.StandardKey.FullScreen)
        self.full_screen.setCheckable(True)
        self.columns = QMenu(tr("&Columns"), window)
        self.columns.addActions(column_actions)
        self.larger.triggered.connect(lambda: self.set_text_steps(self._steps + 1))
        self.smaller.triggered.connect(lambda: self.set_text_steps(self._steps - 1))
        self.actual_size.triggered.connect(lambda: self.set_text_steps(0))
        self.full_screen.toggled.connect(self._set_full_screen)
        self._apply_text_steps(keys.TEXT_SIZE_STEPS.clamp(self._steps))

    def groups(self) -> list[list[QAction]]:
        return [
            [self.sidebar, self.media],
            [self.larger, self.smaller, self.actual_size],
            [self.columns.menuAction()],
            [self.full_screen],
        ]

    def text_steps(self) -> int:
        return self._steps

    def set_text_steps(self, steps: int) -> None:
        """The text `steps` larger (or smaller) than the desktop's, remembered."""
        self._apply_text_steps(keys.TEXT_SIZE_STEPS.clamp(steps))
        keys.TEXT_SIZE_STEPS.write(self._settings, self._steps)

    def _apply_text_steps(self, steps: int) -> None:
        self._steps = steps
        font = QApplication.font()
        font.setPointSizeF(self._base_font.pointSizeF() * (1 + TEXT_STEP * self._steps))
        if font != QApplication.font():
            QApplication.setFont(font)
        self.larger.setEnabled(self._steps < (keys.TEXT_SIZE_STEPS.maximum or self._steps + 1))
        self.smaller.setEnabled(self._steps > keys.TEXT_SIZE_STEPS.minimum)

    def close(self) -> None:
        """The app's font as it was before this window (the window is closing)."""
        if QApplication.font() != self._base_font:
            QApplication.setFont(self._base_font)

    def _action(self, text: str, *keys_: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self._window)
        shortcuts: list[QKeySequence] = []
        for key in keys_:
            if isinstance(key, QKeySequence.StandardKey):
                shortcuts += QKeySequence.keyBindings(key)
            else:
                shortcuts.append(QKeySequence(key))
        action.setShortcuts(shortcuts)
        return action

    def _pane_action(self, text: str, pane: QWidget, shown: keys.Setting[bool]) -> QAction:
        action = QAction(text, self._window)
        action.setCheckable(True)
        action.setChecked(shown.read(self._settings))
        if not action.isChecked():
            pane.hide()
        action.toggled.connect(lambda on: _show_pane(pane, on))
        action.toggled.connect(lambda on: shown.write(self._settings, on))
        return action

    def _set_full_screen(self, on: bool) -> None:
        state = self._window.windowState()
        if on:
            self._window.setWindowState(state | Qt.WindowState.WindowFullScreen)
        else:
            self._window.setWindowState(state & ~Qt.WindowState.WindowFullScreen)


def _show_pane(pane: QWidget, shown: bool) -> None:
    """A pane shown again gets room: a splitter saved while it was hidden gives it none."""
    pane.setVisible(shown)
    splitter = pane.parentWidget()
    if not shown or not isinstance(splitter, QSplitter):
        return
    sizes, index = splitter.sizes(), splitter.indexOf(pane)
    if sizes[index] > 0:
        return
    hint = pane.sizeHint()
    horizontal = splitter.orientation() == Qt.Orientation.Horizontal
    wanted = max(hint.width() if horizontal else hint.height(), PANE_LEAST)
    largest = sizes.index(max(sizes))
    sizes[largest] -= wanted
    sizes[index] = wanted
    splitter.setSizes(sizes)
