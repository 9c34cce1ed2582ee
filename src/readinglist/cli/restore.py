"""`readinglist restore BACKUP`: a backup put in the library's place, the library kept aside."""

import argparse
from pathlib import Path

from readinglist.cli.opening import library_file
from readinglist.cli.output import EXIT_OK, count_papers, out
from readinglist.cli.registry import Command


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("backup", type=Path, metavar="BACKUP", help="a copy from backups/")


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.migrations import latest_version
    from readinglist.library.restore import restore_backup

    done = restore_backup(args.backup.expanduser(), library_file(args))
    lines = [f"Restored {done.library} from {done.backup}: {count_papers(done.papers)}."]
    if done.kept_aside:
        kept, *side = done.kept_aside
        along = f" (with its {' and '.join(path.name[-4:] for path in side)})" if side else ""
        lines.append(f"The library as it was is kept as {kept}{along}.")
    if done.schema < latest_version():
        lines.append(f"It is upgraded from schema {done.schema} when next opened.")
    out(lines)
    return EXIT_OK


COMMAND = Command(
    "restore",
    "put a backup in the library's place, keeping the library as it was",
    _add_arguments,
    _run,
)
