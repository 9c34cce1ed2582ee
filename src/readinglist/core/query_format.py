"""Writing terms back as query text that parses to the same terms: how searches are saved."""

import re

from readinglist.core.arxiv import normalize_arxiv_id
from readinglist.core.query_terms import (
    TODAY,
    Added,
    Ago,
    And,
    Atom,
    FirstSeen,
    InDigest,
    InSource,
    InToday,
    Not,
    Op,
    Or,
    Seen,
    Span,
    Starred,
    Status,
    Tag,
    Term,
    Text,
    TextField,
    Trashed,
    Votes,
)

_BARE = re.compile(r'[^\s()"]+')
_KEYWORDS = frozenset({"OR", "AND", "NOT"})


def format_terms(term: Term | None) -> str:
    return "" if term is None else _format(term)


def _format(term: Term) -> str:
    match term:
        case And(terms):
            return _sequence(terms)
        case Or(terms):
            return " OR ".join(_alternative(alternative) for alternative in terms)
        case Not(inner):
            return "-" + (f"({_format(inner)})" if isinstance(inner, And | Or) else _format(inner))
        case _:
            return _atom(term)


def _sequence(terms: tuple[Term, ...]) -> str:
    """Side by side; a second status is bracketed, or it would read as "either status"."""
    parts, statuses = [], 0
    for term in terms:
        text = _format(term)
        statuses += isinstance(term, Status)
        parts.append(f"({text})" if isinstance(term, And) or statuses > 1 else text)
    return " ".join(parts)


def _alternative(term: Term) -> str:
    return f"({_format(term)})" if isinstance(term, And | Or) else _format(term)


_IS_WORDS: dict[type, str] = {
    Starred: "is:starred",
    Trashed: "is:trashed",
    InToday: "is:today",
}


def _atom(term: Atom) -> str:
    match term:
        case Text(value, TextField.ANY):
            text = value if _is_bare_word(value) else _quote(value)
        case Text(value, field):
            text = f"{field.value}:{_value(value)}"
        case Tag(name):
            text = f"tag:{_value(name)}"
        case Status(statuses):
            text = "status:" + ",".join(status.value for status in statuses)
        case Starred() | Trashed() | InToday():
            text = _IS_WORDS[type(term)]
        case Votes(op, value):
            text = f"votes:{_op(op)}{value}"
        case Seen(op, value):
            text = f"seen:{_op(op)}{value}"
        case FirstSeen(op, when):
            text = f"date:{_when(op, when)}"
        case InDigest(op, when):
            text = f"digest:{_when(op, when)}"
        case Added(op, when):
            text = f"added:{_when(op, when)}"
        case InSource(names):
            text = "source:" + ",".join(names)
    return text


def _is_bare_word(text: str) -> bool:
    """Whether `text` reads back as this very word (not a keyword, field, exclusion or id)."""
    special = text in _KEYWORDS or text.startswith("-") or ":" in text
    return not special and _is_bare(text) and normalize_arxiv_id(text) is None


def _when(op: Op, when: Span | Ago) -> str:
    if when == TODAY and op is Op.EQ:
        return "today"
    return f"{op.value if isinstance(when, Ago) else _op(op)}{when}"


def _op(op: Op) -> str:
    return "" if op is Op.EQ else op.value


def _value(text: str) -> str:
    return text if _is_bare(text) else _quote(text)


def _is_bare(text: str) -> bool:
    return _BARE.fullmatch(text) is not None


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
