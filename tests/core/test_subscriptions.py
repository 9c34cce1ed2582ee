"""URL templates and the days a subscription fetches (the policy, without a network)."""

import datetime as dt

import pytest

from readinglist.core.subscriptions import (
    MISSING_RETRY_DAYS,
    DayState,
    Outcome,
    TemplateError,
    check_template,
    days_due,
    expand,
)

TODAY = dt.date(2024, 3, 20)


def test_a_template_expands_every_placeholder() -> None:
    template = "https://example.org/{yyyy}/{yy}/{mm}/{dd}.md?date={date}"
    assert expand(template, dt.date(2024, 3, 5)) == (
        "https://example.org/2024/24/03/05.md?date=2024-03-05"
    )


@pytest.mark.parametrize(
    ("template", "says"),
    [
        ("https://example.org/latest.md", "no date"),
        ("file:///tmp/{date}.md", "http"),
        ("ftp://example.org/{date}.md", "http"),
        ("https:///{date}.md", "http"),
        ("https://example.org/{day}.md", "'{day}' is not a placeholder"),
    ],
)
def test_a_template_must_be_a_web_address_with_a_date(template: str, says: str) -> None:
    with pytest.raises(TemplateError, match=says):
        check_template(template)


def test_a_template_is_trimmed() -> None:
    assert check_template("  http://x.org/{date}\n") == "http://x.org/{date}"


def test_days_from_since_up_to_today_within_the_limit() -> None:
    assert days_due(TODAY, dt.date(2024, 3, 18), {}) == [
        dt.date(2024, 3, 18),
        dt.date(2024, 3, 19),
        TODAY,
    ]
    due = days_due(TODAY, dt.date(2020, 1, 1), {}, back_days=5)
    assert due == [TODAY - dt.timedelta(days=n) for n in range(4, -1, -1)]


def test_an_imported_day_is_never_due_again_but_today() -> None:
    imported = DayState(Outcome.IMPORTED, '"e"')
    known = {dt.date(2024, 3, 19): imported, TODAY: imported}
    assert days_due(TODAY, dt.date(2024, 3, 19), known) == [TODAY]


def test_a_missing_day_is_asked_again_while_recent_and_a_failed_one_always() -> None:
    old = TODAY - dt.timedelta(days=MISSING_RETRY_DAYS)
    recent = TODAY - dt.timedelta(days=MISSING_RETRY_DAYS - 1)
    failed = TODAY - dt.timedelta(days=10)
    known = {
        old: DayState(Outcome.MISSING),
        recent: DayState(Outcome.MISSING),
        failed: DayState(Outcome.FAILED),
    }
    due = days_due(TODAY, failed, known)
    assert old not in due
    assert recent in due
    assert failed in due
