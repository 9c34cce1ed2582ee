"""Reading-view benchmark: the figures of `readinglist stats` on a 200,000-paper library with a
year of reading history.

The library is gui_bench's (the synthetic corpus with a reader's own data, cached), copied,
and given a year of status changes: `--events` of them (60,000 by default: a heavy reader's
year, about 160 a day), spread over 52 weeks on random papers, each paper's changes in time
order. The same run measures a FLOOR, the least any such view must do: reading every event's
(paper, status, time) through the raw sqlite3 driver. Targets:

    12 weeks' figures   < 200 ms (issue 16), printed as a ratio to the floor too
    a year's figures    < 200 ms
    Today               < 50 ms: its list (in each order) and its counts, read after a triage
                        key, with import_bench's 20 rules kept and their hits on 5% of the
                        papers, 40 papers arrived since the last session and a few brought back

Each measure runs `--runs` times (the machine may be busy) and the best counts. Run:
    python benchmarks/stats_bench.py [--digests N] [--events N] [--runs N] [--check]

`--shared` measures the same figures on a shared library instead (PostgreSQL, issue 17), as
one member, over a Unix socket to a throwaway server (tests/helpers/postgres.py):
shared_bench's 200,000 records (one author each, no tags) and the member's year of `--events`
status changes, made as above; the floor reads every event through psycopg.
"""

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # tests.helpers, for --shared

from gui_bench import cached_library
from import_bench import RULES
from readinglist.core.query import parse_query
from readinglist.core.stats import default_since, week_start
from readinglist.core.today import TodayOrder
from readinglist.library import today
from readinglist.library.database import open_library
from readinglist.library.sorting import find_paper_ids
from readinglist.library.stats import library_stats

if TYPE_CHECKING:
    from tests.helpers.postgres import PostgresDatabase

    from readinglist.library.database import Library

TARGET_MS = 200.0
TODAY_TARGET_MS = 50.0
ARRIVED = 40  # a morning's papers
NOW = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)
STATUSES = ("read", "read", "read", "skipped", "skipped", "queued", "reading")


def add_history(path: Path, events: int) -> None:
    """`events` status changes over the year before NOW, on random papers, as the app writes
    them (the event, and the paper's status and time of its latest change)."""
    rng = random.Random(1)
    with sqlite3.connect(path) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM papers")]
        start = NOW - dt.timedelta(weeks=52)
        rows = sorted(
            (start + dt.timedelta(seconds=rng.uniform(0, 52 * 7 * 86_400)), rng.choice(ids))
            for _ in range(events)
        )
        written = [
            (paper, rng.choice(STATUSES), at.strftime("%Y-%m-%d %H:%M:%S.%f")) for at, paper in rows
        ]
        connection.executemany(
            "INSERT INTO status_events (paper_id, status, at) VALUES (?, ?, ?)", written
        )
        connection.executemany(
            "UPDATE papers SET status = ?, status_changed_at = ? WHERE id = ?",
            [(status, at, paper) for paper, status, at in written],
        )


def _stored(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def add_today(path: Path) -> None:
    """The rules (two of them putting papers first), their hits on 5% of the papers, a
    session that ended yesterday, and ARRIVED papers added since."""
    rng = random.Random(2)
    with sqlite3.connect(path) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM papers")]
        created = _stored(NOW - dt.timedelta(days=30))
        for n, (name, query, tags, status) in enumerate(RULES):
            connection.execute(
                "INSERT INTO rules (name, query, tags, status, star, first, created_at)"
                " VALUES (?, ?, ?, ?, 0, ?, ?)",
                (name, query, str(list(tags)).replace("'", '"'), status, n < 2, created),
            )
        rule_ids = [row[0] for row in connection.execute("SELECT id FROM rules")]
        hits = {(paper, rng.choice(rule_ids)) for paper in rng.sample(ids, len(ids) // 20)}
        connection.executemany(
            "INSERT INTO rule_hits (paper_id, rule_id, at) VALUES (?, ?, ?)",
            [(paper, rule, created) for paper, rule in hits],
        )
        days_ago = [_stored(NOW - dt.timedelta(days=n)) for n in (2, 1)]
        connection.execute(  # the roll makes yesterday's last key Today's start
            "INSERT INTO triage_state (id, today_since, last_triage_at) VALUES (1, ?, ?)",
            days_ago,
        )
        connection.execute(  # the library was imported a month before NOW, not when it was made
            "UPDATE papers SET added_at = ?", (_stored(NOW - dt.timedelta(days=30)),)
        )
        arrived = rng.sample(ids, ARRIVED)
        connection.executemany(
            "UPDATE papers SET added_at = ?, status = 'unread' WHERE id = ?",
            [(_stored(NOW - dt.timedelta(hours=2)), paper) for paper in arrived],
        )


def best_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def floor(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("SELECT paper_id, status, at FROM status_events ORDER BY at").fetchall()


SPANS = {
    "12 weeks": default_since(NOW.date()),
    "a year": week_start(NOW.date()) - dt.timedelta(weeks=51),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--digests", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--shared", action="store_true", help="on a shared library (PostgreSQL)")
    args = parser.parse_args()
    if args.shared:
        return _on_shared(args)
    print("preparing the library (cached after the first run)…", file=sys.stderr)
    source = cached_library(args.digests)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.sqlite"
        shutil.copyfile(source, path)
        add_history(path, args.events)
        add_today(path)
        floor_ms = best_ms(lambda: floor(path), args.runs)
        with open_library(path, daily_backup=False) as library:
            with library.reading() as connection:
                papers = connection.exec_driver_sql("SELECT count(*) FROM papers").scalar() or 0
            measured = _figures_ms(library, args.runs)
            with library.writing() as connection:  # this morning's session begins
                today.roll(connection, NOW)
            today_ms = {
                order: best_ms(_in_order(library, order), args.runs) for order in TodayOrder
            }
    print(
        f"\nreadinglist stats benchmark: {papers:,} papers, "
        f"{args.events:,} status events, best of {args.runs}"
    )
    print(f"floor: read every event through the driver  {floor_ms:7.1f} ms")
    passed = _report(measured, floor_ms)
    print(f"\nToday ({ARRIVED} new papers, {len(RULES)} rules): its list and counts, ms")
    for order, ms in today_ms.items():
        ok = ms < TODAY_TARGET_MS
        passed &= ok
        print(f"{order.value:<12} {ms:8.1f} {'< 50 ms':>19}  " + ("PASS" if ok else "FAIL"))
    return 0 if passed or not args.check else 1


def _figures_ms(library: "Library", runs: int) -> dict[str, float]:
    """The best time of the figures of each of `SPANS`, in ms."""
    measured = {}
    for name, since in SPANS.items():

        def figures(since: dt.date = since) -> None:
            with library.reading() as connection:
                library_stats(connection, since, NOW, dt.UTC)

        measured[name] = best_ms(figures, runs)
    return measured


def _report(measured: dict[str, float], floor_ms: float) -> bool:
    """Prints each span's time against the floor and the target; whether all are met."""
    passed = True
    print(f"\n{'figures of':<12} {'ms':>8} {'x floor':>8} {'target':>10}  result")
    for name, ms in measured.items():
        ok = ms < TARGET_MS
        passed &= ok
        print(
            f"{name:<12} {ms:8.1f} {ms / floor_ms:7.1f}x {'< 200 ms':>10}  "
            + ("PASS" if ok else "FAIL")
        )
    return passed


def _on_shared(args: argparse.Namespace) -> int:
    """The figures on a shared library, as one member (see the module's words)."""
    from tests.helpers.postgres import fresh_database, running_server

    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.opening import open_shared

    print("preparing a shared library on a throwaway server…", file=sys.stderr)
    with running_server() as server, fresh_database(server) as database:
        member = _shared_library(database, args.events)
        address = SharedAddress.parse(database.url_as(member))
        with open_shared(address) as library:
            with library.reading() as connection:
                floor_ms = best_ms(
                    lambda: connection.exec_driver_sql(
                        "SELECT paper_id, status, at FROM status_events ORDER BY at"
                    ).fetchall(),
                    args.runs,
                )
            measured = _figures_ms(library, args.runs)
    print(
        f"\nreadinglist stats benchmark on a shared library (PostgreSQL): 200,000 papers, "
        f"{args.events:,} status events of one member, best of {args.runs}"
    )
    print(f"floor: read every event through psycopg  {floor_ms:7.1f} ms")
    passed = _report(measured, floor_ms)
    return 0 if passed or not args.check else 1


def _shared_library(database: "PostgresDatabase", events: int) -> str:
    """shared_bench's 200,000 records, arrived a month before NOW, and a member with a year
    of `events` status changes (made as `add_history` makes them); the member's role."""
    import uuid

    import psycopg

    from readinglist.library.shared import ddl
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.setup import init_shared
    from shared_bench import fill

    member = f"reader_{uuid.uuid4().hex[:8]}"
    init_shared(SharedAddress.parse(database.url))
    with psycopg.connect(database.url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {member} LOGIN IN ROLE {ddl.MEMBER}".encode())
        fill(admin, 200_000)
        admin.execute("UPDATE paper_records SET added_at = %s", [NOW - dt.timedelta(days=30)])
    rng = random.Random(1)
    start = NOW - dt.timedelta(weeks=52)
    moments = sorted(
        (start + dt.timedelta(seconds=rng.uniform(0, 52 * 7 * 86_400)), rng.randint(1, 200_000))
        for _ in range(events)
    )
    with psycopg.connect(database.url_as(member), autocommit=True) as reader:
        reader.cursor().executemany(  # COPY is refused where row-level security holds
            "INSERT INTO status_events (paper_id, status, at) VALUES (%s, %s, %s)",
            [(paper, rng.choice(STATUSES), at) for at, paper in moments],
        )
        reader.execute(
            "INSERT INTO paper_states (paper_id, status, status_changed_at) "
            "SELECT DISTINCT ON (paper_id) paper_id, status, at FROM status_events "
            "ORDER BY paper_id, at DESC, id DESC"
        )
    with psycopg.connect(database.url, autocommit=True) as admin:
        admin.execute("ANALYZE")
    return member


def _in_order(library: "Library", order: TodayOrder) -> Callable[[], None]:
    """What the window reads after a triage key in Today: the list in the reader's order,
    and Today's counts (the sidebar's and the bar's)."""

    def read() -> None:
        with library.reading() as connection:
            find_paper_ids(connection, TODAY, order.facts.sort)
            today.progress(connection)

    return read


TODAY = parse_query("is:today")


if __name__ == "__main__":
    sys.exit(main())
