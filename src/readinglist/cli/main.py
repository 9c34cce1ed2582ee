"""The entry point: a command for scripts, or the window; every failure one line of words."""

import os
import sys
from collections.abc import Sequence

from readinglist.cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandFailed, UsageError, say
from readinglist.cli.registry import all_commands, build_parser, command_named, value_options
from readinglist.library.errors import LibraryError


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        names = {command.name for command in all_commands()}
        if not any(token in names for token in arguments):
            from readinglist.cli.window import run_window

            return run_window(arguments)
        args = build_parser().parse_args(_query_after_options(arguments))
        code = command_named(args.command).run(args)
        sys.stdout.flush()  # a write that fails fails here, not at exit with a traceback
        return code
    except UsageError as error:
        say(str(error))
        return EXIT_USAGE
    except (CommandFailed, LibraryError) as error:
        say(str(error))
        return EXIT_FAILED
    except BrokenPipeError:  # `readinglist list | head`
        sys.stderr.close()
        return EXIT_OK
    except OSError as error:  # stdout on a full disk, or a file no command expected to fail
        from readinglist.library.failures import describe

        if error.filename is not None:
            say(f"{error.filename}: {describe(error)}")
        else:
            _drop_output()  # what is left of stdout cannot be written
            say(f"could not write the output: {describe(error)}")
        return EXIT_FAILED


def _drop_output() -> None:
    """Send what stdout still holds nowhere, so that Python's flush at exit succeeds."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _query_after_options(arguments: list[str]) -> list[str]:
    """The arguments of a command that takes a query (`list`, `export`, `saved add`) with the
    query last, after `--`: argparse would take an exclusion (`-word`, `-tag:x`) for an
    unknown option. Their options may come anywhere."""
    names = {command.name: command for command in all_commands()}
    index = next((i for i, token in enumerate(arguments) if token in names), None)
    if index is None or "--" in arguments:
        return arguments
    words = names[arguments[index]].query_after
    if not words or arguments[index : index + len(words)] != list(words):
        return arguments
    takes_value = value_options(build_parser(), *words)
    index += len(words) - 1
    tokens = arguments[index + 1 :]
    options: list[str] = []
    query: list[str] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.startswith("--") or token == "-h":
            with_value = token in takes_value and position + 1 < len(tokens)
            options += tokens[position : position + 1 + with_value]
            position += with_value
        else:
            query.append(token)
        position += 1
    return [*arguments[: index + 1], *options, "--", *query]
