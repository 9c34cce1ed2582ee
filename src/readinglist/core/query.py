"""The query language shared by the search box, the sidebar, `readinglist list` and `export`.

A `Query` is what the list shows: the sidebar builds one from fields
(`Query(statuses=(ReadingStatus.QUEUED,))`), the search box and the command line parse one
from text (`parse_query`), and the window shows papers matching both (`a.and_(b)`).
`library.search` turns it into SQL. The syntax is in `query_syntax`, the terms in `query_terms`.
"""

import datetime as dt
from dataclasses import dataclass

from readinglist.core.paper import ReadingStatus
from readinglist.core.query_format import format_terms
from readinglist.core.query_syntax import FIELDS, parse_terms
from readinglist.core.query_terms import (
    InDigest,
    Not,
    Op,
    QueryError,
    Span,
    Starred,
    Status,
    Tag,
    Term,
    Text,
    Trashed,
    all_of,
    any_of,
    asks_for_trash,
)

__all__ = ["FIELDS", "Query", "QueryError", "Term", "parse_query"]


@dataclass(frozen=True, slots=True)
class Query:
    """Papers matching every field given and the parsed `terms`; `Query()` is every paper.

    `words` must all match; `tags` must all be on the paper; `statuses` and `digests` are
    alternatives (any status; appeared in any of those days' digests). Papers in the trash
    match only a query that asks for them (`trashed`, the sidebar's Trash; `is:trashed`).
    """

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    statuses: tuple[ReadingStatus, ...] = ()
    starred: bool | None = None
    digests: tuple[dt.date, ...] = ()
    trashed: bool = False
    terms: Term | None = None

    def as_term(self) -> Term | None:
        """Everything this query asks for as one term; None when it asks for nothing."""
        starred = {None: None, True: Starred(), False: Not(Starred())}[self.starred]
        return all_of(
            *(Text(word) for word in self.words),
            *(Tag(tag) for tag in self.tags),
            Status(self.statuses) if self.statuses else None,
            starred,
            any_of(*(InDigest(Op.EQ, Span.day(day)) for day in self.digests)),
            Trashed() if self.trashed else None,
            self.terms,
        )

    @property
    def is_empty(self) -> bool:
        return self.as_term() is None

    @property
    def lists_trash(self) -> bool:
        """Whether it lists the trash's papers (and only those)."""
        return asks_for_trash(self.as_term())

    def and_(self, other: "Query") -> "Query":
        """Papers matching both (the sidebar's selection and the search box, say)."""
        return Query.all_of(self, other)

    @staticmethod
    def all_of(*queries: "Query") -> "Query":
        return Query(terms=all_of(*(query.as_term() for query in queries)))

    @property
    def text(self) -> str:
        """The query as text that `parse_query` reads back to the same query."""
        return format_terms(self.as_term())

    def __str__(self) -> str:
        return self.text


def parse_query(text: str) -> Query:
    """The query `text` asks for; `QueryError` (with the position at fault) if malformed."""
    return Query(terms=parse_terms(text))
