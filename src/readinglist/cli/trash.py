"""`readinglist trash ARXIV_ID...`, `untrash ARXIV_ID...` and `empty-trash [--yes]`.

`untrash`, not `restore`: `restore` puts a backup in the library's place. A paper in the
trash is listed by `list is:trashed`; every other list and count leaves it out.
"""

import argparse
import sys
from typing import TYPE_CHECKING

from readinglist.cli.opening import opened, refuse_shared, writing
from readinglist.cli.output import EXIT_OK, UsageError, count_papers, out, print_json
from readinglist.cli.papers import paper_for
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _add_papers(command: argparse.ArgumentParser) -> None:
    command.add_argument("arxiv_ids", nargs="+", metavar="ARXIV_ID")
    command.add_argument("--json", action="store_true", help="print what was done as JSON")


def _add_empty(command: argparse.ArgumentParser) -> None:
    command.add_argument("--yes", action="store_true", help="do not ask first")
    command.add_argument("--json", action="store_true", help="print what was done as JSON")


def _run_trash(args: argparse.Namespace) -> int:
    return _move(args, into_trash=True)


def _run_untrash(args: argparse.Namespace) -> int:
    return _move(args, into_trash=False)


def _move(args: argparse.Namespace, *, into_trash: bool) -> int:
    """All the papers or none: an id not in the library changes nothing (exit 1)."""
    from readinglist.library import trash
    from readinglist.library.database import utc_now

    with opened(args) as library, writing(library) as connection:
        papers = [paper_for(connection, text) for text in args.arxiv_ids]
        ids = list(dict.fromkeys(paper.id for paper in papers))
        if into_trash:
            trash.move_to_trash(connection, ids, utc_now())
        else:
            trash.restore(connection, ids)
        in_trash = trash.trashed_count(connection)
    arxiv_ids = list(dict.fromkeys(paper.arxiv_id for paper in papers))
    if args.json:
        print_json({"papers": arxiv_ids, "in_trash": in_trash})
    else:
        done = "Moved {} to the trash" if into_trash else "Restored {} from the trash"
        out([f"{done.format(count_papers(len(arxiv_ids)))}; it holds {count_papers(in_trash)}."])
    return EXIT_OK


def _run_empty(args: argparse.Namespace) -> int:
    from readinglist.library import trash

    with opened(args) as library:
        refuse_shared(library, SHARED_PAPERS_KEPT)
        if not args.yes:
            with library.reading() as connection:
                _ask(connection)
        with writing(library) as connection:
            deleted = trash.empty_trash(connection)
    if args.json:
        print_json({"deleted": deleted})
    else:
        out([f"Deleted {count_papers(deleted)} for good."])
    return EXIT_OK


def _ask(connection: "Connection") -> None:
    """Asked on a terminal; elsewhere (a script) only `--yes` empties the trash."""
    from readinglist.library.trash import trashed_count

    count = trashed_count(connection)
    if count == 0:
        return
    question = f"Delete {count_papers(count)} for good? Their notes and tags go too."
    if not sys.stdin.isatty():
        raise UsageError(f"{question} Give --yes to do so without being asked.")
    answer = input(f"{question} [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        raise UsageError("the trash was left as it was")


TRASH = Command(
    "trash", "move papers to the trash (out of every list but the trash's)", _add_papers, _run_trash
)
UNTRASH = Command("untrash", "bring papers back from the trash", _add_papers, _run_untrash)
SHARED_PAPERS_KEPT = (
    "emptying the trash deletes papers, and on a shared library they are every member's: "
    "not on shared libraries yet (your trash keeps them out of your lists)"
)

EMPTY_TRASH = Command(
    "empty-trash", "delete the trash's papers for good, notes and tags too", _add_empty, _run_empty
)
