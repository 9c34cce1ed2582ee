"""What every command shares: its errors and exit codes, and how it speaks to people."""

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: exit code 2."""


class CommandFailed(Exception):
    """The command could not do what was asked: exit code 1."""


def say(message: str) -> None:
    """One line on stderr, for people: whatever outside text it quotes, escaped."""
    print(f"readinglist: {display(message)}", file=sys.stderr)


def out(lines: Iterable[str]) -> None:
    """Lines for people on stdout, each escaped: no outside text can start a new one."""
    for line in lines:
        print(display(line))


def display(text: str) -> str:
    """`core.text.for_display`, imported when first needed: it builds its tables on import,
    and the window's start (which passes through here) does not need them."""
    from readinglist.core.text import for_display

    return for_display(text)


def count_papers(papers: int) -> str:
    return f"{papers} paper{'s' if papers != 1 else ''}"


# Characters JSON may carry raw that a terminal still obeys (C1 controls, DEL) or that
# reorder what it shows (bidi controls): written as \u escapes, the same JSON value.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def print_json(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    print(_JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text))


def day_argument(text: str) -> "dt.date":
    """An option's YYYY-MM-DD (`--since`), for argparse."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date as YYYY-MM-DD") from None
