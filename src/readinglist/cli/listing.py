"""`readinglist list [QUERY]`: the papers a query matches, one line each, or as JSON."""

import argparse
import shutil
from typing import TYPE_CHECKING

from readinglist.cli.opening import opened
from readinglist.cli.output import EXIT_OK, count_papers, display, print_json
from readinglist.cli.registry import Command
from readinglist.cli.selection import add_selection, selected_ids, typed_query

if TYPE_CHECKING:
    from readinglist.core.paper import Paper


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--json", action="store_true", help="print papers as JSON")
    add_selection(command)


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.papers import load_papers

    query = typed_query(args)
    with opened(args) as library, library.reading() as connection:
        papers = load_papers(connection, selected_ids(connection, args, query))
    if args.json:
        print_json([paper.to_json() for paper in papers])
    else:
        print_table(papers)
    return EXIT_OK


def print_table(papers: "list[Paper]") -> None:
    columns = shutil.get_terminal_size((120, 24)).columns
    id_width = max((len(paper.arxiv_id) for paper in papers), default=10)
    for paper in papers:
        star = "*" if paper.starred else " "
        votes = "" if paper.votes is None else str(paper.votes)
        head = f"{paper.arxiv_id:<{id_width}}  {paper.first_seen}  {star} {votes:>5}  "
        head += f"{paper.status.value:<8}  "
        print(head + _shorten(display(paper.title), max(20, columns - len(head))))
    print(count_papers(len(papers)))


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


COMMAND = Command(
    "list", "list papers, optionally matching a query", _add_arguments, _run, ("list",)
)
