"""The `readinglist` command: the app, and a scriptable CLI over the same core.

The command names, options, exit codes and JSON shapes are a contract that scripts
rely on; see the README. Heavy modules are imported inside the commands so that
`--version` and `--help` stay instant.

What goes wrong reaches people as one line on stderr (`readinglist: ...`), never a
traceback: a library that cannot be read or written is said in words, naming its file
(`library/failures.py`), and success is printed only once what it reports is saved. Text
from outside (titles, authors, URLs, file names) is printed through `for_display`, so a
crafted digest or file name cannot send the terminal its own commands or forge a line.
"""

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist import __version__
from readinglist.library.errors import LibraryError

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.paper import Paper
    from readinglist.core.query import Query
    from readinglist.importer import FileReport, ImportReport
    from readinglist.library.database import Library
    from readinglist.library.health import HealthReport
    from readinglist.library.papers import LibrarySummary

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
COMMANDS = ("import", "list", "export", "show", "set", "saved", "check", "restore")
# Options of `list` and `export` that take a value: what is not an option is the query.
_VALUE_OPTIONS = frozenset({"--library", "--sort", "--limit", "--saved", "--format", "--output"})


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
    _add_export(commands)
    _add_show(commands)
    _add_set(commands)
    _add_saved(commands)
    check = commands.add_parser("check", help="check that the library file is sound")
    _add_library_option(check)
    check.add_argument(
        "--reindex", action="store_true", help="rebuild the search index (if check says so)"
    )
    restore = commands.add_parser(
        "restore", help="put a backup in the library's place, keeping the library as it was"
    )
    _add_library_option(restore)
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="a copy from backups/")
    return parser


def _add_library_option(parser: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--library",
        type=_library_argument,
        metavar="PATH",
        default=default,
        help="the library file (default: $READINGLIST_LIBRARY, else the app-data folder)",
    )


def _library_argument(text: str) -> Path:
    from readinglist.library.location import library_path

    try:
        return library_path(text)
    except LibraryError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _add_import(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser("import", help="import digest files or folders of them")
    _add_library_option(command)
    command.add_argument("--json", action="store_true", help="print the report as JSON")
    command.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _add_list(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser("list", help="list papers, optionally matching a query")
    _add_library_option(command)
    command.add_argument("--json", action="store_true", help="print papers as JSON")
    _add_selection(command)


def _add_export(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser(
        "export", help="write papers as BibTeX, CSV, JSON or a Markdown reading list"
    )
    _add_library_option(command)
    command.add_argument(
        "--format", required=True, choices=["bibtex", "csv", "json", "markdown"], metavar="F"
    )
    command.add_argument("--output", type=Path, metavar="FILE", help="write to FILE, not stdout")
    _add_selection(command)


def _add_selection(command: argparse.ArgumentParser) -> None:
    """Which papers, in which order: shared by `list` and `export`."""
    sorts = ["last_seen", "first_seen", "votes", "title", "status", "starred", "authors", "tags"]
    command.add_argument(
        "--sort",
        choices=[*sorts, "relevance"],
        default="last_seen",
        metavar="KEY",
        help=f"{', '.join(sorts)} or relevance (default last_seen, newest first)",
    )
    command.add_argument("--reverse", action="store_true", help="the other way round")
    command.add_argument("--limit", type=_positive, metavar="N", help="at most N papers")
    command.add_argument("--saved", metavar="NAME", help="papers of a saved search (and QUERY)")
    command.add_argument(
        "query",
        nargs="*",
        metavar="QUERY",
        help='words, "phrases", -word, OR, (), tag:X, status:S, is:starred, author:"Name", '
        "votes:>50, date:2024-03, date:<7d, digest:2024-03-01 (see the README)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


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


def _add_saved(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser(
        "saved", help="saved searches: list them with their counts, add, rename or delete one"
    )
    _add_library_option(command)
    actions = command.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="save QUERY as NAME (--replace: overwrite NAME)")
    add.add_argument("--replace", action="store_true")
    add.add_argument("name", metavar="NAME")
    add.add_argument("query", nargs="+", metavar="QUERY")
    rename = actions.add_parser("rename", help="rename a saved search")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    remove = actions.add_parser("delete", help="delete a saved search")
    remove.add_argument("name", metavar="NAME")


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readinglist",
        description="Open the readinglist window (and import FILEs into it). "
        f"Commands for scripts: {', '.join(COMMANDS)} (readinglist COMMAND --help).",
        epilog="Qt's own options (-style NAME, -platform NAME, -platformtheme NAME, "
        "-stylesheet FILE, -reverse, -qwindowgeometry WxH+X+Y, -display HOST:N, ...) "
        "are passed to Qt.",
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
            return _run_app(arguments)
        args = build_parser().parse_args(_query_after_options(arguments))
        code = _HANDLERS[args.command](args)
        sys.stdout.flush()  # a write that fails fails here, not at exit with a traceback
        return code
    except UsageError as error:
        _say(str(error))
        return EXIT_USAGE
    except (CommandFailed, LibraryError) as error:
        _say(str(error))
        return EXIT_FAILED
    except BrokenPipeError:  # `readinglist list | head`
        sys.stderr.close()
        return EXIT_OK
    except OSError as error:  # stdout on a full disk, or a file no command expected to fail
        from readinglist.library.failures import describe

        if error.filename is not None:
            _say(f"{error.filename}: {describe(error)}")
        else:
            _drop_output()  # what is left of stdout cannot be written
            _say(f"could not write the output: {describe(error)}")
        return EXIT_FAILED


def _drop_output() -> None:
    """Send what stdout still holds nowhere, so that Python's flush at exit succeeds."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _say(message: str) -> None:
    """One line on stderr, for people: whatever outside text it quotes, escaped."""
    print(f"readinglist: {_display(message)}", file=sys.stderr)


def _out(lines: Iterable[str]) -> None:
    """Lines for people on stdout, each escaped: no outside text can start a new one."""
    for line in lines:
        print(_display(line))


def _display(text: str) -> str:
    """`core.text.for_display`, imported when first needed: it builds its tables on import,
    and the window's start (which passes through here) does not need them."""
    from readinglist.core.text import for_display

    return for_display(text)


def _query_after_options(arguments: list[str]) -> list[str]:
    """The arguments of `list`, `export` and `saved add` with the query last, after `--`:
    argparse would take an exclusion (`-word`, `-tag:x`) for an unknown option. Their
    options may come anywhere."""
    index = next((i for i, token in enumerate(arguments) if token in COMMANDS), None)
    if index is None or "--" in arguments:
        return arguments
    if arguments[index] == "saved" and arguments[index + 1 : index + 2] == ["add"]:
        index += 1
    elif arguments[index] not in ("list", "export"):
        return arguments
    tokens = arguments[index + 1 :]
    options: list[str] = []
    query: list[str] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.startswith("--") or token == "-h":
            takes_value = token in _VALUE_OPTIONS and position + 1 < len(tokens)
            options += tokens[position : position + 1 + takes_value]
            position += takes_value
        else:
            query.append(token)
        position += 1
    return [*arguments[: index + 1], *options, "--", *query]


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator["Library"]:
    """The library, open for the block. A daily backup that could not be made is a warning;
    a read that fails is said in words (`_failures_said`)."""
    from readinglist.library.database import open_library

    library = open_library(args.library)
    if library.open_report.backup_warning is not None:
        _say(f"warning: {library.open_report.backup_warning}")
    with library, _failures_said("read", library.path):
        yield library


@contextmanager
def _writing(library: "Library") -> Iterator["Connection"]:
    """`library.writing()`, its failures (at commit too) said in words: what the block
    reports may be printed once it is over, saved."""
    with _failures_said("save to", library.path), library.writing() as connection:
        yield connection


@contextmanager
def _failures_said(doing: str, path: Path) -> Iterator[None]:
    """SQLite's failures in the block as one line naming the library, in words."""
    from readinglist.library.failures import driver_error, reason

    try:
        yield
    except Exception as error:
        words = reason(error)
        if words is None or isinstance(driver_error(error), OSError):
            raise  # not SQLite's (a closed pipe, stdout on a full disk): not the library's
        raise CommandFailed(f"could not {doing} the library {path}: {words}") from error


# Characters JSON may carry raw that a terminal still obeys (C1 controls, DEL) or that
# reorder what it shows (bidi controls): written as \u escapes, the same JSON value.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _print_json(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    print(_JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text))


# --- import ----------------------------------------------------------------------------------


def _cmd_import(args: argparse.Namespace) -> int:
    from readinglist.importer import FileStatus, import_paths

    with _opened(args) as library:
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
    """One line per file, its name escaped before it is aligned: a name holding a newline
    cannot forge a line of the report."""
    from readinglist.importer import FileStatus

    names = [_display(str(file.path)) for file in report.files]
    width = max(map(len, names), default=0)
    for file, name in zip(report.files, names, strict=True):
        print(f"{file.status.value:<9}  {name:<{width}}  {_file_outcome(file)}".rstrip())
    counts = ", ".join(f"{report.count(status)} {status.value}" for status in FileStatus)
    print(
        f"{len(report.files)} files: {counts}; "
        f"{report.papers_new} new papers, {report.appearances_new} new appearances"
    )


def _file_outcome(file: "FileReport") -> str:
    if file.error is not None:
        where = f"line {file.error.line}: " if file.error.line else ""
        return where + _display(file.error.message)
    if file.papers_new or file.appearances_new:
        return f"{file.papers_new} new papers, {file.appearances_new} new appearances"
    return ""


# --- list, show ------------------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace) -> int:
    query = _typed_query(args)
    with _opened(args) as library, library.reading() as connection:
        papers = _selected_papers(connection, args, query)
    if args.json:
        _print_json([paper.to_json() for paper in papers])
    else:
        _print_paper_table(papers)
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from readinglist.core.export import ExportFormat, export_papers, write_export

    query = _typed_query(args)
    with _opened(args) as library, library.reading() as connection:
        papers = _selected_papers(connection, args, query)
    if args.output is None:
        sys.stdout.write(export_papers(papers, ExportFormat(args.format)))
        return EXIT_OK
    try:
        write_export(papers, ExportFormat(args.format), args.output)
    except OSError as error:
        raise CommandFailed(f"cannot write {args.output}: {error.strerror or error}") from error
    _out([f"{_count(len(papers))} written to {args.output}"])
    return EXIT_OK


def _typed_query(args: argparse.Namespace) -> "Query":
    """The query on the command line: checked before the library is even opened."""
    from readinglist.core.query import QueryError, parse_query

    try:
        return parse_query(" ".join(args.query))
    except QueryError as error:
        raise UsageError(f"bad query: {error}") from error


def _selected_papers(
    connection: "Connection", args: argparse.Namespace, query: "Query"
) -> "list[Paper]":
    """The papers `list` and `export` work on: the query (and --saved), sorted, limited."""
    from readinglist.core.listing import SortKey
    from readinglist.library.papers import find_paper_ids, load_papers
    from readinglist.library.search import ranked_ids

    if args.saved is not None:
        query = _saved_query(connection, args.saved).and_(query)
    if args.sort == "relevance":
        ranked = ranked_ids(connection, query)
        if ranked is None:
            raise UsageError("--sort relevance needs words to rank the papers by")
        ids = (ranked[::-1] if args.reverse else ranked)[: args.limit]
    else:
        key = SortKey(args.sort)
        descending = (key in _NEWEST_FIRST) != args.reverse
        ids = find_paper_ids(connection, query, key, descending, args.limit)
    return load_papers(connection, ids)


_NEWEST_FIRST = frozenset({"last_seen", "first_seen", "votes", "starred"})  # sorted descending


def _saved_query(connection: "Connection", name: str) -> "Query":
    from readinglist.core.query import QueryError, parse_query
    from readinglist.library.saved_searches import find_saved_search

    saved = find_saved_search(connection, name)
    if saved is None:
        raise CommandFailed(f"there is no saved search named '{name}'")
    try:
        return parse_query(saved.query_text)
    except QueryError as error:
        raise CommandFailed(f"the saved search '{saved.name}' no longer reads: {error}") from error


def _count(papers: int) -> str:
    return f"{papers} paper{'s' if papers != 1 else ''}"


def _print_paper_table(papers: "list[Paper]") -> None:
    import shutil

    columns = shutil.get_terminal_size((120, 24)).columns
    id_width = max((len(paper.arxiv_id) for paper in papers), default=10)
    for paper in papers:
        star = "*" if paper.starred else " "
        votes = "" if paper.votes is None else str(paper.votes)
        head = f"{paper.arxiv_id:<{id_width}}  {paper.first_seen}  {star} {votes:>5}  "
        head += f"{paper.status.value:<8}  "
        print(head + _shorten(_display(paper.title), max(20, columns - len(head))))
    print(_count(len(papers)))


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
    with _opened(args) as library, library.reading() as connection:
        paper = _paper_for(connection, args.arxiv_id)
    if args.json:
        _print_json(paper.to_json())
    else:
        _out(_describe(paper))
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


def _describe(paper: "Paper") -> list[str]:
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
    return lines


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
    with _opened(args) as library:
        with _writing(library) as connection:
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
            facts = _facts(_paper_for(connection, paper.arxiv_id))
    _out([f"{paper.arxiv_id}: {facts}"])
    return EXIT_OK


# --- saved searches ---------------------------------------------------------------------------


def _cmd_saved(args: argparse.Namespace) -> int:
    from readinglist.core.query import QueryError
    from readinglist.library.saved_searches import SavedSearchError

    with _opened(args) as library:
        try:
            if args.action is None:
                with library.reading() as connection:
                    lines = _saved_search_lines(connection)
            else:
                with _writing(library) as connection:
                    lines = [_change_saved_search(connection, args)]
        except QueryError as error:
            raise UsageError(f"bad query: {error}") from error
        except SavedSearchError as error:
            raise CommandFailed(str(error)) from error
    _out(lines)  # once saved: a commit that fails prints no "saved"
    return EXIT_OK


def _saved_search_lines(connection: "Connection") -> list[str]:
    from readinglist.library.saved_searches import list_saved_searches, saved_search_counts

    searches = list_saved_searches(connection)
    counts = saved_search_counts(connection)
    names = [_display(search.name) for search in searches]
    width = max(map(len, names), default=0)
    lines = []
    for search, name in zip(searches, names, strict=True):
        count = counts.get(search.id)
        shown = "?" if count is None else str(count)
        lines.append(f"{name:<{width}}  {shown:>7}  {search.query_text}")
    return [*lines, f"{len(searches)} saved search{'es' if len(searches) != 1 else ''}"]


def _change_saved_search(connection: "Connection", args: argparse.Namespace) -> str:
    from readinglist.library import saved_searches as saved
    from readinglist.library.database import utc_now

    if args.action == "add":
        text = " ".join(args.query)
        search = saved.save_search(connection, args.name, text, utc_now(), replace=args.replace)
        return f"saved {search.name}: {search.query_text}"
    found = saved.find_saved_search(connection, args.name)
    if found is None:
        raise saved.SavedSearchError(f"there is no saved search named '{args.name}'")
    if args.action == "rename":
        renamed = saved.rename_saved_search(connection, found.id, args.new_name)
        return f"renamed {found.name} to {renamed.name}"
    saved.delete_saved_search(connection, found.id)
    return f"deleted {found.name}"


# --- check and restore -----------------------------------------------------------------------


def _library_file(args: argparse.Namespace) -> Path:
    from readinglist.library.location import default_library_path

    return (args.library or default_library_path()).expanduser().absolute()


def _cmd_check(args: argparse.Namespace) -> int:
    from readinglist.library.health import check_library_and_index

    path = _library_file(args)
    if not path.is_file():
        raise CommandFailed(f"there is no library at {path}")
    report = check_library_and_index(path, reindex=args.reindex)
    _out(_health_lines(report))
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


def _cmd_restore(args: argparse.Namespace) -> int:
    from readinglist.library.migrations import latest_version
    from readinglist.library.restore import restore_backup

    done = restore_backup(args.backup.expanduser(), _library_file(args))
    lines = [f"Restored {done.library} from {done.backup}: {_count(done.papers)}."]
    if done.kept_aside:
        kept, *side = done.kept_aside
        along = f" (with its {' and '.join(path.name[-4:] for path in side)})" if side else ""
        lines.append(f"The library as it was is kept as {kept}{along}.")
    if done.schema < latest_version():
        lines.append(f"It is upgraded from schema {done.schema} when next opened.")
    _out(lines)
    return EXIT_OK


# --- the app ---------------------------------------------------------------------------------

# Qt's own options (QGuiApplication's and QApplication's), passed on to QApplication:
# `-style Fusion`, `-style=Fusion` or `--style Fusion`.
_QT_VALUE_OPTIONS = frozenset(
    {
        "display",
        "fontengine",
        "geometry",
        "name",
        "platform",
        "platformpluginpath",
        "platformtheme",
        "plugin",
        "qwindowgeometry",
        "qwindowicon",
        "qwindowtitle",
        "session",
        "style",
        "stylesheet",
        "title",
    }
)
_QT_FLAGS = frozenset({"dograb", "nograb", "reverse", "sync", "widgetcount"})
_QT_ONLY_WITH_EQUALS = frozenset({"dialogs", "qmljsdebugger"})


def _split_qt_options(arguments: list[str]) -> tuple[list[str], list[str]]:
    """Qt's options for the window (in order), and the rest of the arguments."""
    qt: list[str] = []
    rest: list[str] = []
    position = 0
    while position < len(arguments):
        token = arguments[position]
        name, _, value = token.lstrip("-").partition("=")
        takes = 2 if name in _QT_VALUE_OPTIONS and not value else 1
        is_qt = token.startswith("-") and token != "--" and _is_qt_option(name, value)
        if is_qt and position + takes <= len(arguments):
            qt += arguments[position : position + takes]
            position += takes
        else:
            rest.append(token)
            position += 1
    return qt, rest


def _is_qt_option(name: str, value: str) -> bool:
    if value:
        return name in _QT_VALUE_OPTIONS or name in _QT_ONLY_WITH_EQUALS
    return name in _QT_VALUE_OPTIONS or name in _QT_FLAGS


def _run_app(arguments: list[str]) -> int:
    from readinglist.core.arxiv import normalize_arxiv_id

    qt_arguments, rest = _split_qt_options(arguments)
    args = build_app_parser().parse_args(rest)
    _refuse_unknown_words(args.files)
    select = args.select
    if select is not None and normalize_arxiv_id(select) is None:
        raise UsageError(f"'{select}' is not an arXiv id (like 2312.08723) or link")
    from readinglist.ui.app import AppOptions, run_app

    options = AppOptions(
        library=args.library,
        files=list(args.files),
        screenshot=args.screenshot,
        select=normalize_arxiv_id(select) if select else None,
        self_test=args.self_test,
        qt_arguments=qt_arguments,
    )
    return run_app(options)


def _refuse_unknown_words(files: list[Path]) -> None:
    """The window imports FILEs; a word that names no file is a mistyped command."""
    for path in files:
        if not path.exists():
            import difflib

            word = str(path)
            close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise UsageError(
                f"'{word}' is neither a command nor an existing file (commands: "
                f"{', '.join(COMMANDS)}; readinglist COMMAND --help){hint}"
            )


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": _cmd_import,
    "list": _cmd_list,
    "export": _cmd_export,
    "saved": _cmd_saved,
    "show": _cmd_show,
    "set": _cmd_set,
    "check": _cmd_check,
    "restore": _cmd_restore,
}

if __name__ == "__main__":
    sys.exit(main())
