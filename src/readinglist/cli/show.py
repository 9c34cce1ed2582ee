"""`readinglist show ARXIV_ID`: one paper, with every digest it was in."""

import argparse
from typing import TYPE_CHECKING

from readinglist.cli.opening import opened
from readinglist.cli.output import EXIT_OK, display, out, print_json
from readinglist.cli.papers import facts, paper_for
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from readinglist.core.paper import Paper


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--json", action="store_true", help="print the paper as JSON")
    command.add_argument("arxiv_id", metavar="ARXIV_ID")


def _run(args: argparse.Namespace) -> int:
    with opened(args) as library, library.reading() as connection:
        paper = paper_for(connection, args.arxiv_id)
    if args.json:
        print_json(paper.to_json())
    else:
        out(_describe(paper))
    return EXIT_OK


def _describe(paper: "Paper") -> list[str]:
    authors = ", ".join(paper.authors) + (" and more" if paper.authors_truncated else "")
    digests = ", ".join(
        f"{d.date}" + (f" ({d.votes} votes)" if d.votes is not None else "") for d in paper.digests
    )
    lines = [
        paper.title,
        f"arXiv {paper.arxiv_id}  {paper.url}",
        f"Authors: {authors or '-'}",
        facts(paper),
        f"Digests: {digests}",
        f"Media: {paper.media.kind.value} {paper.media.url}" if paper.media else "Media: none",
        f"Tags: {', '.join(paper.tags) or '-'}",
        "Summary:",
        *(f"  - {bullet}" for bullet in paper.summary),
    ]
    if paper.note:
        lines += ["Note:", *(f"  {line}" for line in paper.note.split("\n"))]
    for shared in paper.shared_notes:  # a shared library's: each with its author
        when = shared.changed_at.strftime("%Y-%m-%d %H:%M UTC")
        lines += [f"Shared note by {display(shared.author)} ({when}):"]
        lines += [f"  {line}" for line in shared.text.split("\n")]
    return lines


COMMAND = Command("show", "show one paper", _add_arguments, _run)
