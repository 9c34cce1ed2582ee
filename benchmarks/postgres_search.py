"""Korean prefix search on PostgreSQL, two ways, against the app's SQLite FTS5 (issue 17).

The query language makes every word a prefix, and Korean particles stay attached to their
word (`데이터셋` must find `데이터셋은`). PostgreSQL has no Korean parser; this compares
  (a) a `simple` tsvector (stored, GIN) with `to_tsquery('simple', 'word:*')` prefixes
      (--unaccent: `unaccent` before `simple`, as FTS5's remove_diacritics),
  (b) `pg_trgm` (GIN, gin_trgm_ops) with `ILIKE '%word%'`,
on the same papers: a synthetic corpus imported into a SQLite library by the app, its
searchable text (the FTS5 index's `paper_text` view) copied into a throwaway server
(tests/helpers/postgres.py). For each query it prints the ids' agreement with FTS5 (equal,
or how many more/fewer) and the median time of fetching the ids; then the indexes' sizes.
Results are written up in docs/postgres-notes.md.

Run: python benchmarks/postgres_search.py [--digests N] [--repeat N] [--unaccent]
"""

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.helpers, from any folder

from tests.helpers.postgres import running_server

from readinglist.core.query import parse_query
from readinglist.core.query_terms import And, Not, Or, Term, Text, TextField
from readinglist.library.database import Library, open_library
from readinglist.library.importer import import_paths
from readinglist.library.search import conditions
from readinglist.library.tables import PAPERS
from synthetic import cached_corpus

QUERIES = [
    "데이터셋",  # a particle attached in the text: 데이터셋은, 데이터셋을
    "모델",  # two syllables: no trigram without the word's start
    "추론",
    "을",  # one syllable: a prefix of few words, a part of very many
    "셋",  # the middle of a word (데이터셋): no prefix of any
    "대규모 언어",
    '"언어 모델"',  # a phrase whose last word is a prefix
    "벤치마크 -효율적인",
    "LoRA OR DPO",
    "GPT-4o",
    "KV",
    "lang",
    "trans",
    "former",  # the end of Transformer(s)
    "1001.0004",  # an arXiv id's prefix: ten papers
    "rocktäschel",
    "rocktaschel",  # FTS5 drops the diacritics (remove_diacritics 2)
    "title:diffusion",
    "title:scal",
]
_COLUMNS = ("title", "authors", "summary", "note", "tags", "arxiv_id")
# tsvector weights standing for the fields a text term may name (the rest count as D).
_WEIGHTS = {TextField.TITLE: "A", TextField.AUTHORS: "B", TextField.SUMMARY: "D"}
# `simple` itself, or with --unaccent `unaccent` before it for words with letters beyond ASCII.
_CONFIGURATION = "CREATE TEXT SEARCH CONFIGURATION search_words (COPY = simple)"
_UNACCENT = """
CREATE EXTENSION unaccent;
ALTER TEXT SEARCH CONFIGURATION search_words
    ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;
"""
_SCHEMA = """
CREATE EXTENSION pg_trgm;
CREATE TABLE papers (
    id integer PRIMARY KEY,
    title text, authors text, summary text, note text, tags text, arxiv_id text,
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('search_words', coalesce(title, '')), 'A')
        || setweight(to_tsvector('search_words', coalesce(authors, '')), 'B')
        || setweight(to_tsvector('search_words', coalesce(note, '') || ' ' || coalesce(tags, '')
            || ' ' || coalesce(arxiv_id, '')), 'C')
        || setweight(to_tsvector('search_words', coalesce(summary, '')), 'D')
    ) STORED
);
"""
_DOCUMENT = (
    "(coalesce(title, '') || ' ' || coalesce(authors, '') || ' ' || coalesce(summary, '')"
    " || ' ' || coalesce(note, '') || ' ' || coalesce(tags, '') || ' ' || coalesce(arxiv_id, ''))"
)
_INDEXES = {
    "tsvector GIN": ["CREATE INDEX papers_search ON papers USING gin (search)"],
    "pg_trgm GIN": [
        f"CREATE INDEX papers_trgm ON papers USING gin ({_DOCUMENT} gin_trgm_ops)",
        "CREATE INDEX papers_title_trgm ON papers USING gin (title gin_trgm_ops)",
    ],
}


def timed_ms[T](action: Callable[[], T]) -> tuple[float, T]:
    began = time.perf_counter()
    result = action()
    return (time.perf_counter() - began) * 1000, result


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm the caches: keystrokes come in a row
    return statistics.median(timed_ms(action)[0] for _ in range(repeat))


# --- the query language as PostgreSQL conditions ---------------------------------------------


def as_sql(term: Term, text: Callable[[Text], tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    """AND, OR and NOT of text terms (all these queries hold), each text term by `text`."""
    match term:
        case Text():
            return text(term)
        case Not(inner):
            sql, parameters = as_sql(inner, text)
            return f"NOT ({sql})", parameters
        case And(terms) | Or(terms):
            parts = [as_sql(part, text) for part in terms]
            joiner = " AND " if isinstance(term, And) else " OR "
            return "(" + joiner.join(sql for sql, _ in parts) + ")", [
                value for _, values in parts for value in values
            ]
        case _:
            raise ValueError(f"not a text query: {term}")


def tsquery(term: Text) -> tuple[str, list[Any]]:
    """Words in order (`<->`), the last a prefix; to_tsquery parses each word as documents
    are parsed (`gpt-4o` becomes `'gpt-4o' <-> 'gpt' <-> '4o'`, as it was indexed)."""
    weight = _WEIGHTS.get(term.field, "") if term.field is not TextField.ANY else ""
    words = [
        "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" for word in term.value.split()
    ]
    words = [f"{word}:{weight}" if weight else word for word in words[:-1]] + [
        f"{words[-1]}:*{weight}"
    ]
    return "search @@ to_tsquery('search_words', %s)", [" <-> ".join(words)]


def trigram(term: Text) -> tuple[str, list[Any]]:
    """The words as they stand, anywhere in the field (ILIKE), % and _ taken literally."""
    column = "title" if term.field is TextField.TITLE else _DOCUMENT
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", term.value) + "%"
    return f"{column} ILIKE %s", [pattern]


# --- the run ---------------------------------------------------------------------------------


def prepare_sqlite(workdir: Path, digests: int) -> Library:
    library = open_library(workdir / "library.sqlite", daily_backup=False)
    import_paths(library, [cached_corpus(digests, 20)])
    return library


def sqlite_rows(library: Library) -> list[tuple[Any, ...]]:
    with library.reading() as connection:
        result = connection.exec_driver_sql(f"SELECT id, {', '.join(_COLUMNS)} FROM paper_text")
        return [tuple(row) for row in result]


def fts5_index_mb(library: Library) -> float:
    with library.reading() as connection:
        data = connection.exec_driver_sql(
            "SELECT (SELECT sum(length(block)) FROM paper_search_data)"
            " + (SELECT count(*) * 16 FROM paper_search_idx)"
        )
        return float(data.scalar_one()) / 2**20


def load_postgres(
    connection: psycopg.Connection[Any], rows: list[tuple[Any, ...]], *, unaccent: bool
) -> None:
    connection.execute(_CONFIGURATION)
    if unaccent:
        connection.execute(_UNACCENT)
    connection.execute(_SCHEMA)
    columns = ", ".join(("id", *_COLUMNS))
    with connection.cursor().copy(f"COPY papers ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    for statements in _INDEXES.values():
        for statement in statements:
            connection.execute(statement)
    connection.execute("ANALYZE papers")


def sizes_mb(connection: psycopg.Connection[Any]) -> dict[str, float]:
    def megabytes(sql: str) -> float:
        row = connection.execute(sql).fetchone()
        return float(row[0] if row else 0) / 2**20

    return {
        "tsvector column (stored)": megabytes("SELECT sum(pg_column_size(search)) FROM papers"),
        "tsvector GIN": megabytes("SELECT pg_relation_size('papers_search')"),
        "pg_trgm GIN (all text)": megabytes("SELECT pg_relation_size('papers_trgm')"),
        "pg_trgm GIN (title)": megabytes("SELECT pg_relation_size('papers_title_trgm')"),
        "text itself (table)": megabytes("SELECT pg_table_size('papers')"),
    }


def compare(
    library: Library, connection: psycopg.Connection[Any], text: str, repeat: int
) -> list[str]:
    """One row of the table: the query, FTS5's count and time, and each PostgreSQL way's."""
    query = parse_query(text)
    statement = select(PAPERS.c.id).where(*conditions(query))
    with library.reading() as sqlite:
        expected = {int(row[0]) for row in sqlite.execute(statement)}
        fts5_ms = median_ms(lambda: sqlite.execute(statement).all(), repeat)
    term = query.as_term()
    assert term is not None
    cells = [text, str(len(expected)), f"{fts5_ms:.2f}"]
    for way in (tsquery, trigram):
        sql, parameters = as_sql(term, way)
        fetch = partial(ids_in_postgres, connection, sql, parameters)
        found = fetch()
        took = median_ms(fetch, repeat)
        cells += [agreement(expected, found), f"{took:.2f}"]
    return cells


def ids_in_postgres(
    connection: psycopg.Connection[Any], condition: str, parameters: list[Any]
) -> set[int]:
    rows = connection.execute(f"SELECT id FROM papers WHERE {condition}", parameters)
    return {int(row[0]) for row in rows}


def agreement(expected: set[int], found: set[int]) -> str:
    if found == expected:
        return "equal"
    more, fewer = len(found - expected), len(expected - found)
    return ", ".join(part for part in (f"+{more}" * bool(more), f"-{fewer}" * bool(fewer)) if part)


def print_table(header: Sequence[str], rows: list[list[str]]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--digests", type=int, default=250, help="of 20 entries each")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--unaccent", action="store_true", help="words without diacritics")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir, running_server() as server:
        library = prepare_sqlite(Path(workdir), args.digests)
        rows = sqlite_rows(library)
        with psycopg.connect(server.url(), autocommit=True) as connection:
            load_ms, _ = timed_ms(lambda: load_postgres(connection, rows, unaccent=args.unaccent))
            version = connection.execute("SHOW server_version").fetchone()
            print(f"{len(rows)} papers; PostgreSQL {version[0] if version else '?'}", end="")
            print(f" (copy + indexes: {load_ms / 1000:.1f} s)\n")
            table = [compare(library, connection, text, args.repeat) for text in QUERIES]
            print_table(["query", "FTS5 ids", "FTS5 ms", "tsvector", "ms", "pg_trgm", "ms"], table)
            print()
            print_table(
                ["index", "MB"],
                [[name, f"{mb:.2f}"] for name, mb in sizes_mb(connection).items()]
                + [["FTS5 index (SQLite)", f"{fts5_index_mb(library):.2f}"]],
            )
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
