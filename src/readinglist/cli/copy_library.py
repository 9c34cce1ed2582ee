"""`readinglist copy SOURCE DEST [--json]`: a library file into a new shared library (a lab
starting from one person's library), or a shared library into a new file (a personal copy),
with one person's own data: the role the PostgreSQL address connects as. Counts of what was
copied, on both sides, and a file DEST checked as `readinglist check` checks one."""

import argparse
from typing import TYPE_CHECKING

from readinglist.cli.opening import library_argument
from readinglist.cli.output import EXIT_FAILED, EXIT_OK, out, print_json
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from readinglist.library.shared.copying import CopyOutcome

_DESCRIPTION = """\
Copy a library into a new one: a library file into a shared library (PostgreSQL) that
`init-shared` made and nothing was put in yet, or a shared library into a library file that
does not exist yet.

Whose data: a shared library's address names a role (postgresql://alice@host/lab). Copying
into it, the file's papers, digests, sightings and tags become everyone's, and its stars,
statuses and their history, notes, trash, Today, saved searches and rules become that
role's own (saved searches and rules private). Copying out of it, the new file gets what
everyone shares and that role's own data; shared notes and what others share are counted,
not copied. Watched folders and subscriptions are not copied.

All or nothing: nothing is changed unless everything is copied. Then the counts of both
sides are printed (they must match), and a new file is checked as `readinglist check` does.
Exit code 0 when copied and checked, 1 when refused, failed or a check did not pass."""


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.description = _DESCRIPTION
    command.formatter_class = argparse.RawDescriptionHelpFormatter
    command.add_argument(
        "source",
        metavar="SOURCE",
        type=library_argument,
        help="a library file or postgresql:// URL",
    )
    command.add_argument(
        "dest",
        metavar="DEST",
        type=library_argument,
        help="a new library file or postgresql:// URL",
    )
    command.add_argument("--json", action="store_true", help="say what was copied as JSON")


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.shared.copying import copy_library

    outcome = copy_library(args.source, args.dest)
    if args.json:
        print_json(_as_json(outcome))
    else:
        out(_said(outcome))
    return EXIT_OK if outcome.sound else EXIT_FAILED


def _as_json(outcome: "CopyOutcome") -> dict[str, object]:
    health = outcome.health
    return {
        "source": outcome.source,
        "dest": outcome.dest,
        "source_person": outcome.source_person,
        "dest_person": outcome.dest_person,
        "version": outcome.version,
        "counts": {name: {"source": a, "dest": b} for name, a, b in outcome.counts},
        "counts_match": outcome.counts_match,
        "left_out": dict(outcome.left_out),
        "check": None
        if health is None
        else {
            "sound": health.sound,
            "index_in_step": health.index_in_step,
            "problems": list(health.problems),
        },
        "seconds": round(outcome.seconds, 2),
    }


def _said(outcome: "CopyOutcome") -> list[str]:
    whose = outcome.dest_person or outcome.source_person
    person = f", as {whose}'s" if whose else ""
    lines = [
        f"Copied {outcome.source} to {outcome.dest} (schema {outcome.version}{person}) "
        f"in {outcome.seconds:.1f} s.",
        f"  {'':<30}{'SOURCE':>10}{'DEST':>10}",
        *(f"  {name:<30}{a:>10}{b:>10}" for name, a, b in outcome.counts),
    ]
    if outcome.left_out:
        left = ", ".join(f"{n} {name}" for name, n in outcome.left_out)
        lines.append(f"Not copied: {left}.")
    if not outcome.counts_match:
        lines.append("The counts differ: the copy is not complete.")
    if outcome.health is not None:
        lines.append(_checked(outcome))
    return lines


def _checked(outcome: "CopyOutcome") -> str:
    health = outcome.health
    if health is not None and health.sound and health.index_in_step:
        return f"Checked: {outcome.dest} is sound, its search index in step."
    return f"Checked: {outcome.dest} is not sound: run `readinglist check` on it."


COMMAND = Command(
    "copy",
    "copy a library file into a new shared library, or back (one person's own data)",
    _add_arguments,
    _run,
)
