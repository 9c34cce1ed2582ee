"""`readinglist set ARXIV_ID... [--star|--unstar] [--status S] [--tag T]... [--note TEXT]
[--shared-note TEXT]`.

Several papers at once (a script triaging a day: `set ID ID ID --status skipped`) are set in
one transaction: all of them, or none when one is not in the library. A note is one paper's.
A shared note (a shared library's: every member reads it) replaces one's own shared note on
the paper, read and written in the same transaction; a save of one's own from elsewhere
in between, or several notes of one's own to choose from, write nothing and say so (exit 1).
"""

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readinglist.cli.opening import opened, writing
from readinglist.cli.output import EXIT_OK, CommandFailed, UsageError, out
from readinglist.cli.papers import facts, paper_for
from readinglist.cli.registry import Command
from readinglist.core.paper import ReadingStatus

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("arxiv_ids", metavar="ARXIV_ID", nargs="+")
    star = command.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_const", const=True)
    star.add_argument("--unstar", dest="starred", action="store_const", const=False)
    *others, last = (status.value for status in ReadingStatus)
    command.add_argument("--status", metavar="S", help=f"{', '.join(others)} or {last}")
    command.add_argument("--tag", action="append", default=[], metavar="T")
    command.add_argument("--untag", action="append", default=[], metavar="T")
    command.add_argument("--note", metavar="TEXT", help="the paper's Markdown note ('' clears it)")
    command.add_argument(
        "--shared-note",
        metavar="TEXT",
        help="on a shared library: your note every member reads ('' removes it)",
    )


def _run(args: argparse.Namespace) -> int:
    changes = _changes(args)
    with opened(args) as library:
        with writing(library) as connection:
            papers = [paper_for(connection, text) for text in args.arxiv_ids]
            _write(connection, [paper.id for paper in papers], changes)
            if changes.shared_note is not None:
                _share_note(connection, papers[0].id, papers[0].arxiv_id, changes.shared_note)
        with library.reading() as connection:
            said = [facts(paper_for(connection, paper.arxiv_id)) for paper in papers]
    out([f"{paper.arxiv_id}: {facts_}" for paper, facts_ in zip(papers, said, strict=True)])
    return EXIT_OK


@dataclass(frozen=True)
class _Changes:
    starred: bool | None
    status: ReadingStatus | None
    tags: list[str]
    untags: list[str]
    note: str | None
    shared_note: str | None


def _changes(args: argparse.Namespace) -> _Changes:
    """What the options ask for, checked: a usage error says what is wrong."""
    from readinglist.library.papers import normalize_tag

    if (args.starred, args.status, args.note, args.shared_note) == (None,) * 4 and not (
        args.tag or args.untag
    ):
        raise UsageError(
            "nothing to set: give --star, --unstar, --status, --tag, --untag, --note or "
            "--shared-note"
        )
    if args.note is not None and len(args.arxiv_ids) > 1:
        raise UsageError("--note sets one paper's note: give one ARXIV_ID")
    if args.shared_note is not None and len(args.arxiv_ids) > 1:
        raise UsageError("--shared-note sets one paper's shared note: give one ARXIV_ID")
    try:
        status = ReadingStatus.parse(args.status) if args.status is not None else None
        tags, untags = [list(map(normalize_tag, names)) for names in (args.tag, args.untag)]
    except ValueError as error:
        raise UsageError(str(error)) from error
    return _Changes(args.starred, status, tags, untags, args.note, args.shared_note)


def _write(connection: "Connection", ids: list[int], changes: _Changes) -> None:
    from readinglist.library import papers as store
    from readinglist.library import today
    from readinglist.library.database import utc_now

    now = utc_now()
    if changes.starred is not None:
        store.set_starred(connection, ids, changes.starred)
    if changes.status is not None:
        store.set_status(connection, ids, changes.status, now)
    if changes.status is not None or changes.starred is not None:
        today.note_triage(connection, now, ids)  # a script triaging: as the window does
    store.remove_tags(connection, ids, changes.untags)
    store.add_tags(connection, ids, changes.tags)
    if changes.note is not None:
        store.set_note(connection, ids[0], changes.note, now)


def _share_note(connection: "Connection", paper_id: int, arxiv_id: str, text: str) -> None:
    """My shared note on the paper made `text`, from the one I have now; anything that
    would keep two texts or guess which to replace raises `CommandFailed`: the whole
    command's transaction is rolled back."""
    from readinglist.library.shared import notes

    try:
        mine = notes.my_shared_note(connection, paper_id, arxiv_id)
    except notes.SharedNoteError as error:
        raise CommandFailed(str(error)) from error
    _, kept = notes.put_shared_note(connection, paper_id, mine, text)
    if kept is not None:
        raise CommandFailed(
            f"your shared note on {arxiv_id} was saved elsewhere (another computer of yours) "
            "while this command ran: nothing was written, so neither text is lost. Read it "
            "with `readinglist show` and run the command again"
        )


COMMAND = Command("set", "star, tag, annotate or change the status of papers", _add_arguments, _run)
