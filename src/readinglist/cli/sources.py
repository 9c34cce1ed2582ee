"""`readinglist sources [add NAME URL_TEMPLATE [--format F] [--since DAY] | list [--json] |
remove NAME]`: the subscriptions, sources fetched over HTTP a day at a time."""

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_OK, CommandFailed, day_argument, out, print_json
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.database import Library
    from readinglist.library.subscriptions import Subscription


def _add_arguments(command: argparse.ArgumentParser) -> None:
    from readinglist.core.sources.registry import FORMATS

    actions = command.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="subscribe to URL_TEMPLATE ({yyyy} {mm} {dd} {date})")
    add.add_argument("name", metavar="NAME")
    add.add_argument("url_template", metavar="URL_TEMPLATE")
    add.add_argument(
        "--format",
        choices=FORMATS,
        dest="format_name",
        help="read every day in this format (default: the one its content is)",
    )
    add.add_argument(
        "--since",
        type=day_argument,
        metavar="YYYY-MM-DD",
        help="the first day to fetch (default: as far back as a fetch looks, 14 days)",
    )
    listing = actions.add_parser("list", help="list the subscriptions")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    remove = actions.add_parser("remove", help="remove a subscription (its papers stay)")
    remove.add_argument("name", metavar="NAME")


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.subscriptions import SubscriptionError

    listing = args.action in (None, "list")
    with opened(args) as library:
        try:
            lines = (
                _list(library, getattr(args, "json", False)) if listing else _edit(library, args)
            )
        except SubscriptionError as error:
            raise CommandFailed(str(error)) from error
    out(lines)  # an edit's line once saved
    return EXIT_OK


def _list(library: "Library", as_json: bool) -> list[str]:
    from readinglist.library.subscriptions import list_subscriptions

    with library.reading() as connection:
        subscriptions = list_subscriptions(connection)
    if as_json:
        print_json({"sources": [_json(subscription) for subscription in subscriptions]})
        return []
    return _listed(subscriptions)


def _edit(library: "Library", args: argparse.Namespace) -> list[str]:
    with writing(library) as connection:
        return [_change(connection, args)]


def _change(connection: "Connection", args: argparse.Namespace) -> str:
    from readinglist.core.subscriptions import default_since
    from readinglist.library import subscriptions as subs
    from readinglist.library.database import utc_now

    if args.action == "add":
        since = args.since or default_since(dt.date.today())
        added = subs.add_subscription(
            connection,
            args.name,
            args.url_template,
            format_name=args.format_name,
            since=since,
            now=utc_now(),
        )
        return f"added {added.name}: {added.url_template} ({_format(added)}, since {since})"
    found = subs.find_subscription(connection, args.name)
    if found is None:
        raise subs.SubscriptionError(f"there is no subscription named '{args.name}'")
    subs.remove_subscription(connection, found.id)
    return f"removed {found.name}"


def _listed(subscriptions: "list[Subscription]") -> list[str]:
    names = [subscription.name for subscription in subscriptions]
    width = max(map(len, names), default=0)
    formats = [_format(subscription) for subscription in subscriptions]
    format_width = max(map(len, formats), default=0)
    lines = []
    for subscription, name, shown in zip(subscriptions, names, formats, strict=True):
        line = f"{name:<{width}}  {shown:<{format_width}}  {subscription.since}  "
        line += subscription.url_template
        if subscription.last_error:
            line += f"  (last check: {subscription.last_error})"
        lines.append(line)
    count = len(subscriptions)
    return [*lines, f"{count} subscription{'s' if count != 1 else ''}"]


def _format(subscription: "Subscription") -> str:
    return subscription.format or "any format"


def _json(subscription: "Subscription") -> dict[str, Any]:
    checked = subscription.checked_at
    return {
        "name": subscription.name,
        "url_template": subscription.url_template,
        "format": subscription.format,
        "since": subscription.since.isoformat(),
        "checked_at": checked.isoformat() if checked else None,
        "last_error": subscription.last_error,
    }


COMMAND = Command(
    "sources",
    "subscriptions: sources fetched over HTTP a day at a time; add, list or remove one",
    _add_arguments,
    _run,
)
