"""Reading a query's text into terms, and writing terms back as text.

    query   := group*                 implied AND between groups (an explicit AND is allowed)
    group   := unary (OR unary)*      OR binds tighter: `llm OR agent is:unread` = (llm OR agent)
    unary   := (- | NOT) unary | ( query ) | "phrase" | field:value | word

Anything malformed raises `QueryError` with the position of the character at fault; no other
exception escapes (the property tests feed it arbitrary text).
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from readinglist.core.arxiv import normalize_arxiv_id
from readinglist.core.paper import ReadingStatus
from readinglist.core.query_terms import (
    TODAY,
    Added,
    AgeUnit,
    Ago,
    FirstSeen,
    InDigest,
    InSource,
    InToday,
    Not,
    Op,
    QueryError,
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
    all_of,
    any_of,
)
from readinglist.core.translatable import QT_TR_NOOP, Message

_TEXT_FIELDS = {
    "title": TextField.TITLE,
    "author": TextField.AUTHORS,
    "authors": TextField.AUTHORS,
    "summary": TextField.SUMMARY,
    "note": TextField.NOTE,
    "id": TextField.ARXIV_ID,
}
FIELDS = (
    "tag",
    "status",
    "is",
    *_TEXT_FIELDS,
    "votes",
    "seen",
    "date",
    "digest",
    "added",
    "source",
)
_KEYWORDS: dict[str, "_Kind"] = {"OR": "OR", "AND": "AND", "NOT": "NOT"}
_MAX_DEPTH = 50
_UNOPENED = QT_TR_NOOP("')' without a '(' before it")
_NOTHING_BEFORE = QT_TR_NOOP("{operator} needs a term before it")
_MAX_NUMBER_DIGITS = 9

type _Kind = Literal["(", ")", "-", "OR", "AND", "NOT", "text", "field"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: _Kind
    position: int
    value: str = ""  # a word, a phrase's inside, or a field's value
    field: str = ""  # a field's name, lower case
    value_position: int = 0  # where a field's value starts
    quoted: bool = False


def parse_terms(text: str) -> Term | None:
    """The terms of `text`; None when it asks for nothing (blank, or punctuation only)."""
    return _Parser(_lex(text)).query()


# --- reading ---------------------------------------------------------------------------------


def _lex(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token("(" if char == "(" else ")", i))
            i += 1
        elif char == "-" and i + 1 < len(text) and not _ends_word(text[i + 1]):
            tokens.append(_Token("-", i))
            i += 1
        elif char == '"':
            value, end = _quoted(text, i)
            tokens.append(_Token("text", i, value, quoted=True))
            i = end
        else:
            token, i = _bare(text, i)
            tokens.append(token)
    return tokens


def _ends_word(char: str) -> bool:
    return char.isspace() or char == ")"


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The inside of the quote opening at `start` (`""` stands for a quote), and its end."""
    parts, i = [], start + 1
    while (end := text.find('"', i)) >= 0:
        parts.append(text[i:end])
        if not text.startswith('"', end + 1):
            return '"'.join(parts), end + 1
        i = end + 2
    raise QueryError(start, Message(QT_TR_NOOP("this quote is never closed")))


def _bare(text: str, start: int) -> tuple[_Token, int]:
    """A bare word, keyword or `field:value` starting at `start`, and where it ends."""
    end = start
    while end < len(text) and not text[end].isspace() and text[end] not in '()"':
        end += 1
    word = text[start:end]
    name, colon, value = word.partition(":")
    if colon and name.lower() in FIELDS:
        field = name.lower()
        if not value and end < len(text) and text[end] == '"':
            value, end = _quoted(text, end)
        if not value.strip():
            no_value = QT_TR_NOOP("'{name}:' needs a value, like {example}")
            raise QueryError(start, Message(no_value, name=name, example=_EXAMPLES[field]))
        return _Token("field", start, value, field, start + len(name) + 1), end
    if colon and _looks_like_a_field(name, value):
        fields = ", ".join(f"{field}:" for field in FIELDS)
        unknown = QT_TR_NOOP(
            "unknown field '{name}:' (fields: {fields}); quote it to search for it"
        )
        raise QueryError(start, Message(unknown, name=name, fields=fields))
    return _Token(_KEYWORDS.get(word, "text"), start, word), end


def _looks_like_a_field(name: str, value: str) -> bool:
    """A lower-case `name:` is taken for a mistyped field; `LLaMA:` or `http://…` are text."""
    is_link = value.startswith("//")
    return name.isascii() and name.isalpha() and name.islower() and not is_link


_EXAMPLES = {
    "tag": "tag:llm",
    "status": "status:queued",
    "is": "is:starred",
    "title": "title:diffusion",
    "author": 'author:"Ada Lovelace"',
    "authors": 'authors:"Ada Lovelace"',
    "summary": "summary:benchmark",
    "note": "note:idea",
    "id": "id:2312.08723",
    "votes": "votes:>50",
    "seen": "seen:>1",
    "date": "date:2024-03 or date:<7d",
    "digest": "digest:2024-03-01",
    "added": "added:today or added:<7d",
    "source": "source:hf-daily-json",
}


@dataclass(frozen=True, slots=True)
class _Parsed:
    term: Term | None  # None: nothing to search for (punctuation only)
    bare_status: bool = False  # a `status:` or `is:<status>` straight in a sequence


def _merge_statuses(parts: list[_Parsed]) -> list[Term | None]:
    """A paper has one status, so `status:read is:unread` means either: one term, in place."""
    statuses = [s for part in parts if part.bare_status for s in _statuses(part.term)]
    merged: list[Term | None] = []
    for part in parts:
        if not part.bare_status:
            merged.append(part.term)
        elif statuses:
            merged.append(Status(tuple(dict.fromkeys(statuses))))
            statuses = []
    return merged


def _statuses(term: Term | None) -> tuple[ReadingStatus, ...]:
    return term.statuses if isinstance(term, Status) else ()


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    def query(self) -> Term | None:
        term = self._sequence()
        if self.index < len(self.tokens):  # only a stray ")" stops a top-level sequence
            raise QueryError(self.tokens[self.index].position, Message(_UNOPENED))
        return term

    def _peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def _sequence(self) -> Term | None:
        """Groups up to the end or a ")", joined by AND; side-by-side statuses mean any."""
        parts: list[_Parsed] = []
        while (token := self._peek()) is not None and token.kind != ")":
            if token.kind == "AND":
                self._take()
                if not parts:
                    raise QueryError(token.position, Message(_NOTHING_BEFORE, operator="AND"))
                self._need_operand(token)
            parts.append(self._group())
        return all_of(*_merge_statuses(parts))

    def _need_operand(self, operator: _Token) -> None:
        token = self._peek()
        if token is None or token.kind in (")", "OR", "AND"):
            nothing_after = QT_TR_NOOP("{operator} needs a term after it")
            raise QueryError(operator.position, Message(nothing_after, operator=operator.kind))

    def _group(self) -> _Parsed:
        first = self._unary()
        alternatives = [first]
        while (token := self._peek()) is not None and token.kind == "OR":
            self._take()
            self._need_operand(token)
            alternatives.append(self._unary())
        if len(alternatives) == 1:
            return first
        return _Parsed(any_of(*(part.term for part in alternatives)))

    def _unary(self) -> _Parsed:
        token = self._take()
        if token.kind in ("OR", "AND"):
            raise QueryError(token.position, Message(_NOTHING_BEFORE, operator=token.kind))
        if token.kind in ("-", "NOT"):
            self._need_operand(token)
            inner = self._nested(token, self._unary).term
            return _Parsed(Not(inner) if inner is not None else None)
        if token.kind == "(":
            return _Parsed(self._nested(token, lambda: self._parenthesized(token)))
        if token.kind == ")":
            raise QueryError(token.position, Message(_UNOPENED))
        if token.kind == "field":
            term = _field_term(token)
            return _Parsed(term, isinstance(term, Status))
        return _Parsed(_text_term(token))

    def _nested[T](self, token: _Token, parse: Callable[[], T]) -> T:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise QueryError(token.position, Message(QT_TR_NOOP("the query is nested too deeply")))
        try:
            return parse()
        finally:
            self.depth -= 1

    def _parenthesized(self, opening: _Token) -> Term | None:
        token = self._peek()
        if token is not None and token.kind == ")":
            raise QueryError(opening.position, Message(QT_TR_NOOP("empty parentheses")))
        term = self._sequence()
        if self._peek() is None:
            raise QueryError(opening.position, Message(QT_TR_NOOP("this '(' is never closed")))
        self._take()
        return term


def _text_term(token: _Token) -> Term | None:
    value = _clean(token.value)
    if not _searchable(value):
        return None
    arxiv_id = None if token.quoted else normalize_arxiv_id(value)
    return Text(arxiv_id, TextField.ARXIV_ID) if arxiv_id else Text(value)


def _clean(value: str) -> str:
    """NFC (the digests' form), single spaces, no lone surrogates."""
    value = "".join(char for char in value if not 0xD800 <= ord(char) < 0xE000)
    return " ".join(unicodedata.normalize("NFC", value).split())


def _searchable(value: str) -> bool:
    """Whether the full-text tokenizer finds a word in it: letters, digits or private use."""
    return any(unicodedata.category(char)[0] in "LN" or char > "\U000effff" for char in value)


def _field_term(token: _Token) -> Term | None:
    field, value, at = token.field, token.value, token.value_position
    if field in _TEXT_FIELDS:
        text = _clean(value)
        if field == "id":
            text = normalize_arxiv_id(text) or text
        return Text(text, _TEXT_FIELDS[field]) if _searchable(text) else None
    if field == "tag":
        return Tag(" ".join(value.split()))
    if field in ("status", "source"):
        return _listed(field, value, at)
    if field == "is":
        return _is(value, at)
    if field in ("votes", "seen"):
        op, number = _operator(value)
        count = _number(number, at, f"{field}:")
        return Votes(op, count) if field == "votes" else Seen(op, count)
    op, when = _when(value, at)
    dated: dict[str, type[FirstSeen | InDigest | Added]] = {
        "date": FirstSeen,
        "digest": InDigest,
        "added": Added,
    }
    return dated[field](op, when)


def _listed(field: str, value: str, at: int) -> Status | InSource:
    """`status:read,queued` or `source:hf-daily-json,arxiv-feed`: any of them."""
    parts = value.split(",")
    if field == "status":
        return Status(tuple(dict.fromkeys(_status(part, at) for part in parts)))
    return InSource(tuple(dict.fromkeys(_source(part, at) for part in parts)))


def _source(text: str, at: int) -> str:
    """A format's name (any case), or the error naming them all."""
    from readinglist.core.sources.registry import FORMATS  # loads the readers: only here

    name = text.strip().lower()
    if name not in FORMATS:
        unknown = QT_TR_NOOP("'{name}' is not a source; the sources are {names}")
        raise QueryError(at, Message(unknown, name=text.strip(), names=", ".join(FORMATS)))
    return name


def _status(text: str, at: int) -> ReadingStatus:
    try:
        return ReadingStatus.parse(text)
    except ValueError:
        raise QueryError(at, ReadingStatus.unknown(text)) from None


def _is(value: str, at: int) -> Term:
    if value.strip().lower() == "starred":
        return Starred()
    if value.strip().lower() == "trashed":
        return Trashed()
    if value.strip().lower() == "today":
        return InToday()
    try:
        return Status((ReadingStatus.parse(value),))
    except ValueError:
        statuses = (f"is:{status.value}" for status in ReadingStatus)
        names = ", ".join(["is:trashed", "is:today", *statuses])
        unknown = QT_TR_NOOP("unknown 'is:{value}' (use is:starred, {names})")
        raise QueryError(at, Message(unknown, value=value, names=names)) from None


def _operator(value: str) -> tuple[Op, str]:
    for op in (Op.GE, Op.LE, Op.GT, Op.LT, Op.EQ):
        if value.startswith(op.value):
            return op, value[len(op.value) :]
    return Op.EQ, value


def _number(text: str, at: int, field: str) -> int:
    if not re.fullmatch(r"[0-9]+", text):
        not_a_number = QT_TR_NOOP("'{field}' takes a whole number, like {field}>50")
        raise QueryError(at, Message(not_a_number, field=field))
    if len(text.lstrip("0")) > _MAX_NUMBER_DIGITS:
        raise QueryError(at, Message(QT_TR_NOOP("{number} is too large a number"), number=text))
    return int(text)


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_AGE = re.compile(r"([0-9]+)([dwmy])", re.IGNORECASE)


def _when(value: str, at: int) -> tuple[Op, Span | Ago]:
    """`2024-03-01`, `2024-03`, `2024` or an age (`7d`, `2w`, `3m`, `1y`), after an operator.

    An age alone means "less than that long ago": `date:7d` is `date:<7d`. `today` is
    the age of no days, its operator turned to compare ages: `date:<today` is `date:>0d`.
    """
    op, text = _operator(value)
    if text.lower() == "today":
        return op.flipped(), TODAY
    if age := _AGE.fullmatch(text):
        amount = _number(age.group(1), at, "date:")
        return (op if text != value else Op.LT), Ago(amount, AgeUnit(age.group(2).lower()))
    date = _DATE.fullmatch(text)
    if date is None:
        not_a_date = QT_TR_NOOP(
            "'{text}' is not a date like 2024-03-01, 2024-03, 2024, 7d or today"
        )
        raise QueryError(at, Message(not_a_date, text=text))
    year, month, day = (int(part) if part else None for part in date.groups())
    assert year is not None
    try:
        if month is None:
            return op, Span.year(year)
        if day is None:
            return op, Span.month(year, month)
        return op, Span.day(dt.date(year, month, day))
    except ValueError:
        not_on_calendar = QT_TR_NOOP("'{text}' is not a date on the calendar")
        raise QueryError(at, Message(not_on_calendar, text=text)) from None
