"""Runs the user's edits in the order they were made, without freezing the window.

A small edit (a key pressed on one paper) is written at once, on the GUI thread, so the list
shows it before the next key. A large one (a tag added to 20,000 selected papers rewrites
their search index entries: seconds) goes to a writer thread; so does every edit made while
one is still queued, so that edits, undos and redos always reach the library in order, and
every edit made while an import is writing.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from readinglist.ui.qt import QCoreApplication, QObject, QThread, Signal, Slot

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.database import Library

Job = Callable[["Connection"], None]
SYNC_LIMIT = 50  # papers an edit may touch and still be written on the GUI thread


def _tr(text: str) -> str:
    return QCoreApplication.translate("Edits", text)


class _Writer(QObject):
    """Lives on the writer thread; runs jobs in the order they were posted."""

    done = Signal(int)
    failed = Signal(int, str)

    def __init__(self, library: "Library") -> None:
        super().__init__()
        self._library = library

    @Slot(int, object)
    def run(self, serial: int, job: Job) -> None:
        try:
            with self._library.writing() as connection:
                job(connection)
        except Exception as error:
            self.failed.emit(serial, f"{type(error).__name__}: {error}")
            return
        self.done.emit(serial)

    @Slot(int, object)
    def stop(self, _: int, __: object) -> None:
        QThread.currentThread().quit()


class EditRunner(QObject):
    applied = Signal(list)  # ids of the papers an edit changed
    failed = Signal(str)
    busy_changed = Signal(str)  # what is being saved, or "" when nothing is

    _post = Signal(int, object)
    _post_stop = Signal(int, object)

    def __init__(self, library: "Library", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._pending: dict[int, list[int]] = {}
        self._serial = 0
        self._thread: QThread | None = None
        self._writer: _Writer | None = None  # held here: a moved QObject has no parent
        self._others_writing = False

    def run(self, ids: list[int], job: Job) -> None:
        """Write `job` (which changes the papers `ids`) now, or after the edits queued."""
        if not self._pending and not self._others_writing and len(ids) <= SYNC_LIMIT:
            self._run_here(ids, job)
            return
        self._serial += 1
        self._pending[self._serial] = ids
        self._writer_thread()
        self._post.emit(self._serial, job)
        self._announce_busy()

    def set_others_writing(self, writing: bool) -> None:
        """While an import holds the write lock a batch at a time, even a small edit would
        wait for it on the GUI thread: send every edit to the writer thread meanwhile."""
        self._others_writing = writing

    def is_busy(self) -> bool:
        return bool(self._pending)

    def finish(self) -> None:
        """Write everything queued, then stop the writer thread (the window is closing)."""
        if self._thread is None:
            return
        self._post_stop.emit(0, None)  # queued behind every edit
        self._thread.wait()
        self._thread = self._writer = None

    # --- inside --------------------------------------------------------------------------

    def _run_here(self, ids: list[int], job: Job) -> None:
        try:
            with self._library.writing() as connection:
                job(connection)
        except Exception as error:
            self.failed.emit(f"{type(error).__name__}: {error}")
            return
        self.applied.emit(ids)

    def _writer_thread(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread(self)
        self._thread.setObjectName("readinglist-writer")
        writer = self._writer = _Writer(self._library)
        writer.moveToThread(self._thread)
        self._thread.finished.connect(writer.deleteLater)
        self._post.connect(writer.run)
        self._post_stop.connect(writer.stop)
        writer.done.connect(self._on_done)
        writer.failed.connect(self._on_failed)
        self._thread.start()

    def _on_done(self, serial: int) -> None:
        ids = self._pending.pop(serial, [])
        self._announce_busy()
        self.applied.emit(ids)

    def _on_failed(self, serial: int, message: str) -> None:
        self._pending.pop(serial, None)
        self._announce_busy()
        self.failed.emit(message)

    def _announce_busy(self) -> None:
        papers = sum(len(ids) for ids in self._pending.values())
        text = _tr("Saving changes to {n} papers…").format(n=f"{papers:,}") if papers else ""
        self.busy_changed.emit(text)
