"""The import thread's progress reaches the window coalesced, and ends on the exact count;
while an import runs the GIL switches every millisecond, put back once the imports are over;
the objects alive when an import starts are frozen out of the collector's reach for good
(never thawed: a full collection would scan them all); the import thread runs niced
(Linux), the window's thread not; the window's quiet work runs while the import waits."""

import gc
import os
import sys
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.import_report import FileReport, FileStatus, ImportReport
from readinglist.library.database import Library
from readinglist.ui.imports import controller
from readinglist.ui.imports.controller import ImportController
from readinglist.ui.imports.sharing import (
    IMPORT_NICENESS,
    IMPORT_SWITCH_S,
    freeze_what_is_alive,
)
from readinglist.ui.imports.status import ImportStatus
from tests.helpers.gui import IMPORT_TIMEOUT_MS

FILES = 500


def _report(files: int) -> ImportReport:
    imported = [FileReport(Path(f"{n}.md"), FileStatus.IMPORTED) for n in range(files)]
    return ImportReport(files=imported)


def _job_of_many_files(
    progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> ImportReport:
    """Reports FILES files as the importer does after a batch: all at once."""
    for done in range(1, FILES + 1):
        progress(done, FILES)
    return _report(FILES)


def test_progress_is_coalesced_and_ends_on_the_exact_count(qtbot: QtBot, library: Library) -> None:
    imports = ImportController(library)
    status = ImportStatus()
    qtbot.addWidget(status)
    status.follow(imports)
    seen: list[tuple[int, int, int]] = []  # done, total, the bar's value once it showed them
    imports.progressed.connect(
        lambda done, total: seen.append((done, total, status.progress.value()))
    )
    order: list[str] = []
    imports.progressed.connect(lambda *_: order.append("progressed"))
    imports.finished.connect(lambda *_: order.append("finished"))

    with qtbot.waitSignal(imports.finished, timeout=IMPORT_TIMEOUT_MS):
        imports.start_job(_job_of_many_files)

    assert 1 <= len(seen) < FILES  # not a signal, and a repaint, per file
    done, total, shown = seen[-1]
    assert (done, total) == (FILES, FILES)
    assert shown == status.progress.maximum() - 1  # all stored: 99.9 % until the end
    assert order[-2:] == ["progressed", "finished"]
    assert status.progress.isHidden()


def test_the_gil_is_shared_while_imports_run_and_the_collector_stays_frozen(
    qtbot: QtBot, library: Library
) -> None:
    imports = ImportController(library)
    switch_before, frozen_before = sys.getswitchinterval(), gc.get_freeze_count()
    alive_at_start = _Cyclic()  # frozen by the first import's start
    inside: list[tuple[float, int]] = []
    go_on = threading.Event()
    reports: list[ImportReport] = []
    imports.finished.connect(reports.append)
    between: list[float] = []  # the switch interval as each import's end is told

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportReport:
        inside.append((sys.getswitchinterval(), gc.get_freeze_count()))
        go_on.wait(IMPORT_TIMEOUT_MS / 1000)
        return _report(1)

    imports.start_job(job)
    imports.start_job(job)  # queued: the settings stay until both are over
    qtbot.waitUntil(lambda: len(inside) == 1, timeout=IMPORT_TIMEOUT_MS)
    imports.finished.connect(lambda *_: between.append(sys.getswitchinterval()))
    go_on.set()
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=IMPORT_TIMEOUT_MS)

    assert len(inside) == 2
    assert between == pytest.approx([IMPORT_SWITCH_S, switch_before])  # kept for the second
    for switch, frozen in inside:
        assert switch == pytest.approx(IMPORT_SWITCH_S)  # Python keeps it in µs
        assert frozen > frozen_before
    assert sys.getswitchinterval() == switch_before
    # Never thawed: what the start froze is still out of the collector's reach (the count
    # itself may fall, as frozen objects are freed).
    assert not any(obj is alive_at_start for obj in gc.get_objects())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's nice value: Linux")
def test_the_import_thread_is_niced_and_the_window_not(qtbot: QtBot, library: Library) -> None:
    imports = ImportController(library)
    window_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    inside: list[int] = []

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportReport:
        inside.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return _report(1)

    with qtbot.waitSignal(imports.finished, timeout=IMPORT_TIMEOUT_MS):
        imports.start_job(job)

    assert inside == [max(window_nice, IMPORT_NICENESS)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == window_nice


class _Cyclic:
    def __init__(self) -> None:
        self.me = self


def test_what_is_alive_is_frozen_and_the_garbage_collected_first() -> None:
    alive, garbage = _Cyclic(), _Cyclic()
    garbage_ref = weakref.ref(garbage)
    del garbage
    frozen_before = gc.get_freeze_count()

    freeze_what_is_alive()

    assert garbage_ref() is None  # collected, not frozen for good
    assert gc.get_freeze_count() > frozen_before
    assert not any(obj is alive for obj in gc.get_objects())  # out of the collector's reach


def _job_between_files(
    files_started: list[int], until: threading.Event
) -> Callable[[Callable[[int, int], None], Callable[[], bool]], ImportReport]:
    """A job that asks `cancelled` before each of its files, as the importer does, and
    counts them, until `until` is set."""

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportReport:
        while not until.is_set() and not cancelled():
            files_started.append(len(files_started))
        return _report(len(files_started))

    return job


def test_quiet_work_runs_while_the_import_waits_between_files(
    qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(controller, "PAUSE_LIMIT_S", 60.0)  # however slow the machine
    imports = ImportController(library)
    files_started: list[int] = []
    stop = threading.Event()
    seen: list[tuple[int, int]] = []  # files started before and after the work ran

    def work() -> None:
        assert threading.current_thread() is threading.main_thread()
        before = len(files_started)
        spin_until = time.perf_counter() + 0.05  # the GIL is free: the import could go on
        while time.perf_counter() < spin_until:
            pass
        seen.append((before, len(files_started)))
        stop.set()

    imports.start_job(_job_between_files(files_started, stop))
    qtbot.waitUntil(lambda: len(files_started) > 100)
    with qtbot.waitSignal(imports.finished, timeout=IMPORT_TIMEOUT_MS):
        imports.when_quiet(work)
    before, after = seen[0]
    assert before == after > 100  # not one more file while the window's work ran


def test_quiet_work_runs_at_once_without_an_import_and_before_an_import_ends(
    qtbot: QtBot, library: Library
) -> None:
    imports = ImportController(library)
    order: list[str] = []
    imports.when_quiet(lambda: order.append("at once"))
    assert order == ["at once"]

    go_on = threading.Event()

    def job_with_no_file_left(
        progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> ImportReport:
        go_on.wait(IMPORT_TIMEOUT_MS / 1000)  # its last file: `cancelled` is not asked again
        return _report(1)

    imports.finished.connect(lambda *_: order.append("finished"))
    with qtbot.waitSignal(imports.finished, timeout=IMPORT_TIMEOUT_MS):
        imports.start_job(job_with_no_file_left)
        imports.when_quiet(lambda: order.append("quiet"))
        go_on.set()
    assert order == ["at once", "quiet", "finished"]
