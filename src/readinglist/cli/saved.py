"""`readinglist saved [add NAME QUERY [--replace] [--shared] | rename NAME NEW | delete NAME]`.

On a shared library the list says whose each saved search is and whether it is shared;
`--shared` shares one with every member (a library file has one person: refused)."""

import argparse
from typing import TYPE_CHECKING

from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_OK, CommandFailed, UsageError, display, out
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.saved_searches import SavedSearch


def _add_arguments(command: argparse.ArgumentParser) -> None:
    actions = command.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="save QUERY as NAME (--replace: overwrite NAME)")
    add.add_argument("--replace", action="store_true")
    add.add_argument(
        "--shared",
        action="store_true",
        help="on a shared library: every member sees it (only you can change it)",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("query", nargs="+", metavar="QUERY")
    rename = actions.add_parser("rename", help="rename a saved search")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    remove = actions.add_parser("delete", help="delete a saved search")
    remove.add_argument("name", metavar="NAME")


def _run(args: argparse.Namespace) -> int:
    from readinglist.core.query import QueryError
    from readinglist.library.saved_searches import SavedSearchError

    with opened(args) as library:
        try:
            if args.action is None:
                with library.reading() as connection:
                    lines = _listed(connection)
            else:
                with writing(library) as connection:
                    lines = [_change(connection, args)]
        except QueryError as error:
            raise UsageError(f"bad query: {error}") from error
        except SavedSearchError as error:
            raise CommandFailed(str(error)) from error
    out(lines)  # once saved: a commit that fails prints no "saved"
    return EXIT_OK


def _listed(connection: "Connection") -> list[str]:
    from readinglist.library.saved_searches import list_saved_searches, saved_search_counts

    searches = list_saved_searches(connection)
    counts = saved_search_counts(connection)
    names = [display(search.name) for search in searches]
    width = max(map(len, names), default=0)
    owners = [_whose(search) for search in searches]
    owner_width = max(map(len, owners), default=0)
    lines = []
    for search, name, whose in zip(searches, names, owners, strict=True):
        count = counts.get(search.id)
        shown = "?" if count is None else str(count)
        owner = f"{whose:<{owner_width}}  " if owner_width else ""
        lines.append(f"{name:<{width}}  {shown:>7}  {owner}{search.query_text}")
    return [*lines, f"{len(searches)} saved search{'es' if len(searches) != 1 else ''}"]


def _whose(search: "SavedSearch") -> str:
    """ "alice, shared" on a shared library; nothing on a library file (one person)."""
    if search.owner is None:
        return ""
    return f"{display(search.owner)}, {'shared' if search.shared else 'private'}"


def _change(connection: "Connection", args: argparse.Namespace) -> str:
    from readinglist.library import saved_searches as saved
    from readinglist.library.database import utc_now

    if args.action == "add":
        text = " ".join(args.query)
        shared = True if args.shared else None
        search = saved.save_search(
            connection, args.name, text, utc_now(), replace=args.replace, shared=shared
        )
        return f"saved {search.name}{' (shared)' if search.shared else ''}: {search.query_text}"
    found = saved.find_saved_search(connection, args.name)
    if found is None:
        raise saved.SavedSearchError(f"there is no saved search named '{args.name}'")
    if args.action == "rename":
        renamed = saved.rename_saved_search(connection, found.id, args.new_name)
        return f"renamed {found.name} to {renamed.name}"
    saved.delete_saved_search(connection, found.id)
    return f"deleted {found.name}"


COMMAND = Command(
    "saved",
    "saved searches: list them with their counts, add, rename or delete one",
    _add_arguments,
    _run,
    ("saved", "add"),
)
