"""`shared_bench.py --search`: the search-box queries on a shared library of the synthetic
corpus (see shared_bench's docstring). Figures are in docs/postgres-notes.md.

What is timed is what the window waits for on a keystroke: every id of the list, in the
list's order (`find_paper_ids`, as the list model asks for them), through the library
layer as a member. The SQLite library it copies is gui_bench's (imported once, kept in
benchmarks/.cache). At the end, the plans of common words and where their time goes: the
server's (EXPLAIN ANALYZE, its own overhead included) against the whole call.

The server has PostgreSQL's stock 128 MB of shared_buffers, as a lab's would from Debian's
package (tests.helpers.postgres.STOCK_MEMORY), not the tests' 32 MB.

Building the words takes 450-1,000 s: `--hold FILE` keeps the server running once measured,
while FILE exists, and prints the member's address; `--on ADDRESS` measures a library held
so (its plans tried in psql, its indexes changed) without building one.
"""

import sqlite3
import statistics
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from tests.helpers.postgres import (
    STOCK_MEMORY,
    PostgresDatabase,
    fresh_database,
    running_server,
)

from readinglist.core.listing import SortKey
from readinglist.core.query import parse_query
from readinglist.library import papers as store
from readinglist.library import sorting
from readinglist.library.shared import ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import SESSION_OPTIONS, open_shared
from readinglist.library.shared.setup import init_shared
from readinglist.ui.window import browsing
from search_bench import QUERIES

MEDIAN_MS, P95_MS = 50.0, 150.0  # issue 17, over a Unix socket
# (table, its columns as the SQLite library has them, as the shared library names them)
COPIED = [
    (
        "paper_records",
        "id, arxiv_id, url, title, authors, authors_truncated = 1, first_seen, last_seen, "
        "votes, votes_date, added_at || '+00', seen_count, rising",
        "id, arxiv_id, url, title, authors, authors_truncated, first_seen, last_seen, votes, "
        "votes_date, added_at, seen_count, rising",
    ),
    (
        "digests",
        "id, source, date, source_name, content_hash, imported_at || '+00'",
        "id, source, date, source_name, content_hash, imported_at",
    ),
    (
        "sightings",
        "id, paper_id, digest_id, position, votes, title_ko, summary, abstract",
        "id, paper_id, digest_id, position, votes, title_ko, summary, abstract",
    ),
    ("tags", "id, name", "id, name"),
    ("paper_tags", "paper_id, tag_id", "paper_id, tag_id"),
]
STATES = (
    "SELECT id, starred = 1, status, note FROM papers "
    "WHERE starred OR status <> 'unread' OR note <> ''"
)
COMMON = [
    "모델",
    "데이터셋",
    '"대규모 언어 모델"',
    '"chain of thought"',
    'author:"anna rossi"',
    "title:video",
    "transformer",
]


def progress(message: str) -> None:
    print(message, flush=True)


def run_search(digests: int, repeat: int, trash: int = 0, hold: Path | None = None) -> None:
    from gui_bench import cached_library

    progress(f"the synthetic corpus ({digests} digests) in an SQLite library (kept once made)")
    path = cached_library(digests)
    with running_server(STOCK_MEMORY) as server, fresh_database(server) as database:
        member = copy_to_shared(path, database)
        if trash:
            put_in_trash(database, member, trash)
        measure_held(database.url_as(member), repeat)
        if hold is not None:
            progress(f"holding: --on '{database.url_as(member)}' (admin: {database.url});")
            progress(f"rm {hold} to stop")
            while hold.exists():
                time.sleep(1)  # a person at psql, not an event to wait on


def measure_held(address: str, repeat: int) -> None:
    """The queries and the plans of common words on the shared library at `address` (a
    member's)."""
    shared = open_shared(SharedAddress.parse(address))
    try:
        with shared.reading() as connection:
            memory = connection.exec_driver_sql("SHOW shared_buffers").scalar_one()
        progress(f"the server's shared_buffers: {memory}")
        measure(shared, repeat)
        explain(shared, address)
    finally:
        shared.close()


def copy_to_shared(path: Path, database: PostgresDatabase) -> str:
    """The SQLite library's papers, sightings and tags in a new shared library, a member
    with its stars, statuses and notes, and the search's words built; the member's name."""
    member = f"reader_{uuid.uuid4().hex[:8]}"
    init_shared(SharedAddress.parse(database.url))
    source = sqlite3.connect(path)
    with psycopg.connect(database.url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {member} LOGIN IN ROLE {ddl.MEMBER}".encode())
        admin.execute("SET session_replication_role = replica")  # no triggers while copying
        began = time.perf_counter()
        for table, read, written in COPIED:
            origin = "papers" if table == "paper_records" else table
            copy_rows(admin, source.execute(f"SELECT {read} FROM {origin}"), table, written)
        rows = source.execute(STATES)
        copy_rows(
            admin,
            ([member, *row] for row in rows),
            "paper_states",
            "person, paper_id, starred, status, note",
        )
        progress(f"copied in {time.perf_counter() - began:.1f} s")
        admin.execute("SET session_replication_role = DEFAULT")
        began = time.perf_counter()
        admin.execute(
            "INSERT INTO paper_search (rowid, last_seen) SELECT id, last_seen FROM paper_records"
        )
        admin.execute("DO $$ BEGIN PERFORM readinglist_index(id) FROM paper_records; END $$")
        admin.execute("UPDATE paper_states SET note = note")
        papers = admin.execute("SELECT count(*) FROM paper_records").fetchone()
        count = papers[0] if papers else 0
        took = time.perf_counter() - began
        progress(
            f"words of {count:,} papers built in {took:.1f} s ({took / count * 1e3:.2f} ms each)"
        )
        admin.execute("VACUUM ANALYZE")
        for table in ("paper_search", "paper_pairs"):
            sizes = admin.execute(
                f"SELECT pg_size_pretty(pg_table_size('{table}')), "
                f"pg_size_pretty(pg_indexes_size('{table}'))"
            ).fetchone()
            table_size, index_size = sizes if sizes else ("?", "?")
            progress(f"{table}: table {table_size}, indexes {index_size}")
    source.close()
    return member


def put_in_trash(database: PostgresDatabase, member: str, papers: int) -> None:
    """`papers` of the member's papers in their trash, spread over the library (every
    search leaves the trash out: search.Compiled.leaves_out_trash)."""
    with psycopg.connect(database.url_as(member), autocommit=True) as reader:
        reader.execute(
            "INSERT INTO trash (paper_id, trashed_at) SELECT id, now() FROM paper_records "
            "WHERE id %% (SELECT count(*) / %s FROM paper_records) = 0 ORDER BY id LIMIT %s",
            [papers, papers],
        )
    with psycopg.connect(database.url, autocommit=True) as admin:
        admin.execute("ANALYZE trash")
    progress(f"{papers:,} papers in the member's trash")


def copy_rows(connection: psycopg.Connection[Any], rows: Any, table: str, columns: str) -> None:
    with connection.cursor().copy(f"COPY {table} ({columns}) FROM STDIN".encode()) as copy:
        for row in rows:
            copy.write_row(row)


def measure(shared: Any, repeat: int) -> None:
    """Each query twice over: the window's first screen (`first_paper_ids`, what it shows
    on a key; when the server gives up on it, the whole list's time, which the window reads
    beside it and shows then) and the whole list (every id, in the list's order)."""
    firsts: list[float] = []
    wholes: list[float] = []
    print("each query: the first screen the window shows on a key, and every id of its list")
    print(f"{'query':<42}{'ids':>8}{'first ms':>10}{'whole ms':>10}")
    with shared.reading() as connection:
        for texts in QUERIES.values():
            for text in texts:
                query = parse_query(text)
                found = store.find_paper_ids(connection, query)  # warm: keystrokes come in a row
                first_screen(connection, query)
                first: list[float] = []
                whole: list[float] = []
                for _ in range(repeat):
                    took, _ids = timed_call(store.find_paper_ids, connection, query)
                    screen, shown = timed_call(first_screen, connection, query)
                    whole.append(took)
                    first.append(took if shown is None else screen)
                firsts += first
                wholes += whole
                print(
                    f"{text:<42}{len(found):>8}{statistics.median(first):>10.1f}"
                    f"{statistics.median(whole):>10.1f}"
                )
    count = sum(len(t) for t in QUERIES.values())
    for name, samples in (("first screen", firsts), ("whole list", wholes)):
        samples.sort()
        median, p95 = statistics.median(samples), samples[round(0.95 * (len(samples) - 1))]
        verdict = "ok" if median < MEDIAN_MS and p95 < P95_MS else "FAIL"
        print(
            f"{count} queries x {repeat}, {name}: median {median:.1f} ms "
            f"(target < {MEDIAN_MS:.0f}), p95 {p95:.1f} ms (target < {P95_MS:.0f})  {verdict}"
        )


def first_screen(connection: Any, query: Any) -> list[int] | None:
    return store.first_paper_ids(
        connection,
        query,
        SortKey.LAST_SEEN,
        True,
        limit=browsing.FIRST,
        within_ms=browsing.FIRST_WITHIN_MS,
    )


def timed_call[T](call: Callable[..., T], *args: Any) -> tuple[float, T]:
    """How long `call(*args)` took, in ms, and its answer."""
    began = time.perf_counter()
    answer = call(*args)
    return (time.perf_counter() - began) * 1000, answer


def explain(shared: Any, address: str) -> None:
    """The plans of common words: how `paper_search` is read, and the server's time (with
    EXPLAIN ANALYZE's own) against the whole call through the library layer."""
    with (
        shared.reading() as connection,
        psycopg.connect(address, options=SESSION_OPTIONS) as reader,
    ):
        for text in COMMON:
            query = parse_query(text)
            plan = sorting.id_plan(connection, query, SortKey.LAST_SEEN, descending=True)
            began = time.perf_counter()
            plan.ids(connection)
            whole = (time.perf_counter() - began) * 1000
            sql, parameters = plan.statements[0]
            explained = f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}".encode()
            lines = [str(row[0]).strip() for row in reader.execute(explained, parameters)]
            scans = [line for line in lines if "Scan" in line and "paper_" in line]
            server = next((line for line in lines if line.startswith("Execution Time")), "")
            print(f"plan of {text}: {'; '.join(scans)}")
            print(f"  {server}; the whole call {whole:.1f} ms")
