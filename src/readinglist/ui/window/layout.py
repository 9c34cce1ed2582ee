"""The window's layout: its splitters and search bar, and what it remembers between sessions:
its geometry, its splitters, the list's header, the sidebar's entry and the current paper. A
saved value that no longer applies (a list pane dragged shut, a header from another version)
gives way to the default."""

from collections.abc import Callable
from dataclasses import dataclass

from readinglist.ui import settings as keys
from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QByteArray,
    QMainWindow,
    QPoint,
    QRect,
    QSettings,
    QSize,
    QSplitter,
    Qt,
    QToolBar,
    QWidget,
)

MAIN_SIZES = [170, 720, 390]  # sidebar, list, detail and media
SIDE_SIZES = [560, 200]  # detail, media
FIRST_SHARE = 0.85  # the first window's size: of the screen's free area
FIRST_LARGEST = QSize(1600, 1000)
FIRST_SMALLEST = QSize(800, 560)


def search_toolbar(window: QWidget, search_box: QWidget) -> QToolBar:
    """The search box's bar, fixed above the panes."""
    toolbar = QToolBar(tr("Search"), window)
    toolbar.setObjectName("searchToolbar")
    toolbar.setMovable(False)
    toolbar.addWidget(search_box)
    return toolbar


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
        if geometry.isEmpty():
            self._first_size()
        else:
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

    def _first_size(self) -> None:
        """The first start: most of the screen (a new user saw 790x600 on 1440x900, the
        titles cut to "Attention Is…"), the panes in the default proportions."""
        place = first_geometry(self.window.screen().availableGeometry())
        self.window.resize(place.size())
        self.window.move(place.topLeft())
        self.main.setSizes(first_pane_widths(place.width()))

    def save(self, header: QByteArray) -> None:
        keys.WINDOW_GEOMETRY.write(self.settings, self.window.saveGeometry())
        keys.MAIN_SPLITTER.write(self.settings, self.main.saveState())
        keys.SIDE_SPLITTER.write(self.settings, self.side.saveState())
        keys.LIST_HEADER.write(self.settings, header)


def first_geometry(free: QRect) -> QRect:
    """Where the first window goes on a screen whose free area is `free`: centred."""
    wanted = QSize(int(free.width() * FIRST_SHARE), int(free.height() * FIRST_SHARE))
    size = wanted.boundedTo(FIRST_LARGEST).expandedTo(FIRST_SMALLEST).boundedTo(free.size())
    place = QRect(QPoint(0, 0), size)
    place.moveCenter(free.center())
    return place


def first_pane_widths(width: int) -> list[int]:
    total = sum(MAIN_SIZES)
    return [width * part // total for part in MAIN_SIZES]
