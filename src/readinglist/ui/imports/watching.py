"""Watched folders while the window runs: new or changed digest files import by themselves.

A `QFileSystemWatcher` watches each folder and its subfolders; a change (re)starts the settle
timer, and when nothing has changed for `SETTLE_MS` a scan (`library.watch_folders`, off the
GUI thread) lists the files whose size or time differ from what was recorded. A file is
handed to the import (`ImportController`: progress, Cancel and the summary in the status bar)
only once two looks in a row saw it the same: one still being written waits for the next
look. A rename into place is a change of the folder like any other. A scan also runs at
start-up (after the first reads: what arrived while the window was closed), every
`RESCAN_MS` (a change a watcher cannot see: a file rewritten in place on some systems, a
drive plugged back), and when a folder is added. A folder that is missing is said once, in
the status bar, and stays watched. The folders are read as Preferences opens, added and
removed in the edits' turn (`LibraryService.watch_folder_in_turn`): on a shared library off
the GUI thread, where a server gone away would hold the window.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.import_report import ImportReport
from readinglist.core.text import for_display
from readinglist.ui.data.edits import could_not_save, why_not
from readinglist.ui.i18n import tr
from readinglist.ui.imports.controller import ImportController, ImportJob
from readinglist.ui.qt import QFileSystemWatcher, QObject, QTimer, Signal

if TYPE_CHECKING:
    from readinglist.library.database import Library
    from readinglist.library.watch_folders import Change, FileState, Scan, WatchFolder
    from readinglist.ui.data.service import LibraryService

SETTLE_MS = 2_000  # after the last change, before a look
RESCAN_MS = 5 * 60_000


class FolderWatcher(QObject):
    said = Signal(str)  # for the status bar
    folders_changed = Signal()  # read, added, removed, gone missing or back
    unreadable = Signal(str)  # why the folders could not be read (Preferences says it)
    refused = Signal(str)  # why a folder was not added or removed
    looked = Signal()  # a scan's result was taken in (tests wait on it)
    _scanned = Signal(object)  # a Scan, or why it failed (str), from the scanning thread

    def __init__(
        self,
        service: "LibraryService",
        imports: ImportController,
        parent: QObject | None = None,
        settle_ms: int = SETTLE_MS,
    ) -> None:
        super().__init__(parent)
        self._service, self._library, self._imports = service, service.library, imports
        self._system = QFileSystemWatcher(self)
        self._system.directoryChanged.connect(self._changed)
        self._settle = _timer(self, settle_ms, self.look, once=True)
        self._rescan = _timer(self, RESCAN_MS, self.look, once=False)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readinglist-watch")
        self._stopped = threading.Event()
        self._scanning = self._again = False
        self._seen: dict[Path, FileState] = {}  # the last look's unsettled files
        self._handed: dict[Path, FileState] = {}  # given to an import not over yet
        self._said_missing: set[int] = set()
        self._folders: list[WatchFolder] | None = None  # None: not read or scanned yet
        self._scanned.connect(self._take)

    # --- the folders (read and written in the edits' turn: on a shared library, off the GUI
    # thread, where a server gone away would hold the window) ---------------------------

    def folders(self) -> "list[WatchFolder] | None":
        """The watched folders as the last scan, read or change left them; None before any."""
        return None if self._folders is None else list(self._folders)

    def read_folders(self) -> None:
        """Read the folders: `folders_changed` once they are in, else `unreadable`."""
        self._service.watched_folders_in_turn(self._took, self._not_listed)

    def add(self, path: Path) -> None:
        """Watch `path` and scan it (`folders_changed`), or say why not (`refused`)."""
        self._service.watch_folder_in_turn(
            path, self._took_then_look, partial(self._not_added, path)
        )

    def remove(self, path: Path) -> None:
        """Stop watching `path`, its papers staying (`folders_changed`), or say why not."""
        self._service.unwatch_folder_in_turn(path, self._removed, self._not_saved)

    def _took(self, folders: "list[WatchFolder]") -> None:
        self._folders = folders
        self.folders_changed.emit()

    def _took_then_look(self, folders: "list[WatchFolder]") -> None:
        self._took(folders)
        self.look()

    def _removed(self, folders: "list[WatchFolder]") -> None:
        if self._system.directories():  # the next look watches those of the others again
            self._system.removePaths(self._system.directories())
        self._took_then_look(folders)

    def _not_listed(self, error: Exception) -> None:
        why = why_not(error, self._library.location)
        self.unreadable.emit(tr("Could not read the watched folders: {why}").format(why=why))

    def _not_added(self, path: Path, error: Exception) -> None:
        from readinglist.library.watch_folders import WatchFolderError

        if isinstance(error, WatchFolderError):
            self.refused.emit(tr("{path} is not a folder.").format(path=for_display(str(path))))
        else:
            self._not_saved(error)

    def _not_saved(self, error: Exception) -> None:
        self.refused.emit(could_not_save(why_not(error, self._library.location)))

    # --- scanning -----------------------------------------------------------------------

    def start(self) -> None:
        """The start-up scan (what arrived while the window was closed), then the rescans."""
        self._rescan.start()
        self.look()

    def look(self) -> None:
        """Scan the folders off the GUI thread (once the scan under way is over)."""
        if self._stopped.is_set():
            return
        if self._scanning:
            self._again = True
            return
        self._scanning = True
        self._pool.submit(self._scan)

    def shutdown(self) -> None:
        """Stop the timers and wait for a scan under way (it stops between folders)."""
        self._stopped.set()
        self._settle.stop()
        self._rescan.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _changed(self, _: str) -> None:
        self._settle.start()  # restarted: SETTLE_MS after the last change

    def _scan(self) -> None:
        """On the scanning thread."""
        from readinglist.library.watch_folders import scan

        try:
            found: Scan | str = scan(self._library, self._stopped.is_set)
        except _storage_errors() as error:
            found = _not_read(self._library, error)
        with suppress(RuntimeError):  # the window has gone
            self._scanned.emit(found)

    def _take(self, found: "Scan | str") -> None:
        self._scanning = False
        if isinstance(found, str):
            self.said.emit(found)
        elif not self._stopped.is_set():
            self._follow(found)
            ready, waiting = self._settled(found.changes)
            if ready:
                self._imports.start_job(_changes_job(self._library, ready))
            if waiting:
                self._settle.start()
        if self._again:
            self._again = False
            self.look()
        self.looked.emit()

    def _follow(self, found: "Scan") -> None:
        """Watch every folder walked; say which folders are missing (once each, until they
        are back); tell when a folder went missing or came back."""
        watched = set(self._system.directories())
        walked = {str(path) for path in found.walked}
        if watched - walked:
            self._system.removePaths(sorted(watched - walked))
        if walked - watched:
            self._system.addPaths(sorted(walked - watched))
        missing = [folder for folder in found.missing if folder.id not in self._said_missing]
        self._said_missing = {folder.id for folder in found.missing}
        if missing:
            self.said.emit(_missing_text(missing))
        before = None if self._folders is None else _looks(self._folders)
        self._folders = found.folders
        if before != _looks(found.folders):
            self.folders_changed.emit()

    def _settled(self, changes: "list[Change]") -> "tuple[list[Change], list[Change]]":
        """(Files seen the same by the last look too, to import; files still changing.)
        Files handed to an import not over yet are left to it."""
        if not self._imports.is_running():
            self._handed.clear()  # over (or cancelled: the next change offers them again)
        fresh = [change for change in changes if self._handed.get(change.path) != change.state]
        ready = [change for change in fresh if self._seen.get(change.path) == change.state]
        waiting = [change for change in fresh if change not in ready]
        self._seen = {change.path: change.state for change in waiting}
        self._handed.update((change.path, change.state) for change in ready)
        return ready, waiting


def _changes_job(library: "Library", changes: "list[Change]") -> ImportJob:
    """Import a watched folder's settled changes, and record them (on the import's thread)."""

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportReport:
        from readinglist.library.watch_folders import import_changes

        return import_changes(
            library, changes, lambda done, total, _: progress(done, total), cancelled
        )

    return job


def _timer(parent: QObject, milliseconds: int, then: Callable[[], None], *, once: bool) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(milliseconds)
    timer.setSingleShot(once)
    timer.timeout.connect(then)
    return timer


def _missing_text(folders: "list[WatchFolder]") -> str:
    names = ", ".join(for_display(str(folder.path)) for folder in folders)
    if len(folders) == 1:
        return tr("The watched folder {folder} is missing: it stays watched.").format(folder=names)
    return tr("The watched folders {folders} are missing: they stay watched.").format(folders=names)


def _looks(folders: "list[WatchFolder]") -> list[tuple[int, bool]]:
    """What Preferences shows of the folders: which, and whether each is missing."""
    return [(folder.id, folder.missing) for folder in folders]


def _storage_errors() -> tuple[type[Exception], ...]:
    from readinglist.library.failures import storage_errors

    return storage_errors()


def _not_read(library: "Library", error: Exception) -> str:
    return tr("Could not scan the watched folders: {why}").format(
        why=why_not(error, library.location)
    )
