"""Downloads for the media pane: QNetworkAccessManager, a few at a time, each within limits.

Everything here is asynchronous: the GUI thread only starts requests and reacts to signals.
Only http and https are fetched, without cookies; every redirect is checked (http or https, a
few at most). A body larger than the limit is cut off as soon as its Content-Length or its
bytes say so, and Qt holds little of it beyond what was read (READ_BUFFER_BYTES). A request
that goes quiet for the idle timeout, or is still going at the deadline (a server trickling a
byte now and then is never quiet), is given up. Background downloads (prefetching) share a
few slots; the current paper's teaser has a slot of its own, so it never waits behind them.
Each job ends in one `Fetched` value, the body or the `Problem` that stopped it, unless it
was cancelled (then silently).
"""

from __future__ import annotations  # QNetworkReply in annotations, unevaluated

from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from readinglist import __version__
from readinglist.library.media_cache import MEGABYTE
from readinglist.ui import qt  # its QtNetwork names load on first use, after the first paint
from readinglist.ui import settings as keys
from readinglist.ui.qt import QObject, Qt, QTimer, QUrl, Signal

if TYPE_CHECKING:
    from readinglist.ui.qt import QNetworkAccessManager, QNetworkReply

WEB_SCHEMES = frozenset({"http", "https"})
# Longer addresses are not fetched: servers refuse them (nginx's and Apache's request lines end
# at 8 KB), and QUrl took 16 ms to parse a 1 MB one, a few times per teaser.
MAX_URL_CHARS = 8_192
_USER_AGENT = f"readinglist/{__version__}"


_SECOND_MS = 1000


@dataclass(frozen=True)
class DownloadLimits:
    max_bytes: int = keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES.default * MEGABYTE
    idle_timeout_ms: int = 20_000  # no byte for this long: the server is not answering
    deadline_ms: int = keys.MEDIA_DOWNLOAD_DEADLINE_SECONDS.default * _SECOND_MS  # in all
    max_redirects: int = 5
    max_parallel: int = 3  # background downloads at once; the current teaser may add one


CURRENT_TEASER_SLOTS = 1  # beyond `max_parallel`, for urgent downloads only
# What Qt may hold of a download that we have not read yet. Unbounded, Qt's network thread read
# on while the GUI thread was busy: an endless body from a local server took in 690 MB in 2 s
# (peak memory +1 GB) before the limit could cut it. Bounded, Qt stops reading and the server
# waits. 1 MB still downloads at 50 MB/s here (unbounded 120, 4 MB 80): no teaser host is the
# faster one.
READ_BUFFER_BYTES = 1 * MEGABYTE


class ProblemKind(StrEnum):
    UNSAFE_URL = "unsafe-url"  # not http(s), or redirected to something else
    URL_TOO_LONG = "url-too-long"  # over MAX_URL_CHARS
    UNREACHABLE = "unreachable"  # offline, no such host, connection refused or dropped
    HTTP_ERROR = "http-error"  # 404, 500, ...
    TIMEOUT = "timeout"
    TOO_SLOW = "too-slow"  # still arriving at the deadline
    TOO_LARGE = "too-large"
    REDIRECTS = "redirects"  # too many
    NOT_MEDIA = "not-media"  # not the promised format, or cut short
    UNPLAYABLE = "unplayable"  # a video this machine cannot decode
    NO_MULTIMEDIA = "no-multimedia"  # QtMultimedia cannot load: no video plays at all
    NOT_LOADED = "not-loaded"  # remote media is off and the cache does not hold it


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    detail: str = ""  # for people: "404 Not Found", Qt's error text, ...


@dataclass(frozen=True)
class Fetched:
    url: str
    body: bytes = b""
    problem: Problem | None = None


def prepare_tls() -> None:
    """Load the TLS settings and the system's CA certificates now (70-90 ms, once).

    The first https request does it otherwise, on the GUI thread, holding the GIL: after an
    import into an empty library, when the first teaser was fetched, that froze the window.
    The app calls this once the list and the sidebar have their data.
    """
    qt.QSslConfiguration.defaultConfiguration()


def is_web_url(url: str | QUrl) -> bool:
    qurl = url if isinstance(url, QUrl) else QUrl(url)
    return qurl.isValid() and qurl.scheme().lower() in WEB_SCHEMES and bool(qurl.host())


def url_problem(url: str) -> Problem | None:
    """Why `url` is not fetched at all (too long, not on the web), or None."""
    if len(url) > MAX_URL_CHARS:
        return Problem(ProblemKind.URL_TOO_LONG, str(len(url)))
    if not is_web_url(url):
        return Problem(ProblemKind.UNSAFE_URL, QUrl(url).scheme())
    return None


@dataclass(eq=False)
class _Job:
    id: int
    url: str
    urgent: bool
    reply: QNetworkReply | None = None
    timer: QTimer | None = None  # restarts with every byte: the idle timeout
    deadline: QTimer | None = None
    redirects: int = 0
    problem: Problem | None = None  # why we aborted it, when we did
    cancelled: bool = False
    body: bytearray = field(default_factory=bytearray)
    expected: int = -1  # the Content-Length, when the server gave one


class Fetcher(QObject):
    """Runs downloads, `limits.max_parallel` in the background and one urgent one more; the
    rest wait in line, urgent ones first."""

    progressed = Signal(int, int, int)  # job id, bytes received, bytes in all (-1: unknown)
    finished = Signal(int, object)  # job id, Fetched
    _finish_later = Signal(int, object)
    _slot_freed = Signal()

    def __init__(self, limits: DownloadLimits, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limits = limits
        self._network: QNetworkAccessManager | None = None  # made for the first download
        self._waiting: deque[_Job] = deque()
        self._running: dict[int, _Job] = {}
        self._next_id = 1
        self._finish_later.connect(self.finished, Qt.ConnectionType.QueuedConnection)
        # A freed slot is refilled once the caller's cancels are all done: `abort()` ends a
        # reply at once, and cancelling a prefetch's jobs one by one started each waiting one
        # as its turn came, just before cancelling it (a request the server saw, every time).
        self._slot_freed.connect(self._start_waiting, Qt.ConnectionType.QueuedConnection)

    def fetch(self, url: str, *, urgent: bool = False) -> int:
        """Start (or queue) a download of `url`; `urgent` ones jump the line and have a slot
        no background download takes. Returns its id."""
        job = _Job(self._next_id, url, urgent)
        self._next_id += 1
        problem = url_problem(url)
        if problem is not None:
            self._finish_later.emit(job.id, Fetched(url, problem=problem))
            return job.id
        if urgent:
            self._waiting.appendleft(job)
        else:
            self._waiting.append(job)
        self._start_waiting()
        return job.id

    def cancel(self, job_id: int) -> None:
        """Stop the job (its connection is closed); it reports nothing."""
        for job in self._waiting:
            if job.id == job_id:
                self._waiting.remove(job)
                return
        running = self._running.get(job_id)
        if running is not None and running.reply is not None:
            running.cancelled = True
            running.reply.abort()

    def cancel_all(self) -> None:
        self._waiting.clear()
        for job_id in list(self._running):
            self.cancel(job_id)

    def running_count(self) -> int:
        return len(self._running)

    def waiting_urls(self) -> list[str]:
        """What waits for a free slot, in the order it will start."""
        return [job.url for job in self._waiting]

    # --- one request -----------------------------------------------------------------------

    def _start_waiting(self) -> None:
        """Start what the slots allow; urgent jobs are first in line, so one that cannot
        start means none can."""
        while self._waiting and len(self._running) < self._slots_for(self._waiting[0]):
            self._start(self._waiting.popleft())

    def _slots_for(self, job: _Job) -> int:
        return self.limits.max_parallel + (CURRENT_TEASER_SLOTS if job.urgent else 0)

    def _start(self, job: _Job) -> None:
        request = _request(job.url, self.limits.max_redirects)
        job.timer = QTimer(self, singleShot=True, interval=self.limits.idle_timeout_ms)
        job.timer.timeout.connect(lambda: self._give_up(job, Problem(ProblemKind.TIMEOUT)))
        job.deadline = QTimer(self, singleShot=True, interval=self.limits.deadline_ms)
        too_slow = Problem(ProblemKind.TOO_SLOW, str(self.limits.deadline_ms // _SECOND_MS))
        job.deadline.timeout.connect(lambda: self._give_up(job, too_slow))
        if self._network is None:
            self._network = qt.QNetworkAccessManager(self)
        job.reply = reply = self._network.get(request)
        reply.setReadBufferSize(READ_BUFFER_BYTES)
        self._running[job.id] = job
        reply.metaDataChanged.connect(lambda: self._check_headers(job))
        reply.readyRead.connect(lambda: self._read_some(job))
        reply.redirected.connect(lambda target: self._check_redirect(job, target))
        reply.finished.connect(lambda: self._on_finished(job))
        job.timer.start()
        job.deadline.start()

    def _check_headers(self, job: _Job) -> None:
        assert job.reply is not None and job.timer is not None
        job.timer.start()
        if _redirecting(job):
            return
        length = job.reply.header(qt.QNetworkRequest.KnownHeaders.ContentLengthHeader)
        job.expected = length if isinstance(length, int) else -1
        if job.expected > self.limits.max_bytes:
            self._give_up(job, Problem(ProblemKind.TOO_LARGE, str(length)))

    def _read_some(self, job: _Job) -> None:
        """Take what has arrived (Qt reports progress only at the end; this is as it goes)."""
        assert job.reply is not None and job.timer is not None
        job.timer.start()
        if job.cancelled or job.problem is not None or _redirecting(job):
            return
        job.body += job.reply.readAll().data()
        if len(job.body) > self.limits.max_bytes:
            self._give_up(job, Problem(ProblemKind.TOO_LARGE, str(len(job.body))))
        else:
            self.progressed.emit(job.id, len(job.body), job.expected)

    def _check_redirect(self, job: _Job, target: QUrl) -> None:
        assert job.reply is not None
        job.redirects += 1
        if not is_web_url(target):
            self._give_up(job, Problem(ProblemKind.UNSAFE_URL, target.scheme()))
        elif job.redirects > self.limits.max_redirects:
            self._give_up(job, Problem(ProblemKind.REDIRECTS, str(job.redirects)))
        else:
            job.reply.redirectAllowed.emit()

    def _give_up(self, job: _Job, problem: Problem) -> None:
        if job.problem is None and not job.cancelled and job.reply is not None:
            job.problem = problem
            job.reply.abort()

    def _on_finished(self, job: _Job) -> None:
        if self._running.pop(job.id, None) is None:
            return  # Qt may report the end of an aborted reply twice
        assert job.reply is not None
        for timer in (job.timer, job.deadline):
            assert timer is not None
            timer.stop()
            timer.deleteLater()
        job.reply.deleteLater()
        result = None if job.cancelled else _outcome(job)
        self._slot_freed.emit()
        if result is not None:
            self.finished.emit(job.id, result)


def _request(url: str, max_redirects: int) -> qt.QNetworkRequest:
    request = qt.QNetworkRequest(QUrl(url))
    attribute, header = qt.QNetworkRequest.Attribute, qt.QNetworkRequest.KnownHeaders
    request.setAttribute(
        attribute.RedirectPolicyAttribute,
        qt.QNetworkRequest.RedirectPolicy.UserVerifiedRedirectPolicy,
    )
    request.setMaximumRedirectsAllowed(max_redirects)
    request.setHeader(header.UserAgentHeader, _USER_AGENT)
    manual = qt.QNetworkRequest.LoadControl.Manual
    for cookies in (attribute.CookieLoadControlAttribute, attribute.CookieSaveControlAttribute):
        request.setAttribute(cookies, manual)  # media hosts get no cookies and keep none
    return request


def _redirecting(job: _Job) -> bool:
    assert job.reply is not None
    status = job.reply.attribute(qt.QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    return isinstance(status, int) and 300 <= status < 400


def _outcome(job: _Job) -> Fetched:
    assert job.reply is not None
    problem = job.problem or _reply_problem(job.reply)
    if problem is not None:
        return Fetched(job.url, problem=problem)
    job.body += job.reply.readAll().data()
    return Fetched(job.url, body=bytes(job.body))


def _reply_problem(reply: QNetworkReply) -> Problem | None:
    status = reply.attribute(qt.QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    if isinstance(status, int) and 300 <= status < 400:
        return _redirect_problem(reply)  # one Qt would not follow, or one too many
    if isinstance(status, int) and not 200 <= status < 300:
        reason = reply.attribute(qt.QNetworkRequest.Attribute.HttpReasonPhraseAttribute)
        return Problem(ProblemKind.HTTP_ERROR, f"{status} {reason or ''}".strip())
    error = reply.error()
    if error == qt.QNetworkReply.NetworkError.NoError:
        return None
    if error in (
        qt.QNetworkReply.NetworkError.TimeoutError,
        qt.QNetworkReply.NetworkError.OperationCanceledError,
    ):
        return Problem(ProblemKind.TIMEOUT, reply.errorString())
    return Problem(ProblemKind.UNREACHABLE, reply.errorString())


def _redirect_problem(reply: QNetworkReply) -> Problem:
    target = reply.header(qt.QNetworkRequest.KnownHeaders.LocationHeader)
    absolute = isinstance(target, QUrl) and target.isValid() and not target.isRelative()
    if absolute and not is_web_url(target):
        return Problem(ProblemKind.UNSAFE_URL, target.scheme())
    return Problem(ProblemKind.REDIRECTS, reply.errorString())
