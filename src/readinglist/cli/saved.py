"""`readinglist saved [add NAME QUERY [--replace] | rename NAME NEW | delete NAME]`."""

import argparse
from typing import TYPE_CHECKING

from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_OK, CommandFailed, UsageError, display, out
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _add_arguments(command: argparse.ArgumentParser) -> None:
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
    lines = []
    for search, name in zip(searches, names, strict=True):
        count = counts.get(search.id)
        shown = "?" if count is None else str(count)
        lines.append(f"{name:<{width}}  {shown:>7}  {search.query_text}")
    return [*lines, f"{len(searches)} saved search{'es' if len(searches) != 1 else ''}"]


def _change(connection: "Connection", args: argparse.Namespace) -> str:
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


COMMAND = Command(
    "saved",
    "saved searches: list them with their counts, add, rename or delete one",
    _add_arguments,
    _run,
    ("saved", "add"),
)
