"""The command line's fetch of one day (urllib) against a local server: its limits."""

import datetime as dt

import pytest

from readinglist.core.subscriptions import FetchStatus
from readinglist.library.web_fetch import USER_AGENT, FetchLimits, fetch_day
from tests.helpers.digest_server import DigestServer
from tests.helpers.media_server import _Handler


def test_a_body_with_its_validators_then_a_304(digest_server: DigestServer) -> None:
    url = digest_server.day(dt.date(2024, 3, 1), b"## Daily Papers (2024-03-01)\n", etag='"a"')
    fetched = fetch_day(url)
    assert (fetched.status, fetched.body, fetched.etag) == (
        FetchStatus.OK,
        b"## Daily Papers (2024-03-01)\n",
        '"a"',
    )
    assert fetch_day(url, etag='"a"').status is FetchStatus.NOT_MODIFIED


def test_a_404_is_a_missing_day_and_a_500_a_failure(digest_server: DigestServer) -> None:
    assert fetch_day(digest_server.url("/nothing.md")).status is FetchStatus.MISSING
    failed = fetch_day(digest_server.status("/broken.md", 500))
    assert (failed.status, failed.problem) == (FetchStatus.FAILED, "HTTP 500 Internal Server Error")


def test_a_silent_server_is_given_up(digest_server: DigestServer) -> None:
    fetched = fetch_day(digest_server.hang("/slow.md"), limits=FetchLimits(timeout_seconds=0.3))
    assert fetched.status is FetchStatus.FAILED
    assert "no answer" in fetched.problem


def test_a_body_over_the_limit_is_refused(digest_server: DigestServer) -> None:
    url = digest_server.file("/big.md", b"x" * 1001)
    assert fetch_day(url, limits=FetchLimits(max_bytes=1001)).status is FetchStatus.OK
    fetched = fetch_day(url, limits=FetchLimits(max_bytes=1000))
    assert (fetched.status, fetched.problem) == (FetchStatus.FAILED, "larger than 1,000 bytes")


def test_a_body_that_never_ends_is_cut_at_the_limit(digest_server: DigestServer) -> None:
    fetched = fetch_day(digest_server.endless("/endless.md"), limits=FetchLimits(max_bytes=1 << 20))
    assert fetched.status is FetchStatus.FAILED


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/x.md"])
def test_a_redirect_off_the_web_is_refused(digest_server: DigestServer, target: str) -> None:
    fetched = fetch_day(digest_server.redirect("/moved.md", target))
    assert fetched.status is FetchStatus.FAILED
    assert target.split(":", maxsplit=1)[0] in fetched.problem


def test_only_web_addresses_are_fetched() -> None:
    assert fetch_day("file:///etc/passwd").status is FetchStatus.FAILED


def test_it_says_who_it_is(digest_server: DigestServer) -> None:
    agents: list[str] = []

    def route(handler: _Handler) -> None:
        agents.append(handler.headers["User-Agent"])
        handler.answer(200, b"", "text/plain")

    digest_server.routes["/who.md"] = route
    fetch_day(digest_server.url("/who.md"))
    assert agents == [USER_AGENT]
