"""Ten people triaging one shared library at once (issue 17): no edit lost, none on the wrong
person, every client's final state the server's.

Each client is a process of its own (as each window is), connected as its own member role,
and for `--seconds` makes the edits a morning's triage makes, through the library layer as
the window does (`user_edits`, written by `write_in_parts`): a status, a star, a private note
on random papers among the same few hundred, and a tag of its own (shared: everyone's). It
remembers what it last wrote to each paper. At the end, for each client, what the server
shows that member must be exactly what the client last wrote (a paper it never touched:
unread, no star, no note), and every tag every client added must be there. Any difference is
printed and makes the exit status 1. The figures: edits written per second, all clients
together, and each edit's time to commit (median, p95).

Run: python benchmarks/shared_triage.py [--clients N] [--seconds S] [--papers N]
"""

import argparse
import multiprocessing
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.helpers, from any folder

from tests.helpers.postgres import PostgresDatabase, fresh_database, running_server

from readinglist.core.paper import ReadingStatus
from readinglist.library.shared import ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.library.shared.setup import init_shared
from readinglist.library.user_edits import (
    AddTagEdit,
    Edit,
    NoteEdit,
    StarEdit,
    StatusEdit,
    write_in_parts,
)

STATUSES = (ReadingStatus.READ, ReadingStatus.SKIPPED, ReadingStatus.QUEUED, ReadingStatus.UNREAD)


@dataclass
class Written:
    """What one client last wrote to each paper, its tags, and each edit's milliseconds."""

    status: dict[int, str] = field(default_factory=dict)
    starred: dict[int, bool] = field(default_factory=dict)
    note: dict[int, str] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)
    times: list[float] = field(default_factory=list)


def triage(url: str, name: str, ids: list[int], seconds: float, seed: int) -> Written:
    """One client's morning: random edits on `ids` for `seconds`."""
    rng, written = random.Random(seed), Written()
    library = open_shared(SharedAddress.parse(url), client=f"bench-{name}")
    try:
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            edit = _an_edit(rng, ids, name, written)
            began = time.perf_counter()
            write_in_parts(library, edit)
            written.times.append((time.perf_counter() - began) * 1000)
    finally:
        library.close()
    return written


def _an_edit(rng: random.Random, ids: list[int], name: str, written: Written) -> Edit:
    """A random edit, remembered as written (each client's own edits are in order)."""
    paper, kind = rng.choice(ids), rng.randrange(4)
    if kind == 0:
        status = rng.choice(STATUSES)
        written.status[paper] = status.value
        return StatusEdit([paper], status)
    if kind == 1:
        starred = rng.random() < 0.5
        written.starred[paper] = starred
        return StarEdit([paper], starred)
    if kind == 2:
        note = f"{name}'s note {rng.randrange(10**6)} 메모"
        written.note[paper] = note
        return NoteEdit(paper, note)
    tag = f"{name}-{len(written.tags)}"
    written.tags.add(tag)
    return AddTagEdit([paper], tag)


def differences(database: PostgresDatabase, member: str, written: Written) -> list[str]:
    """Where what `member` sees differs from what its client last wrote."""
    with psycopg.connect(database.url_as(member)) as connection:
        rows = connection.execute("SELECT id, status, starred, note FROM papers").fetchall()
        tags = {name for (name,) in connection.execute("SELECT name FROM tags").fetchall()}
    found = []
    for paper, status, starred, note in rows:
        expected = (
            written.status.get(paper, "unread"),
            written.starred.get(paper, False),
            written.note.get(paper, ""),
        )
        if (status, starred, note) != expected:
            found.append(f"{member}: paper {paper} is {(status, starred, note)}, not {expected}")
    found += [f"{member}: tag {tag} lost" for tag in sorted(written.tags - tags)]
    return found


def prepare(database: PostgresDatabase, clients: int, papers: int) -> tuple[list[str], list[int]]:
    """A shared library of `papers` papers and `clients` member roles."""
    init_shared(SharedAddress.parse(database.url))
    members = [f"triager{n}_{uuid.uuid4().hex[:6]}" for n in range(clients)]
    with psycopg.connect(database.url, autocommit=True) as admin:
        for member in members:
            admin.execute(f"CREATE ROLE {member} LOGIN IN ROLE {ddl.MEMBER}".encode())
        admin.execute(
            "INSERT INTO papers (arxiv_id, url, title, first_seen, last_seen, added_at) "
            "SELECT '2401.' || lpad(n::text, 5, '0'), 'https://arxiv.org/abs/x', 'Paper ' || n, "
            "current_date, current_date, now() FROM generate_series(1, %s) AS n",
            [papers],
        )
        ids = [int(paper) for (paper,) in admin.execute("SELECT id FROM papers").fetchall()]
    return members, ids


def run(database: PostgresDatabase, clients: int, seconds: float, papers: int) -> int:
    """The clients at once; their figures printed; 1 when any edit was lost or misplaced."""
    members, ids = prepare(database, clients, papers)
    jobs = [
        (database.url_as(member), member, ids, seconds, number)
        for number, member in enumerate(members)
    ]
    began = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        results = pool.starmap(triage, jobs)
    took = time.perf_counter() - began
    problems = [
        problem
        for member, written in zip(members, results, strict=True)
        for problem in differences(database, member, written)
    ]
    times = sorted(t for written in results for t in written.times)
    print(f"shared_triage: {clients} clients for {seconds:.0f} s on {papers} shared papers")
    print(f"  {len(times):,} edits, {len(times) / took:.0f} a second in all")
    print(
        f"  an edit's time to commit: median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(0.95 * (len(times) - 1))]:.1f} ms"
    )
    for problem in problems[:20]:
        print(f"  LOST OR MISPLACED: {problem}")
    print("  every client's final state is the server's" if not problems else "  FAIL")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--papers", type=int, default=300)
    args = parser.parse_args()
    with running_server() as server, fresh_database(server) as database:
        return run(database, args.clients, args.seconds, args.papers)


if __name__ == "__main__":
    sys.exit(main())
