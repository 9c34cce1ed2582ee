"""`readinglist check [--reindex]`: is the library file (and its search index) sound?"""

import argparse
from typing import TYPE_CHECKING

from readinglist.cli.opening import library_file
from readinglist.cli.output import EXIT_FAILED, EXIT_OK, CommandFailed, out
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from readinglist.library.health import HealthReport
    from readinglist.library.papers import LibrarySummary


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--reindex", action="store_true", help="rebuild the search index (if check says so)"
    )


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.health import check_library_and_index

    path = library_file(args)
    if not path.is_file():
        raise CommandFailed(f"there is no library at {path}")
    report = check_library_and_index(path, reindex=args.reindex)
    out(_health_lines(report))
    complete = report.sound and report.index_in_step and not report.not_done
    return EXIT_OK if complete else EXIT_FAILED


def _health_lines(report: "HealthReport") -> list[str]:
    """What is wrong (and the cure) apart from what check could not do (and why)."""
    could_not = [f"  {text}" for text in report.not_done]
    if report.problems:
        return [
            f"The library {report.path} is damaged:",
            *(f"  {problem}" for problem in report.problems),
            "Restore a copy from the backups folder beside it (readinglist restore BACKUP).",
            *(["What check could not do:", *could_not] if could_not else []),
        ]
    if not report.readable:
        return [f"Could not check the library {report.path}:", *could_not]
    summary = f": {_summary_line(report.summary)}" if report.summary else ""
    lines = [f"The library {report.path} is sound{summary}."]
    if report.index_in_step is False:
        lines += [
            "Its search index is out of step with it: `readinglist check --reindex` rebuilds",
            "the index.",
        ]
    return lines + (["What check could not do:", *could_not] if could_not else [])


def _summary_line(summary: "LibrarySummary") -> str:
    from readinglist.core.paper import ReadingStatus

    newest = f", newest digest {summary.newest_digest}" if summary.newest_digest else ""
    return (
        f"{summary.papers} papers in {summary.digests} digests, {summary.starred} starred, "
        f"{summary.by_status[ReadingStatus.UNREAD]} unread, {summary.tags} tags{newest}"
    )


COMMAND = Command("check", "check that the library file is sound", _add_arguments, _run)
