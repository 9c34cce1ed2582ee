"""Search benchmark: how long queries take on a large library, against LIKE scans in the same run.

For each query of a fixed mix (1-3 words, phrases, field filters, combinations, and a
sidebar entry AND a search) it measures what the window asks for, the whole id list in
the list's default order, and a keystroke (parse, that list, and the rows of the first
screen), then a first page of 50, a count and the bm25 top 50; and, for the text
queries, the LIKE scan that searching was before the full-text index (schema v3), over
the same columns.

    median of the id lists   < 30 ms
    95th percentile          < 100 ms
    median keystroke         < 50 ms

The library is a copy (`--library PATH`, upgraded if older: that times the index's build),
or the synthetic corpus of `import_bench.py` imported afresh. Users' data (stars, statuses,
tags, notes) is added to a few percent of papers, seeded, so field filters find something.
Run: python benchmarks/search_bench.py [--library PATH] [--digests N] [--repeat N] [--check]
"""

import argparse
import dataclasses
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlalchemy import Connection, and_, exists, func, or_, select

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query, parse_query
from readinglist.core.query_terms import And, Term, Text
from readinglist.library import browse
from readinglist.library import papers as store
from readinglist.library.database import Library, open_library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.search import count_matching, ranked_ids
from readinglist.library.tables import PAPER_TAGS, PAPERS, SIGHTINGS, TAGS
from synthetic import cached_corpus

LIST_MEDIAN_MS, LIST_P95_MS, KEYSTROKE_MEDIAN_MS = 30.0, 100.0, 50.0
FIRST_SCREEN = 40  # rows the list paints first
QUERIES = {
    "1 word": ["데이터셋", "벤치마크에서", "transformer", "rocktäschel", "zoë", "GPT-4o"],
    "2 words": ["대규모 언어", "lora mamba", "video rossi", "nerf 로봇"],
    "3 words": ["대규모 언어 모델", "wang kim nerf", "diffusion video agents"],
    "phrase": ['"대규모 언어 모델"', '"anna rossi"', '"chain of thought"'],
    "field": [
        "title:video",
        'author:"anna rossi"',
        "votes:>50",
        "date:2016-05",
        "digest:2017-05-18",
        "is:starred",
        "tag:robotics",
        "status:queued",
        "note:revisit",
    ],
    "combination": [
        "title:video votes:>20",
        "author:kim date:>=2017-01",
        "데이터셋 -로봇 is:unread",
        "(video OR nerf) tag:robotics",
        "transformer status:queued -is:starred",
        "title:diffusion OR title:video date:2017",
    ],
    "sidebar AND": [  # what the window asks for: its sidebar entry AND the search box
        "is:unread 데이터셋",
        "is:unread rocktäschel",
        "is:starred video",
        "status:queued transformer",
        "tag:llm 로봇",
        "digest:2017-05-18 agents",
    ],
}
TAGS_ADDED = ["robotics", "to read", "llm", "ideas"]


@dataclass(slots=True)
class Timings:
    """Milliseconds per measure, every repeat of every query of a category."""

    samples: dict[str, list[float]] = field(default_factory=dict)
    matches: list[int] = field(default_factory=list)

    def add(self, measure: str, milliseconds: float) -> None:
        self.samples.setdefault(measure, []).append(milliseconds)

    def median(self, measure: str) -> float | None:
        values = self.samples.get(measure)
        return statistics.median(values) if values else None

    def p95(self, measure: str) -> float | None:
        values = sorted(self.samples.get(measure, []))
        return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))] if values else None


@dataclass(slots=True)
class Figures:
    papers: int = 0
    library_mb: float = 0.0
    setup: dict[str, float] = field(default_factory=dict)  # seconds
    categories: dict[str, Timings] = field(default_factory=dict)
    overall: Timings = field(default_factory=Timings)

    def checks(self) -> list[tuple[str, float, float]]:
        """(name, value, limit): each must stay under its limit."""
        return [
            ("median id list (ms)", self.overall.median("list") or 0.0, LIST_MEDIAN_MS),
            ("p95 id list (ms)", self.overall.p95("list") or 0.0, LIST_P95_MS),
            ("median keystroke (ms)", self.overall.median("keystroke") or 0.0, KEYSTROKE_MEDIAN_MS),
        ]


def timed[T](action: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    value = action()
    return (time.perf_counter() - start) * 1000, value


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the library -----------------------------------------------------------------------------


def prepare(figures: Figures, workdir: Path, library: Path | None, digests: int) -> Library:
    path = workdir / "library.sqlite"
    if library is not None:
        progress(f"copying {library}")
        source = sqlite3.connect(f"{library.absolute().as_uri()}?mode=ro", uri=True)
        with closing(source), closing(sqlite3.connect(path)) as copy:
            source.backup(copy)  # read-only, and through the source's WAL, unlike a file copy
        milliseconds, opened = timed(lambda: open_library(path, daily_backup=False))
        if opened.open_report.migrated_from is not None:
            figures.setup["backup + upgrade to v3 (index build)"] = milliseconds / 1000
        return opened
    progress(f"importing the synthetic corpus ({digests} digests)")
    opened = open_library(path, daily_backup=False)
    seconds, _ = timed(lambda: import_paths(opened, [cached_corpus(digests, 20)]))
    figures.setup["import (with the index)"] = seconds / 1000
    return opened


def used_megabytes(library: Library) -> float:
    """The library's size without its free pages."""
    with library.reading() as connection:
        pages, free, size = (
            connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()
            for name in ("page_count", "freelist_count", "page_size")
        )
    return float((pages - free) * size) / 2**20


def add_users_data(library: Library) -> None:
    """Stars, statuses, tags and notes on a few percent of papers, always the same ones."""
    rng = random.Random(0)
    with library.writing() as connection:
        ids = store.find_paper_ids(connection)
        now = utc_now()
        store.set_starred(connection, rng.sample(ids, len(ids) // 100), True)
        for status, share in [("queued", 50), ("reading", 200), ("read", 10)]:
            chosen = rng.sample(ids, len(ids) // share)
            store.set_status(connection, chosen, ReadingStatus(status), now)
        for tag in TAGS_ADDED:
            store.add_tags(connection, rng.sample(ids, len(ids) // 200), [tag])
        for paper_id in rng.sample(ids, len(ids) // 200):
            store.set_note(connection, paper_id, rng.choice(["revisit the proofs", "good"]), now)


# --- the measures ----------------------------------------------------------------------------


def measure(figures: Figures, library: Library, repeat: int) -> None:
    with library.reading() as connection:
        figures.papers = count_matching(connection, Query())
        for category, texts in QUERIES.items():
            timings = figures.categories.setdefault(category, Timings())
            for text in texts:
                progress(f"  {category}: {text}")
                measure_query(connection, text, repeat, [timings, figures.overall])


def measure_query(connection: Connection, text: str, repeat: int, into: list[Timings]) -> None:
    query = parse_query(text)
    store.find_paper_ids(connection, query)  # warm the cache: keystrokes come in a row
    for _ in range(repeat):
        milliseconds, ids = timed(lambda: store.find_paper_ids(connection, query))
        keystroke, _ = timed(lambda: first_screen(connection, text))
        page, _ = timed(lambda: store.find_paper_ids(connection, query, limit=50))
        count, _ = timed(lambda: count_matching(connection, query))
        for timings in into:
            timings.add("list", milliseconds)
            timings.add("keystroke", keystroke)
            timings.add("page", page)
            timings.add("count", count)
        ranked, top = timed(lambda: ranked_ids(connection, query, limit=50))
        if top is not None:
            for timings in into:
                timings.add("bm25 top 50", ranked)
    words = text_words(query.terms)
    if words:
        like, _ = timed(lambda: like_count(connection, words))
        for timings in into:
            timings.add("LIKE count", like)
    for timings in into:
        timings.matches.append(len(ids))


def first_screen(connection: Connection, text: str) -> None:
    """What the window does once a keystroke's search is due, short of painting."""
    ids = store.find_paper_ids(connection, parse_query(text))
    browse.load_rows(connection, ids[:FIRST_SCREEN])


def text_words(term: Term | None) -> list[str]:
    """The text terms every match must contain (the words a LIKE scan would look for)."""
    if isinstance(term, Text):
        return [term.value]
    if isinstance(term, And):
        return [word for part in term.terms for word in text_words(part)]
    return []


def like_count(connection: Connection, words: Sequence[str]) -> int:
    """Papers containing every word somewhere, by LIKE: how search worked before v3."""
    conditions = []
    for word in words:
        pattern = f"%{word}%"
        in_summary = exists().where(
            SIGHTINGS.c.paper_id == PAPERS.c.id, SIGHTINGS.c.summary.like(pattern)
        )
        in_tags = exists().where(
            PAPER_TAGS.c.paper_id == PAPERS.c.id,
            PAPER_TAGS.c.tag_id == TAGS.c.id,
            TAGS.c.name.like(pattern),
        )
        columns = (PAPERS.c.title, PAPERS.c.authors, PAPERS.c.note, PAPERS.c.arxiv_id)
        conditions.append(or_(*(c.like(pattern) for c in columns), in_summary, in_tags))
    statement = select(func.count()).select_from(PAPERS).where(and_(*conditions))
    return int(connection.execute(statement).scalar_one())


# --- the report ------------------------------------------------------------------------------

MEASURES = ["list", "keystroke", "page", "count", "bm25 top 50", "LIKE count"]


def print_table(figures: Figures, out: TextIO) -> None:
    print(
        f"\nreadinglist search benchmark: {figures.papers:,} papers, "
        f"{figures.library_mb:,.0f} MB library",
        file=out,
    )
    for step, seconds in figures.setup.items():
        print(f"{step}: {seconds:.1f} s", file=out)
    print("\nmilliseconds, median / 95th percentile", file=out)
    print(f"{'queries':<13}{'matches':>16}" + "".join(f"{m:>15}" for m in MEASURES), file=out)
    rows = [*figures.categories.items(), ("all", figures.overall)]
    for name, timings in rows:
        matches = f"{min(timings.matches):,}-{max(timings.matches):,}"
        cells = "".join(f"{_cell(timings, measure):>15}" for measure in MEASURES)
        print(f"{name:<13}{matches:>16}{cells}", file=out)
    print("", file=out)
    for name, value, limit in figures.checks():
        result = "PASS" if value < limit else "FAIL"
        print(f"{name:<24}{value:8.1f}  < {limit:5.0f}  {result}", file=out)


def _cell(timings: Timings, measure: str) -> str:
    median, p95 = timings.median(measure), timings.p95(measure)
    return "-" if median is None or p95 is None else f"{median:.1f} / {p95:.1f}"


def as_json(figures: Figures) -> str:
    def summary(timings: Timings) -> dict[str, object]:
        measures = {m: {"median": timings.median(m), "p95": timings.p95(m)} for m in MEASURES}
        return {"matches": timings.matches, **measures}

    data = {
        **{key: value for key, value in dataclasses.asdict(figures).items() if key == "setup"},
        "papers": figures.papers,
        "library_mb": figures.library_mb,
        "categories": {name: summary(t) for name, t in figures.categories.items()},
        "overall": summary(figures.overall),
        "checks": [
            {"name": n, "value": v, "limit": lim, "passed": v < lim}
            for n, v, lim in figures.checks()
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--library", type=Path, help="a library to copy (else: import)")
    parser.add_argument("--digests", type=int, default=10_000, help="synthetic corpus size")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each query (default 7)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target fails")
    parser.add_argument("--json", action="store_true", help="figures as JSON on stdout")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    figures = Figures()
    with (
        tempfile.TemporaryDirectory(prefix="readinglist-search-") as tmp,
        prepare(figures, Path(tmp), args.library, args.digests) as library,
    ):
        figures.library_mb = used_megabytes(library)
        progress("adding stars, statuses, tags and notes")
        add_users_data(library)
        progress("queries")
        measure(figures, library, args.repeat)
    print_table(figures, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(as_json(figures))
    failed = [name for name, value, limit in figures.checks() if value >= limit]
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
