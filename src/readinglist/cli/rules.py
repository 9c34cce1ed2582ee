"""`readinglist rules [list [--json] | add NAME QUERY [--tag T]... [--status S] [--star]
[--first] [--shared] | remove NAME | apply NAME | share NAME [--json] | unshare NAME
[--json]]`: what to do to new papers that match a query.

On a shared library the list says whose each rule is and whether it is shared; `--shared`
and `share` share one of one's own with every member, `unshare` makes it private again (the
window's Share with Everyone / Stop Sharing: `rules.set_shared`). A shared rule may only tag
(a star, a status and first in Today are each member's own), and a library file has one
person (both refused, as `saved` refuses)."""

import argparse
from typing import TYPE_CHECKING

from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_OK, CommandFailed, UsageError, display, out, print_json
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.database import Library
    from readinglist.library.rules import Rule


def _add_arguments(command: argparse.ArgumentParser) -> None:
    from readinglist.core.paper import ReadingStatus

    actions = command.add_subparsers(dest="action", metavar="ACTION")
    listed = actions.add_parser("list", help="the rules, in the order they run")
    listed.add_argument("--json", action="store_true", help="print them as JSON")
    add = actions.add_parser("add", help="a rule: new papers that match QUERY get its actions")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="add tag T")
    *others, last = (status.value for status in ReadingStatus)
    add.add_argument(
        "--status",
        metavar="S",
        help=f"{', '.join(others)} or {last}: given to those still unread (skipped hides them)",
    )
    add.add_argument("--star", action="store_true", help="star them")
    add.add_argument("--first", action="store_true", help="put them first in Today")
    add.add_argument(
        "--shared",
        action="store_true",
        help="on a shared library: it tags every member's new papers (only you can change it)",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("query", nargs="+", metavar="QUERY")
    remove = actions.add_parser("remove", help="forget a rule (what it did stays done)")
    remove.add_argument("name", metavar="NAME")
    apply = actions.add_parser("apply", help="run a rule on the papers already in the library")
    apply.add_argument("name", metavar="NAME")
    for action, helped in _SHARING.items():
        sharing = actions.add_parser(action, help=helped)
        sharing.add_argument("--json", action="store_true", help="print the rule as JSON")
        sharing.add_argument("name", metavar="NAME")


_SHARING = {
    "share": "on a shared library: share a rule of yours that only tags with every member",
    "unshare": "on a shared library: make a rule of yours that you shared private again",
}


def _run(args: argparse.Namespace) -> int:
    from readinglist.core.paper import ReadingStatus
    from readinglist.core.query import QueryError
    from readinglist.library.rules import RuleError

    try:
        args.status = ReadingStatus.parse(args.status) if getattr(args, "status", None) else None
    except ValueError as error:
        raise UsageError(str(error)) from error
    with opened(args) as library:
        try:
            if args.action in (None, "list"):
                with library.reading() as connection:
                    return _list(connection, getattr(args, "json", False))
            if args.action in _SHARING:
                return _share(library, args.name, args.action == "share", args.json)
            with writing(library) as connection:
                lines = _change(connection, args)
        except QueryError as error:
            raise UsageError(f"bad query: {error}") from error
        except RuleError as error:
            raise CommandFailed(str(error)) from error
    out(lines)  # once saved
    return EXIT_OK


def _list(connection: "Connection", as_json: bool) -> int:
    from readinglist.library.rules import list_rules

    rules = list_rules(connection)
    if as_json:
        print_json({"rules": [_rule_json(rule) for rule in rules]})
        return EXIT_OK
    names = [display(rule.name) for rule in rules]
    width = max(map(len, names), default=0)
    owners = [_whose(rule) for rule in rules]
    owner_width = max(map(len, owners), default=0)
    lines = []
    for rule, name, whose in zip(rules, names, owners, strict=True):
        owner = f"{whose:<{owner_width}}  " if owner_width else ""
        lines.append(f"{name:<{width}}  {owner}{rule.query_text}  -> {', '.join(rule.actions())}")
    out([*lines, f"{len(rules)} rule{'s' if len(rules) != 1 else ''}"])
    return EXIT_OK


def _whose(rule: "Rule") -> str:
    """ "alice, shared" on a shared library; nothing on a library file (one person)."""
    if rule.owner is None:
        return ""
    return f"{display(rule.owner)}, {'shared' if rule.shared else 'private'}"


def _rule_json(rule: "Rule") -> dict[str, object]:
    return {
        "name": rule.name,
        "query": rule.query_text,
        "tags": list(rule.tags),
        "status": rule.status.value if rule.status else None,
        "star": rule.star,
        "first": rule.first,
        "owner": rule.owner,  # a shared library's: who made it (null on a library file)
        "shared": rule.shared,
    }


def _share(library: "Library", name: str, shared: bool, as_json: bool) -> int:
    """Share one's rule called `name`, or stop sharing it (said when it was so already)."""
    from readinglist.library import rules

    with writing(library) as connection:
        rules.check_sharing(connection)
        found = _found(connection, name)
        unchanged = found.mine and found.shared == shared  # another's: refused, naming them
        rule = found if unchanged else rules.set_shared(connection, found, shared)
    if as_json:
        print_json({"rule": _rule_json(rule), "changed": not unchanged})
        return EXIT_OK
    now = "shared with every member" if shared else "private"
    done = f"rule {rule.name} is {now} {'already' if unchanged else 'now'}"
    out([f"{done}: {rule.query_text} -> {', '.join(rule.actions())}"])
    return EXIT_OK


def _found(connection: "Connection", name: str) -> "Rule":
    """The rule called `name` (`rules.find_rule`), or `RuleError` naming it."""
    from readinglist.core.translatable import Message
    from readinglist.library import rules

    found = rules.find_rule(connection, name)
    if found is None:
        raise rules.RuleError(Message(rules.NO_SUCH_RULE, name=name))
    return found


def _change(connection: "Connection", args: argparse.Namespace) -> list[str]:
    from readinglist.library import rules
    from readinglist.library.database import utc_now

    if args.action == "add":
        text, tags = " ".join(args.query), tuple(args.tag)
        wanted = rules.Rule(
            0, args.name, text, tags, args.status, args.star, args.first, shared=args.shared
        )
        rule = rules.add_rule(connection, wanted, utc_now())
        shared = " (shared)" if rule.shared else ""
        return [f"added rule {rule.name}{shared}: {rule.query_text} -> {', '.join(rule.actions())}"]
    found = _found(connection, args.name)
    if args.action == "remove":
        rules.remove_rule(connection, found.name)
        return [f"removed rule {found.name}"]
    caught = rules.matching_in_library(connection, found)  # matched once: acted on as they are
    rules.act(connection, {found: caught}, utc_now())
    return [f"rule {found.label} caught {len(caught)} paper{'s' if len(caught) != 1 else ''}"]


COMMAND = Command(
    "rules",
    "rules: tag, queue, star or hide new papers that match a query",
    _add_arguments,
    _run,
    ("rules", "add"),
)
