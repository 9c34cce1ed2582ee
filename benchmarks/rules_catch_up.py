"""A member's private rules catching up on a shared library (issue 17,
library/shared/rules_catch_up.py): what a catch-up costs with nothing new (as at each
command and each of others' changes in a window), after another member's 30-paper digest,
and after 5,000 papers; each timed with its commit (which re-indexes what the rules tagged).

Bob has 5 rules that tag, one of which also skips and one also stars (about a third of the
papers match one). Alice imports; bob catches up. A member's first catch-up, whose mark
starts at their oldest rule, is timed too: carol's rules made before alice's digest.

Run: python benchmarks/rules_catch_up.py [--quiet-runs N] [--digests N] [--bulk N]
"""

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.helpers, from any folder

from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import PostgresDatabase, fresh_database, running_server

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.rules import Rule, add_rule
from readinglist.library.shared import ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.library.shared.rules_catch_up import CaughtUp, catch_up
from readinglist.library.shared.setup import init_shared

RULES = (
    Rule(0, "Surveys", "survey", tags=("surveys",), status=ReadingStatus.SKIPPED),
    Rule(0, "Robots", "robot", tags=("robots",), star=True),
    Rule(0, "Language", "language", tags=("language",)),
    Rule(0, "Vision", "vision", tags=("vision",)),
    Rule(0, "Graphs", "graph", tags=("graphs",)),
)
TOPICS = ("survey", "robot", "language", "vision", "graph", "protein", "market", "weather")
MS = 1000.0
FIRST_DAY = dt.date(2024, 1, 1)


class Papers:
    """Digests of fresh papers, each title with one topic word (the rules match 5 of 8)."""

    def __init__(self, folder: Path) -> None:
        self._writer, self._made, self._days = DigestWriter(folder), 0, 0

    def digest(self, count: int) -> Path:
        self._days += 1
        day = FIRST_DAY + dt.timedelta(days=self._days)
        return self._writer.write(f"{day}.md", day, [self._entry() for _ in range(count)])

    def _entry(self) -> FakeEntry:
        self._made += 1
        topic = TOPICS[self._made % len(TOPICS)]
        arxiv_id = f"{2401 + self._made // 90_000}.{self._made % 90_000:05d}"
        return FakeEntry(arxiv_id, title=f"A {topic} study number {self._made}", media=None)


def timed_catch_up(library: Library) -> tuple[float, CaughtUp]:
    began = time.perf_counter()
    with library.writing() as connection:
        done = catch_up(connection, utc_now())
    return (time.perf_counter() - began) * MS, done


def members(database: PostgresDatabase, *names: str) -> list[Library]:
    with psycopg.connect(database.url, autocommit=True) as admin:
        for name in names:
            admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE {ddl.MEMBER}".encode())
    return [open_shared(SharedAddress.parse(database.url_as(name))) for name in names]


def with_rules(library: Library) -> None:
    with library.writing() as connection:
        for rule in RULES:
            add_rule(connection, rule, utc_now())


def run(database: PostgresDatabase, quiet_runs: int, digests: int, bulk: int) -> None:
    init_shared(SharedAddress.parse(database.url))
    suffix = uuid.uuid4().hex[:6]
    alice, bob, carol = members(database, f"alice_{suffix}", f"bob_{suffix}", f"carol_{suffix}")
    papers = Papers(Path(tempfile.mkdtemp(prefix="catch-up-bench-")))
    try:
        timed_catch_up(bob)  # his mark
        with_rules(bob)
        with_rules(carol)  # no catch-up yet: her first comes after alice's digest
        import_paths(alice, [papers.digest(30)])
        first, done = timed_catch_up(carol)
        print(f"carol's first catch-up, a 30-paper digest: {first:.1f} ms ({done.counts()})")
        timed_catch_up(bob)
        quiet = [timed_catch_up(bob)[0] for _ in range(quiet_runs)]
        print(f"nothing new: median {statistics.median(quiet):.1f} ms ({quiet_runs} runs)")
        after_digest = []
        for _ in range(digests):
            import_paths(alice, [papers.digest(30)])
            took, done = timed_catch_up(bob)
            after_digest.append(took)
        print(
            f"after a 30-paper digest: median {statistics.median(after_digest):.1f} ms "
            f"({digests} digests; the last {done.counts()})"
        )
        import_paths(alice, [papers.digest(bulk)])
        took, done = timed_catch_up(bob)
        print(f"after {bulk:,} papers: {took / MS:.2f} s ({done.counts()})")
    finally:
        for library in (alice, bob, carol):
            library.close()


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, default in (("--quiet-runs", 50), ("--digests", 10), ("--bulk", 5_000)):
        options.add_argument(name, type=int, default=default)
    args = options.parse_args()
    with running_server() as server, fresh_database(server) as database:
        run(database, args.quiet_runs, args.digests, args.bulk)
    return 0


if __name__ == "__main__":
    sys.exit(main())
