"""The window's subscription checks: at start and every few hours, the days due are fetched
with QNetworkAccessManager (asynchronous: the GUI thread only starts requests and reacts to
their signals) and imported on a worker thread, their report shown as an import's.

One request at a time, within the command line's limits (`library.web_fetch.FetchLimits`):
only http and https, every redirect checked, a conditional request where the library has
the day's validators, Qt's transfer timeout for a silent server, a deadline, a size cap; no
cookies. No request at all while "Fetch subscriptions automatically" is off. A server out
of reach leaves that subscription for the next check and is said once, quietly, until a
check reaches a server again.
"""

from __future__ import annotations  # QNetworkReply in annotations, unevaluated

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from readinglist.core.import_report import ImportReport
from readinglist.core.subscriptions import WEB_SCHEMES, Fetched, FetchStatus
from readinglist.core.translatable import QT_TR_NOOP
from readinglist.library.web_fetch import MISSING_CODES, USER_AGENT, FetchLimits
from readinglist.ui import qt  # its QtNetwork names load on first use, after the first paint
from readinglist.ui import settings as keys
from readinglist.ui.i18n import tr
from readinglist.ui.qt import QObject, QSettings, QThread, QTimer, QUrl, Signal, Slot

if TYPE_CHECKING:
    from readinglist.library.database import Library
    from readinglist.library.subscriptions import DayRequest
    from readinglist.ui.qt import QNetworkAccessManager, QNetworkReply

FIRST_CHECK_MS = 5_000  # after start: the window paints and reads its lists first
_HOUR_MS = 3_600_000
_SECOND_MS = 1_000
_READ_BUFFER_BYTES = 1 << 20
OFFLINE = QT_TR_NOOP("Subscriptions could not be reached (offline?); trying again later.")


class _Worker(QObject):
    """The library side, on its own thread: which days are due, and each answer imported."""

    planned = Signal(object)  # list[DayRequest]
    settled = Signal(object, object, object)  # DayRequest, Fetched, FileReport | None

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._library = library

    @Slot(object, int)
    def plan(self, today: dt.date, back_days: int) -> None:
        from readinglist.library.failures import storage_errors
        from readinglist.library.subscriptions import due_requests, list_subscriptions

        try:
            with self._library.reading() as connection:
                subscriptions = list_subscriptions(connection)
                requests = due_requests(connection, subscriptions, today, back_days)
        except storage_errors():  # locked, unreadable: the next check reads again
            requests = []
        self.planned.emit(requests)

    @Slot(object, object)
    def settle(self, request: DayRequest, fetched: Fetched) -> None:
        from readinglist.library.database import utc_now
        from readinglist.library.failures import storage_errors
        from readinglist.library.subscriptions import settle

        try:
            report = settle(self._library, request, fetched, utc_now())
        except storage_errors():  # the day's outcome not written: it is due again next time
            report = None
        self.settled.emit(request, fetched, report)

    @Slot(object)
    def note(self, errors: dict[int, str | None]) -> None:
        from readinglist.library.database import utc_now
        from readinglist.library.failures import storage_errors
        from readinglist.library.subscriptions import note_checked

        with contextlib.suppress(*storage_errors()):  # a note for people, not the days' record
            for subscription_id, error in errors.items():
                note_checked(self._library, subscription_id, utc_now(), error)


@dataclass
class _Check:
    """One check under way: the days left, what they gave, and the subscriptions whose server
    was out of reach (their other days wait for the next check)."""

    requests: list[DayRequest]
    total: int = 0
    report: ImportReport = field(default_factory=ImportReport)
    errors: dict[int, str | None] = field(default_factory=dict)
    unreachable: set[int] = field(default_factory=set)
    reached: bool = False
    cancelled: bool = False


class SubscriptionChecker(QObject):
    """Checks the subscriptions when the window starts and every few hours (settings), one
    check at a time; `finished` carries the import report of the days it brought."""

    started = Signal()
    progressed = Signal(int, int)  # days done, days in all
    finished = Signal(object)  # ImportReport
    said = Signal(str)  # offline, once
    _plan = Signal(object, int)
    _settle = Signal(object, object)
    _note = Signal(object)

    def __init__(
        self,
        library: Library,
        settings: QSettings,
        parent: QObject | None = None,
        *,
        limits: FetchLimits = FetchLimits(),  # noqa: B008 (frozen)
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._settings, self.limits, self._today = settings, limits, today
        self._network: QNetworkAccessManager | None = None  # made for the first request
        self._check: _Check | None = None
        self._reply: QNetworkReply | None = None
        self._offline_said = False
        self._thread = QThread(self)
        self._worker = _Worker(library)
        self._worker.moveToThread(self._thread)
        self._plan.connect(self._worker.plan)
        self._settle.connect(self._worker.settle)
        self._note.connect(self._worker.note)
        self._worker.planned.connect(self._on_planned)
        self._worker.settled.connect(self._on_settled)
        self._thread.start()
        self._first = QTimer(self, singleShot=True, interval=FIRST_CHECK_MS)
        self._first.timeout.connect(self.check)
        self._every = QTimer(self)
        self._every.timeout.connect(self.check)

    def start(self) -> None:
        """A first check shortly, then one every few hours."""
        self._first.start()
        self.apply_settings()

    def apply_settings(self) -> None:
        """The interval, from the setting (a check due is not made sooner or later than it
        says from now on)."""
        self._every.start(keys.SUBSCRIPTION_CHECK_HOURS.read(self._settings) * _HOUR_MS)

    def is_running(self) -> bool:
        return self._check is not None

    def check(self) -> bool:
        """Fetch the days due now, unless a check is under way or fetching is off (then no
        request at all). True when a check started."""
        if self._check is not None or not keys.FETCH_SUBSCRIPTIONS.read(self._settings):
            return False
        self._check = _Check([])
        self.started.emit()
        self._plan.emit(self._today(), keys.SUBSCRIPTION_DAYS_BACK.read(self._settings))
        return True

    def cancel(self) -> None:
        """Stop the check: the request under way is dropped, the days left wait."""
        if self._check is not None:
            self._check.requests.clear()
            self._check.cancelled = True
            if self._reply is not None:
                self._reply.abort()

    def shut_down(self) -> None:
        """No timer, no request, and the worker's thread ended (at quit)."""
        self._first.stop()
        self._every.stop()
        self.cancel()
        self._thread.quit()
        self._thread.wait()

    # --- one check ---------------------------------------------------------------------------

    def _on_planned(self, requests: list[DayRequest]) -> None:
        assert self._check is not None
        self._check.requests, self._check.total = list(requests), len(requests)
        self._next()

    def _next(self) -> None:
        check = self._check
        assert check is not None
        while check.requests and check.requests[0].subscription.id in check.unreachable:
            check.requests.pop(0)
        if not check.requests:
            self._end()
            return
        self.progressed.emit(check.total - len(check.requests), check.total)
        self._get(check.requests.pop(0))

    def _get(self, request: DayRequest) -> None:
        if self._network is None:
            self._network = qt.QNetworkAccessManager(self)
        reply = self._network.get(_network_request(request, self.limits))
        reply.setReadBufferSize(_READ_BUFFER_BYTES)
        self._reply = reply
        body = bytearray()
        problem: list[str] = []  # why we aborted it, when we did
        deadline = QTimer(reply, singleShot=True, interval=int(self.limits.deadline_seconds * 1000))

        def give_up(why: str) -> None:
            if not problem:
                problem.append(why)
                reply.abort()

        def read() -> None:
            if problem or not reply.isOpen():
                return
            body.extend(reply.readAll().data())
            if len(body) > self.limits.max_bytes:
                give_up(f"larger than {self.limits.max_bytes:,} bytes")

        def redirected(target: QUrl) -> None:
            if target.scheme().lower() in WEB_SCHEMES:
                reply.redirectAllowed.emit()
            else:
                give_up(f"a redirect to '{target.scheme()}:' was refused")

        deadline.timeout.connect(lambda: give_up(f"still arriving after {_seconds(self.limits)}"))
        reply.readyRead.connect(read)
        reply.redirected.connect(redirected)
        reply.finished.connect(lambda: self._on_reply(request, reply, body, problem))
        deadline.start()

    def _on_reply(
        self, request: DayRequest, reply: QNetworkReply, body: bytearray, problem: list[str]
    ) -> None:
        self._reply = None
        reply.deleteLater()
        if self._check is None or self._check.cancelled:  # the day waits for the next check
            self._end()
            return
        if not problem and reply.isOpen():
            body.extend(reply.readAll().data())
        fetched = _fetched(reply, bytes(body), problem[0] if problem else None, self.limits)
        self._settle.emit(request, fetched)

    def _on_settled(self, request: DayRequest, fetched: Fetched, report: object) -> None:
        check = self._check
        assert check is not None
        subscription_id = request.subscription.id
        if fetched.status is FetchStatus.UNREACHABLE:
            check.unreachable.add(subscription_id)
            check.errors[subscription_id] = fetched.problem
        else:
            check.reached = True
            check.errors.setdefault(subscription_id, None)
            if report is not None:
                check.report.files.append(report)  # type: ignore[arg-type]
                if fetched.status is FetchStatus.FAILED:
                    check.errors[subscription_id] = fetched.problem
        self._next()

    def _end(self) -> None:
        check = self._check
        if check is None:
            return
        self._check = None
        self.progressed.emit(check.total, check.total)
        if check.errors:
            self._note.emit(check.errors)
        if check.reached:
            self._offline_said = False
        elif check.unreachable and not self._offline_said:
            self._offline_said = True
            self.said.emit(tr(OFFLINE))
        self.finished.emit(check.report)


def _network_request(request: DayRequest, limits: FetchLimits) -> qt.QNetworkRequest:
    wanted = qt.QNetworkRequest(QUrl(request.url))
    attribute = qt.QNetworkRequest.Attribute
    wanted.setAttribute(
        attribute.RedirectPolicyAttribute,
        qt.QNetworkRequest.RedirectPolicy.UserVerifiedRedirectPolicy,
    )
    wanted.setMaximumRedirectsAllowed(5)
    wanted.setTransferTimeout(int(limits.timeout_seconds * _SECOND_MS))
    wanted.setRawHeader(b"User-Agent", USER_AGENT.encode())
    for name, value in (
        (b"If-None-Match", request.etag),
        (b"If-Modified-Since", request.last_modified),
    ):
        if value:
            wanted.setRawHeader(name, value.encode("latin-1", "replace"))
    manual = qt.QNetworkRequest.LoadControl.Manual
    for cookies in (attribute.CookieLoadControlAttribute, attribute.CookieSaveControlAttribute):
        wanted.setAttribute(cookies, manual)  # subscriptions get no cookies and keep none
    return wanted


def _fetched(
    reply: QNetworkReply, body: bytes, problem: str | None, limits: FetchLimits
) -> Fetched:
    """What the reply gave, as the command line's fetch says it."""
    if problem is not None:
        return Fetched(FetchStatus.FAILED, problem=problem)
    status = reply.attribute(qt.QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    error, errors = reply.error(), qt.QNetworkReply.NetworkError
    if isinstance(status, int) and (error == errors.NoError or status >= 300):
        return _answered(reply, status, body)  # Qt reports a 404 as an error too
    if error in (errors.OperationCanceledError, errors.TimeoutError):  # the transfer timeout
        return Fetched(FetchStatus.FAILED, problem=f"no answer in {limits.timeout_seconds:g} s")
    if isinstance(status, int):  # answered, then cut short
        return Fetched(FetchStatus.FAILED, problem=reply.errorString())
    return Fetched(FetchStatus.UNREACHABLE, problem=reply.errorString())


def _answered(reply: QNetworkReply, status: int, body: bytes) -> Fetched:
    etag, last_modified = _header(reply, "ETag"), _header(reply, "Last-Modified")
    if status == 304:
        return Fetched(FetchStatus.NOT_MODIFIED, etag=etag, last_modified=last_modified)
    if status in MISSING_CODES:
        return Fetched(FetchStatus.MISSING, problem=f"HTTP {status}")
    if 300 <= status < 400:  # one Qt would not follow: to another scheme, or one too many
        return Fetched(FetchStatus.FAILED, problem=_redirect_problem(reply, status))
    if not 200 <= status < 300:
        reason = reply.attribute(qt.QNetworkRequest.Attribute.HttpReasonPhraseAttribute)
        return Fetched(FetchStatus.FAILED, problem=f"HTTP {status} {reason or ''}".strip())
    return Fetched(FetchStatus.OK, body, etag, last_modified)


def _redirect_problem(reply: QNetworkReply, status: int) -> str:
    target = QUrl(_header(reply, "Location") or "")
    if target.isValid() and not target.isRelative() and target.scheme().lower() not in WEB_SCHEMES:
        return f"a redirect to '{target.scheme()}:' was refused"
    return f"HTTP {status}: {reply.errorString()}"


def _header(reply: QNetworkReply, name: str) -> str | None:
    if not reply.hasRawHeader(name):
        return None
    return bytes(reply.rawHeader(name).data()).decode("latin-1")


def _seconds(limits: FetchLimits) -> str:
    return f"{limits.deadline_seconds:g} s"
