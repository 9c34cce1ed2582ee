"""`readinglist fetch [--json] [NAME...]`: fetch and import the days due of the subscriptions
(every one, or those named), for cron: the same per-file report and exit codes as `import`,
each day's file named by its URL. It always fetches: the window's "fetch automatically"
setting is the window's."""

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from readinglist.cli.import_files import show_report
from readinglist.cli.opening import opened
from readinglist.cli.output import CommandFailed
from readinglist.cli.registry import Command

if TYPE_CHECKING:
    from readinglist.library.database import Library
    from readinglist.library.subscriptions import Subscription


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--json", action="store_true", help="print the report as JSON")
    command.add_argument("names", nargs="*", metavar="NAME", help="only these subscriptions")


def _run(args: argparse.Namespace) -> int:
    from readinglist.library.subscriptions import fetch_due
    from readinglist.library.web_fetch import fetch_day

    with opened(args) as library:
        chosen = _chosen(library, args.names)
        report = fetch_due(
            library,
            chosen,
            lambda request: fetch_day(request.url, request.etag, request.last_modified),
            dt.date.today(),
        )
    return show_report(report, as_json=args.json)


def _chosen(library: "Library", names: list[str]) -> "list[Subscription]":
    """The subscriptions named (all without a name); a name that is none fails the command
    before anything is fetched."""
    from readinglist.library.subscriptions import find_subscription, list_subscriptions

    with library.reading() as connection:
        if not names:
            return list_subscriptions(connection)
        found = [(name, find_subscription(connection, name)) for name in names]
    unknown = [name for name, subscription in found if subscription is None]
    if unknown:
        raise CommandFailed(f"there is no subscription named '{unknown[0]}'")
    return [subscription for _, subscription in found if subscription is not None]


COMMAND = Command(
    "fetch", "fetch the days due of the subscriptions (for cron)", _add_arguments, _run
)
