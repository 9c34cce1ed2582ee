"""The sidebar's counts, Today and the Reading view's figures on a shared library, with an empty
trash and then with `--trash` papers in it (docs/postgres-notes.md has the figures).

The library is shared_bench --search's (the synthetic corpus copied into a shared library,
a member with search_bench's stars, statuses, tags and notes), given the member's year of
`--events` status changes (as stats_bench makes them) and a Today: every paper arrived a
month ago but 40 this morning, the last session yesterday. Each figure is the median of
`--repeat` calls through the library layer, as the window makes them, printed against a
floor measured in the same run: `SELECT count(*) FROM paper_records` (every paper's row,
nothing personal joined). Then the trash is filled (spread over the library, as
shared_bench's) and the same is measured again.

`--hold FILE` keeps the server running once measured, while FILE exists (its socket is
printed), to try plans with psql; delete FILE and the server is stopped as usual.

Each run measures it all again on the same library (`--runs`, two by default: quote the
better). Run: python benchmarks/shared_counts.py [--digests N] [--trash N] [--repeat N]
[--runs N] [--hold FILE]
"""

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # tests.helpers, from any folder

from sqlalchemy import Connection
from tests.helpers.postgres import PostgresDatabase, fresh_database, running_server

from gui_bench import cached_library
from readinglist.core.query import parse_query
from readinglist.core.stats import default_since, week_start
from readinglist.library import browse, today
from readinglist.library.database import Library
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.library.sorting import find_paper_ids
from readinglist.library.stats import library_stats
from shared_search import copy_to_shared, progress, put_in_trash
from stats_bench import STATUSES

NOW = dt.datetime.now(dt.UTC)
ARRIVED = 40  # a morning's papers
FLOOR = "SELECT count(*) FROM paper_records"
type Measure = Callable[[Connection], object]


def _stats(since: dt.date) -> Measure:
    return lambda connection: library_stats(connection, since, NOW, dt.UTC, beside=False)


MEASURES: dict[str, Measure] = {
    "status counts": browse.status_counts,
    "starred count": browse.starred_count,
    "tags": browse.all_tags,
    "days' counts, every day": lambda c: browse._digest_counts(c, None),
    "days' counts, one paper's days": lambda c: browse._digest_counts(c, [1]),
    "papers by source (several sources)": browse._papers_by_source,
    "other statuses by source (several)": browse._other_statuses_by_source,
    "added today": browse.added_today_counts,
    "Today's counts (progress)": today.progress,
    "Today's papers to do": today.untriaged_ids,
    "Today's list (is:today)": lambda c: find_paper_ids(c, parse_query("is:today")),
    "the whole sidebar (sidebar_counts)": browse.sidebar_counts,
    "stats, 12 weeks (one transaction)": _stats(default_since(NOW.date())),
    "stats, a year (one transaction)": _stats(week_start(NOW.date()) - dt.timedelta(weeks=51)),
}


def median_ms(library: Library, measure: Measure, repeat: int) -> float:
    """The median of `repeat` calls, each in a read transaction of its own (as the window's)."""
    times = []
    for _ in range(repeat + 1):  # the first warms the caches, as a window's earlier reads do
        with library.reading() as connection:
            began = time.perf_counter()
            measure(connection)
            times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times[1:])


def measure_all(library: Library, repeat: int) -> tuple[float, dict[str, float]]:
    """The floor and each of `MEASURES`, in ms."""
    floor = median_ms(library, lambda c: c.exec_driver_sql(FLOOR).scalar(), repeat)
    return floor, {name: median_ms(library, call, repeat) for name, call in MEASURES.items()}


def add_history(database: PostgresDatabase, member: str, events: int) -> None:
    """The member's year of `events` status changes on random papers (their states as the
    last change left them), every paper arrived a month ago but `ARRIVED` this morning, and
    the last session yesterday."""
    rng = random.Random(1)
    with psycopg.connect(database.url, autocommit=True) as admin:
        ids = [row[0] for row in admin.execute("SELECT id FROM paper_records")]
        admin.execute("UPDATE paper_records SET added_at = %s", [NOW - dt.timedelta(days=30)])
        admin.execute(
            "UPDATE paper_records SET added_at = %s WHERE id = ANY(%s)",
            [NOW - dt.timedelta(hours=2), rng.sample(ids, ARRIVED)],
        )
    start = NOW - dt.timedelta(weeks=52)
    moments = sorted(
        (start + dt.timedelta(seconds=rng.uniform(0, 52 * 7 * 86_400)), rng.choice(ids))
        for _ in range(events)
    )
    with psycopg.connect(database.url_as(member), autocommit=True) as reader:
        reader.execute(  # COPY is refused where row-level security holds
            "INSERT INTO status_events (paper_id, status, at) SELECT * FROM "
            "unnest(%s::bigint[], %s::text[], %s::timestamptz[])",
            [
                [p for _, p in moments],
                [rng.choice(STATUSES) for _ in moments],
                [a for a, _ in moments],
            ],
        )
        reader.execute(
            "INSERT INTO paper_states (paper_id, status, status_changed_at) "
            "SELECT DISTINCT ON (paper_id) paper_id, status, at FROM status_events "
            "ORDER BY paper_id, at DESC, id DESC ON CONFLICT (person, paper_id) DO UPDATE "
            "SET status = excluded.status, status_changed_at = excluded.status_changed_at"
        )
        yesterday = NOW - dt.timedelta(days=1)
        reader.execute(
            "INSERT INTO triage_state (id, today_since, last_triage_at) VALUES (1, %s, %s)",
            [yesterday - dt.timedelta(hours=1), yesterday],
        )
    with psycopg.connect(database.url, autocommit=True) as admin:
        admin.execute("VACUUM ANALYZE")
    progress(f"{events:,} status events of the member, {ARRIVED} papers arrived this morning")


def report(floors: list[float], runs: list[dict[str, float]], trash: int) -> None:
    """Each figure in ms and against its run's floor, with an empty trash and with `trash`."""
    print(f"\n{'':<38}{'empty trash':>20}{f'{trash:,} in the trash':>24}")
    print(f"{'':<38}{'ms':>10}{'x floor':>10}{'ms':>12}{'x floor':>10}")
    print(f"{'floor: ' + FLOOR:<38}{floors[0]:>10.1f}{1:>10.1f}{floors[1]:>12.1f}{1:>10.1f}")
    for name in MEASURES:
        before, after = runs[0][name], runs[1][name]
        print(
            f"{name:<38}{before:>10.1f}{before / floors[0]:>10.1f}"
            f"{after:>12.1f}{after / floors[1]:>10.1f}"
        )


def hold(server_socket: Path, member: str, database: str, flag: Path) -> None:
    """Wait while `flag` exists, the server running, for psql."""
    print(f"holding: psql -h {server_socket} -U {member} {database}; rm {flag} to stop", flush=True)
    while flag.exists():
        time.sleep(1)  # a person at psql, not an event to wait on


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digests", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=60_000)
    parser.add_argument("--trash", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--runs", type=int, default=2, help="the whole measure, on one library")
    parser.add_argument("--hold", type=Path, help="keep the server while this file exists")
    args = parser.parse_args()
    path = cached_library(args.digests)
    with running_server() as server, fresh_database(server) as database:
        member = copy_to_shared(path, database)
        add_history(database, member, args.events)
        library = open_shared(SharedAddress.parse(database.url_as(member)))
        try:
            for run in range(1, args.runs + 1):
                print(f"\nrun {run} of {args.runs}", flush=True)
                floors, runs = [], []
                for trash in (0, args.trash):
                    set_trash(database, member, trash)
                    floor, figures = measure_all(library, args.repeat)
                    floors.append(floor)
                    runs.append(figures)
                report(floors, runs, args.trash)
            if args.hold:
                hold(server.socket_dir, member, database.name, args.hold)
        finally:
            library.close()


def set_trash(database: PostgresDatabase, member: str, papers: int) -> None:
    """The member's trash emptied, then `papers` put in it (shared_bench's spread)."""
    with psycopg.connect(database.url_as(member), autocommit=True) as reader:
        reader.execute("DELETE FROM trash")
    if papers:
        put_in_trash(database, member, papers)


if __name__ == "__main__":
    main()
