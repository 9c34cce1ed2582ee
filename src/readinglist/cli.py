"""The `readinglist` command: the app, and a scriptable CLI over the same core.

The command names, options, exit codes and JSON shapes are a contract that scripts
rely on; see the README. Heavy modules are imported inside the commands so that
`--version` and `--help` stay instant.
"""

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist import __version__

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.paper import Paper
    from readinglist.importer import FileReport, ImportReport
    from readinglist.library.database import Library

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
COMMANDS = ("import", "list", "show", "set", "check")


class UsageError(Exception):
    """Bad input from the user: exit code 2."""


class CommandFailed(Exception):
    """The command could not do what was asked: exit code 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readinglist",
        description="Keep the papers of daily research digests in a local library.",
    )
    parser.add_argument("--version", action="version", version=f"readinglist {__version__}")
    _add_library_option(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_import(commands)
    _add_list(commands)
    _add_show(commands)
    _add_set(commands)
    check = commands.add_parser("check", help="check that the library file is sound")
    _add_library_option(check)
    return parser


def _add_library_option(parser: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--library",
        type=Path,
        metavar="PATH",
        default=default,
        help="the library file (default: $READINGLIST_LIBRARY, else the app-data folder)",
    )


def _add_import(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser("import", help="import digest files or folders of them")
    _add_library_option(command)
    command.add_argument("--json", action="store_true", help="print the report as JSON")
    command.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _add_list(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser("list", help="list papers, optionally matching a query")
    _add_library_option(command)
    command.add_argument("--json", action="store_true", help="print papers as JSON")
    command.add_argument(
        "query", nargs="*", metavar="QUERY", help="words, tag:X, status:S, is:starred, is:unread"
    )


def _add_show(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser("show", help="show one paper")
    _add_library_option(command)
    command.add_argument("--json", action="store_true", help="print the paper as JSON")
    command.add_argument("arxiv_id", metavar="ARXIV_ID")


def _add_set(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser("set", help="star, tag, annotate or change a paper's status")
    _add_library_option(command)
    command.add_argument("arxiv_id", metavar="ARXIV_ID")
    star = command.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_const", const=True)
    star.add_argument("--unstar", dest="starred", action="store_const", const=False)
    command.add_argument("--status", metavar="S", help="unread, queued, reading, read or skipped")
    command.add_argument("--tag", action="append", default=[], metavar="T")
    command.add_argument("--untag", action="append", default=[], metavar="T")
    command.add_argument("--note", metavar="TEXT", help="the paper's Markdown note ('' clears it)")


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readinglist",
        description="Open the readinglist window (and import FILEs into it). "
        f"Commands for scripts: {', '.join(COMMANDS)} (readinglist COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"readinglist {__version__}")
    _add_library_option(parser, default=None)
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="render the window at 1280x800 to a PNG and exit",
    )
    parser.add_argument("--select", metavar="ARXIV_ID", help="the paper to select first")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this build works (offscreen, on a temporary library) and exit",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="digest files or folders to import"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if not any(token in COMMANDS for token in arguments):
            return _run_app(build_app_parser().parse_args(arguments))
        args = build_parser().parse_args(arguments)
        return _HANDLERS[args.command](args)
    except UsageError as error:
        print(f"readinglist: {error}", file=sys.stderr)
        return EXIT_USAGE
    except CommandFailed as error:
        print(f"readinglist: {error}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # `readinglist list | head`
        sys.stderr.close()
        return EXIT_OK


def _open(args: argparse.Namespace) -> "Library":
    from readinglist.library.database import LibraryError, open_library

    try:
        return open_library(args.library)
    except LibraryError as error:
        raise CommandFailed(str(error)) from error


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


# --- import ----------------------------------------------------------------------------------


def _cmd_import(args: argparse.Namespace) -> int:
    from readinglist.importer import FileStatus, import_paths

    with _open(args) as library:
        report = import_paths(library, args.paths)
    if args.json:
        _print_json({"files": [_file_json(file) for file in report.files]})
    else:
        _print_import_report(report)
    return EXIT_FAILED if report.count(FileStatus.REJECTED) else EXIT_OK


def _file_json(file: "FileReport") -> dict[str, Any]:
    error = {"line": file.error.line, "message": file.error.message} if file.error else None
    return {
        "path": str(file.path),
        "status": file.status.value,
        "papers_new": file.papers_new,
        "appearances_new": file.appearances_new,
        "error": error,
    }


def _print_import_report(report: "ImportReport") -> None:
    from readinglist.importer import FileStatus

    width = max((len(str(file.path)) for file in report.files), default=0)
    for file in report.files:
        print(f"{file.status.value:<9}  {file.path!s:<{width}}  {_file_outcome(file)}".rstrip())
    counts = ", ".join(f"{report.count(status)} {status.value}" for status in FileStatus)
    print(
        f"{len(report.files)} files: {counts}; "
        f"{report.papers_new} new papers, {report.appearances_new} new appearances"
    )


def _file_outcome(file: "FileReport") -> str:
    if file.error is not None:
        where = f"line {file.error.line}: " if file.error.line else ""
        return where + file.error.message
    if file.papers_new or file.appearances_new:
        return f"{file.papers_new} new papers, {file.appearances_new} new appearances"
    return ""


# --- list, show ------------------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace) -> int:
    from readinglist.core.query import QueryError, parse_query
    from readinglist.library.papers import find_paper_ids, load_papers

    try:
        query = parse_query(" ".join(args.query))
    except QueryError as error:
        raise UsageError(f"bad query: {error}") from error
    with _open(args) as library, library.reading() as connection:
        papers = load_papers(connection, find_paper_ids(connection, query))
    if args.json:
        _print_json([paper.to_json() for paper in papers])
    else:
        _print_paper_table(papers)
    return EXIT_OK


def _print_paper_table(papers: "list[Paper]") -> None:
    import shutil

    columns = shutil.get_terminal_size((120, 24)).columns
    id_width = max((len(paper.arxiv_id) for paper in papers), default=10)
    for paper in papers:
        star = "*" if paper.starred else " "
        votes = "" if paper.votes is None else str(paper.votes)
        head = f"{paper.arxiv_id:<{id_width}}  {paper.first_seen}  {star} {votes:>5}  "
        head += f"{paper.status.value:<8}  "
        print(head + _shorten(paper.title, max(20, columns - len(head))))
    print(f"{len(papers)} paper{'s' if len(papers) != 1 else ''}")


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _paper_for(connection: "Connection", text: str) -> "Paper":
    from readinglist.core.arxiv import normalize_arxiv_id
    from readinglist.library.papers import load_paper

    arxiv_id = normalize_arxiv_id(text)
    if arxiv_id is None:
        raise UsageError(f"'{text}' is not an arXiv id (like 2312.08723) or link")
    paper = load_paper(connection, arxiv_id)
    if paper is None:
        raise CommandFailed(f"no paper {arxiv_id} in the library")
    return paper


def _cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as library, library.reading() as connection:
        paper = _paper_for(connection, args.arxiv_id)
    if args.json:
        _print_json(paper.to_json())
    else:
        print(_describe(paper))
    return EXIT_OK


def _facts(paper: "Paper") -> str:
    facts = [f"first seen {paper.first_seen}", f"status {paper.status.value}"]
    if paper.votes is not None:
        facts.insert(1, f"{paper.votes} votes")
    if paper.starred:
        facts.append("starred")
    if paper.tags:
        facts.append("tags " + ", ".join(paper.tags))
    return " · ".join(facts)


def _describe(paper: "Paper") -> str:
    authors = ", ".join(paper.authors) + (" and more" if paper.authors_truncated else "")
    digests = ", ".join(
        f"{d.date}" + (f" ({d.votes} votes)" if d.votes is not None else "") for d in paper.digests
    )
    lines = [
        paper.title,
        f"arXiv {paper.arxiv_id}  {paper.url}",
        f"Authors: {authors or '-'}",
        _facts(paper),
        f"Digests: {digests}",
        f"Media: {paper.media.kind.value} {paper.media.url}" if paper.media else "Media: none",
        f"Tags: {', '.join(paper.tags) or '-'}",
        "Summary:",
        *(f"  - {bullet}" for bullet in paper.summary),
    ]
    if paper.note:
        lines += ["Note:", *(f"  {line}" for line in paper.note.split("\n"))]
    return "\n".join(lines)


# --- set -------------------------------------------------------------------------------------


def _cmd_set(args: argparse.Namespace) -> int:
    from readinglist.core.paper import ReadingStatus
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
    with _open(args) as library:
        with library.writing() as connection:
            paper = _paper_for(connection, args.arxiv_id)
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
            print(f"{paper.arxiv_id}: {_facts(_paper_for(connection, paper.arxiv_id))}")
    return EXIT_OK


# --- check, and the app ----------------------------------------------------------------------


def _cmd_check(args: argparse.Namespace) -> int:
    from readinglist.library.database import default_library_path
    from readinglist.library.health import check_library

    path = (args.library or default_library_path()).expanduser()
    if not path.is_file():
        raise CommandFailed(f"there is no library at {path}")
    report = check_library(path)
    if report.sound:
        with _open(args) as library, library.reading() as connection:
            print(f"The library {path} is sound: {_summary_line(connection)}.")
        return EXIT_OK
    print(f"The library {path} is damaged:")
    for problem in report.problems:
        print(f"  {problem}")
    print("Restore a copy from the backups folder beside it.")
    return EXIT_FAILED


def _summary_line(connection: "Connection") -> str:
    from readinglist.core.paper import ReadingStatus
    from readinglist.library.papers import library_summary

    summary = library_summary(connection)
    newest = f", newest digest {summary.newest_digest}" if summary.newest_digest else ""
    return (
        f"{summary.papers} papers in {summary.digests} digests, {summary.starred} starred, "
        f"{summary.by_status[ReadingStatus.UNREAD]} unread, {summary.tags} tags{newest}"
    )


def _run_app(args: argparse.Namespace) -> int:
    from readinglist.core.arxiv import normalize_arxiv_id
    from readinglist.ui.app import AppOptions, run_app

    select = getattr(args, "select", None)
    if select is not None and normalize_arxiv_id(select) is None:
        raise UsageError(f"'{select}' is not an arXiv id (like 2312.08723) or link")
    options = AppOptions(
        library=args.library,
        files=list(getattr(args, "files", [])),
        screenshot=getattr(args, "screenshot", None),
        select=normalize_arxiv_id(select) if select else None,
        self_test=getattr(args, "self_test", False),
    )
    return run_app(options)


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": _cmd_import,
    "list": _cmd_list,
    "show": _cmd_show,
    "set": _cmd_set,
    "check": _cmd_check,
}

if __name__ == "__main__":
    sys.exit(main())
