"""`readinglist export --format F [--output FILE] [QUERY]`: papers for other tools."""

import argparse
import sys
from pathlib import Path

from readinglist.cli.opening import opened
from readinglist.cli.output import EXIT_OK, CommandFailed, count_papers, out
from readinglist.cli.registry import Command
from readinglist.cli.selection import add_selection, selected_ids, typed_query


def _add_arguments(command: argparse.ArgumentParser) -> None:
    from readinglist.core.export import ExportFormat  # its choices, when a command is parsed

    command.add_argument(
        "--format", required=True, choices=[f.value for f in ExportFormat], metavar="F"
    )
    command.add_argument("--output", type=Path, metavar="FILE", help="write to FILE, not stdout")
    add_selection(command)


def _run(args: argparse.Namespace) -> int:
    """Papers are read 1,000 at a time and written as they come: 59,000 papers as JSON peak at
    52 MB, not the 745 MB of a whole list and a whole text."""
    from readinglist.core.export import ExportFormat, write_export, write_papers
    from readinglist.library.export_source import stream_papers

    query = typed_query(args)
    export_format = ExportFormat(args.format)
    with opened(args) as library, library.reading() as connection:
        papers = stream_papers(connection, selected_ids(connection, args, query))
        if args.output is None:
            write_papers(papers, export_format, sys.stdout)
            return EXIT_OK
        try:
            count = write_export(papers, export_format, args.output)
        except OSError as error:
            raise CommandFailed(f"cannot write {args.output}: {error.strerror or error}") from error
    out([f"{count_papers(count)} written to {args.output}"])
    return EXIT_OK


COMMAND = Command(
    "export",
    "write papers as BibTeX, CSV, JSON or a Markdown reading list",
    _add_arguments,
    _run,
    ("export",),
)
