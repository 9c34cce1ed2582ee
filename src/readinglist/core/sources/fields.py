"""What every adapter does to a source's values before they become a sighting: clean them,
hold them to the parser's limits (`MAX_*` in `core.digest`: a field too long is cut, with a
warning, never a crash), tell a summary's language, and tell a generator's error message
from a summary."""

import datetime as dt
import json
import re
from collections.abc import Iterable

from readinglist.core.arxiv import normalize_arxiv_id
from readinglist.core.digest import (
    MAX_AUTHOR_CHARS,
    MAX_AUTHORS,
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    MAX_URL_CHARS,
    DigestError,
    Warnings,
)
from readinglist.core.parser import parse_date
from readinglist.core.sources.sighting import Language
from readinglist.core.text import clean_text, clean_url
from readinglist.core.translatable import QT_TR_NOOP, Message

_MAX_VOTES = 2**63 - 1  # what the database's integers hold
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_BOLD_KEY = re.compile(r"^\*{1,3}[^*]{1,60}\*{1,3}\s*[:：]\s*")
# What generators write where a summary failed, at the start of a short summary. Anchored:
# real summaries say "오류 발생" (errors occur) in the middle of a sentence.
_GENERATOR_ERROR = re.compile(
    r"(?:번역|요약)[\s가-힣]{0,12}?(?:오류|에러|실패)[가이]?\s*(?:발생|했|하였|입니다|$|[:：.!(])"
    r"|(?:오류|에러)\s*(?:발생|[:：])"
    r"|요약\s*(?:할 수 없|불가)"
    r"|(?:an?\s+)?error(?:\s+occurred)?\s*[:：(]|error\s+occurred"
    r"|exception\s*[:：]|traceback \(most recent call last\)"
    r"|failed to (?:translate|summari[sz]e|generate)"
    r"|(?:http\s*)?[45]\d\d\s+[a-z]|<!doctype html|<html"
    r"|(?:internal server error|bad gateway|service unavailable|gateway time-?out)"
    r"|(?:too many requests|rate limit)",
    re.IGNORECASE,
)
_ERROR_SUMMARY_MAX_CHARS = 500  # an error page is short; a summary that long is a summary


NOT_JSON = QT_TR_NOOP("not JSON: {reason}")


def cut_to(value: str, limit: int) -> str:
    """`value`, or its first `limit` characters, the last an ellipsis."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def text(value: object, limit: int, notes: Warnings, line: int | None) -> str | None:
    """A string value cleaned and cut to `limit`; `None` for anything else or nothing."""
    if not isinstance(value, str):
        return None
    cleaned = clean_text(value)
    if len(cleaned) > limit:
        too_long = QT_TR_NOOP("a field is {length:,} characters long: kept its first {limit:,}")
        notes.add(line, Message(too_long, length=len(cleaned), limit=limit))
        cleaned = cut_to(cleaned, limit)
    return cleaned or None


def title(value: object, notes: Warnings, line: int | None) -> str | None:
    return text(value, MAX_TITLE_CHARS, notes, line)


def summary(value: object, notes: Warnings, line: int | None) -> str | None:
    return text(value, MAX_SUMMARY_CHARS, notes, line)


def link(value: object, notes: Warnings, line: int | None) -> str | None:
    """An http(s) address, cleaned; dropped (with a warning) when too long to be one."""
    if not isinstance(value, str):
        return None
    url = clean_url(value.strip())
    if not url.lower().startswith(("https://", "http://")):
        return None
    if len(url) > MAX_URL_CHARS:
        too_long = QT_TR_NOOP("a link is {length:,} characters long (at most {limit:,}): not kept")
        notes.add(line, Message(too_long, length=len(url), limit=MAX_URL_CHARS))
        return None
    return url


def authors(names: Iterable[object], notes: Warnings, line: int | None) -> tuple[str, ...]:
    """The names that are strings, cleaned, each once, at most `MAX_AUTHORS` of them."""
    kept: dict[str, None] = {}
    long_names = 0
    for name in names:
        if len(kept) == MAX_AUTHORS:
            too_many = QT_TR_NOOP("more than {limit:,} authors: kept the first {limit:,}")
            notes.add(line, Message(too_many, limit=MAX_AUTHORS))
            break
        if isinstance(name, str) and (cleaned := clean_text(name)):
            if len(cleaned) > MAX_AUTHOR_CHARS:
                long_names += 1
                cleaned = cut_to(cleaned, MAX_AUTHOR_CHARS)
            kept[cleaned] = None
    if long_names:
        long_names_cut = QT_TR_NOOP(
            "{count:,} authors' names are longer than {limit:,} characters: "
            "kept the first {limit:,} of each"
        )
        notes.add(line, Message(long_names_cut, count=long_names, limit=MAX_AUTHOR_CHARS))
    return tuple(kept)


def count(value: object) -> int | None:
    """A whole number of votes or comments: `None` when missing or not one (never 0)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        digits = value.strip().replace(",", "")
        value = int(digits) if digits.isdecimal() and len(digits) <= 18 else None
    if isinstance(value, int) and 0 <= value <= _MAX_VOTES:
        return value
    return None


def language(texts: Iterable[str]) -> Language | None:
    """Korean if any of `texts` holds Hangul, English if they hold anything, else `None`."""
    found = [item for item in texts if item]
    if not found:
        return None
    return Language.KOREAN if any(_HANGUL.search(item) for item in found) else Language.ENGLISH


def generator_error(bullets: tuple[str, ...]) -> str | None:
    """The summary's text when it is a generator's error message rather than a summary:
    short, and a bullet (past a `**Key**:` label) starting as error messages do."""
    if not bullets or sum(map(len, bullets)) > _ERROR_SUMMARY_MAX_CHARS:
        return None
    for bullet in bullets:
        if _GENERATOR_ERROR.match(_BOLD_KEY.sub("", bullet, count=1)):
            return " ".join(bullets)
    return None


ERROR_SUMMARY = QT_TR_NOOP(
    "the summary of {arxiv_id} is an error message of the digest's generator, not a "
    "summary: not kept as its summary"
)


def load_json(text_: str, source: str) -> object:
    """The JSON value of `text_`, or a `DigestError` with the line at fault. Linear in the
    text's length; nesting deeper than the interpreter's limit is refused, not a crash."""
    try:
        return json.loads(text_)
    except json.JSONDecodeError as error:
        raise DigestError(source, error.lineno, Message(NOT_JSON, reason=error.msg)) from None
    except RecursionError:
        too_deep = QT_TR_NOOP("JSON nested too deeply to be a digest")
        raise DigestError(source, None, Message(too_deep)) from None
    except ValueError as error:  # a number of more than 4,300 digits
        raise DigestError(source, None, Message(NOT_JSON, reason=str(error)[:80])) from None


def paper_id(value: object, position: int, notes: Warnings, line: int | None = None) -> str | None:
    """The version-less arXiv id of an entry's id field (`2401.01234`, `…v2`, `arXiv:…`, a
    link); `None`, with a warning that the entry was left out, when it holds none."""
    found = normalize_arxiv_id(value) if isinstance(value, str) and len(value) < 300 else None
    if found is None:
        no_id = QT_TR_NOOP("entry {position} has no arXiv id: left out")
        notes.add(line, Message(no_id, position=position))
    return found


def strings(value: object, limit: int) -> tuple[str, ...]:
    """The first `limit` strings of a list value, cleaned and each cut to an author's
    length (keywords, categories); empty for anything else."""
    if not isinstance(value, list):
        return ()
    found = (cut_to(clean_text(item), MAX_AUTHOR_CHARS) for item in value if isinstance(item, str))
    return tuple(dict.fromkeys(item for item in found if item))[:limit]


def utc_day(value: object) -> dt.date | None:
    """The UTC date of an ISO 8601 time (`2025-02-14T09:30:00.000Z`), or `None`."""
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(dt.UTC).date() if moment.tzinfo else moment.date()


def day_of_file(value: object, source: str) -> dt.date | None:
    """A file's `YYYY-MM-DD` date field; `None` when it has none; a `DigestError` when it
    is not a date."""
    return None if value is None else parse_date(str(value)[:80], None, source)


def checked_summary(
    bullets: tuple[str, ...], arxiv_id: str, notes: Warnings, line: int | None
) -> tuple[tuple[str, ...], str | None]:
    """The summary and no error; or, when it is a generator's error message, no summary,
    the message, and a warning saying so."""
    error = generator_error(bullets)
    if error is None:
        return bullets, None
    notes.add(line, Message(ERROR_SUMMARY, arxiv_id=arxiv_id))
    return (), error


def one_line_summary(
    value: object, arxiv_id: str, notes: Warnings
) -> tuple[tuple[str, ...], str | None]:
    """A summary given as one string, as `checked_summary` has it."""
    found = summary(value, notes, None)
    return checked_summary((found,) if found else (), arxiv_id, notes, None)
