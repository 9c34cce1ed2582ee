"""Guards for tests of code that could block on a FIFO: a failure fails, never hangs the run."""

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from readinglist.library.importer import ImportReport

GUARD_SECONDS = 60  # never reached when the code under test is right


@contextmanager
def released_when_done(*fifos: Path) -> Iterator[None]:
    """Whatever blocks opening or reading `fifos` is let go on the way out: opening the
    write end without blocking succeeds only when a reader waits, and closing it gives
    that reader an end of file."""
    try:
        yield
    finally:
        for fifo in fifos:
            with suppress(OSError):  # no reader waiting: nothing was stuck
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def run_guarded(work: Callable[[], ImportReport], *fifos: Path) -> ImportReport:
    """`work` on a thread; fails (after releasing `fifos`) if it has not returned in time."""
    result: list[ImportReport] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    with released_when_done(*fifos):
        thread.start()
        thread.join(GUARD_SECONDS)
        stuck = thread.is_alive()
    thread.join(GUARD_SECONDS)
    assert not stuck, "the import blocked on a FIFO"
    return result[0]
