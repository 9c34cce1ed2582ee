"""The library, opened for a command: its failures said in words, naming the file.

A command's `--library` may name a shared library (`postgresql://user@host/dbname`,
library/shared/); the window's names a file only, so far."""

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.cli.output import CommandFailed, say
from readinglist.library.errors import LibraryError

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.database import Library
    from readinglist.library.shared.address import SharedAddress


def add_library_option(
    parser: argparse.ArgumentParser, default: Any = argparse.SUPPRESS, *, shared: bool = False
) -> None:
    """`--library PATH`; with `shared`, also a shared library's URL."""
    parser.add_argument(
        "--library",
        type=_library_or_shared_argument if shared else _library_argument,
        metavar="PATH|URL" if shared else "PATH",
        default=default,
        help="the library file (default: $READINGLIST_LIBRARY, else the app-data folder)"
        + (", or a shared library's postgresql:// URL" if shared else ""),
    )


def _library_or_shared_argument(text: str) -> "Path | SharedAddress":
    from readinglist.library.shared.address import SharedAddress, looks_like_url

    if not looks_like_url(text):
        return _library_argument(text)
    try:
        return SharedAddress.parse(text)
    except LibraryError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _library_argument(text: str) -> Path:
    from readinglist.library.location import library_path

    try:
        return library_path(text)
    except LibraryError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def library_file(args: argparse.Namespace) -> Path:
    """The library's file, whether or not it exists (check and restore look before opening);
    a shared library has none: refused, saying so."""
    from readinglist.library.location import default_library_path

    if args.library is not None and not isinstance(args.library, Path):
        raise CommandFailed(
            f"{args.library} is a shared library: `{args.command}` works on library files "
            "(a shared library is checked and restored with its server's tools)"
        )
    return (args.library or default_library_path()).expanduser().absolute()


@contextmanager
def opened(args: argparse.Namespace) -> Iterator["Library"]:
    """The library, open for the block. A daily backup that could not be made is a warning;
    a read that fails is said in words (`failures_said`)."""
    from readinglist.library.database import open_library
    from readinglist.library.shared.opening import open_shared

    if args.library is not None and not isinstance(args.library, Path):
        library = open_shared(args.library)
    else:
        library = open_library(args.library)
    if library.open_report.backup_warning is not None:
        say(f"warning: {library.open_report.backup_warning}")
    with library, failures_said("read", library.location):
        yield library


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
    """SQLite's failures in the block as one line naming the library, in words."""
    from readinglist.library.failures import driver_error, reason

    try:
        yield
    except Exception as error:
        words = reason(error)
        if words is None or isinstance(driver_error(error), OSError):
            raise  # not SQLite's (a closed pipe, stdout on a full disk): not the library's
        raise CommandFailed(f"could not {doing} the library {path}: {words}") from error
