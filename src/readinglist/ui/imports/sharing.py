"""How an import thread shares the interpreter with the window while it runs.

Every time Qt calls into Python on the GUI thread (a cell painted, a slot, an event filter)
the GUI thread needs the GIL, which the import thread holds while it parses and builds rows.
Two process-wide settings are changed for the length of the imports, and put back after:

- the GIL's switch interval, 5 ms by Python's default, is 1 ms: a repaint of the list that
  called into Python some 2,000 times waited 20-80 ms in all for the GIL with 5 ms, a few
  ms with 1 ms (benchmarks/gui_bench.py's import, 2 cores);
- the objects alive when the import starts (the window's, SQLAlchemy's, the modules') are
  frozen out of the garbage collector's reach (`gc.freeze`): a full collection triggered
  by the import's allocations scanned them all while holding the GIL, 40-80 ms during
  which the window could run no Python; the import's own objects are still collected.
"""

import gc
import sys

IMPORT_SWITCH_S = 0.001  # the GIL's switch interval while an import runs


class SharedInterpreter:
    """`begin()` when imports start, `end()` when the last is over; idempotent both ways."""

    def __init__(self) -> None:
        self._switch_before: float | None = None  # the interval to put back; None: not begun

    def begin(self) -> None:
        if self._switch_before is not None:
            return
        self._switch_before = sys.getswitchinterval()
        sys.setswitchinterval(IMPORT_SWITCH_S)
        gc.freeze()

    def end(self) -> None:
        if self._switch_before is None:
            return
        sys.setswitchinterval(self._switch_before)
        self._switch_before = None
        gc.unfreeze()

    def is_begun(self) -> bool:
        return self._switch_before is not None
