"""Days of digests over HTTP for the subscription tests: `MediaServer` (127.0.0.1, a free
port) with routes that answer conditional requests (ETag → 304) and count what they served."""

import datetime as dt
import socket

from tests.helpers.digests import FakeEntry, digest_text
from tests.helpers.media_server import MediaServer, _Handler

TEMPLATE_PATH = "/digests/{yyyy}/{mm}/{dd}.md"


def ago(days: int) -> dt.date:
    """The day `days` before today (the server's days are today's neighbours)."""
    return dt.date.today() - dt.timedelta(days=days)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: a request there is refused (offline)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def day_path(day: dt.date) -> str:
    return day.strftime("/digests/%Y/%m/%d.md")


def day_digest(day: dt.date, *arxiv_ids: str, votes: int = 10) -> bytes:
    entries = [FakeEntry(arxiv_id, votes=votes) for arxiv_id in arxiv_ids]
    return digest_text(day, entries).encode()


class DigestServer(MediaServer):
    """Serves a digest per day given; any other path is a 404 (MediaServer's default)."""

    def __init__(self) -> None:
        super().__init__()
        self.not_modified: list[str] = []  # paths answered with a 304

    def __enter__(self) -> "DigestServer":
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def template(self) -> str:
        return self.url(TEMPLATE_PATH)

    def day(self, day: dt.date, body: bytes, etag: str | None = None) -> str:
        """`body` for `day`, with an ETag: a request that sends it back gets a 304."""
        path = day_path(day)

        def route(handler: _Handler) -> None:
            if etag is not None and handler.headers.get("If-None-Match") == etag:
                self.not_modified.append(path)
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.end_headers()
                return
            headers = {"ETag": etag} if etag else None
            handler.answer(200, body, "text/markdown; charset=utf-8", headers)

        self.routes[path] = route
        return self.url(path)
