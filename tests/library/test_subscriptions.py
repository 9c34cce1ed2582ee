"""Subscriptions in the library: a day's bytes imported under its URL, each outcome kept,
the requests a check makes from what the days gave."""

import datetime as dt

from readinglist.core.import_report import FileStatus
from readinglist.core.subscriptions import Fetched, FetchStatus
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_bytes
from readinglist.library.subscriptions import (
    DayRequest,
    add_subscription,
    due_requests,
    list_subscriptions,
    remove_subscription,
    settle,
)
from readinglist.library.tables import SUBSCRIPTION_DAYS
from tests.helpers.digest_server import day_digest

URL = "https://example.org/2024/03/01.md"
DAY = dt.date(2024, 3, 1)
TODAY = dt.date(2024, 3, 2)


def _due(library: Library) -> list[DayRequest]:
    with library.reading() as connection:
        return due_requests(connection, list_subscriptions(connection), TODAY)


def _requests(library: Library) -> list[tuple[dt.date, str | None]]:
    return [(request.day, request.etag) for request in _due(library)]


def test_bytes_import_under_their_url_once(library: Library) -> None:
    data = day_digest(DAY, "2403.00001")
    first = import_bytes(library, data, URL)
    assert (first.path, first.name, first.status, first.papers_new) == (
        URL,
        URL,
        FileStatus.IMPORTED,
        1,
    )
    assert import_bytes(library, data, URL).status is FileStatus.UNCHANGED
    rejected = import_bytes(library, b"nothing here", URL, format_name="daily-papers-md")
    assert rejected.status is FileStatus.REJECTED
    assert rejected.error is not None


def test_each_days_outcome_decides_the_next_requests(library: Library) -> None:
    with library.writing() as connection:
        add_subscription(
            connection,
            "daily",
            "https://example.org/{yyyy}/{mm}/{dd}.md",
            format_name=None,
            since=DAY,
            now=utc_now(),
        )
    requests = {request.day: request for request in _due(library)}
    assert list(requests) == [DAY, TODAY]
    body = Fetched(FetchStatus.OK, day_digest(DAY, "2403.00001"), etag='"a"')
    report = settle(library, requests[DAY], body, utc_now())
    assert report is not None and report.status is FileStatus.IMPORTED
    assert settle(library, requests[TODAY], Fetched(FetchStatus.MISSING), utc_now()) is None
    assert _requests(library) == [(TODAY, None)]  # a 404 of today: asked again
    today = Fetched(FetchStatus.OK, day_digest(TODAY, "2403.00002"), etag='"b"')
    settle(library, _due(library)[0], today, utc_now())
    assert _requests(library) == [(TODAY, '"b"')]  # imported today: asked with its ETag

    with library.writing() as connection:
        remove_subscription(connection, list_subscriptions(connection)[0].id)
    with library.reading() as connection:
        assert connection.execute(SUBSCRIPTION_DAYS.select()).all() == []
