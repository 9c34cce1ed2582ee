"""`readinglist init-shared URL [--json]`: make an empty PostgreSQL database a shared
library (its schema, and the `readinglist_member` role the lab's members are granted)."""

import argparse
from typing import TYPE_CHECKING

from readinglist.cli.output import EXIT_OK, UsageError, out, print_json
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from readinglist.library.shared.amending import SharedRule
    from readinglist.library.shared.setup import InitOutcome


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("url", metavar="URL", help="postgresql://user@host/dbname")
    command.add_argument("--json", action="store_true", help="say what was done as JSON")


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.errors import LibraryError
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.setup import init_shared

    try:
        address = SharedAddress.parse(args.url)
    except LibraryError as error:
        raise UsageError(str(error)) from None
    outcome = init_shared(address)
    if args.json:
        print_json(_as_json(outcome))
    else:
        out(_said(outcome))
    return EXIT_OK


def _as_json(outcome: "InitOutcome") -> dict[str, object]:
    return {
        "library": str(outcome.address),
        "version": outcome.version,
        "created": outcome.created,
        "upgraded_from": outcome.upgraded_from,
        "member_role_created": outcome.member_role_created,
        "amended": outcome.amended,
        "added": list(outcome.amendments.added),
        "shared_rules_not_only_tagging": [
            {"name": rule.name, "owner": rule.owner} for rule in outcome.amendments.blocking
        ],
    }


def _said(outcome: "InitOutcome") -> list[str]:
    from readinglist.library.shared.ddl import MEMBER

    if outcome.upgraded_from is not None:
        return [
            f"Upgraded the shared library {outcome.address} from schema "
            f"{outcome.upgraded_from} to {outcome.version}."
        ]
    if not outcome.created:
        added = " and ".join(outcome.amendments.added)
        done = f"added {added}" if added else "nothing was changed"
        return [
            f"{outcome.address} is a shared library already (schema {outcome.version}); {done}.",
            *_blocking(outcome.amendments.blocking),
        ]
    role = f" and the role {MEMBER}" if outcome.member_role_created else ""
    return [
        f"Made the shared library {outcome.address} (schema {outcome.version}){role}.",
        f"Give each member a login role of their own and grant them {MEMBER}:",
        f"  CREATE ROLE alice LOGIN; GRANT {MEMBER} TO alice;",
    ]


def _blocking(rules: "tuple[SharedRule, ...]") -> list[str]:
    """What keeps the check that a shared rule only tags from the rules already there."""
    if not rules:
        return []
    named = ", ".join(f"{rule.name} ({rule.owner}'s)" for rule in rules)
    return [
        f"Shared rules that do more than tag (a star, a status or first in Today): {named}.",
        "The database refuses any such rule from now on; it checks these once their owners "
        "stop sharing them (`readinglist rules unshare NAME`) or remove them, and init-shared "
        "is run again.",
    ]


COMMAND = Command(
    "init-shared", "make an empty PostgreSQL database a shared library", _add_arguments, _run
)
