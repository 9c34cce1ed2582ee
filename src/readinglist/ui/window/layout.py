"""What the window remembers between sessions: its geometry, its splitters, the list's header,
the sidebar's entry and the current paper. A saved value that no longer applies (a list pane
dragged shut, a header from another version) gives way to the default."""

from collections.abc import Callable
from dataclasses import dataclass

from readinglist.ui import settings as keys
from readinglist.ui.qt import QByteArray, QMainWindow, QSettings, QSplitter, Qt, QWidget

MAIN_SIZES = [170, 720, 390]  # sidebar, list, detail and media
SIDE_SIZES = [560, 200]  # detail, media


def main_splitter(sidebar: QWidget, list_pane: QWidget, side: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for pane in (sidebar, list_pane, side):
        splitter.addWidget(pane)
    splitter.setSizes(MAIN_SIZES)
    splitter.setStretchFactor(1, 1)  # the list takes what the window gains
    return splitter


def side_splitter(detail: QWidget, media: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(detail)
    splitter.addWidget(media)
    splitter.setSizes(SIDE_SIZES)
    return splitter


@dataclass(frozen=True)
class Layout:
    window: QMainWindow
    main: QSplitter
    side: QSplitter
    settings: QSettings

    def restore(self, restore_header: Callable[[QByteArray], object]) -> None:
        geometry = keys.WINDOW_GEOMETRY.read(self.settings)
        if not geometry.isEmpty():
            self.window.restoreGeometry(geometry)
        for setting, splitter in ((keys.MAIN_SPLITTER, self.main), (keys.SIDE_SPLITTER, self.side)):
            state = setting.read(self.settings)
            if not state.isEmpty():
                splitter.restoreState(state)
        if self.main.sizes()[1] == 0:  # the list dragged shut: it opens visible
            self.main.setSizes(MAIN_SIZES)
        header = keys.LIST_HEADER.read(self.settings)
        if not header.isEmpty():
            restore_header(header)

    def save(self, header: QByteArray) -> None:
        keys.WINDOW_GEOMETRY.write(self.settings, self.window.saveGeometry())
        keys.MAIN_SPLITTER.write(self.settings, self.main.saveState())
        keys.SIDE_SPLITTER.write(self.settings, self.side.saveState())
        keys.LIST_HEADER.write(self.settings, header)
