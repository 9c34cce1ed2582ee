"""Source-adapter benchmark: the `hf-daily-json` adapter against `json.loads` of the same bytes.

Seconds depend on the machine; ratios mostly do not. So the same run measures a FLOOR,
the least any reader of this format must do: `json.loads` of every file's bytes (decoding
and parsing, nothing else). The adapter does that too, then checks, cleans and cuts every
field and builds a sighting per entry; the target is stated against the floor.

    hf-daily-json read   <= 4x floor

The corpus is synthetic and seeded (the same bytes every run): `--entries` entries (200,000
by default) in files of `--per-day` (50), each entry shaped like the API's, with an
abstract of realistic length, an AI summary, keywords, 1-12 authors, and the usual gaps
(no GitHub link, no project page, no thumbnail, no upvotes). The floor and the adapter each
run `--runs` times (the machine may be busy), garbage collection off, and the best counts.
Run: python benchmarks/sources_bench.py [--entries N] [--per-day N] [--runs N] [--check] [--json]
"""

import argparse
import dataclasses
import datetime as dt
import gc
import json
import platform
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from readinglist.core.sources.registry import adapter_named

MAX_FLOOR_RATIO = 4.0
START = dt.date(2023, 1, 2)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_WORDS = _words(
    "we propose a novel method for efficient long context language models that scales "
    "attention sparse mixture experts diffusion video generation benchmark reasoning agents "
    "retrieval alignment reward policy tokens training inference memory accuracy results"
)
_NAMES = _words("Wei Jian Anna Maria John Priya Hiroshi Lucas Sofia Omar Chen Jürgen Zoë")
_SURNAMES = _words("Wang Li Kim Lee Park Smith Müller Tanaka Singh Rossi Nguyen Silva")


@dataclass(slots=True)
class Figures:
    entries: int
    per_day: int
    runs: int
    files: int = 0
    corpus_mb: float = 0.0
    floor: float = 0.0
    adapter: float = 0.0
    sightings: int = 0
    environment: dict[str, str] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.adapter / self.floor

    @property
    def passed(self) -> bool:
        return self.ratio <= MAX_FLOOR_RATIO


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _item(rng: random.Random, day: dt.date, number: int) -> dict[str, object]:
    arxiv_id = f"{day:%y%m}.{number:05d}"
    paper: dict[str, object] = {
        "id": arxiv_id,
        "authors": [
            {
                "_id": f"{rng.getrandbits(48):012x}",
                "name": f"{rng.choice(_NAMES)} {rng.choice(_SURNAMES)}",
                "hidden": False,
            }
            for _ in range(rng.randint(1, 12))
        ],
        "publishedAt": f"{day - dt.timedelta(days=3)}T17:59:59.000Z",
        "submittedOnDailyAt": f"{day}T01:02:03.000Z",
        "title": _sentence(rng, rng.randint(6, 14)),
        "summary": " ".join(_sentence(rng, rng.randint(12, 24)) for _ in range(6)),
        "discussionId": f"{rng.getrandbits(96):024x}",
        "ai_summary": _sentence(rng, 30),
        "ai_keywords": rng.sample(_WORDS, 6),
    }
    if rng.random() > 0.05:
        paper["upvotes"] = rng.randint(0, 300)
    if rng.random() < 0.4:
        paper["githubRepo"] = f"https://github.com/example/{arxiv_id}"
    if rng.random() < 0.3:
        paper["projectPage"] = f"https://example.org/{arxiv_id}"
    item: dict[str, object] = {
        "paper": paper,
        "publishedAt": f"{day}T01:02:03.000Z",
        "title": paper["title"],
        "summary": paper["summary"],
        "numComments": rng.randint(0, 9),
        "isAuthorParticipating": rng.random() < 0.3,
    }
    if rng.random() > 0.1:
        item["thumbnail"] = (
            f"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{arxiv_id}.png"
        )
    return item


def corpus(entries: int, per_day: int) -> list[tuple[str, bytes]]:
    """Seeded daily files, (name, bytes), `per_day` entries each (the last may hold fewer)."""
    rng = random.Random(15)
    files = []
    for index, first in enumerate(range(0, entries, per_day)):
        day = START + dt.timedelta(days=index)
        items = [_item(rng, day, number) for number in range(min(per_day, entries - first))]
        files.append((f"{day}.json", json.dumps(items, ensure_ascii=False).encode()))
    return files


def best[T](runs: int, action: Callable[[], T]) -> tuple[float, T]:
    """The shortest of `runs` timings of `action` (garbage collection off while timed)."""
    timings = []
    value: T
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            value = action()
            timings.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(timings), value


def run(entries: int, per_day: int, runs: int) -> Figures:
    figures = Figures(entries, per_day, runs, environment=environment())
    print(f"corpus: {entries:,} entries, {per_day} a file (seeded)", file=sys.stderr)
    files = corpus(entries, per_day)
    figures.files, figures.corpus_mb = len(files), sum(len(data) for _, data in files) / 2**20
    adapter = adapter_named("hf-daily-json")
    today = START + dt.timedelta(days=len(files))
    figures.floor, _ = best(runs, lambda: [json.loads(data) for _, data in files])
    figures.adapter, count = best(
        runs,
        lambda: sum(len(adapter.read(data, name, today=today).sightings) for name, data in files),
    )
    figures.sightings = count
    if count != entries:
        raise SystemExit(f"the adapter read {count:,} sightings of {entries:,} entries")
    return figures


def environment() -> dict[str, str]:
    return {"python": platform.python_version(), "platform": platform.platform()}


def print_table(figures: Figures) -> None:
    f = figures
    print(f"\nreadinglist source-adapter benchmark (Python {f.environment['python']})")
    print(
        f"corpus: {f.files:,} files, {f.corpus_mb:,.0f} MB, {f.entries:,} entries; "
        f"best of {f.runs} runs\n"
    )
    per_entry = 1e6 * f.adapter / f.entries
    rows = [
        ("floor: json.loads", f.floor, "1.00x floor", "", ""),
        (
            "hf-daily-json read",
            f.adapter,
            f"{f.ratio:.2f}x floor",
            f"<= {MAX_FLOOR_RATIO:g}x floor",
            "PASS" if f.passed else "FAIL",
        ),
    ]
    for label, seconds, relative, target, result in rows:
        print(f"{label:<24}{seconds:>8.2f}  {relative:<14}{target:<16}{result}".rstrip())
    print(f"\n{per_entry:.1f} us an entry, {f.corpus_mb / f.adapter:.0f} MB/s")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, default=200_000, help="entries (default 200000)")
    parser.add_argument("--per-day", type=int, default=50, help="entries a file (default 50)")
    parser.add_argument("--runs", type=int, default=2, help="runs, the best counting (default 2)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the target fails")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    figures = run(args.entries, args.per_day, args.runs)
    print_table(figures)
    if args.json:
        print(json.dumps({**dataclasses.asdict(figures), "ratio": figures.ratio}, indent=2))
    return 1 if args.check and not figures.passed else 0


if __name__ == "__main__":
    sys.exit(main())
