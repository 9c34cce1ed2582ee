"""How an import thread shares the interpreter, and the CPU, with the window while it runs.

Every time Qt calls into Python on the GUI thread (a cell painted, a slot, an event filter)
the GUI thread needs the GIL, which the import thread holds while it parses and builds rows.
So:

- the GIL's switch interval, 5 ms by Python's default, is 50 µs while imports run, and put
  back after. PySide lets go of the GIL around every call into Qt, so each Qt call the GUI
  thread's Python makes, and each call of Qt's into Python (a cell painted), takes the GIL
  back from the import thread, waiting up to the interval: in the longest gaps of
  benchmarks/gui_bench.py's import (2 cores) the GUI thread slept 15-150 ms waiting for it
  with 5 ms, and with 1 ms it still spent 50-70 ms of an 80 ms gap off the CPU with 10 ms on
  it. Six runs alternating on a quiet machine (load 1.0-1.3): 66-76 ms with 1 ms, 49-52 ms
  with 50 µs, the import as fast (5.0-5.2 against 5.1-5.5 s). The interval only matters
  while the window wants the GIL: an idle window leaves the import thread alone;
- the objects the app keeps are out of the garbage collector's reach (`gc.freeze`), for
  good: a full collection scans every tracked object while holding the GIL, and with the
  200,000-paper library open and settled there are ~150,000 of them (the modules, the
  window, SQLAlchemy's structures): 110-205 ms during which the window runs no Python, at
  any time Python decides to run one, import or not. Once the first reads have settled the
  young garbage there is is collected and what is left frozen (`freeze_what_is_alive`, from
  `startup.app.attach_library`); each import's start freezes what the window made since.
  Nothing is thawed: thawing after each import gave the next full collection all of them to
  scan (80-140 ms); frozen, a full collection takes ~0 ms. The cost: an object frozen and
  later dropped inside a reference cycle is never collected (one dropped without a cycle
  is freed as ever). Six imports of 200 digests into one window: the process's RSS stayed
  at 161 MB from the second on (main, thawing: 154-155 MB); the objects frozen grew by
  ~1,000 an import, as main's live ones did (the reports the benchmark kept).

And the import thread itself runs at a lower priority (`lower_this_threads_priority`): on
two busy cores the window's repaint of the list waited 30-80 ms for a CPU that the import
thread had; niced, the import leaves it the CPU when both want one (the stall's worst 55-78
ms against 107-120 ms in the same hour), and still has all it can take otherwise. What is
left of the stall on a machine busy with other work (load 5-14 on 2 cores), its longest gap
taken apart: 16-28 ms of the window's own CPU (a repaint of the list), 47-110 ms waiting on
the run queue for a CPU other processes had, and 25-100 ms asleep (the GIL, or nothing to
do); no full collection in any of them. At load 0.8: 22-35 ms of CPU, 0-16 ms on the run
queue, 4-64 ms asleep.
"""

import gc
import os
import sys
import threading
from contextlib import suppress

IMPORT_SWITCH_S = 0.00005  # the GIL's switch interval while an import runs
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
    """Collect the young garbage, then freeze what is left alive out of the collector's
    reach for good (`gc.freeze`): called once the library is open and its first reads have
    settled, when what is alive is the app itself.

    Only the young generations are collected: a full collection there, on the GUI thread,
    took 75-200 ms with the 200,000-paper library open and found 9 objects of 155,637;
    the young ones take 1 ms and find all but 5, which stay frozen."""
    gc.collect(1)
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
