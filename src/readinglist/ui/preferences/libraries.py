"""File → Open Library… and File → Open Recent ▸: which library the window shows.

Another library opens in a new start of readinglist (`--library PATH`), once this window has
closed cleanly (its notes saved, its edits written, its lock released): `chosen` asks the
window to close, and start-up (`ui/startup/app.py`) starts the new process after. A window
that switched libraries in place would have to take down and rebuild every reader, writer
and pane attached to the library; a new start does that by construction. The new start
claims the other library's lock: a window already open on that library is brought to the
front instead (`single_instance`), never this one.

The last RECENT_LIMIT libraries are remembered (`RECENT_LIBRARIES`, newest first); the menu
lists them but the one shown, and those whose file is gone leave the list when it is next
shown.
"""

from collections.abc import Callable
from pathlib import Path

from readinglist.ui.file_dialogs import FileDialogs
from readinglist.ui.i18n import tr
from readinglist.ui.qt import QAction, QMenu, QObject, QSettings, QWidget, Signal
from readinglist.ui.settings import RECENT_LIBRARIES

RECENT_LIMIT = 8
SUFFIX = ".sqlite"


def recent_libraries(settings: QSettings) -> list[Path]:
    lines = RECENT_LIBRARIES.read(settings).splitlines()
    return [Path(line) for line in lines if line.strip()]


def _write_recent(settings: QSettings, paths: list[Path]) -> None:
    RECENT_LIBRARIES.write(settings, "\n".join(str(path) for path in paths[:RECENT_LIMIT]))


def _same(one: Path, other: Path) -> bool:
    return one.expanduser().resolve() == other.expanduser().resolve()


class LibraryMenu(QObject):
    chosen = Signal(object)  # the Path of another library to open

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget,
        current: Callable[[], Path | None],
        choose: Callable[[], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._current = settings, current
        self._choose = choose or self._ask
        self._dialogs = FileDialogs(parent, settings)
        self.open_action = QAction(tr("Open &Library…"), parent)
        self.open_action.triggered.connect(lambda *_: self.choose())
        self.recent_menu = QMenu(tr("Open &Recent"), parent)
        self.recent_menu.aboutToShow.connect(self.rebuild)
        # Before the first paint: no look at the disk (a recent library on a network drive
        # can take seconds to answer); gone files leave the list when the menu is shown.
        self.recent_menu.setEnabled(bool(recent_libraries(settings)))

    def current(self) -> Path | None:
        """The library the window shows (None before it has opened one)."""
        return self._current()

    def actions(self) -> list[QAction]:
        return [self.open_action, self.recent_menu.menuAction()]

    def remember(self, path: Path) -> None:
        """`path` first in the recent libraries (the window opened it)."""
        paths = [path.expanduser().absolute()]
        paths += [known for known in recent_libraries(self._settings) if not _same(known, path)]
        _write_recent(self._settings, paths)
        self.rebuild()

    def rebuild(self) -> None:
        """The menu from the recent libraries but the one shown, those whose file is gone
        pruned; disabled when that leaves none (nor lists a "none" in the command palette)."""
        paths = recent_libraries(self._settings)
        there = [path for path in paths if path.is_file()]
        if there != paths:
            _write_recent(self._settings, there)
        current = self._current()
        others = [path for path in there if current is None or not _same(path, current)]
        self.recent_menu.clear()
        for path in others:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda *_, chosen=path: self.open(chosen))
        self.recent_menu.setEnabled(bool(others))

    def choose(self) -> None:
        path = self._choose()
        if path is not None:
            self.open(path)

    def open(self, path: Path) -> None:
        """Ask for `path` (nothing when it is the library already shown)."""
        current = self._current()
        if current is None or not _same(path, current):
            self.chosen.emit(path)

    def _ask(self) -> Path | None:
        """A library file, or the name of a new one."""
        filters = tr("Libraries (*.sqlite);;All files (*)")
        path = self._dialogs.save_file(tr("Open Library"), "", filters, confirm_overwrite=False)
        if path is None:
            return None
        return path if path.suffix else path.with_suffix(SUFFIX)
