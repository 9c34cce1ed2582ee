"""`readinglist stats [--json] [--since YYYY-MM-DD]`: the Reading view's figures, printed."""

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from readinglist.cli.opening import opened
from readinglist.cli.output import EXIT_OK, day_argument, out, print_json
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from readinglist.core.stats import ReadingStats


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--json", action="store_true", help="print the figures as JSON")
    command.add_argument(
        "--since",
        type=day_argument,
        metavar="YYYY-MM-DD",
        help="from this day (default: the last 12 weeks)",
    )


def _run(args: argparse.Namespace) -> int:
    from readinglist.core.stats import default_since
    from readinglist.library.stats import library_stats

    now = dt.datetime.now().astimezone()
    zone = now.tzinfo
    assert zone is not None
    since = args.since or default_since(now.date())
    with opened(args) as library, library.reading() as connection:
        stats = library_stats(connection, since, now, zone)
    if args.json:
        print_json(stats.to_json())
    else:
        out(describe(stats))
    return EXIT_OK


def describe(stats: "ReadingStats") -> list[str]:
    figures = stats.to_json()
    to_read = figures["days_to_read"]
    assert isinstance(to_read, dict)
    lines = [
        f"Reading from {stats.since} to {stats.today}",
        f"Read {stats.read}, skipped {stats.skipped}; queued now {stats.queued}",
        f"Streak: {_days(stats.current_streak)} (longest {_days(stats.longest_streak)})",
    ]
    if to_read["papers"]:
        lines.append(
            f"Days from arrival to read: median {to_read['median']}, "
            f"90th percentile {to_read['p90']} ({to_read['papers']} papers)"
        )
    lines += ["", f"{'week of':<12}{'read':>6}{'skipped':>9}{'queued':>8}"]
    lines += [f"{w.start!s:<12}{w.read:>6}{w.skipped:>9}{w.queued:>8}" for w in stats.weeks]
    lines += ["", "Queued papers by age: " + _listed(stats.backlog)]
    lines.append("Top tags: " + (_listed(stats.top_tags) or "-"))
    lines.append("Top authors: " + (_listed(stats.top_authors) or "-"))
    return lines


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _listed(pairs: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{name} ({count})" for name, count in pairs)


COMMAND = Command(
    "stats", "figures of your reading: read per week, queue, streaks", _add_arguments, _run
)
