"""Subscriptions, without a database or a network: a URL template with a date, which days of
it are due, and what fetching one day gave.

A template names each day's file with `{yyyy}` `{yy}` `{mm}` `{dd}` (the day's parts) or
`{date}` (`YYYY-MM-DD`): `https://example.org/{yyyy}/{mm}/{dd}.md`,
`https://huggingface.co/api/daily_papers?date={date}`. Only http and https addresses are
fetched.

The policy, for each day from `since` (or `back_days` before today, whichever is later) to
today:

- a day never fetched is due;
- a day `imported` is never fetched again, but today's, which is asked again with a
  conditional request (its ETag and Last-Modified: a 304 costs nothing) so that its votes
  stay live;
- a day `missing` (the server said 404 or 410) is asked again while it is within the last
  `MISSING_RETRY_DAYS` days (a digest can appear late), then given up;
- a day `failed` (an error, a file no format reads) is asked again at the next check.
"""

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

BACK_DAYS = 14  # how far back a check looks, by default (a setting in the window)
MISSING_RETRY_DAYS = 3  # a day without a digest is asked again while this recent
WEB_SCHEMES = frozenset({"http", "https"})
MAX_TEMPLATE_CHARS = 2_048

_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")
_PARTS = {
    "yyyy": "%Y",
    "yy": "%y",
    "mm": "%m",
    "dd": "%d",
    "date": "%Y-%m-%d",
}
PLACEHOLDERS = tuple(f"{{{name}}}" for name in _PARTS)


class TemplateError(ValueError):
    """A URL template that cannot be a subscription's, in words for people."""


class Outcome(StrEnum):
    """What fetching a day gave, as `subscription_days.outcome` keeps it."""

    IMPORTED = "imported"
    MISSING = "missing"
    FAILED = "failed"


class FetchStatus(StrEnum):
    OK = "ok"  # a body
    NOT_MODIFIED = "not-modified"  # 304: what we have is current
    MISSING = "missing"  # 404 or 410: no digest that day (yet)
    FAILED = "failed"  # an HTTP error, a timeout, too large, a refused redirect
    UNREACHABLE = "unreachable"  # offline, no such host: nothing learnt about the day


@dataclass(frozen=True, slots=True)
class Fetched:
    """One day's answer: the body with its validators, or why there is none."""

    status: FetchStatus
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    problem: str = ""  # for people: "HTTP 500 Internal Server Error", "no answer in 20 s"


@dataclass(frozen=True, slots=True)
class DayState:
    """What the library knows of a day already fetched."""

    outcome: Outcome
    etag: str | None = None
    last_modified: str | None = None


def check_template(template: str) -> str:
    """The template, trimmed, or a `TemplateError`: it must be an http(s) address with a host,
    name only known placeholders and hold at least one of the date's."""
    template = template.strip()
    if len(template) > MAX_TEMPLATE_CHARS:
        raise TemplateError(f"the URL template is longer than {MAX_TEMPLATE_CHARS} characters")
    unknown = [name for name in _PLACEHOLDER.findall(template) if name not in _PARTS]
    if unknown:
        known = " ".join(PLACEHOLDERS)
        raise TemplateError(f"'{{{unknown[0]}}}' is not a placeholder; use {known}")
    if not _PLACEHOLDER.search(template):
        raise TemplateError(
            f"the URL template has no date in it: put {' '.join(PLACEHOLDERS)} where the day goes"
        )
    parts = urlsplit(expand(template, dt.date(2000, 1, 1)))
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        raise TemplateError("only http:// and https:// addresses can be fetched")
    return template


def expand(template: str, day: dt.date) -> str:
    """The template's address for `day`."""
    return _PLACEHOLDER.sub(
        lambda match: (
            day.strftime(_PARTS[match.group(1)]) if match.group(1) in _PARTS else match.group()
        ),
        template,
    )


def days_due(
    today: dt.date,
    since: dt.date,
    known: Mapping[dt.date, DayState],
    back_days: int = BACK_DAYS,
) -> list[dt.date]:
    """The days to fetch now, oldest first (see the module's policy)."""
    first = max(since, today - dt.timedelta(days=max(back_days, 1) - 1))
    days = [first + dt.timedelta(days=n) for n in range((today - first).days + 1)]
    return [day for day in days if _is_due(day, today, known.get(day))]


def _is_due(day: dt.date, today: dt.date, state: DayState | None) -> bool:
    if state is None or state.outcome is Outcome.FAILED:
        return True
    if state.outcome is Outcome.IMPORTED:
        return day == today
    return (today - day).days < MISSING_RETRY_DAYS


def default_since(today: dt.date, back_days: int = BACK_DAYS) -> dt.date:
    """A new subscription's first day when none is given: as far back as a check looks."""
    return today - dt.timedelta(days=back_days - 1)
