"""`readinglist today [--json] [--order ORDER]`: Today's papers, as the window's Today lists
them, with how far the reader is through them."""

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from readinglist.cli.listing import print_table
from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_OK, UsageError, print_json
from readinglist.cli.registry import Command
from readinglist.core.today import TodayOrder

if TYPE_CHECKING:
    from readinglist.core.listing import TodayProgress
    from readinglist.core.paper import Paper


def _add_arguments(command: argparse.ArgumentParser) -> None:
    orders = [order.value for order in TodayOrder]
    command.add_argument("--json", action="store_true", help="print papers and progress as JSON")
    command.add_argument(
        "--order",
        default=TodayOrder.DIGEST.value,
        metavar="ORDER",
        help=f"{', '.join(orders)} (default {TodayOrder.DIGEST.value})",
    )


def _run(args: argparse.Namespace) -> int:
    try:
        order = TodayOrder.parse(args.order)
    except ValueError as error:
        raise UsageError(str(error)) from error
    papers, progress = _read_today(args, order)
    if args.json:
        print_json(_as_json(order, papers, progress))
    else:
        _print_today(papers, progress)
    return EXIT_OK


def _read_today(
    args: argparse.Namespace, order: TodayOrder
) -> tuple[list["Paper"], "TodayProgress"]:
    """Today's papers in `order`, and the progress; a new session begun first, when due
    (the write lock taken only then)."""
    from readinglist.core.query import parse_query
    from readinglist.library import today
    from readinglist.library.papers import load_papers
    from readinglist.library.sorting import find_paper_ids

    now = dt.datetime.now(dt.UTC)
    with opened(args) as library:
        with library.reading() as connection:
            due = today.roll_due(connection, now)
        if due:
            with writing(library) as connection:
                today.roll(connection, now)
        with library.reading() as connection:
            ids = find_paper_ids(connection, parse_query("is:today"), order.facts.sort)
            return load_papers(connection, ids), today.progress(connection)


def _as_json(order: TodayOrder, papers: list["Paper"], progress: "TodayProgress") -> object:
    back = progress.brought_back
    return {
        "order": order.value,
        "total": progress.total,
        "triaged": progress.triaged,
        "queued": progress.queued,
        "starred": progress.starred,
        "brought_back": [paper.arxiv_id for paper in papers if paper.id in back],
        "papers": [paper.to_json() for paper in papers],
    }


def _print_today(papers: list["Paper"], progress: "TodayProgress") -> None:
    print_table(papers)
    said = f"{progress.triaged} of {progress.total} triaged"
    if progress.caught_up:
        said += f": all caught up ({progress.queued} queued, {progress.starred} starred)"
    print(said)


COMMAND = Command(
    "today", "list Today's papers: new since the last triage session", _add_arguments, _run
)
