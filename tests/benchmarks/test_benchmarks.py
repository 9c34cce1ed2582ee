"""The benchmarks' own sums: a floor that did less work than the app would flatter it."""

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from tests.helpers.paths import ROOT
from tests.helpers.postgres import PostgresDatabase

sys.path.insert(0, str(ROOT / "benchmarks"))

import psycopg

import import_bench
import shared_bench
import synthetic


def test_the_import_floor_indexes_the_text_the_library_would(tmp_path: Path) -> None:
    files = synthetic.write_corpus(tmp_path / "corpus", digests=30, entries_per_digest=10)
    figures = import_bench.Figures(digests=30, entries_per_digest=10)
    rows = import_bench.parse_rows(figures, files, import_bench.read_all(files))
    assert len(rows.appearances) > len(rows.papers)  # some papers come back: summaries join
    texts = import_bench.search_texts(rows)
    import_bench.floor_insert(tmp_path / "floor.sqlite", rows, texts)
    with closing(sqlite3.connect(tmp_path / "floor.sqlite")) as connection:
        # FTS5 checks its index against `paper_text` over the floor's own tables.
        connection.execute(
            "INSERT INTO paper_search (paper_search, rank) VALUES ('integrity-check', 1)"
        )
        found = connection.execute("SELECT count(*) FROM paper_search").fetchone()[0]
    assert found == len(texts) == len(rows.papers)


def test_the_shared_floor_holds_what_the_view_shows_the_member(
    postgres_database: PostgresDatabase,
) -> None:
    member = shared_bench.prepare(postgres_database, papers=500)

    with psycopg.connect(postgres_database.url_as(member)) as reader:
        for sql in shared_bench.LISTS.values():
            params = [list(range(100, 140))] if "%s" in sql else []
            view = reader.execute(sql.format(t="papers"), params).fetchall()
            plain = reader.execute(sql.format(t="plain_papers"), params).fetchall()
            assert view == plain and view, sql
    assert len(view) == 40  # the last statement: a screen of rows, all found


def test_the_latency_figure_times_the_change_in_the_second_clients_hands(
    postgres_database: PostgresDatabase,
) -> None:
    member = shared_bench.prepare(postgres_database, papers=20)

    times = shared_bench.change_latencies(postgres_database, member, changes=3)

    assert len(times) == 3 and all(0 < ms < 30_000 for ms in times)
