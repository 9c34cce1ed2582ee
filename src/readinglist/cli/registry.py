"""Every command, declared once: the parser, the dispatch and the list of names come from here."""

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from readinglist import __version__
from readinglist.cli.opening import add_library_option


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    # The words after which a query comes (`list`; `saved add`): what follows them that is not
    # an option is the query, so an exclusion (`-survey`) is not taken for an option.
    query_after: tuple[str, ...] = ()


def all_commands() -> tuple[Command, ...]:
    """In the order `--help` lists them."""
    from readinglist.cli import (
        check,
        copy_library,
        export,
        fetch,
        import_files,
        init_shared,
        listing,
        restore,
        rules,
        saved,
        set_paper,
        show,
        sources,
        stats,
        today,
        trash,
        watch,
    )

    return (
        import_files.COMMAND,
        listing.COMMAND,
        today.COMMAND,
        export.COMMAND,
        show.COMMAND,
        set_paper.COMMAND,
        trash.TRASH,
        trash.UNTRASH,
        trash.EMPTY_TRASH,
        saved.COMMAND,
        rules.COMMAND,
        sources.COMMAND,
        fetch.COMMAND,
        stats.COMMAND,
        watch.COMMAND,
        check.COMMAND,
        restore.COMMAND,
        init_shared.COMMAND,
        copy_library.COMMAND,
    )


def command_names() -> tuple[str, ...]:
    return tuple(command.name for command in all_commands())


def command_named(name: str) -> Command:
    return next(command for command in all_commands() if command.name == name)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readinglist",
        description="Keep the papers of daily research digests in a local library.",
    )
    parser.add_argument("--version", action="version", version=f"readinglist {__version__}")
    add_library_option(parser, default=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in all_commands():
        subparser = subparsers.add_parser(command.name, help=command.help)
        add_library_option(subparser)
        command.add_arguments(subparser)
    return parser


def value_options(parser: argparse.ArgumentParser, *words: str) -> frozenset[str]:
    """The options that take a value (`--sort KEY`) before the command's name and after each
    of `words` (`rules add` has options of its own)."""
    found = _value_options(parser)
    for word in words:
        parser = next(
            action.choices[word]
            for action in parser._actions  # argparse keeps no public list of them
            if isinstance(action, argparse._SubParsersAction) and word in action.choices
        )
        found |= _value_options(parser)
    return found


def _value_options(parser: argparse.ArgumentParser) -> frozenset[str]:
    return frozenset(
        name for action in parser._actions for name in action.option_strings if action.nargs != 0
    )
