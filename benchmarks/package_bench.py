"""Start-up benchmark of the packaged app: from starting the program to its window's first paint.

Seconds depend on the machine; ratios mostly do not. So the same run measures a FLOOR, the
same code started from Python (`python -m readinglist`, not frozen), and states the targets
against it:

    onedir bundle   <= 1.5x floor   (dist/readinglist/readinglist: what the README recommends)
    onefile bundle  information     (dist/onefile/readinglist: it unpacks itself first)
    bundle size     < 150 MiB       (dist/readinglist, as `du` counts it)

Every start gets an empty library and settings of its own (temporary XDG folders) and
READINGLIST_EXIT_AFTER_FIRST_PAINT=1: the app prints `first-paint` once its window has
painted, and quits; the clock stops here when that line arrives. The programs take turns,
round after round, and each one's median counts. Offscreen by default; `--platform xcb`
under Xvfb (`xvfb-run -a python benchmarks/package_bench.py --platform xcb`) is closer to a
desktop.

Build first (make package package-onefile); a bundle that is not there is skipped, saying so.
Run: python benchmarks/package_bench.py [--rounds N] [--platform P] [--check] [--json]
"""

import argparse
import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from readinglist.ui.startup.first_paint import FIRST_PAINT_ENV, FIRST_PAINT_LINE

ROOT = Path(__file__).resolve().parents[1]
ONEDIR = ROOT / "dist" / "readinglist"
ONEFILE = ROOT / "dist" / "onefile" / "readinglist"
ONEDIR_MAX_FLOOR_RATIO = 1.5
BUNDLE_MAX_MIB = 150.0
START_TIMEOUT_S = 120.0


@dataclass(frozen=True, slots=True)
class Program:
    name: str
    command: tuple[str, ...]


@dataclass(slots=True)
class Figures:
    """Everything measured, in seconds unless named otherwise: what `--json` prints."""

    rounds: int
    platform: str
    starts: dict[str, list[float]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    bundle_mib: float | None = None
    environment: dict[str, str] = field(default_factory=dict)

    def median(self, name: str) -> float | None:
        times = self.starts.get(name)
        return statistics.median(times) if times else None

    def checks(self) -> dict[str, tuple[float, float, str]]:
        """Each target as (value, limit, how the table states it), for what was measured."""
        checks: dict[str, tuple[float, float, str]] = {}
        floor, onedir = self.median("floor"), self.median("onedir")
        if floor and onedir:
            checks["onedir"] = (onedir / floor, ONEDIR_MAX_FLOOR_RATIO, "<= 1.5x floor")
        if self.bundle_mib is not None:
            checks["size"] = (self.bundle_mib, BUNDLE_MAX_MIB, "< 150 MiB")
        return checks

    def failed(self) -> list[str]:
        return [name for name, (value, limit, _) in self.checks().items() if value > limit]


def programs() -> list[Program]:
    return [
        Program("floor", (sys.executable, "-m", "readinglist")),
        Program("onedir", (str(ONEDIR / "readinglist"),)),
        Program("onefile", (str(ONEFILE),)),
    ]


def first_paint_seconds(program: Program, qt_platform: str) -> float:
    """Seconds from starting `program` to its `first-paint` line; waits for it to exit."""
    with tempfile.TemporaryDirectory(prefix="readinglist-start-") as home:
        env = {
            **os.environ,
            FIRST_PAINT_ENV: "1",
            "QT_QPA_PLATFORM": qt_platform,
            "READINGLIST_LIBRARY": str(Path(home) / "library.sqlite"),
            **{f"XDG_{kind}_HOME": str(Path(home) / kind) for kind in ("CONFIG", "DATA", "CACHE")},
        }
        start = time.perf_counter()
        process = subprocess.Popen(
            program.command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
        )
        watchdog = threading.Timer(START_TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            assert process.stdout is not None
            for line in process.stdout:
                if line.strip() == FIRST_PAINT_LINE:
                    return time.perf_counter() - start
            raise SystemExit(f"{program.name} ended ({process.wait()}) without painting")
        finally:
            process.wait()
            watchdog.cancel()


def measure(rounds: int, qt_platform: str) -> Figures:
    figures = Figures(rounds, qt_platform, environment=environment())
    runnable = []
    for program in programs():
        if Path(program.command[0]).is_file():
            runnable.append(program)
            figures.starts[program.name] = []
        else:
            figures.skipped[program.name] = f"{program.command[0]} is not built"
    for number in range(rounds + 1):  # round 0 warms the disk cache and is not counted
        progress(f"round {number} of {rounds}" + (" (warm-up)" if number == 0 else ""))
        for program in runnable:
            seconds = first_paint_seconds(program, qt_platform)
            if number:
                figures.starts[program.name].append(seconds)
    if ONEDIR.is_dir():
        figures.bundle_mib = folder_size(ONEDIR) / 2**20
    return figures


def folder_size(folder: Path) -> int:
    """Bytes on disk, as `du` counts them (the bundle's symbolic links count as links)."""
    return sum(os.lstat(path).st_blocks * 512 for path in folder.rglob("*")) + 4096


def environment() -> dict[str, str]:
    from readinglist.ui.qt import qVersion

    return {
        "python": platform.python_version(),
        "qt": qVersion(),
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
    }


def progress(message: str) -> None:
    """Progress goes to stderr so that `--json` output on stdout stays parseable."""
    print(message, file=sys.stderr, flush=True)


# --- the report --------------------------------------------------------------------------


def print_table(figures: Figures, out: TextIO) -> None:
    f, env, checks = figures, figures.environment, figures.checks()
    print(
        f"\nreadinglist start-up benchmark (Python {env['python']}, Qt {env['qt']}, "
        f"{env['cpus']} CPUs, platform {f.platform}, median of {f.rounds})\n",
        file=out,
    )
    print(_line("start to first paint", "seconds", "relative", "target", "result"), file=out)
    floor, onedir = f.median("floor"), f.median("onedir")
    for name, label in (
        ("floor", "floor: python -m readinglist"),
        ("onedir", "onedir bundle"),
        ("onefile", "onefile bundle"),
    ):
        seconds = f.median(name)
        if seconds is None:
            print(f"{label}: SKIPPED, {f.skipped.get(name, 'not measured')}", file=out)
            continue
        relative = f"{seconds / floor:.2f}x floor" if floor else ""
        if name == "onefile" and onedir:
            relative += f", {seconds / onedir:.1f}x onedir"
        print(_line(label, f"{seconds:.2f}", relative, *_verdict(checks.get(name))), file=out)
    if f.bundle_mib is not None:
        size = f"{f.bundle_mib:.0f} MiB"
        print(_line("size of dist/readinglist", size, "", *_verdict(checks["size"])), file=out)


def _verdict(check: tuple[float, float, str] | None) -> tuple[str, str]:
    if check is None:
        return "", ""
    value, limit, target = check
    return target, "PASS" if value <= limit else "FAIL"


def _line(label: str, seconds: str, relative: str, target: str, result: str) -> str:
    return f"{label:<30}{seconds:>8}  {relative:<26}{target:<16}{result}".rstrip()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=7, help="starts of each (default 7)")
    parser.add_argument(
        "--platform",
        default="offscreen",
        choices=("offscreen", "xcb", "wayland"),
        help="Qt platform for every start (xcb needs a display: run under xvfb-run)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if any target fails")
    parser.add_argument(
        "--json", action="store_true", help="print the figures as JSON (the table goes to stderr)"
    )
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        parser.error("--platform xcb needs a display: run it under xvfb-run -a")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which(sys.executable) is None:
        raise SystemExit(f"cannot run {sys.executable}")
    figures = measure(args.rounds, args.platform)
    print_table(figures, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps({**dataclasses.asdict(figures), "failed": figures.failed()}, indent=2))
    return 1 if args.check and figures.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
