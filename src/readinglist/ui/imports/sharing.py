"""How an import thread shares the interpreter, and the CPU, with the window while it runs.

Every time Qt calls into Python on the GUI thread (a cell painted, a slot, an event filter)
the GUI thread needs the GIL, which the import thread holds while it parses and builds rows.
Two process-wide settings are changed for the length of the imports, and put back after:

- the GIL's switch interval, 5 ms by Python's default, is 1 ms: in the longest gaps of
  benchmarks/gui_bench.py's import (2 cores), the GUI thread slept 15-150 ms waiting for
  the GIL with 5 ms, 5-15 ms with 1 ms (a repaint of the list calls into Python some
  1,800 times);
- the objects alive when the import starts (the window's, SQLAlchemy's, the modules') are
  frozen out of the garbage collector's reach (`gc.freeze`): a full collection triggered
  by the import's allocations scanned them all while holding the GIL, 40-80 ms during
  which the window could run no Python; the import's own objects are still collected.

And the import thread itself runs at a lower priority (`lower_this_threads_priority`): on
two busy cores the window's repaint of the list waited 30-80 ms for a CPU that the import
thread had; niced, the import leaves it the CPU when both want one (the stall's worst 55-78
ms against 107-120 ms in the same hour), and still has all it can take otherwise.
"""

import gc
import os
import sys
import threading
from contextlib import suppress

IMPORT_SWITCH_S = 0.001  # the GIL's switch interval while an import runs
IMPORT_NICENESS = 10  # the import thread's nice value (Linux; 0 is the window's)


class SharedInterpreter:
    """`begin()` when imports start, `end()` when the last is over; idempotent both ways."""

    def __init__(self) -> None:
        self._switch_before: float | None = None  # the interval to put back; None: not begun

    def begin(self) -> None:
        if self._switch_before is not None:
            return
        self._switch_before = sys.getswitchinterval()
        sys.setswitchinterval(IMPORT_SWITCH_S)
        gc.freeze()  # what the window made since the last freeze: never thawed

    def end(self) -> None:
        if self._switch_before is None:
            return
        sys.setswitchinterval(self._switch_before)
        self._switch_before = None

    def is_begun(self) -> bool:
        return self._switch_before is not None


def freeze_what_is_alive() -> None:
    """Collect the garbage there is, then freeze what is left alive out of the collector's
    reach for good (`gc.freeze`): called once the library is open and its first reads have
    settled, when what is alive is the app itself."""
    gc.collect()
    gc.freeze()


def lower_this_threads_priority() -> None:
    """Nice the calling thread to IMPORT_NICENESS, never less nice than it is. Linux only:
    there a thread is a task of its own and `setpriority` given its id touches it alone
    (elsewhere it would nice the whole process, the window too). A refusal changes
    nothing."""
    if not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    with suppress(OSError):
        if os.getpriority(os.PRIO_PROCESS, thread) < IMPORT_NICENESS:
            os.setpriority(os.PRIO_PROCESS, thread, IMPORT_NICENESS)
