"""Library reads that may take a while (the list's ids, the sidebar's counts) run here,
on a worker thread per channel, so the window keeps painting while SQLite sorts 200k papers.
So do the few writes that are not the user's edits and may take as long (a shared library's
rules catching up: 8.6 s after 5,000 papers), each on a channel that writes (`writes`): the
user's edits (`edits.EditRunner`) never wait behind one, nor do the other channels' reads.

Requests go by channel; on each channel only the newest request counts: an older one still
queued is skipped, and an older answer arriving late is dropped. Background requests (the
sidebar's counts) wait until no other request is under way: on two cores, the list's ids,
which the user is waiting for, would otherwise share the CPU with a recount of 10,000 digests.
"""

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from readinglist.core.listing import SidebarCounts
from readinglist.ui.qt import QCoreApplication, QEvent, QObject, Qt, QThread, Signal, Slot

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.database import Library

Job = Callable[["Connection"], Any]
Answer = Callable[[Any], None]
_RELEASE_HELD = QEvent.Type(QEvent.registerEventType())
_LOW_PRIORITY = Qt.EventPriority.LowEventPriority.value


class _QueryWorker(QObject):
    answered = Signal(int, str, object)  # serial, channel, result
    failed = Signal(int, str, str)  # serial, channel, message
    skipped = Signal(int)

    def __init__(
        self,
        channel: str,
        library: "Library",
        is_newest: Callable[[str, int], bool],
        writes: bool,
    ) -> None:
        super().__init__()
        self._channel = channel
        self._library = library
        self._is_newest = is_newest
        self._transaction = library.writing if writes else library.reading

    @Slot(int, object)
    def run(self, serial: int, job: Job) -> None:
        if not self._is_newest(self._channel, serial):
            self.skipped.emit(serial)
            return
        try:
            with self._transaction() as connection:
                result = job(connection)
        except Exception as error:
            from readinglist.ui.data.edits import why_not

            self.failed.emit(serial, self._channel, why_not(error, self._library.location))
            return
        self.answered.emit(serial, self._channel, result)


class _Channel(QObject):
    """One channel's thread: a slow sidebar recount never holds up the list's ids."""

    requested = Signal(int, object)  # serial, job

    def __init__(self, worker: _QueryWorker, parent: QObject) -> None:
        super().__init__(parent)
        self.worker = worker
        self._thread = QThread(self)
        worker.moveToThread(self._thread)
        self.requested.connect(worker.run)
        self._thread.start()

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait()


class QueryRunner(QObject):
    failed = Signal(str)  # why a read failed, for "Could not read the library: …"
    settled = Signal()  # every request answered, skipped or failed

    def __init__(self, library: "Library", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._channels: dict[str, _Channel] = {}
        self._newest: dict[str, int] = {}
        self._answers: dict[str, Answer] = {}
        self._on_failure: dict[str, Callable[[str], None] | None] = {}
        self._serial = 0
        self._pending = 0
        self._foreground: set[int] = set()  # serials of requests not in the background
        self._held: dict[str, tuple[int, Job]] = {}  # background requests, newest per channel
        self._writing: set[str] = set()  # the channels whose jobs run in a write transaction

    def submit(
        self,
        channel: str,
        job: Job,
        answer: Answer,
        *,
        background: bool = False,
        failed: Callable[[str], None] | None = None,
        writes: bool = False,
    ) -> None:
        """Run `job(connection)` off the GUI thread; `answer(result)` on it, if still newest;
        if it fails, `failed(why)`, or else the `failed` signal.

        A `background` job starts once no other job is running or queued. A job that
        `writes` does so in a write transaction (`Library.writing`), committed when it
        returns; its channel writes, always (a channel is made for reads or for writes).
        """
        if writes and channel not in self._channels:
            self._writing.add(channel)
        assert (channel in self._writing) == writes, f"the channel {channel} reads or writes"
        self._serial += 1
        self._newest[channel] = self._serial
        self._answers[channel] = answer
        self._on_failure[channel] = failed
        self._pending += 1
        if not background:
            self._foreground.add(self._serial)
        elif self._foreground:
            if self._held.pop(channel, None) is not None:
                self._one_done()  # superseded before it started
            self._held[channel] = (self._serial, job)
            return
        self._channel(channel).requested.emit(self._serial, job)

    def is_busy(self) -> bool:
        return self._pending > 0

    def stop(self) -> None:
        """Finish the jobs in hand, drop the rest, and end the threads (at quit)."""
        self._newest.clear()
        self._answers.clear()
        self._on_failure.clear()
        self._held.clear()
        for channel in self._channels.values():
            channel.stop()

    def _channel(self, name: str) -> _Channel:
        if name not in self._channels:
            worker = _QueryWorker(name, self._library, self._is_newest, name in self._writing)
            worker.answered.connect(self._on_answered)
            worker.failed.connect(self._on_failed)
            worker.skipped.connect(self._one_done)
            self._channels[name] = _Channel(worker, self)
        return self._channels[name]

    def _is_newest(self, channel: str, serial: int) -> bool:
        return self._newest.get(channel) == serial

    def _on_answered(self, serial: int, channel: str, result: object) -> None:
        try:
            if self._is_newest(channel, serial):
                self._on_failure.pop(channel, None)
                self._answers.pop(channel)(result)
        finally:
            self._one_done(serial)

    def _on_failed(self, serial: int, channel: str, message: str) -> None:
        try:
            if self._is_newest(channel, serial):
                self._answers.pop(channel)
                on_failure = self._on_failure.pop(channel, None)
                if on_failure is not None:
                    on_failure(message)
                else:
                    self.failed.emit(message)
        finally:
            self._one_done(serial)

    def _one_done(self, serial: int = 0) -> None:
        self._foreground.discard(serial)
        if not self._foreground and self._held:
            # Once the answer's repaints are done: Qt posts them at low priority, and events
            # of one priority come in the order they were posted.
            QCoreApplication.postEvent(self, QEvent(_RELEASE_HELD), _LOW_PRIORITY)
        self._pending -= 1
        if self._pending == 0:
            self.settled.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() != _RELEASE_HELD:
            return super().event(event)
        if not self._foreground:  # else the next foreground answer releases them
            held, self._held = self._held, {}
            for channel, (serial, job) in held.items():
                self._channel(channel).requested.emit(serial, job)
        return True


FULL_RECOUNT_AFTER = 5_000  # edited papers; beyond this a full recount is cheaper


class SidebarCounter:
    """Keeps the sidebar's counts fresh: all of them after an import, and after an edit only
    what the edited papers can change (their digests' unread counts, not all 10,000; the
    sources' unread, their papers kept from the last full count)."""

    def __init__(self, queries: QueryRunner, answer: Callable[[SidebarCounts], None]) -> None:
        self._queries = queries
        self._answer = answer
        self._full_pending = False
        self._changed: set[int] = set()
        self._source_papers: dict[str, int] | None = None  # from the last full count

    def recount_all(self) -> None:
        self._full_pending = True
        self._submit(None)

    def recount(self, changed: list[int]) -> None:
        if len(changed) + len(self._changed) > FULL_RECOUNT_AFTER:  # a bulk edit: one pass
            self._full_pending = True
            self._changed.clear()
        elif not self._full_pending:
            self._changed.update(changed)
        self._submit(None if self._full_pending else sorted(self._changed))

    def _submit(self, changed: list[int] | None) -> None:
        known = self._source_papers if changed is not None else None

        def count(connection: "Connection") -> SidebarCounts:
            from readinglist.library.browse import sidebar_counts
            from readinglist.library.saved_searches import saved_searches_with_counts

            counts = sidebar_counts(connection, changed, known)
            return replace(counts, saved=saved_searches_with_counts(connection))

        self._queries.submit("sidebar", count, self._on_counts, background=True)

    def _on_counts(self, counts: SidebarCounts) -> None:
        self._full_pending = False  # the newest request covered everything asked so far
        self._changed.clear()
        if counts.every_digest:
            self._source_papers = {source.name: source.papers for source in counts.sources}
        self._answer(counts)
