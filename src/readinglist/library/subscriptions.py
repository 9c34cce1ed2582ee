"""Subscriptions in the library: the sources fetched over HTTP (`subscriptions`) and what each
day's fetch gave (`subscription_days`), with the requests a check makes and what it does with
their answers.

The policy (which days are due) is `core.subscriptions`'; the fetching is the caller's (the
command line's urllib, the window's QNetworkAccessManager). A day's bytes are imported by
`importer.import_bytes` in its own transaction, then the day's outcome is written in
another: a process stopped between the two fetches the day again, finds its bytes known
(`unchanged`) and writes the outcome then.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete
from sqlmodel import Session, col, select

from readinglist.core import subscriptions as policy
from readinglist.core.import_report import FileError, FileReport, FileStatus, ImportReport
from readinglist.core.sources.registry import FORMATS
from readinglist.core.subscriptions import DayState, Fetched, FetchStatus, Outcome
from readinglist.core.translatable import QT_TR_NOOP, Message
from readinglist.library import tables
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_bytes
from readinglist.library.schema import SubscriptionDayRecord, SubscriptionRecord


class SubscriptionError(ValueError):
    """A name that is empty or taken, a template or format refused, or a subscription that is
    not there (any more)."""


@dataclass(frozen=True, slots=True)
class Subscription:
    id: int
    name: str
    url_template: str
    format: str | None
    since: dt.date
    checked_at: dt.datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class DayRequest:
    """One day to fetch: its address, and the validators of what the library has of it."""

    subscription: Subscription
    day: dt.date
    url: str
    etag: str | None = None
    last_modified: str | None = None


def list_subscriptions(connection: Connection) -> list[Subscription]:
    """Every subscription, by name (the column's NOCASE collation: case aside)."""
    with Session(connection) as session:
        records = session.exec(select(SubscriptionRecord).order_by(col(SubscriptionRecord.name)))
        return [_subscription(record) for record in records]


def find_subscription(connection: Connection, name: str) -> Subscription | None:
    """The subscription called `name` (case and extra spaces aside), or None."""
    with Session(connection) as session:
        found = _named(session, " ".join(name.split()))
    return None if found is None else _subscription(found)


def add_subscription(
    connection: Connection,
    name: str,
    url_template: str,
    *,
    format_name: str | None,
    since: dt.date,
    now: dt.datetime,
) -> Subscription:
    """A new subscription; `SubscriptionError` for an empty or taken name, a template that is
    not a web address with a date, or a format readinglist does not read."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise SubscriptionError("a subscription needs a name")
    try:
        template = policy.check_template(url_template)
    except policy.TemplateError as error:
        raise SubscriptionError(str(error)) from error
    if format_name is not None and format_name not in FORMATS:
        raise SubscriptionError(f"'{format_name}' is not a format: use one of {', '.join(FORMATS)}")
    with Session(connection) as session:
        clash = _named(session, cleaned)
        if clash is not None:
            raise SubscriptionError(f"there is already a subscription named '{clash.name}'")
        record = SubscriptionRecord(
            name=cleaned, url_template=template, format=format_name, since=since, added_at=now
        )
        session.add(record)
        session.flush()
        return _subscription(record)


def remove_subscription(connection: Connection, subscription_id: int) -> None:
    """The subscription and, by its foreign key's cascade, what its days gave (the papers
    it imported stay)."""
    subscriptions = tables.SUBSCRIPTIONS
    connection.execute(delete(subscriptions).where(subscriptions.c.id == subscription_id))


def due_requests(
    connection: Connection,
    subscriptions: Iterable[Subscription],
    today: dt.date,
    back_days: int = policy.BACK_DAYS,
) -> list[DayRequest]:
    """The days each subscription should fetch now, oldest first, subscription by
    subscription."""
    requests = []
    for subscription in subscriptions:
        known = _day_states(connection, subscription.id)
        for day in policy.days_due(today, subscription.since, known, back_days):
            state = known.get(day)
            validators = (
                (state.etag, state.last_modified)
                if state is not None and state.outcome is Outcome.IMPORTED
                else (None, None)
            )
            url = policy.expand(subscription.url_template, day)
            requests.append(DayRequest(subscription, day, url, *validators))
    return requests


_UNREACHABLE = QT_TR_NOOP("could not reach the server: {problem}")
_FAILED = QT_TR_NOOP("could not fetch it: {problem}")


def settle(
    library: Library, request: DayRequest, fetched: Fetched, now: dt.datetime
) -> FileReport | None:
    """Import what a day's fetch gave and keep its outcome: the report of the day's file, or
    None for a day without a digest (404: not an error, only not there yet). A server out
    of reach writes nothing of the day (nothing was learnt about it)."""
    report: FileReport | None
    if fetched.status is FetchStatus.OK:
        report = import_bytes(
            library,
            fetched.body,
            request.url,
            format_name=request.subscription.format,
            day=request.day,
        )
        ok = report.status is not FileStatus.REJECTED
        outcome = Outcome.IMPORTED if ok else Outcome.FAILED
        _write_day(library, request, outcome, now, fetched if ok else None)
        return report
    if fetched.status is FetchStatus.NOT_MODIFIED:
        _write_day(library, request, Outcome.IMPORTED, now, fetched)
        return FileReport(request.url, FileStatus.UNCHANGED)
    if fetched.status is FetchStatus.MISSING:
        _write_day(library, request, Outcome.MISSING, now, None)
        return None
    if fetched.status is FetchStatus.UNREACHABLE:
        reason = Message(_UNREACHABLE, problem=fetched.problem)
    else:
        reason = Message(_FAILED, problem=fetched.problem)
        _write_day(library, request, Outcome.FAILED, now, None)
    return FileReport(request.url, FileStatus.REJECTED, error=FileError(reason))


type FetchDay = Callable[[DayRequest], Fetched]


def fetch_due(
    library: Library,
    subscriptions: Iterable[Subscription],
    fetch: FetchDay,
    today: dt.date,
    back_days: int = policy.BACK_DAYS,
) -> ImportReport:
    """Fetch and import every day due, one request at a time (the command line's `fetch`);
    a subscription whose server is out of reach is left at its first day (offline is
    normal: the next check tries again). A report per day's file, as an import's."""
    report = ImportReport()
    for subscription in subscriptions:
        with library.reading() as connection:
            requests = due_requests(connection, [subscription], today, back_days)
        error = None
        for request in requests:
            fetched = fetch(request)
            day_report = settle(library, request, fetched, utc_now())
            if day_report is not None:
                report.files.append(day_report)
            if day_report is not None and day_report.error is not None:
                error = day_report.error.message
            if fetched.status is FetchStatus.UNREACHABLE:
                break
        note_checked(library, subscription.id, utc_now(), error)
    return report


def note_checked(
    library: Library, subscription_id: int, now: dt.datetime, error: str | None
) -> None:
    """When the subscription was last checked, and what went wrong then (None: nothing)."""
    with library.writing() as connection, Session(connection) as session:
        record = session.get(SubscriptionRecord, subscription_id)
        if record is not None:
            record.checked_at, record.last_error = now, error
            session.flush()


def _write_day(
    library: Library,
    request: DayRequest,
    outcome: Outcome,
    now: dt.datetime,
    fetched: Fetched | None,
) -> None:
    """The day's row: its outcome, and the validators of an answer kept (a 304 keeps those
    it had unless it sent new ones)."""
    key = (request.subscription.id, request.day)
    with library.writing() as connection, Session(connection) as session:
        record = session.get(SubscriptionDayRecord, key)
        if record is None:
            record = SubscriptionDayRecord(
                subscription_id=key[0], date=key[1], outcome=outcome, fetched_at=now, attempts=0
            )
            session.add(record)
        record.outcome, record.fetched_at = outcome.value, now
        record.attempts += 1
        if fetched is not None:
            record.etag = fetched.etag or record.etag
            record.last_modified = fetched.last_modified or record.last_modified
        session.flush()


def _day_states(connection: Connection, subscription_id: int) -> dict[dt.date, DayState]:
    days = select(SubscriptionDayRecord).where(
        SubscriptionDayRecord.subscription_id == subscription_id
    )
    with Session(connection) as session:
        return {
            record.date: DayState(Outcome(record.outcome), record.etag, record.last_modified)
            for record in session.exec(days)
        }


def _named(session: Session, name: str) -> SubscriptionRecord | None:
    """The subscription called `name`, in any case (the column's NOCASE collation)."""
    return session.exec(select(SubscriptionRecord).where(SubscriptionRecord.name == name)).first()


def _subscription(record: SubscriptionRecord) -> Subscription:
    assert record.id is not None  # flushed: SQLite gave it its id
    return Subscription(
        record.id,
        record.name,
        record.url_template,
        record.format,
        record.since,
        record.checked_at,
        record.last_error,
    )
