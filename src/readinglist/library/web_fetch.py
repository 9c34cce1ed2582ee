"""One day of a subscription over HTTP with the standard library (the command line's fetch;
the window has its own, on Qt's network stack).

Within limits: only http and https, on every redirect too (a redirect elsewhere, `file:`
above all, is refused), five redirects at most; a conditional request when the library has
the day's ETag or Last-Modified; a timeout on every wait for the server and a deadline on
the whole download; at most `max_bytes` read (N + 1 bytes are asked for, to tell a body of
exactly N from a longer one). No cookies are sent or kept.
"""

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException, HTTPMessage
from typing import IO

from readinglist import __version__
from readinglist.core.digest_files import MAX_DIGEST_BYTES
from readinglist.core.subscriptions import WEB_SCHEMES, Fetched, FetchStatus

USER_AGENT = f"readinglist/{__version__}"
MISSING_CODES = frozenset({404, 410})
_READ_BYTES = 1 << 16


@dataclass(frozen=True, slots=True)
class FetchLimits:
    max_bytes: int = MAX_DIGEST_BYTES
    timeout_seconds: float = 20.0  # no answer for this long: given up
    deadline_seconds: float = 120.0  # the whole download


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http(s) address, five at most."""

    max_redirections = 5

    def redirect_request(  # noqa: PLR0917 (urllib's signature)
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = newurl.split(":", 1)[0].lower() if ":" in newurl else ""
        if scheme not in WEB_SCHEMES:
            raise urllib.error.URLError(f"a redirect to '{scheme}:' was refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_day(
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),
) -> Fetched:
    """GET `url`: its body and validators, a 304, a 404, or what went wrong, in words. Any
    address but an http(s) one is refused by the opener, which has no other handler."""
    request = urllib.request.Request(url, headers=_headers(etag, last_modified))
    try:
        return _get(_opener(), request, limits)
    except urllib.error.HTTPError as error:
        return _http_error(error)
    except _Deadline:
        return Fetched(FetchStatus.FAILED, problem=f"still arriving after {_s(limits)}")
    except TimeoutError:
        return Fetched(FetchStatus.FAILED, problem=f"no answer in {limits.timeout_seconds:g} s")
    except urllib.error.URLError as error:
        return _url_error(error)
    except (HTTPException, OSError, ValueError) as error:
        return Fetched(FetchStatus.FAILED, problem=str(error) or type(error).__name__)


def _opener() -> urllib.request.OpenerDirector:
    """http and https only (no `file:`, `ftp:` or `data:` handler), redirects checked."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.UnknownHandler(),  # any other scheme: an error, not None
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _WebOnlyRedirects(),
    ):
        opener.add_handler(handler)
    return opener


def _get(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, limits: FetchLimits
) -> Fetched:
    with opener.open(request, timeout=limits.timeout_seconds) as response:
        body = _read(response, limits)
        if body is None:
            return Fetched(FetchStatus.FAILED, problem=_too_large(limits))
        headers = response.headers
        return Fetched(FetchStatus.OK, body, headers.get("ETag"), headers.get("Last-Modified"))


class _Deadline(Exception):
    pass


def _headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _read(response: IO[bytes], limits: FetchLimits) -> bytes | None:
    """The body, a chunk at a time until the deadline; None when it is over `max_bytes`."""
    deadline = time.monotonic() + limits.deadline_seconds
    body = bytearray()
    while len(body) <= limits.max_bytes:
        chunk = response.read(min(_READ_BYTES, limits.max_bytes + 1 - len(body)))
        if not chunk:
            return bytes(body)
        body += chunk
        if time.monotonic() > deadline:
            raise _Deadline
    return None


def _http_error(error: urllib.error.HTTPError) -> Fetched:
    with error:
        if error.code == 304:
            headers = error.headers
            return Fetched(
                FetchStatus.NOT_MODIFIED,
                etag=headers.get("ETag"),
                last_modified=headers.get("Last-Modified"),
            )
        if error.code in MISSING_CODES:
            return Fetched(FetchStatus.MISSING, problem=f"HTTP {error.code}")
        return Fetched(FetchStatus.FAILED, problem=f"HTTP {error.code} {error.reason}".strip())


def _url_error(error: urllib.error.URLError) -> Fetched:
    reason = error.reason
    if isinstance(reason, TimeoutError):
        return Fetched(FetchStatus.FAILED, problem="no answer")
    if isinstance(reason, OSError):  # no such host, refused, no network
        return Fetched(FetchStatus.UNREACHABLE, problem=reason.strerror or str(reason))
    return Fetched(FetchStatus.FAILED, problem=str(reason))


def _too_large(limits: FetchLimits) -> str:
    return f"larger than {limits.max_bytes:,} bytes"


def _s(limits: FetchLimits) -> str:
    return f"{limits.deadline_seconds:g} s"
