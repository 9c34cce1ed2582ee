"""`readinglist set ARXIV_ID [--star|--unstar] [--status S] [--tag T]... [--note TEXT]`."""

import argparse

from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_OK, UsageError, out
from readinglist.cli.papers import facts, paper_for
from readinglist.cli.registry import Command
from readinglist.core.paper import ReadingStatus


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("arxiv_id", metavar="ARXIV_ID")
    star = command.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_const", const=True)
    star.add_argument("--unstar", dest="starred", action="store_const", const=False)
    *others, last = (status.value for status in ReadingStatus)
    command.add_argument("--status", metavar="S", help=f"{', '.join(others)} or {last}")
    command.add_argument("--tag", action="append", default=[], metavar="T")
    command.add_argument("--untag", action="append", default=[], metavar="T")
    command.add_argument("--note", metavar="TEXT", help="the paper's Markdown note ('' clears it)")


def _run(args: argparse.Namespace) -> int:
    from readinglist.library import papers as store
    from readinglist.library.database import utc_now

    changes = (args.starred, args.status, args.note)
    if all(change is None for change in changes) and not args.tag and not args.untag:
        raise UsageError(
            "nothing to set: give --star, --unstar, --status, --tag, --untag or --note"
        )
    try:
        status = ReadingStatus.parse(args.status) if args.status is not None else None
        tags = [store.normalize_tag(tag) for tag in args.tag]
        untags = [store.normalize_tag(tag) for tag in args.untag]
    except ValueError as error:
        raise UsageError(str(error)) from error
    with opened(args) as library:
        with writing(library) as connection:
            paper = paper_for(connection, args.arxiv_id)
            ids, now = [paper.id], utc_now()
            if args.starred is not None:
                store.set_starred(connection, ids, args.starred)
            if status is not None:
                store.set_status(connection, ids, status, now)
            store.remove_tags(connection, ids, untags)
            store.add_tags(connection, ids, tags)
            if args.note is not None:
                store.set_note(connection, paper.id, args.note, now)
        with library.reading() as connection:
            said = facts(paper_for(connection, paper.arxiv_id))
    out([f"{paper.arxiv_id}: {said}"])
    return EXIT_OK


COMMAND = Command("set", "star, tag, annotate or change a paper's status", _add_arguments, _run)
