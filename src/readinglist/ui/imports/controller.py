"""Imports in a background thread, so the window never freezes; cancellable, one at a time.

Progress is not signalled file by file: the importer reports the files of a batch (up to 50)
at once, and 50 queued signals, each repainting the bar, kept the window from running for
tens of milliseconds while the import thread held the GIL between them. The worker only
keeps the latest figure; the window reads it every PROGRESS_MS, and the last one before
`finished`, so the bar ends on the exact count.

What repaints much while an import runs (the list taking the ids of the papers stored so
far, the sidebar its counts) is run `when_quiet`: the import thread pauses before its next
file, the window does that work and paints it, and the import goes on. Painting the list
calls into Python some 500 times, and each call waited for the GIL that the import thread
held (up to the switch interval each, see sharing.py); paused, the thread waits on an event
and holds nothing. Measured (a probe timing each piece, load 0.8): the work and its paint
took 15-30 ms of the GUI thread, all of it on the CPU.
"""

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.import_report import ImportReport
from readinglist.ui.imports.sharing import SharedInterpreter, lower_this_threads_priority
from readinglist.ui.qt import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

if TYPE_CHECKING:
    from readinglist.library.database import Library


# An import to run on the worker thread: given (files done, files in all) for progress and
# the cancel flag to ask, it imports and returns its report (a watched folder's changes).
type ImportJob = Callable[[Callable[[int, int], None], Callable[[], bool]], ImportReport]


def paths_job(library: "Library", paths: list[Path]) -> ImportJob:
    """Import the files and folders `paths` (as `readinglist import` does)."""

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportReport:
        from readinglist.library.importer import import_paths

        return import_paths(
            library,
            paths,
            progress=lambda done, total, _: progress(done, total),
            cancelled=cancelled,
        )

    return job


PROGRESS_MS = 100  # the window shows an import's progress at most this often
PAUSE_LIMIT_S = 0.5  # the longest an import waits for the window's quiet work to be done


class _ImportWorker(QObject):
    finished = Signal(object)  # ImportReport
    paused = Signal()  # waiting, between two files, for `resume` (or PAUSE_LIMIT_S)

    def __init__(self, job: ImportJob) -> None:
        super().__init__()
        self._job = job
        self.cancel_requested = threading.Event()
        self.pause_requested = threading.Event()
        self.resume = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None  # files done, files in all: not yet shown

    @Slot()
    def run(self) -> None:
        lower_this_threads_priority()  # the window first when both want the CPU
        self.finished.emit(self._job(self._progress, self._between_files))

    def _between_files(self) -> bool:
        """On the import thread, before each file (folder, chunk): whether to stop; first,
        if the window asked, a pause until it says go on (at most PAUSE_LIMIT_S)."""
        if self.pause_requested.is_set():
            self.pause_requested.clear()
            self.resume.clear()
            self.paused.emit()
            self.resume.wait(PAUSE_LIMIT_S)
        return self.cancel_requested.is_set()

    def _progress(self, done: int, total: int) -> None:
        """On the import thread: kept for the window to read (`take_progress`)."""
        with self._lock:
            self._latest = (done, total)

    def take_progress(self) -> tuple[int, int] | None:
        """The latest (files done, files in all) not taken yet, or None."""
        with self._lock:
            latest, self._latest = self._latest, None
        return latest


class ImportController(QObject):
    """Runs imports one after another in a worker thread and reports on the GUI thread."""

    started = Signal()
    progressed = Signal(int, int)
    finished = Signal(object)  # ImportReport

    def __init__(self, library: "Library", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._queue: list[ImportJob] = []
        self._thread: QThread | None = None
        self._worker: _ImportWorker | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._sharing = SharedInterpreter()  # the GIL and the collector, while imports run
        self._quiet_work: list[Callable[[], None]] = []  # to run while the import pauses

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, paths: list[Path]) -> None:
        """Import `paths`, after whatever import is running now."""
        self.start_job(paths_job(self._library, paths))

    def start_job(self, job: ImportJob) -> None:
        """Run `job`, after whatever import is running now, with progress and report."""
        self._queue.append(job)
        if self._thread is None:
            self._start_next()

    def when_quiet(self, work: Callable[[], None]) -> None:
        """Run `work` on the GUI thread, and paint what it changed, while the import thread
        pauses between two files; at once when no import runs."""
        if self._worker is None:
            work()
            return
        self._quiet_work.append(work)
        self._worker.pause_requested.set()

    def cancel(self) -> None:
        """Stop at the next file, folder or chunk of a file being read (nothing blocks: a
        FIFO is never waited for); what was parsed by then is stored, each file whole."""
        self._queue.clear()
        if self._worker is not None:
            self._worker.cancel_requested.set()
            self._worker.resume.set()

    def wait(self) -> None:
        """Cancel and block until the running import ends (at quit: files are never left
        half-done). Prompt: the import stops at its next file, folder or chunk."""
        self.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._sharing.end()

    def _start_next(self) -> None:
        thread, worker = QThread(self), _ImportWorker(self._queue.pop(0))
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._on_finished)
        worker.paused.connect(self._on_paused)
        self._thread, self._worker = thread, worker
        self._sharing.begin()
        thread.start()
        self._progress_timer.start()
        self.started.emit()

    def _show_progress(self) -> None:
        """`progressed` with the worker's latest figure, if it has a new one."""
        latest = self._worker.take_progress() if self._worker is not None else None
        if latest is not None:
            self.progressed.emit(*latest)

    @Slot()
    def _on_paused(self) -> None:
        """One piece of quiet work a pause, painted, then the import goes on (and pauses
        again for the next): the event loop runs between two (timers, input)."""
        if self._quiet_work:
            self._quiet_work.pop(0)()
            QCoreApplication.sendPostedEvents()  # the repaints it asked for, now
        if self._worker is not None:
            if self._quiet_work:
                self._worker.pause_requested.set()
            self._worker.resume.set()

    def _run_quiet_work(self) -> None:
        """All the work asked for `when_quiet` and not done yet (the import is over)."""
        work, self._quiet_work = self._quiet_work, []
        for item in work:
            item()

    def _on_finished(self, report: ImportReport) -> None:
        self._run_quiet_work()  # asked for after the import's last file
        self._progress_timer.stop()
        self._show_progress()  # the last figure, exact, before the summary
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        if not self._queue:
            self._sharing.end()
        self.finished.emit(report)
        if self._queue:
            self._start_next()
