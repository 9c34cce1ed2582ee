"""Imports in a background thread, so the window never freezes; cancellable, one at a time."""

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.import_report import ImportReport
from readinglist.ui.qt import QObject, QThread, Signal, Slot

if TYPE_CHECKING:
    from readinglist.library.database import Library


class _ImportWorker(QObject):
    progressed = Signal(int, int)  # files done, files in all
    finished = Signal(object)  # ImportReport

    def __init__(self, library: "Library", paths: list[Path]) -> None:
        super().__init__()
        self._library = library
        self._paths = paths
        self.cancel_requested = threading.Event()

    @Slot()
    def run(self) -> None:
        from readinglist.library.importer import import_paths

        report = import_paths(
            self._library,
            self._paths,
            progress=lambda done, total, _: self.progressed.emit(done, total),
            cancelled=self.cancel_requested.is_set,
        )
        self.finished.emit(report)


class ImportController(QObject):
    """Runs imports one after another in a worker thread and reports on the GUI thread."""

    started = Signal()
    progressed = Signal(int, int)
    finished = Signal(object)  # ImportReport

    def __init__(self, library: "Library", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._queue: list[list[Path]] = []
        self._thread: QThread | None = None
        self._worker: _ImportWorker | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, paths: list[Path]) -> None:
        """Import `paths`, after whatever import is running now."""
        self._queue.append(paths)
        if self._thread is None:
            self._start_next()

    def cancel(self) -> None:
        """Stop at the next file, folder or chunk of a file being read (nothing blocks: a
        FIFO is never waited for); what was parsed by then is stored, each file whole."""
        self._queue.clear()
        if self._worker is not None:
            self._worker.cancel_requested.set()

    def wait(self) -> None:
        """Cancel and block until the running import ends (at quit: files are never left
        half-done). Prompt: the import stops at its next file, folder or chunk."""
        self.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()

    def _start_next(self) -> None:
        thread, worker = QThread(self), _ImportWorker(self._library, self._queue.pop(0))
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self.progressed)
        worker.finished.connect(self._on_finished)
        self._thread, self._worker = thread, worker
        thread.start()
        self.started.emit()

    def _on_finished(self, report: ImportReport) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self.finished.emit(report)
        if self._queue:
            self._start_next()
