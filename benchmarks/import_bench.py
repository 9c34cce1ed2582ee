"""Bulk-import benchmark: how much the importer adds on top of the bare work.

Seconds depend on the machine; ratios mostly do not. So the same run also measures a
FLOOR, the least any importer must do with this corpus, and the targets are stated
against it. The floor reads every file and splits it into lines, writes the same rows
with raw sqlite3 executemany in one transaction, and then builds the same full-text
index in a second one: raw inserts of each paper's text, in rowid order, into the
migration's own FTS5 table (same columns, tokenizer and merge settings).

The floor and the import each vary by 10-30% from run to run on a busy machine (the
floor's gigabyte of writes most), so each runs twice (`--runs`) on a synced disk, and
the best time of each counts.

Why the index belongs in the floor: since schema v3 a paper is not imported until it can
be found, so every importer has to tokenize every title, author list and summary, and
that costs as much as writing the rows. A floor without it would charge the importer for
work no importer can skip (the table shows the import against both floors). The index
part is the cheapest way FTS5 offers (the text built before the clock starts, one pass in
rowid order, nothing read back, nothing deleted) and is printed apart from the tables'
part, so the index's own cost stays in view.

    full import     <= 3x floor
    re-import       <  5% of the first import (unchanged files are skipped by hash)
    shared corpus   <  1 s (the real digests in ../shared/corpus/daily_papers_ko)
    with 20 rules   <= 1.3x the same import with none (the rules run on each batch's new papers)

The synthetic corpus comes from `synthetic.py`, cached under benchmarks/.cache/.
Run: python benchmarks/import_bench.py [--digests N] [--entries-per-digest N] [--runs N]
                                       [--check] [--json]
"""

import argparse
import dataclasses
import datetime as dt
import gc
import hashlib
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from readinglist.core.digest import Digest, Entry
from readinglist.core.digest_files import digest_paths, find_digest_files
from readinglist.core.parser import parse_digest
from readinglist.library import migrations
from readinglist.library.database import open_library, utc_now
from readinglist.library.importer import FileStatus, ImportReport, import_paths
from synthetic import cached_corpus

SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "daily_papers_ko"
FULL_IMPORT_MAX_FLOOR_RATIO = 3.0
REIMPORT_MAX_PERCENT = 5.0
RULES_MAX_RATIO = 1.3  # an import with RULES within 1.3x of the same import with none
# Twenty rules of the kinds people write (issue 16): authors, title words, phrases, votes,
# exclusions; each catching a few percent of the synthetic corpus or less (its vocabulary is
# small: one common word matches most papers, which no one would write a rule for).
RULES = [
    ("Rossi", 'author:"anna rossi"', ("people",), None),
    ("Wei Wang", 'author:"wei wang"', ("people",), None),
    ("Patel", 'author:"priya patel"', ("people",), None),
    ("Kim on reasoning", "author:kim title:reasoning", ("people",), None),
    ("Okafor on video", "author:okafor title:video", ("people",), None),
    ("Long context", 'title:"long context"', ("long-context",), "queued"),
    ("Video agents", "title:agents title:video", ("agents",), None),
    ("Sparse experts", "title:sparse title:experts", ("moe",), None),
    ("Planning", 'title:"zero-shot planning"', ("planning",), None),
    ("Memory agents", "title:memory title:agents", ("agents",), None),
    ("Video diffusion", "title:diffusion title:video", ("diffusion",), None),
    ("Reward policy", "title:reward title:policy", ("rl",), None),
    ("Latent diffusion", "title:latent title:diffusion", ("diffusion",), None),
    ("Foundation", 'title:"open foundation"', ("foundation",), None),
    ("3D robots", "wang kim nerf", ("3d",), None),
    ("Speech", '"음성 인식"', ("speech",), None),
    ("LLM", '"대규모 언어 모델"', ("llm",), "queued"),
    ("Popular", "votes:>50", ("popular",), None),
    ("Starred people", 'author:"sofia rossi"', ("people",), None),
    ("Quiet", "votes:<3 title:survey -transformer", (), "skipped"),
]
SHARED_MAX_SECONDS = 1.0

Row = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Check:
    """One target: `value` must stay below `limit` (or equal it, unless `strict`)."""

    name: str
    value: float
    limit: float
    strict: bool
    target: str  # the limit as the table prints it

    @property
    def passed(self) -> bool:
        return self.value < self.limit if self.strict else self.value <= self.limit


@dataclass(slots=True)
class Figures:
    """Everything measured, in seconds unless named otherwise: what `--json` prints."""

    digests: int
    entries_per_digest: int
    runs: int = 2
    files: int = 0
    corpus_mb: float = 0.0
    papers: int = 0
    appearances: int = 0
    floor_read: float = 0.0
    floor_insert: float = 0.0
    floor_index: float = 0.0
    parse_only: float = 0.0
    full_import: float = 0.0
    reimport: float = 0.0
    rules_import: float = 0.0  # the same import with the RULES kept
    shared_files: int = 0
    shared_import: float | None = None
    shared_skipped: str | None = None
    environment: dict[str, str] = field(default_factory=dict)

    @property
    def floor(self) -> float:
        return self.floor_read + self.floor_insert + self.floor_index

    @property
    def floor_without_index(self) -> float:
        """The floor before schema v3, for comparison with earlier runs."""
        return self.floor_read + self.floor_insert

    @property
    def store_estimate(self) -> float:
        """The import's time beyond reading and parsing: hashing, SQLAlchemy and SQLite."""
        return self.full_import - self.floor_read - self.parse_only

    def checks(self) -> dict[str, Check]:
        """The targets by name; the shared-corpus one only if that corpus was there."""
        full = self.full_import / self.floor
        reimport = 100 * self.reimport / self.full_import
        checks = [
            Check("full import", full, FULL_IMPORT_MAX_FLOOR_RATIO, False, "<= 3x floor"),
            Check("re-import", reimport, REIMPORT_MAX_PERCENT, True, "< 5% of import"),
        ]
        if self.rules_import:
            ruled = self.rules_import / self.full_import
            checks.append(Check("with 20 rules", ruled, RULES_MAX_RATIO, False, "<= 1.3x import"))
        if self.shared_import is not None:
            checks.append(Check("shared", self.shared_import, SHARED_MAX_SECONDS, True, "< 1 s"))
        return {check.name: check for check in checks}

    def as_json(self) -> str:
        derived = {
            "floor": self.floor,
            "floor_without_index": self.floor_without_index,
            "store_estimate": self.store_estimate,
        }
        checks = [
            {**dataclasses.asdict(check), "passed": check.passed}
            for check in self.checks().values()
        ]
        return json.dumps({**dataclasses.asdict(self), **derived, "checks": checks}, indent=2)


def timed[T](action: Callable[[], T]) -> tuple[float, T]:
    """Seconds `action` took (perf_counter), and what it returned."""
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def progress(message: str) -> None:
    """Progress goes to stderr so that `--json` output on stdout stays parseable."""
    print(message, file=sys.stderr, flush=True)


# --- the floor ---------------------------------------------------------------------------


def read_all(files: Sequence[Path]) -> list[bytes]:
    """Every file's bytes; run once untimed so every timed step sees a warm disk cache."""
    return [path.read_bytes() for path in files]


def read_and_split(files: Sequence[Path]) -> int:
    """The floor's reading: the least any importer does to look at every line."""
    return sum(len(path.read_bytes().split(b"\n")) for path in files)


def parse_all(files: Sequence[Path], blobs: Sequence[bytes]) -> list[Digest]:
    return [parse_digest(data, path.name) for path, data in zip(files, blobs, strict=True)]


class FloorRows:
    """The rows an import of the corpus writes, as plain tuples, built before timing.

    Values are what SQLAlchemy stores (ISO dates, JSON lists, 0/1 booleans) so the floor
    writes as many bytes as the app. A paper's row is its first listing; a paper listed
    again gets another appearance but, unlike in the app, no UPDATE: that is app work.
    `search_texts` is what the index is given for each paper, as the view `paper_text`
    has it: summaries of every appearance joined by a space, an empty note, no tags.
    """

    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        self.digests: list[Row] = []
        self.digest_files: list[Row] = []
        self.papers: list[Row] = []
        self.appearances: list[Row] = []
        self._paper_ids: dict[str, int] = {}
        self._listed: set[tuple[int, int]] = set()

    def add(self, name: str, data: bytes, digest: Digest) -> None:
        """One file's digest row, file row, new papers and appearances."""
        digest_id = len(self.digests) + 1
        day = digest.date.isoformat()
        content_hash = hashlib.sha256(data).hexdigest()
        self.digests.append((digest_id, day, name, content_hash, self.now))
        self.digest_files.append((digest_id, content_hash, name, self.now))
        for entry in digest.entries:
            paper_id = self._paper_id(entry, day)
            if (paper_id, digest_id) not in self._listed:
                self._listed.add((paper_id, digest_id))
                self.appearances.append(_appearance_row(paper_id, digest_id, entry))

    def _paper_id(self, entry: Entry, day: str) -> int:
        paper_id = self._paper_ids.get(entry.arxiv_id)
        if paper_id is None:
            paper_id = self._paper_ids[entry.arxiv_id] = len(self._paper_ids) + 1
            self.papers.append(_paper_row(paper_id, entry, day, self.now))
        return paper_id


def _paper_row(paper_id: int, entry: Entry, day: str, now: str) -> Row:
    votes_date = day if entry.votes is not None else None
    return (
        paper_id,
        entry.arxiv_id,
        entry.url,
        entry.title,
        _json(entry.authors),
        int(entry.authors_truncated),
        day,
        day,
        entry.votes,
        votes_date,
        now,
    )


def _appearance_row(paper_id: int, digest_id: int, entry: Entry) -> Row:
    """A sighting's row as the app writes it for a Markdown entry (its language known)."""
    kind, url = (entry.media.kind.value, entry.media.url) if entry.media else (None, None)
    language = "ko" if entry.summary else None
    summary = _json(entry.summary)
    return (paper_id, digest_id, entry.position, entry.votes, kind, url, summary, language)


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def search_texts(rows: FloorRows) -> list[Row]:
    """(rowid, title, authors, summary, note, tags, arxiv_id) per paper, in rowid order."""
    summaries: dict[object, list[str]] = defaultdict(list)
    for appearance in rows.appearances:  # in digest order, as the view reads them
        summaries[appearance[0]].append(str(appearance[6]))
    return [
        (paper[0], paper[3], paper[4], " ".join(summaries[paper[0]]), "", None, paper[1])
        for paper in rows.papers
    ]


_INSERTS = (
    (
        "digests",
        "INSERT INTO digests (id, date, source_name, content_hash, imported_at) "
        "VALUES (?, ?, ?, ?, ?)",
    ),
    (
        "papers",
        "INSERT INTO papers (id, arxiv_id, url, title, authors, authors_truncated, "
        "first_seen, last_seen, votes, votes_date, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    (
        "appearances",
        "INSERT INTO sightings (paper_id, digest_id, position, votes, "
        "media_kind, media_url, summary, summary_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    (
        "digest_files",
        "INSERT INTO digest_files (id, content_hash, source_name, imported_at) VALUES (?, ?, ?, ?)",
    ),
)


_INDEX_INSERT = (
    "INSERT INTO paper_search (rowid, title, authors, summary, note, tags, arxiv_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def floor_insert(path: Path, rows: FloorRows, texts: Sequence[Row]) -> tuple[float, float]:
    """Seconds for raw executemany of `rows` in one transaction, then of `texts` into the
    full-text index in another, with the app's pragmas.

    The schema (the index's table and settings included) comes from the app's own
    migration, created before the clock starts.
    """
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        migrations.migrate(connection)
        tables = [(statement, getattr(rows, name)) for name, statement in _INSERTS]
        tables_seconds, _ = timed(lambda: _in_transaction(connection, tables))
        index_seconds, _ = timed(lambda: _in_transaction(connection, [(_INDEX_INSERT, texts)]))
        return tables_seconds, index_seconds


def _in_transaction(
    connection: sqlite3.Connection, batches: Sequence[tuple[str, Sequence[Row]]]
) -> None:
    connection.execute("BEGIN IMMEDIATE")
    for statement, rows in batches:
        connection.executemany(statement, rows)
    connection.execute("COMMIT")


# --- the steps ---------------------------------------------------------------------------


def measure_shared(figures: Figures, workdir: Path) -> None:
    """The real digests into a fresh library; run first, before SQLAlchemy's caches warm."""
    if not SHARED_CORPUS.is_dir():
        figures.shared_skipped = f"{SHARED_CORPUS} is absent"
        return
    with open_library(workdir / "shared.sqlite", daily_backup=False) as library:
        seconds, report = timed(lambda: import_paths(library, [SHARED_CORPUS]))
    figures.shared_import, figures.shared_files = seconds, len(report.files)


def measure_floor(figures: Figures, files: Sequence[Path], workdir: Path) -> None:
    """Read, parse-only and raw-insert times, on a warm disk cache."""
    blobs = read_all(files)
    figures.corpus_mb = sum(map(len, blobs)) / 2**20
    figures.floor_read, _ = timed(lambda: read_and_split(files))
    progress(f"  floor read + split: {figures.floor_read:.2f} s; parsing")
    rows = parse_rows(figures, files, blobs)
    figures.papers, figures.appearances = len(rows.papers), len(rows.appearances)
    progress(f"  parse only: {figures.parse_only:.2f} s; raw insert and index")
    texts = search_texts(rows)
    runs = [fresh_floor(workdir / "floor.sqlite", rows, texts) for _ in range(figures.runs)]
    figures.floor_insert = min(tables for tables, _ in runs)
    figures.floor_index = min(index for _, index in runs)


def fresh_floor(path: Path, rows: FloorRows, texts: Sequence[Row]) -> tuple[float, float]:
    """One floor into a new file, deleted after: a gigabyte of writes that a later step
    would otherwise wait behind (as it would behind the last step's dirty pages: synced)."""
    settle_disk()
    seconds = floor_insert(path, rows, texts)
    for written in path.parent.glob(path.name + "*"):
        written.unlink()
    progress(f"  floor insert: {seconds[0]:.2f} s, index: {seconds[1]:.2f} s")
    return seconds


def settle_disk() -> None:
    """Write out what earlier steps left in the page cache, so no step pays for another's."""
    if hasattr(os, "sync"):  # not on Windows
        os.sync()


def parse_rows(figures: Figures, files: Sequence[Path], blobs: Sequence[bytes]) -> FloorRows:
    """Times parse-only and turns the results into rows. The digests die on return, so
    that millions of live objects do not slow the import's garbage collections later."""
    figures.parse_only, digests = timed(lambda: parse_all(files, blobs))
    rows = FloorRows()
    for path, data, digest in zip(files, blobs, digests, strict=True):
        rows.add(path.name, data, digest)
    return rows


def measure_import(figures: Figures, folder: Path, workdir: Path) -> None:
    """Import and re-import, each into a fresh library, `figures.runs` times: best counts."""
    results = [
        import_twice(figures, folder, workdir / "library.sqlite") for _ in range(figures.runs)
    ]
    figures.full_import = min(full for full, _ in results)
    figures.reimport = min(again for _, again in results)
    ruled = [import_with_rules(folder, workdir / "ruled.sqlite") for _ in range(figures.runs)]
    figures.rules_import = min(ruled)


def import_with_rules(folder: Path, path: Path) -> float:
    """The first import again, into a fresh library that keeps the RULES."""
    from readinglist.core.paper import ReadingStatus
    from readinglist.library.rules import Rule, add_rule

    settle_disk()
    with open_library(path, daily_backup=False) as library:
        with library.writing() as connection:
            for name, query, tags, status in RULES:
                given = ReadingStatus(status) if status else None
                add_rule(connection, Rule(0, name, query, tags, given), utc_now())
        seconds, report = timed(lambda: import_paths(library, [folder]))
    progress(f"  with {len(RULES)} rules: {seconds:.2f} s; caught {sum(report.rules.values())}")
    require_all(report, FileStatus.IMPORTED, "import with rules")
    for written in path.parent.glob(path.name + "*"):
        written.unlink()
    return seconds


def import_twice(figures: Figures, folder: Path, path: Path) -> tuple[float, float]:
    """First import into a fresh library, then the same folder again, both checked."""
    settle_disk()
    with open_library(path, daily_backup=False) as library:
        full, first = timed(lambda: import_paths(library, [folder]))
        progress(f"  full import: {full:.2f} s; re-import")
        reimport, again = timed(lambda: import_paths(library, [folder]))
    for written in path.parent.glob(path.name + "*"):
        written.unlink()
    require_all(first, FileStatus.IMPORTED, "full import")
    require_all(again, FileStatus.UNCHANGED, "re-import")
    if (first.papers_new, first.appearances_new) != (figures.papers, figures.appearances):
        raise SystemExit(
            f"the import stored {first.papers_new} papers and {first.appearances_new} "
            f"appearances, the floor {figures.papers} and {figures.appearances}: not comparable"
        )
    return full, reimport


def require_all(report: ImportReport, status: FileStatus, step: str) -> None:
    """Stop (not `assert`, which -O drops) unless every file ended with `status`."""
    wrong = [file for file in report.files if file.status is not status]
    if wrong:
        sample = "; ".join(f"{file.name}: {file.status} {file.error}" for file in wrong[:3])
        raise SystemExit(f"{step}: {len(wrong)} files were not {status}: {sample}")


def run(digests: int, entries_per_digest: int, runs: int) -> Figures:
    figures = Figures(digests, entries_per_digest, runs, environment=environment())
    progress(f"corpus: {digests} digests x {entries_per_digest} entries (cached after 1st run)")
    folder = cached_corpus(digests, entries_per_digest)
    # The digests the importer will store: it reads the corpus' COMPLETE marker too, and
    # passes over it (no format claims it), so the floor leaves it out.
    found = find_digest_files([folder])
    files = [path for path in digest_paths(found) if path.suffix == ".md"]
    figures.files = len(files)
    with tempfile.TemporaryDirectory(prefix="readinglist-bench-") as tmp:
        progress("shared corpus import")
        measure_shared(figures, Path(tmp))
        progress("floor")
        measure_floor(figures, files, Path(tmp))
        gc.collect()
        progress("full import")
        measure_import(figures, folder, Path(tmp))
    return figures


def environment() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
    }


# --- the report --------------------------------------------------------------------------


def print_table(figures: Figures, out: TextIO) -> None:
    f, checks = figures, figures.checks()
    print(f"\nreadinglist import benchmark ({_environment_line(f)})", file=out)
    print(
        f"corpus: {f.files:,} files, {f.corpus_mb:,.0f} MB, {f.appearances:,} entries, "
        f"{f.papers:,} distinct papers; best of {f.runs} runs\n",
        file=out,
    )
    print(_line("step", "seconds", "relative", "target", "result"), file=out)
    rows = [
        ("floor: read + split lines", f.floor_read, "", None),
        ("floor: raw sqlite3 insert", f.floor_insert, _share(f.floor_insert, f.floor), None),
        ("floor: FTS5 index, raw", f.floor_index, _share(f.floor_index, f.floor), None),
        ("floor total", f.floor, "1.00x floor", None),
        ("parse only (info)", f.parse_only, _times(f.parse_only, f.floor), None),
        ("store = full - read - parse", f.store_estimate, _times(f.store_estimate, f.floor), None),
        ("full import", f.full_import, _times(f.full_import, f.floor), checks["full import"]),
        (
            "floor w/o index (info)",
            f.floor_without_index,
            f"import {f.full_import / f.floor_without_index:.2f}x it",
            None,
        ),
        (
            "re-import (unchanged files)",
            f.reimport,
            f"{100 * f.reimport / f.full_import:.2f}% of import",
            checks["re-import"],
        ),
    ]
    if f.rules_import:
        ruled = f"{f.rules_import / f.full_import:.2f}x import"
        rows.append(
            (f"import with {len(RULES)} rules", f.rules_import, ruled, checks["with 20 rules"])
        )
    if f.shared_import is not None:
        label = f"shared corpus ({f.shared_files} files)"
        rows.append((label, f.shared_import, "absolute", checks["shared"]))
    for label, seconds, relative, check in rows:
        target, result = (check.target, "PASS" if check.passed else "FAIL") if check else ("", "")
        print(_line(label, f"{seconds:.2f}", relative, target, result), file=out)
    if f.shared_skipped is not None:
        print(f"shared corpus: SKIPPED, {f.shared_skipped}", file=out)


def _line(label: str, seconds: str, relative: str, target: str, result: str) -> str:
    return f"{label:<30}{seconds:>8}  {relative:<18}{target:<16}{result}".rstrip()


def _share(seconds: float, floor: float) -> str:
    return f"{100 * seconds / floor:.0f}% of floor"


def _times(seconds: float, floor: float) -> str:
    return f"{seconds / floor:.2f}x floor"


def _environment_line(figures: Figures) -> str:
    env = figures.environment
    return f"Python {env['python']}, SQLite {env['sqlite']}, {env['cpus']} CPUs"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--digests",
        type=_positive,
        default=10_000,
        help="digest files in the synthetic corpus (default 10000)",
    )
    parser.add_argument(
        "--entries-per-digest", type=_positive, default=20, help="entries per digest (default 20)"
    )
    parser.add_argument(
        "--runs",
        type=_positive,
        default=2,
        help="runs of the floor and of the import, the best of each counting (default 2)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if any target fails")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the figures as JSON on stdout (the table goes to stderr)",
    )
    return parser.parse_args(argv)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    figures = run(args.digests, args.entries_per_digest, args.runs)
    print_table(figures, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(figures.as_json())
    failed = [check.name for check in figures.checks().values() if not check.passed]
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
