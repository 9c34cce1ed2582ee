"""Importing digests into a shared library on PostgreSQL against a floor (issue 17): `COPY`
of the same rows in the same run. Target: within 3x.

The corpus is import_bench's synthetic one (`synthetic.py`, cached). The app imports it into
a new shared library through `import_paths`, as the window and `readinglist import` do. The
floor then writes the very rows the import left (every table an import writes: the papers'
records, digests, the files' hashes, sightings, and the change log its triggers wrote) into
a second new shared library with `COPY`, the fastest way into PostgreSQL, after reading the
files and splitting them into lines as any importer must: the least any importer could do.
Both libraries carry the same indexes and triggers; the floor's COPY fires the same row
triggers (the change log) as the import's inserts. Each side runs on a fresh database of
the same throwaway server (tests/helpers/postgres.py), over its Unix socket; the machine's
load is printed with the figures.

Run: python benchmarks/shared_import.py [--digests N] [--entries-per-digest N]
"""

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.helpers, from any folder
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.helpers.postgres import PostgresDatabase, fresh_database, running_server

from readinglist.library.importer import import_paths
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.library.shared.setup import init_shared
from synthetic import cached_corpus

TARGET_RATIO = 3.0
# What an import writes, parents first; the change log last (its rows are the triggers').
WRITTEN = ("paper_records", "digests", "digest_files", "sightings")


def imported(database: PostgresDatabase, files: list[Path]) -> float:
    """Seconds for the app to import `files` into a new shared library at `database`."""
    init_shared(SharedAddress.parse(database.url))
    library = open_shared(SharedAddress.parse(database.url))
    try:
        began = time.perf_counter()
        report = import_paths(library, files)
        took = time.perf_counter() - began
    finally:
        library.close()
    failed = [file for file in report.files if file.error is not None]
    if failed:
        raise SystemExit(f"the import failed: {failed[0].path}: {failed[0].error}")
    return took


def rows_written(database: PostgresDatabase) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the import wrote, by table (the owner reads them all)."""
    with psycopg.connect(database.url) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1".encode()).fetchall()
            for table in WRITTEN
        }


def floor(database: PostgresDatabase, files: list[Path], rows: dict[str, list[Any]]) -> float:
    """Seconds to read and split `files`, then COPY `rows` into a new shared library."""
    init_shared(SharedAddress.parse(database.url))
    with psycopg.connect(database.url) as connection:
        began = time.perf_counter()
        for path in files:
            path.read_text(encoding="utf-8").splitlines()
        for table, table_rows in rows.items():
            with connection.cursor().copy(f"COPY {table} FROM STDIN".encode()) as copy:
                for row in table_rows:
                    copy.write_row(row)
        connection.commit()
        return time.perf_counter() - began


def counts(database: PostgresDatabase) -> dict[str, int]:
    found = {}
    with psycopg.connect(database.url) as connection:
        for table in (*WRITTEN, "changes"):
            [(count,)] = connection.execute(f"SELECT count(*) FROM {table}".encode()).fetchall()
            found[table] = int(count)
    return found


def run(digests: int, entries: int) -> int:
    """Both sides on one server; the table printed; 1 when over the target."""
    files = sorted(cached_corpus(digests, entries).glob("*.md"))
    with running_server() as server:
        with fresh_database(server) as database:
            import_s = imported(database, files)
            rows = rows_written(database)
            written = counts(database)
        with fresh_database(server) as database:
            floor_s = floor(database, files, rows)
            copied = counts(database)
    if {t: n for t, n in copied.items() if t != "changes"} != {
        t: n for t, n in written.items() if t != "changes"
    }:
        raise SystemExit(f"the floor did not write what the import did: {copied} != {written}")
    ratio = import_s / floor_s
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"shared_import: {len(files):,} digests, {written['sightings']:,} entries, "
        f"{written['paper_records']:,} papers (load {load})"
    )
    print(f"  floor: read + split, COPY the same rows   {floor_s:8.2f} s")
    print(
        f"  import_paths into the shared library      {import_s:8.2f} s  "
        f"{ratio:.2f}x the floor (target <= {TARGET_RATIO:.0f}x)  "
        + ("ok" if ratio <= TARGET_RATIO else "FAIL")
    )
    print(f"  change log rows: import {written['changes']:,}, floor {copied['changes']:,}")
    return 0 if ratio <= TARGET_RATIO else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digests", type=int, default=10_000)
    parser.add_argument("--entries-per-digest", type=int, default=20)
    args = parser.parse_args()
    return run(args.digests, args.entries_per_digest)


if __name__ == "__main__":
    sys.exit(main())
