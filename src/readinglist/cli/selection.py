"""Which papers, in which order: the query and sort options `list` and `export` share."""

import argparse
from typing import TYPE_CHECKING

from readinglist.cli.output import CommandFailed, UsageError
from readinglist.core.listing import SortKey

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.query import Query

RELEVANCE = "relevance"  # bm25 rank; needs words
RULES_ONLY_TODAY = (
    f"--sort {SortKey.RULES_FIRST.value} orders Today's papers: use it with is:today "
    f"(or `readinglist today --order {SortKey.RULES_FIRST.value}`)"
)


def add_selection(command: argparse.ArgumentParser) -> None:
    sorts = [key.value for key in SortKey]
    command.add_argument(
        "--sort",
        choices=[*sorts, RELEVANCE],
        default=SortKey.LAST_SEEN.value,
        metavar="KEY",
        help=f"{', '.join(sorts)} or {RELEVANCE} (default last_seen, newest first; "
        f"{SortKey.RULES_FIRST.value} with is:today only)",
    )
    command.add_argument("--reverse", action="store_true", help="the other way round")
    command.add_argument("--limit", type=_positive, metavar="N", help="at most N papers")
    command.add_argument("--saved", metavar="NAME", help="papers of a saved search (and QUERY)")
    command.add_argument(
        "query",
        nargs="*",
        metavar="QUERY",
        help='words, "phrases", -word, OR, (), tag:X, status:S, is:starred, author:"Name", '
        "votes:>50, seen:>1, date:2024-03, date:<7d, digest:2024-03-01 (see the README)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def typed_query(args: argparse.Namespace) -> "Query":
    """The query on the command line: checked before the library is even opened."""
    from readinglist.core.query import QueryError, parse_query

    try:
        return parse_query(" ".join(args.query))
    except QueryError as error:
        raise UsageError(f"bad query: {error}") from error


def selected_ids(connection: "Connection", args: argparse.Namespace, query: "Query") -> list[int]:
    """The ids of the papers `list` and `export` work on: the query (and --saved), sorted,
    limited."""
    from readinglist.library.papers import find_paper_ids
    from readinglist.library.search import ranked_ids

    if args.saved is not None:
        query = _saved_query(connection, args.saved).and_(query)
    if args.sort == RELEVANCE:
        ranked = ranked_ids(connection, query)
        if ranked is None:
            raise UsageError(f"--sort {RELEVANCE} needs words to rank the papers by")
        return (ranked[::-1] if args.reverse else ranked)[: args.limit]
    key = SortKey(args.sort)
    if key is SortKey.RULES_FIRST and not _lists_today(query):
        raise UsageError(RULES_ONLY_TODAY)
    descending = key.newest_first != args.reverse
    return find_paper_ids(connection, query, key, descending, args.limit)


def _lists_today(query: "Query") -> bool:
    """Whether the query keeps to Today (`is:today`, alone or ANDed with the rest): where a
    rule's "first" means something, and the papers are few enough for SQLite to sort."""
    from readinglist.core.query_terms import And, InToday

    term = query.as_term()
    return any(
        isinstance(part, InToday) for part in (term.terms if isinstance(term, And) else (term,))
    )


def _saved_query(connection: "Connection", name: str) -> "Query":
    from readinglist.core.query import QueryError, parse_query
    from readinglist.library.saved_searches import find_saved_search

    saved = find_saved_search(connection, name)
    if saved is None:
        raise CommandFailed(f"there is no saved search named '{name}'")
    try:
        return parse_query(saved.query_text)
    except QueryError as error:
        raise CommandFailed(f"the saved search '{saved.name}' no longer reads: {error}") from error
