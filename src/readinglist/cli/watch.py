"""`readinglist watch [add PATH | list [--json] | remove PATH | scan [--json]]`: folders whose
new or changed digest files import by themselves (in the window while it runs; `scan` now).

`scan` prints the same report as `import`, for the files that are new or changed since the
last scan, with the same exit codes; a watched folder that is missing is one more line
(`missing`), and exit code 1.
"""

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.cli.import_files import file_json, print_report
from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_FAILED, EXIT_OK, CommandFailed, display, out, print_json
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from readinglist.library.watch_folders import WatchFolder


def _add_arguments(command: argparse.ArgumentParser) -> None:
    actions = command.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="watch a folder (and its subfolders)")
    add.add_argument("path", type=Path, metavar="PATH")
    listing = actions.add_parser("list", help="the watched folders, missing ones said so")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    remove = actions.add_parser("remove", help="stop watching a folder (its papers stay)")
    remove.add_argument("path", type=Path, metavar="PATH")
    scan = actions.add_parser("scan", help="import what the watched folders hold now")
    scan.add_argument("--json", action="store_true", help="print the report as JSON")


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.watch_folders import WatchFolderError

    try:
        if args.action == "scan":
            return _scan(args)
        if args.action in ("add", "remove"):
            return _change(args)
        return _list(args)
    except WatchFolderError as error:
        raise CommandFailed(str(error)) from error


def _change(args: argparse.Namespace) -> int:
    from readinglist.library import watch_folders as watch
    from readinglist.library.database import utc_now

    with opened(args) as library, writing(library) as connection:
        if args.action == "add":
            folder, added = watch.add_folder(connection, args.path, utc_now())
            line = f"{'watching' if added else 'already watching'} {folder.path}"
        else:
            line = f"stopped watching {watch.remove_folder(connection, args.path).path}"
    out([line])  # once saved
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from readinglist.library.watch_folders import list_folders

    with opened(args) as library, library.reading() as connection:
        folders = list_folders(connection)
    if getattr(args, "json", False):
        print_json({"folders": [_folder_json(folder) for folder in folders]})
        return EXIT_OK
    lines = _aligned(folders, _state)
    plural = "" if len(folders) == 1 else "s"
    print("\n".join([*lines, f"{len(folders)} watched folder{plural}"]))
    return EXIT_OK


def _state(folder: "WatchFolder") -> str:
    if folder.missing_since is not None:
        return f"missing since {_moment(folder.missing_since)}"
    files = f"{folder.files} file{'' if folder.files == 1 else 's'}"
    if folder.scanned_at is None:
        return f"{files}, not scanned yet"
    return f"{files}, scanned {_moment(folder.scanned_at)}"


def _folder_json(folder: "WatchFolder") -> dict[str, Any]:
    return {
        "path": str(folder.path),
        "missing": folder.missing,
        "missing_since": _iso(folder.missing_since),
        "added_at": _iso(folder.added_at),
        "scanned_at": _iso(folder.scanned_at),
        "files": folder.files,
    }


def _scan(args: argparse.Namespace) -> int:
    from readinglist.library import watch_folders as watch
    from readinglist.library.importer import FileStatus

    with opened(args) as library:
        found = watch.scan(library)
        report = watch.import_changes(library, found.changes)
    if args.json:
        missing = [str(folder.path) for folder in found.missing]
        print_json({"files": [file_json(file) for file in report.files], "missing": missing})
    else:
        _print_missing(found.missing)
        print_report(report)
    failed = report.count(FileStatus.REJECTED) or found.missing
    return EXIT_FAILED if failed else EXIT_OK


def _print_missing(folders: "list[WatchFolder]") -> None:
    for line in _aligned(folders, _not_there):
        print(f"{'missing':<9}  {line}")


def _not_there(folder: "WatchFolder") -> str:
    since = _moment(folder.missing_since) if folder.missing_since else ""
    return f"the watched folder is not there (since {since})"


def _aligned(folders: "list[WatchFolder]", describe: Callable[["WatchFolder"], str]) -> list[str]:
    """'PATH  what', the paths escaped, then aligned: a name cannot forge a line."""
    names = [display(str(folder.path)) for folder in folders]
    width = max(map(len, names), default=0)
    return [f"{name:<{width}}  {describe(f)}" for f, name in zip(folders, names, strict=True)]


def _moment(moment: dt.datetime) -> str:
    """The library's moments are UTC: '2024-03-01 09:30 UTC'."""
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=dt.UTC).isoformat(timespec="seconds")


COMMAND = Command(
    "watch",
    "watched folders, whose new digest files import by themselves: add, list, remove, scan",
    _add_arguments,
    _run,
)
