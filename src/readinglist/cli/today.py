"""`readinglist today [--json] [--order ORDER]`: Today's papers, as the window's Today lists
them, with how far the reader is through them."""

import argparse
import datetime as dt

from readinglist.cli.listing import print_table
from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_OK, UsageError, print_json
from readinglist.cli.registry import Command
from readinglist.core.today import TodayOrder


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
    from readinglist.core.query import parse_query
    from readinglist.library import today
    from readinglist.library.papers import load_papers
    from readinglist.library.sorting import find_paper_ids

    try:
        order = TodayOrder.parse(args.order)
    except ValueError as error:
        raise UsageError(str(error)) from error
    with opened(args) as library:
        with writing(library) as connection:  # a new session begins, when one is due
            today.roll(connection, dt.datetime.now(dt.UTC))
        with library.reading() as connection:
            ids = find_paper_ids(connection, parse_query("is:today"), order.facts.sort)
            papers = load_papers(connection, ids)
            progress = today.progress(connection)
    if args.json:
        print_json(
            {
                "order": order.value,
                "total": progress.total,
                "triaged": progress.triaged,
                "queued": progress.queued,
                "starred": progress.starred,
                "papers": [paper.to_json() for paper in papers],
            }
        )
        return EXIT_OK
    print_table(papers)
    said = f"{progress.triaged} of {progress.total} triaged"
    if progress.caught_up:
        said += f": all caught up ({progress.queued} queued, {progress.starred} starred)"
    print(said)
    return EXIT_OK


COMMAND = Command(
    "today", "list Today's papers: new since the last triage session", _add_arguments, _run
)
