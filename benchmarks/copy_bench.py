"""`readinglist copy` at scale (issue 17): the synthetic corpus's library file (gui_bench's
cached_library: 10,000 digests of 20 entries, about 180,000 papers with a reader's data on a
few percent) copied into a new shared library on a throwaway server, then back into a new
file, each timed whole (counts and checks included; the file's check, with its index built,
timed again alone) and against a floor: `COPY` of the same
papers' and sightings' rows alone into plain tables, in the same run.

Run: python benchmarks/copy_bench.py [--digests N]
"""

import argparse
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.helpers, from any folder
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.helpers.postgres import PostgresDatabase, fresh_database, running_server

from gui_bench import cached_library
from readinglist.library.health import check_library_and_index
from readinglist.library.location import library_place
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.copying import CopyOutcome, copy_library
from readinglist.library.shared.setup import init_shared


def floor_s(library: Path, database: PostgresDatabase) -> float:
    """`COPY` of the papers' and the sightings' rows into plain tables without triggers."""
    began = time.perf_counter()
    with closing(sqlite3.connect(library)) as source, psycopg.connect(database.url) as dest:
        for table in ("papers", "sightings"):
            cursor = source.execute(f"SELECT * FROM {table}")
            columns = ", ".join(f"c{n} text" for n in range(len(cursor.description)))
            dest.execute(f"CREATE TABLE floor_{table} ({columns})".encode())
            with dest.cursor().copy(f"COPY floor_{table} FROM STDIN".encode()) as copy:
                while rows := cursor.fetchmany(5000):
                    for row in rows:
                        copy.write_row(row)
        dest.commit()
    return time.perf_counter() - began


def said(outcome: CopyOutcome) -> str:
    papers = next(source for name, source, _ in outcome.counts if name == "papers")
    return f"{outcome.seconds:7.1f} s  {papers} papers  counts match: {outcome.counts_match}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digests", type=int, default=10_000)
    args = parser.parse_args()
    library = cached_library(args.digests)
    with running_server() as server, fresh_database(server) as database:
        with fresh_database(server) as floor_database:
            floor = floor_s(library, floor_database)
        init_shared(SharedAddress.parse(database.url))
        there = copy_library(library, library_place(database.url))
        with tempfile.TemporaryDirectory() as folder:
            back = copy_library(library_place(database.url), Path(folder) / "copy.sqlite")
            began = time.perf_counter()
            check_library_and_index(Path(folder) / "copy.sqlite", reindex=True)
            checking = time.perf_counter() - began
    print(f"floor: COPY of papers and sightings alone  {floor:7.1f} s")
    print(f"file -> shared library                     {said(there)}")
    print(f"shared library -> file (checked)           {said(back)}")
    print(f"  of which, about: check --reindex alone   {checking:7.1f} s")


if __name__ == "__main__":
    main()
