"""Main-window benchmark on a 200,000-paper library: start-up, sorting, filtering, memory,
and how long the event loop stalls while an import runs in the background.

Start-up figures are ratios against a FLOOR measured in the same run: a bare PySide6
window with a table, started the same way (a fresh process, offscreen). Targets:

    window shown        <= 1.5x the bare window's first paint
    first rows shown    <= 4x the bare window's first paint
    sort, any column    < 100 ms from the header click to the new rows (median of runs), in
                        every sidebar entry measured
    sidebar filter      < 100 ms from the click to the new rows
    search box          < 50 ms from the debounced keystroke to the new rows (median of
                        search_bench's queries; the 95th percentile is printed too)
    (printed, no target: the longest stall while all 200,000 papers are starred and unstarred)
    resident memory     < 200 MB with the library open and rows shown
    event-loop stall    < 100 ms, longest, during a background import of 1,000 digests
                        (the median over imports into fresh libraries; the worst is printed)

The library is imported once from the synthetic corpus (`synthetic.py`) and cached under
benchmarks/.cache/. Run:
    python benchmarks/gui_bench.py [--digests N] [--runs N] [--imports N] [--check]
    python benchmarks/gui_bench.py --stalls-only [--imports N]   (the import stall alone: no
                                                                  library to build, a minute)
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import CACHE_DIR, cached_corpus

SHOWN_MAX_RATIO = 1.5
ROWS_MAX_RATIO = 4.0
SORT_MAX_MS = 100.0
FILTER_MAX_MS = 100.0
RSS_MAX_MB = 200.0
STALL_MAX_MS = 100.0
SEARCH_MEDIAN_MAX_MS = 50.0
TICK_MS = 5
ENTRIES_PER_DIGEST = 20
LIBRARY_DIGESTS = 11_112  # about 200,000 papers
IMPORT_DIGESTS = 1_000


# --- child processes: one start-up each ----------------------------------------------------


def child_floor(started: float) -> dict[str, float]:
    """A bare PySide6 window with a table: the least any Qt window costs to show."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget  # noqa: TID251

    app = QApplication(sys.argv[:1])
    times = _watch_paints(app, started)
    window = QMainWindow()
    table = QTableWidget(100, 7, window)
    table.setObjectName("paperList")
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()
    app.exec()
    return times


def child_app(started: float, library: Path) -> dict[str, float]:
    """The real app (`readinglist --library PATH`), until its list has painted rows."""
    from readinglist.ui.startup.app import AppOptions, _application, run_app

    times = _watch_paints(_application(), started)
    run_app(AppOptions(library=library))
    times["rss_mb"] = _peak_rss_mb()
    return times


def _watch_paints(app: object, started: float) -> dict[str, float]:
    """Record the main window's first paint, and the list's first paint with rows (then quit)."""
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QAbstractItemView, QMainWindow  # noqa: TID251

    times: dict[str, float] = {}

    def list_has_rows(watched: QObject) -> bool:
        view = watched.parent()
        if not isinstance(view, QAbstractItemView) or view.objectName() != "paperList":
            return False
        return view.model() is not None and view.model().rowCount() > 0

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            now = time.time() - started
            if isinstance(watched, QMainWindow):
                times.setdefault("shown_s", now)
            elif "rows_s" not in times and list_has_rows(watched):
                times["rows_s"] = now
                QTimer.singleShot(0, app.quit)  # type: ignore[attr-defined]
            return False

    watcher = Watcher(app)  # type: ignore[arg-type]
    app.installEventFilter(watcher)  # type: ignore[attr-defined]
    return times


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- in-process measurements ---------------------------------------------------------------


@dataclass
class Figures:
    papers: int = 0
    floor_shown_s: list[float] = field(default_factory=list)
    floor_rows_s: list[float] = field(default_factory=list)
    app_shown_s: list[float] = field(default_factory=list)
    app_rows_s: list[float] = field(default_factory=list)
    cold_rows_s: float = 0.0  # the first start after an upgrade: no list's SQL kept yet
    rss_mb: list[float] = field(default_factory=list)
    sort_ms: dict[str, dict[str, float]] = field(default_factory=dict)  # entry: column: ms
    filter_ms: dict[str, float] = field(default_factory=dict)
    stall_ms: list[float] = field(default_factory=list)  # the longest, one per import
    import_s: list[float] = field(default_factory=list)
    search_ms: dict[str, float] = field(default_factory=dict)  # query: ms
    bulk_stall_ms: float = 0.0
    bulk_s: float = 0.0

    def checks(self) -> list[tuple[str, float, float, str]]:
        floor = statistics.median(self.floor_shown_s)
        return [
            ("window shown", statistics.median(self.app_shown_s) / floor, SHOWN_MAX_RATIO, "x"),
            ("first rows", statistics.median(self.app_rows_s) / floor, ROWS_MAX_RATIO, "x"),
            (
                "slowest sort",
                max(max(row.values()) for row in self.sort_ms.values()),
                SORT_MAX_MS,
                "ms",
            ),
            ("slowest filter", max(self.filter_ms.values()), FILTER_MAX_MS, "ms"),
            ("peak memory", max(self.rss_mb), RSS_MAX_MB, "MB"),
            ("longest stall", statistics.median(self.stall_ms), STALL_MAX_MS, "ms"),
            (
                "search, median",
                statistics.median(self.search_ms.values()),
                SEARCH_MEDIAN_MAX_MS,
                "ms",
            ),
        ]


def start_up(figures: Figures, library: Path, runs: int) -> None:
    """Start-ups of the bare window and the app in turn; first, one start of the app with no
    list's SQL kept beside the library (see `library/id_plans.py`), as after an upgrade."""
    from readinglist.library.id_plans import SUFFIX

    _compile_package()
    library.with_name(library.name + SUFFIX).unlink(missing_ok=True)
    figures.cold_rows_s = _run_child(["app", str(library)])["rows_s"]
    for _ in range(runs):
        floor = _run_child(["floor"])
        figures.floor_shown_s.append(floor["shown_s"])
        app = _run_child(["app", str(library)])
        figures.app_shown_s.append(app["shown_s"])
        figures.app_rows_s.append(app["rows_s"])
        figures.floor_rows_s.append(floor["rows_s"])
        figures.rss_mb.append(app["rss_mb"])


def _compile_package() -> None:
    """Byte-code for readinglist, as an installed app has it (pip and PyInstaller ship .pyc).

    Where PYTHONDONTWRITEBYTECODE is set (as on the development machines), every start-up would
    otherwise compile the app's modules from source: 40-90 ms that no user pays and that
    the bare window, with no modules of its own, does not pay either.
    """
    import compileall

    import readinglist

    compileall.compile_dir(Path(readinglist.__file__).parent, quiet=1)


def _run_child(args: list[str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as config:
        env = {**os.environ, "XDG_CONFIG_HOME": config, "QT_QPA_PLATFORM": "offscreen"}
        command = [sys.executable, __file__, "--child", *args, "--started", repr(time.time())]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


class WindowOnLibrary:
    """The main window on a library, in this process, with a way to wait for its reads."""

    def __init__(self, library_path: Path, settings_dir: Path) -> None:
        """Attached as the app attaches it (without its daily backup, a copy of 1.2 GB)."""
        from readinglist.ui.qt import QSettings
        from readinglist.ui.startup.app import _application, attach_library
        from readinglist.ui.window.main_window import MainWindow

        self.app = _application()
        settings = QSettings(str(settings_dir / "settings.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(settings)
        self.window.resize(1280, 800)
        self.window.show()
        if not attach_library(self.window, library_path) or self.window.service is None:
            raise SystemExit(f"cannot open {library_path}")
        self.library = self.window.service.library
        self.wait()

    def wait(self, until: Callable[[], bool] | None = None) -> float:
        """Run the event loop until the window has settled; the seconds it took.

        The loop idles in Qt between checks (a 1 ms timer): spinning `processEvents` in
        Python would hold the GIL the worker threads need.
        """
        from readinglist.ui.qt import QEventLoop, QTimer

        ready = until or self.window.is_settled
        start = time.perf_counter()
        loop = QEventLoop()
        check = QTimer(interval=1)
        check.timeout.connect(lambda: loop.quit() if ready() else None)
        check.start()
        if not ready():
            loop.exec()
        check.stop()
        self.app.processEvents()  # the rows' first paint
        return time.perf_counter() - start

    def close(self) -> None:
        self.window.close()
        self.library.close()


def sorts_and_filters(figures: Figures, library: Path, workdir: Path) -> None:
    from readinglist.ui.list.columns import Column
    from readinglist.ui.qt import Qt

    bench = WindowOnLibrary(library, workdir)
    try:
        figures.papers = bench.window.list_pane.model.rowCount()
        model = bench.window.sidebar.model
        keys = [
            "all",
            "status:unread",
            "status:read",
            "starred",
            _first_child(model, "group:tags"),
            _first_child(model, "group:digests"),
        ]
        for key in keys:
            bench.window.sidebar.select_key(key)
            bench.wait()
            figures.sort_ms[key] = {
                column.name.lower(): _sort_ms(bench, column) for column in Column
            }
        bench.window.list_pane.view.horizontalHeader().setSortIndicator(
            Column.FIRST_SEEN, Qt.SortOrder.DescendingOrder
        )
        bench.wait()
        for key in keys[1:] + keys[:1]:
            runs = []
            for _ in range(3):
                bench.window.sidebar.select_key("all" if key != "all" else "status:unread")
                bench.wait()
                bench.window.sidebar.select_key(key)
                runs.append(bench.wait() * 1000)
            figures.filter_ms[key] = statistics.median(runs)
        bench.window.sidebar.select_key("all")
        bench.wait()
        search_box(figures, bench)
        bulk_edit(figures, bench)
    finally:
        bench.close()


def search_box(figures: Figures, bench: WindowOnLibrary) -> None:
    """search_bench's queries typed into the box: from the debounce's end (`search_now`, what
    its timer calls) to the new rows painted, each query twice (the median counts)."""
    from search_bench import QUERIES

    box = bench.window.search_box
    for text in (text for texts in QUERIES.values() for text in texts):
        runs = []
        for _ in range(2):
            box.set_text("")
            bench.wait()
            box.field.setText(text)
            start = time.perf_counter()
            box.search_now()
            bench.wait()
            runs.append((time.perf_counter() - start) * 1000)
        figures.search_ms[text] = statistics.median(runs)
    box.set_text("")
    bench.wait()


def bulk_edit(figures: Figures, bench: WindowOnLibrary) -> None:
    """Ctrl+A on the whole library, star all, undo: the longest gap between ticks of a 5 ms
    timer while that runs (written on the writer thread), and the seconds until both are in."""

    window = bench.window
    assert window.service is not None
    edits = window.service.edits
    start = time.perf_counter()
    with GapWatch() as watch:
        window.list_pane.view.selectAll()
        window.selection_panel.star_button.click()
        window.triage.undo_action.trigger()
        bench.wait(lambda: not edits.is_busy() and window.is_settled())
    figures.bulk_s = time.perf_counter() - start
    figures.bulk_stall_ms = watch.longest_s() * 1000
    window.list_pane.select_row(0)


def _sort_ms(bench: WindowOnLibrary, column: int) -> float:
    """Header clicks on `column`, ascending and descending twice: the median, in ms."""
    from readinglist.ui.qt import Qt

    header = bench.window.list_pane.view.horizontalHeader()
    runs = []
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder) * 2:
        header.setSortIndicator(column, order)
        runs.append(bench.wait() * 1000)
    return statistics.median(runs)


def _first_child(model: object, group: str) -> str:
    from readinglist.ui.sidebar.model import KEY_ROLE, SidebarModel

    assert isinstance(model, SidebarModel)
    parent = model.index_of(group)
    return str(model.index(0, 0, parent).data(KEY_ROLE))


def stalls_during_imports(figures: Figures, workdir: Path, imports: int) -> None:
    """Imports of the same 1,000 digests into fresh libraries, each with a window open."""
    for number in range(imports):
        folder = workdir / f"import-{number}"
        folder.mkdir()
        stall_s, import_s = stall_during_import(folder)
        figures.stall_ms.append(stall_s * 1000)
        figures.import_s.append(import_s)


def stall_during_import(workdir: Path) -> tuple[float, float]:
    """The longest gap between ticks of a 5 ms timer while 1,000 digests import; the
    import's seconds."""
    corpus = cached_corpus(IMPORT_DIGESTS, ENTRIES_PER_DIGEST)
    bench = WindowOnLibrary(workdir / "import.sqlite", workdir)
    try:
        imports = bench.window.imports
        assert imports is not None
        finished: list[object] = []
        imports.finished.connect(finished.append)
        with GapWatch() as watch:
            start = time.perf_counter()
            bench.window.import_paths([corpus])
            bench.wait(lambda: bool(finished) and bench.window.is_settled())
            import_s = time.perf_counter() - start
        return watch.longest_s(), import_s
    finally:
        bench.close()


class GapWatch:
    """Ticks of a 5 ms timer while the block runs: the longest gap between two is the
    longest the event loop was kept from running."""

    def __enter__(self) -> "GapWatch":
        from readinglist.ui.qt import QTimer

        self._gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self._gaps.append(now - self._last)
        self._last = now

    def longest_s(self) -> float:
        return max(self._gaps, default=0.0)


def cached_library(digests: int) -> Path:
    """A library of the synthetic corpus at the current schema, with a reader's own data on
    a few percent of its papers (search_bench's: stars, statuses, tags, notes), so that the
    sidebar's entries other than All papers hold papers; made on first use only."""
    from readinglist.library.database import open_library
    from readinglist.library.importer import import_paths
    from readinglist.library.migrations import latest_version
    from search_bench import add_users_data

    name = f"library-v{latest_version()}-d{digests}-e{ENTRIES_PER_DIGEST}-u1.sqlite"
    path = CACHE_DIR / name
    if path.is_file():
        return path
    corpus = cached_corpus(digests, ENTRIES_PER_DIGEST)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with open_library(partial, daily_backup=False) as library:
        import_paths(library, [corpus])
        add_users_data(library)
    for leftover in partial.parent.glob(partial.name + "-*"):
        leftover.unlink()
    shutil.rmtree(partial.parent / "backups", ignore_errors=True)
    partial.rename(path)
    return path


# --- the report ----------------------------------------------------------------------------


def print_report(figures: Figures) -> bool:
    floor = statistics.median(figures.floor_shown_s)
    print(
        f"\nreadinglist GUI benchmark: {figures.papers:,} papers, offscreen, {os.cpu_count()} CPUs"
    )
    print(f"floor: bare PySide6 window with a table, first paint {floor * 1000:.0f} ms after start")
    print(
        f"app: window shown {statistics.median(figures.app_shown_s) * 1000:.0f} ms, "
        f"first rows {statistics.median(figures.app_rows_s) * 1000:.0f} ms (medians); "
        f"first rows with no list's SQL kept (after an upgrade) {figures.cold_rows_s * 1000:.0f} ms"
    )
    _print_sorts(figures.sort_ms)
    print("filter (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in figures.filter_ms.items()))
    _print_stalls(figures)
    searches = sorted(figures.search_ms.values())
    slowest = max(figures.search_ms, key=figures.search_ms.__getitem__)
    print(
        f"search box, {len(searches)} queries (ms): median {statistics.median(searches):.0f}, "
        f"95th percentile {searches[int(0.95 * (len(searches) - 1))]:.0f}, "
        f"slowest {searches[-1]:.0f} ({slowest})"
    )
    print(
        f"star all {figures.papers:,} papers and undo: {figures.bulk_s:.1f} s, "
        f"longest stall {figures.bulk_stall_ms:.0f} ms"
    )
    print(f"\n{'figure':<16} {'measured':>10} {'target':>10}  result")
    passed = True
    for label, value, target, unit in figures.checks():
        ok = value <= target
        passed &= ok
        limit = f"<= {target:g}{unit}"
        print(f"{label:<16} {value:>8.2f}{unit:>2} {limit:>10}  {'PASS' if ok else 'FAIL'}")
    return passed


def stalls_only(imports: int, check: bool) -> int:
    """The import stall alone, printed as the full report prints it."""
    figures = Figures()
    with tempfile.TemporaryDirectory() as tmp:
        stalls_during_imports(figures, Path(tmp), imports)
    _print_stalls(figures)
    stall = statistics.median(figures.stall_ms)
    print(f"\nlongest stall {stall:>8.2f}ms {'<= ' + f'{STALL_MAX_MS:g}ms':>10}", end="  ")
    print("PASS" if stall <= STALL_MAX_MS else "FAIL")
    return 0 if stall <= STALL_MAX_MS or not check else 1


def _print_stalls(figures: Figures) -> None:
    print(
        f"import of {IMPORT_DIGESTS:,} digests with the window open: "
        + ", ".join(f"{s:.1f}" for s in figures.import_s)
        + " s; longest stall in each: "
        + ", ".join(f"{ms:.0f}" for ms in figures.stall_ms)
        + f" ms (median {statistics.median(figures.stall_ms):.0f}, "
        f"worst {max(figures.stall_ms):.0f})"
    )


def _print_sorts(sort_ms: dict[str, dict[str, float]]) -> None:
    """A row per sidebar entry, a column per sort: the median ms of the header clicks."""
    columns = list(next(iter(sort_ms.values())))
    width = max(len(key) for key in sort_ms)
    print(f"\nsort (ms) {'':<{width - 10}} " + " ".join(f"{c:>10}" for c in columns))
    for key, row in sort_ms.items():
        print(f"{key:<{width}} " + " ".join(f"{row[c]:>10.0f}" for c in columns))
    print()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--digests", type=int, default=LIBRARY_DIGESTS, help="library size in digests"
    )
    parser.add_argument("--runs", type=int, default=5, help="start-ups of each kind")
    parser.add_argument(
        "--imports", type=int, default=3, help="imports with the window open (stall: median)"
    )
    parser.add_argument(
        "--stalls-only", action="store_true", help="only the stall during imports (no library)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        kind, *rest = args.child
        times = (
            child_floor(args.started) if kind == "floor" else child_app(args.started, Path(rest[0]))
        )
        print(json.dumps(times))
        return 0
    if args.stalls_only:
        return stalls_only(args.imports, args.check)
    print("preparing the library (cached after the first run)…", file=sys.stderr)
    library = cached_library(args.digests)
    figures = Figures()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("start-up…", file=sys.stderr)
        start_up(figures, library, args.runs)
        print("sorting and filtering…", file=sys.stderr)
        sorts_and_filters(figures, library, work)
        print("importing with the window open…", file=sys.stderr)
        stalls_during_imports(figures, work, args.imports)
    passed = print_report(figures)
    return 0 if passed or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
