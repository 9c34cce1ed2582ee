"""The library, opened for a command: its failures said in words, naming the file.

`--library` (or `READINGLIST_LIBRARY`) may name a shared library
(`postgresql://user@host/dbname`, library/shared/) for the window and most commands."""

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.cli.output import CommandFailed, count_papers, say
from readinglist.library.errors import LibraryError

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.database import Library
    from readinglist.library.location import LibraryPlace


def add_library_option(parser: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    """`--library PATH|URL`: a library file, or a shared library's address."""
    parser.add_argument(
        "--library",
        type=library_argument,
        metavar="PATH|URL",
        default=default,
        help="the library file (default: $READINGLIST_LIBRARY, else the app-data folder), "
        "or a shared library's postgresql:// URL",
    )


def library_argument(text: str) -> "LibraryPlace":
    """A library file or a shared library's address, as an argparse type."""
    from readinglist.library.location import library_place

    try:
        return library_place(text)
    except LibraryError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _place(args: argparse.Namespace) -> "LibraryPlace":
    """`--library`, else `READINGLIST_LIBRARY`, else the app-data folder's library."""
    from readinglist.library.location import default_library_place

    return args.library if args.library is not None else default_library_place()


def library_file(args: argparse.Namespace) -> Path:
    """The library's file, whether or not it exists (check and restore look before opening);
    a shared library has none: refused, saying so."""
    place = _place(args)
    if not isinstance(place, Path):
        raise CommandFailed(
            f"{place} is a shared library: `{args.command}` works on library files "
            "(a shared library is checked and restored with its server's tools)"
        )
    return place.expanduser().absolute()


@contextmanager
def opened(args: argparse.Namespace) -> Iterator["Library"]:
    """The library, open for the block. A daily backup that could not be made is a warning;
    a read that fails is said in words (`failures_said`)."""
    from readinglist.library.database import open_library
    from readinglist.library.shared.opening import open_shared

    place = _place(args)
    library = open_library(place) if isinstance(place, Path) else open_shared(place)
    if library.open_report.backup_warning is not None:
        say(f"warning: {library.open_report.backup_warning}")
    with library, failures_said("read", library.location):
        if library.shared:
            _rules_catch_up(library)
        yield library


def _rules_catch_up(library: "Library") -> None:
    """A shared library's: the member's private rules act on the papers others imported
    since they last did (`rules_catch_up`), said in a line on stderr when one acted (stdout
    is the command's own, JSON for some). A rule this readinglist cannot read is a warning:
    the command goes on."""
    from readinglist.core.query import QueryError
    from readinglist.library.shared.rules_catch_up import catch_up_now

    try:
        with writing(library) as connection:
            done = catch_up_now(connection)
    except QueryError as error:
        say(f"warning: your rules could not act on the papers others imported: {error}")
        return
    if done.caught:
        counts = ", ".join(f"{name} {count}" for name, count in done.counts().items())
        papers = count_papers(len(done.paper_ids))
        say(f"your rules acted on {papers} others imported ({counts})")


def refuse_shared(library: "Library", why: str) -> None:
    """What a command does is a library file's alone so far (`why`, said for a shared one)."""
    if library.shared:
        raise CommandFailed(f"{library.location}: {why}")


@contextmanager
def writing(library: "Library") -> Iterator["Connection"]:
    """`library.writing()`, its failures (at commit too) said in words: what the block
    reports may be printed once it is over, saved."""
    with failures_said("save to", library.location), library.writing() as connection:
        yield connection


@contextmanager
def failures_said(doing: str, path: str | Path) -> Iterator[None]:
    """The library's failures in the block (SQLite's, or a shared library's server's) as one
    line naming the library, in words."""
    from readinglist.library.failures import driver_error, reason

    try:
        yield
    except Exception as error:
        words = reason(error)
        if words is None or isinstance(driver_error(error), OSError):
            raise  # not SQLite's (a closed pipe, stdout on a full disk): not the library's
        raise CommandFailed(f"could not {doing} the library {path}: {words}") from error
