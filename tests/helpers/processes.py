"""Running the app as a process of its own, for tests of what only real processes show."""

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

POLL_S = 0.05  # between two looks at a condition; the deadline is what bounds a wait
# `python -m readinglist ARGS`, printing REPORT (an expression) when the window first paints;
# READINGLIST_EXIT_AFTER_FIRST_PAINT then ends it.
_REPORT_AT_FIRST_PAINT = """
import sys
from readinglist.ui.qt import QApplication
from readinglist.ui.startup import first_paint

report = first_paint._FirstPaintWatcher._report


def report_then_quit(self):
    print(eval(sys.argv[1]), flush=True)
    report(self)


first_paint._FirstPaintWatcher._report = report_then_quit
from readinglist.cli import main

sys.exit(main(sys.argv[2:]))
"""


def app_environment(home: Path) -> dict[str, str]:
    """Offscreen, with settings, data and cache folders of its own under `home` (the user's
    stay untouched)."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "READINGLIST_CACHE": str(home / "media-cache"),
    }


def at_first_paint(report: str, arguments: list[str], env: dict[str, str]) -> str:
    """What `report` (a Python expression; `sys` and `QApplication` are there) is when the
    window started with `arguments` first paints; the app exits then."""
    from readinglist.ui.startup.first_paint import FIRST_PAINT_ENV

    command = [sys.executable, "-c", _REPORT_AT_FIRST_PAINT, report, *arguments]
    done = subprocess.run(
        command,
        env={**env, FIRST_PAINT_ENV: "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[0]


def start_app(
    arguments: list[str], home: Path, cwd: Path, log_name: str
) -> "subprocess.Popen[bytes]":
    """`python -m readinglist ARGUMENTS` in `cwd`, its output in `home/<log_name>` (a pipe
    nobody reads could fill up and stall it)."""
    log = (home / log_name).open("wb")
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "readinglist", *arguments],
            cwd=cwd,
            env=app_environment(home),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    finally:
        log.close()  # the child has its own copy


def wait_for(condition: Callable[[], bool], what: str, limit_s: float = 60) -> None:
    """Until `condition()` holds; fails saying `what` did not happen within `limit_s`."""
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what} did not happen within {limit_s} s")
        time.sleep(POLL_S)


def stop(process: "subprocess.Popen[bytes]") -> None:
    """End the process, however far it got."""
    if process.poll() is None:
        process.kill()
    process.wait(timeout=60)
