"""`readinglist import [--format FORMAT] PATH...`: digest files, or folders of them, into the
library, each in the format its content is (or the one forced)."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.cli.opening import opened
from readinglist.cli.output import EXIT_FAILED, EXIT_OK, display, print_json
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from readinglist.library.importer import FileReport, ImportReport


def _add_arguments(command: argparse.ArgumentParser) -> None:
    from readinglist.core.sources.registry import FORMATS

    command.add_argument("--json", action="store_true", help="print the report as JSON")
    command.add_argument(
        "--format",
        choices=FORMATS,
        dest="format_name",
        help="read every file in this format (default: the one its content is)",
    )
    command.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.importer import import_paths

    with opened(args) as library:
        report = import_paths(library, args.paths, format_name=args.format_name)
    return show_report(report, as_json=args.json)


def show_report(report: "ImportReport", *, as_json: bool) -> int:
    """The per-file report (`import`'s, and `fetch`'s), as text or JSON; the exit code: 1 when
    a file was rejected."""
    from readinglist.library.importer import FileStatus

    if as_json:
        print_json({"files": [file_json(file) for file in report.files]})
    else:
        print_report(report)
    return EXIT_FAILED if report.count(FileStatus.REJECTED) else EXIT_OK


def file_json(file: "FileReport") -> dict[str, Any]:
    error = {"line": file.error.line, "message": file.error.message} if file.error else None
    warnings = [{"line": w.line, "message": w.message} for w in file.warnings]
    return {
        "path": str(file.path),
        "status": file.status.value,
        "papers_new": file.papers_new,
        "appearances_new": file.appearances_new,
        "error": error,
        **({"warnings": warnings} if warnings else {}),  # only then: the shape scripts know
        **({"by_id_only": file.by_id_only} if file.by_id_only else {}),
        **({"rules": dict(file.rules)} if file.rules else {}),
    }


def print_report(report: "ImportReport") -> None:
    """One line per file, its name escaped before it is aligned: a name holding a newline
    cannot forge a line of the report."""
    from readinglist.library.importer import FileStatus

    names = [display(str(file.path)) for file in report.files]
    width = max(map(len, names), default=0)
    for file, name in zip(report.files, names, strict=True):
        print(f"{file.status.value:<9}  {name:<{width}}  {_outcome(file)}".rstrip())
        for warning in file.warnings:  # what of the file was cut or left out, by line
            where = f"line {warning.line}: " if warning.line else ""
            print(f"{'warning':<9}  {name:<{width}}  {where}{display(warning.message)}")
    counts = ", ".join(f"{report.count(status)} {status.value}" for status in FileStatus)
    print(
        f"{len(report.files)} files: {counts}; "
        f"{report.papers_new} new papers, {report.appearances_new} new appearances"
        + _by_id_only(report.by_id_only)
    )
    for name, count in report.rules.items():
        print(f"rule {display(name)} caught {count} new paper{'s' if count != 1 else ''}")


def _outcome(file: "FileReport") -> str:
    if file.error is not None:
        where = f"line {file.error.line}: " if file.error.line else ""
        return where + display(file.error.message)
    if file.papers_new or file.appearances_new:
        counts = f"{file.papers_new} new papers, {file.appearances_new} new appearances"
        return counts + _by_id_only(file.by_id_only)
    return ""


def _by_id_only(count: int) -> str:
    """', 3 papers by id only' (an `arxiv-ids` file's), so that nobody takes it for a digest."""
    if not count:
        return ""
    return f", {count} paper by id only" if count == 1 else f", {count} papers by id only"


COMMAND = Command("import", "import digest files or folders of them", _add_arguments, _run)
