"""File → Open Library…, File → Connect to a Shared Library… and File → Open Recent ▸:
which library the window shows, a file or a shared library's address (`LibraryPlace`).

Another library opens in a new start of readinglist (`--library PLACE`), once this window has
closed cleanly (its notes saved, its edits written, its lock released): `chosen` asks the
window to close, and start-up (`ui/startup/app.py`) starts the new process after. A window
that switched libraries in place would have to take down and rebuild every reader, writer
and pane attached to the library; a new start does that by construction. The new start
claims the other library's lock: a window already open on that library is brought to the
front instead (`single_instance`), never this one.

The last RECENT_LIMIT libraries are remembered (`RECENT_LIBRARIES`, newest first, a shared
library's address without its password); the menu lists them but the one shown, and files
that are gone leave the list when it is next shown.
"""

from collections.abc import Callable
from pathlib import Path

from readinglist.library.errors import LibraryError
from readinglist.library.location import LibraryPlace, library_place
from readinglist.library.shared.address import SharedAddress
from readinglist.ui.file_dialogs import FileDialogs
from readinglist.ui.i18n import tr
from readinglist.ui.preferences.connect import ask_for_address
from readinglist.ui.qt import QAction, QMenu, QObject, QSettings, QWidget, Signal
from readinglist.ui.settings import RECENT_LIBRARIES

RECENT_LIMIT = 8
SUFFIX = ".sqlite"


def recent_libraries(settings: QSettings) -> list[LibraryPlace]:
    lines = RECENT_LIBRARIES.read(settings).splitlines()
    return [_remembered(line) for line in lines if line.strip()]


def _remembered(line: str) -> LibraryPlace:
    try:
        return library_place(line)
    except LibraryError:  # a URL not PostgreSQL's: kept as the text it was
        return Path(line)


def _write_recent(settings: QSettings, places: list[LibraryPlace]) -> None:
    lines = [_line(place) for place in places[:RECENT_LIMIT]]
    RECENT_LIBRARIES.write(settings, "\n".join(lines))


def _line(place: LibraryPlace) -> str:
    return place.without_password().url if isinstance(place, SharedAddress) else str(place)


def _same(one: LibraryPlace, other: LibraryPlace) -> bool:
    if isinstance(one, Path) and isinstance(other, Path):
        return one.expanduser().resolve() == other.expanduser().resolve()
    return _line(one) == _line(other)


def _there(place: LibraryPlace) -> bool:
    """A file that is still there; a shared library (its server is asked when opened)."""
    return place.is_file() if isinstance(place, Path) else True


class LibraryMenu(QObject):
    chosen = Signal(object)  # the LibraryPlace of another library to open

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget,
        current: Callable[[], LibraryPlace | None],
        choose: Callable[[], Path | None] | None = None,
        choose_shared: Callable[[], SharedAddress | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._current = settings, current
        self._choose = choose or self._ask
        self._choose_shared = choose_shared or (lambda: ask_for_address(parent))
        self._dialogs = FileDialogs(parent, settings)
        self.open_action = QAction(tr("Open &Library…"), parent)
        self.open_action.triggered.connect(lambda *_: self.choose())
        self.connect_action = QAction(tr("&Connect to a Shared Library…"), parent)
        self.connect_action.triggered.connect(lambda *_: self.connect_shared())
        self.recent_menu = QMenu(tr("Open &Recent"), parent)
        self.recent_menu.aboutToShow.connect(self.rebuild)
        # Before the first paint: no look at the disk (a recent library on a network drive
        # can take seconds to answer); gone files leave the list when the menu is shown.
        self.recent_menu.setEnabled(bool(recent_libraries(settings)))

    def current(self) -> LibraryPlace | None:
        """The library the window shows (None before it has opened one)."""
        return self._current()

    def actions(self) -> list[QAction]:
        return [self.open_action, self.connect_action, self.recent_menu.menuAction()]

    def remember(self, place: LibraryPlace) -> None:
        """`place` first in the recent libraries (the window opened it)."""
        known = recent_libraries(self._settings)
        first = place.expanduser().absolute() if isinstance(place, Path) else place
        _write_recent(self._settings, [first, *(old for old in known if not _same(old, place))])
        self.rebuild()

    def rebuild(self) -> None:
        """The menu from the recent libraries but the one shown, files that are gone pruned;
        disabled when that leaves none (nor lists a "none" in the command palette)."""
        places = recent_libraries(self._settings)
        there = [place for place in places if _there(place)]
        if there != places:
            _write_recent(self._settings, there)
        current = self._current()
        others = [place for place in there if current is None or not _same(place, current)]
        self.recent_menu.clear()
        for place in others:
            action = self.recent_menu.addAction(str(place))
            action.triggered.connect(lambda *_, chosen=place: self.open(chosen))
        self.recent_menu.setEnabled(bool(others))

    def choose(self) -> None:
        path = self._choose()
        if path is not None:
            self.open(path)

    def connect_shared(self) -> None:
        address = self._choose_shared()
        if address is not None:
            self.open(address)

    def open(self, place: LibraryPlace) -> None:
        """Ask for `place` (nothing when it is the library already shown)."""
        current = self._current()
        if current is None or not _same(place, current):
            self.chosen.emit(place)

    def _ask(self) -> Path | None:
        """A library file, or the name of a new one."""
        filters = tr("Libraries (*.sqlite);;All files (*)")
        path = self._dialogs.save_file(tr("Open Library"), "", filters, confirm_overwrite=False)
        if path is None:
            return None
        return path if path.suffix else path.with_suffix(SUFFIX)
