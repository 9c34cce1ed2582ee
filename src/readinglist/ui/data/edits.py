"""Runs the user's edits in the order they were made, without freezing the window.

A small edit (a key pressed on one paper) is written at once, on the GUI thread, so the list
shows it before the next key: a library file takes it in well under a millisecond. On a
shared library every edit goes to the writer thread: a write there is a round trip to a
server, which a network that went away holds for up to the connect timeout (10 s). A large
one (a tag added to 20,000 selected papers rewrites their search index entries: seconds)
goes to a writer thread, a part at a time
(`write_in_parts`: other programs writing the library wait for a part, not the whole edit);
so does every edit made while one is still queued, so that edits, undos and redos always
reach the library in order, and every edit made while an import is writing.

A command that acts on papers it must first find (a tag's papers to rename it, a month's to
mark them read) reads them in the same turn (`in_turn`): after the edits made before it are
written (a paper tagged a moment ago is renamed too), and, wherever edits go to the writer
thread, there rather than on the GUI thread. So are the few writes that are not undoable
edits (a saved search saved, renamed, shared or deleted), which answer with what they made.

An edit that cannot be written is reported as a `Failure`, in words a person understands:
the window then shows the library as it is, and the undo history drops the edit.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.core.translatable import Message
from readinglist.ui.i18n import count_text, tr, tr_message
from readinglist.ui.qt import QCoreApplication, QEvent, QObject, QThread, Signal, Slot, is_alive

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.database import Library
    from readinglist.library.user_edits import Edit

Job = Callable[["Connection"], Any]  # a read, or a write that is not an undoable edit


@dataclass(frozen=True)
class _Asked:
    """Who waits for an `in_turn` job's answer."""

    answer: Callable[[Any], object]
    failed: Callable[[Exception], object]
    receiver: QObject | None  # when deleted (its dialog closed), nobody waits any more

    def still_wanted(self) -> bool:
        return self.receiver is None or is_alive(self.receiver)


SYNC_LIMIT = 50  # papers an edit may touch and still be written on the GUI thread


@dataclass(frozen=True)
class Failure:
    edit: "Edit"
    undoing: bool
    why: str  # "the disk is full", for "Could not save: …"


def why_not(error: BaseException, library: str | Path) -> str:
    """Why a read or write of the library failed, as words for a sentence, naming the file:
    never the SQL and its parameters (a note's text) that the driver's message carries."""
    from readinglist.library.failures import reason

    words = reason(error)
    described = getattr(error, "described", None)  # a RuleError's, a QueryError's
    if words is not None:
        words = tr(words)  # declared with QT_TR_NOOP; an OS's own message stays as it is
    elif isinstance(described, Message):
        words = tr_message(described)
    elif type(error).__module__.startswith("readinglist"):
        words = str(error)  # our own errors are written for people
    if words is None:
        words = tr("an unexpected error ({kind})").format(kind=type(error).__name__)
    if str(library) in words:
        return words  # our own error named it already ("the library … is closed")
    return tr("{reason} ({file})").format(reason=words, file=library)


def could_not_save(why: str) -> str:
    """What the window says of a change the library did not take (`why`: `why_not`'s)."""
    return tr("Could not save: {why}").format(why=why)


def _done(library: "Library", job: Job, writes: bool) -> tuple[Any, Exception | None]:
    """What `job` answered, in a read (or a write) transaction; or (None, the error)."""
    try:
        with library.writing() if writes else library.reading() as connection:
            return job(connection), None
    except Exception as error:
        return None, error


class _Writer(QObject):
    """Lives on the writer thread; runs edits in the order they were posted."""

    done = Signal(int)
    failed = Signal(int, str)
    answered = Signal(int, object)  # serial, what an `in_turn` job answered
    not_answered = Signal(int, object)  # serial, the job's error

    def __init__(self, library: "Library") -> None:
        super().__init__()
        self._library = library

    @Slot(int, object, bool)
    def run(self, serial: int, edit: "Edit", undoing: bool) -> None:
        from readinglist.library.user_edits import write_in_parts

        try:
            write_in_parts(self._library, edit, undo=undoing)
        except Exception as error:
            self.failed.emit(serial, why_not(error, self._library.location))
            return
        self.done.emit(serial)

    @Slot(int, object, bool)
    def run_job(self, serial: int, job: Job, writes: bool) -> None:
        answer, error = _done(self._library, job, writes)
        if error is None:
            self.answered.emit(serial, answer)
        else:
            self.not_answered.emit(serial, error)

    @Slot(int, object, bool)
    def stop(self, *_: object) -> None:
        QThread.currentThread().quit()


class EditRunner(QObject):
    written = Signal(object)  # an Edit, once it is in the library (or reverted there)
    failed = Signal(object)  # a Failure
    busy_changed = Signal(str)  # what is being saved, or "" when nothing is

    _post = Signal(int, object, bool)
    _post_job = Signal(int, object, bool)
    _post_stop = Signal(int, object, bool)

    def __init__(self, library: "Library", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._pending: dict[int, tuple[Edit, bool]] = {}
        self._jobs: dict[int, _Asked] = {}
        self._serial = 0
        self._thread: QThread | None = None
        self._writer: _Writer | None = None  # held here: a moved QObject has no parent
        self._others_writing = False

    def run(self, edit: "Edit", undoing: bool = False, *, in_background: bool = False) -> bool:
        """Write `edit` (revert it when `undoing`) now, or after the edits queued; False
        when it failed at once (`failed` has said why). `in_background`: on the writer
        thread however small (a rule: its dialog waits for `written` or `failed`)."""
        small = len(edit.ids) <= SYNC_LIMIT and not in_background and not self._library.shared
        if small and not self._pending and not self._others_writing:
            return self._run_here(edit, undoing)
        self._serial += 1
        self._pending[self._serial] = (edit, undoing)
        self._writer_thread()
        self._post.emit(self._serial, edit, undoing)
        self._announce_busy()
        return True

    def in_turn(
        self,
        job: Job,
        answer: Callable[[Any], object],
        failed: Callable[[Exception], object],
        *,
        writes: bool = False,
        receiver: QObject | None = None,
    ) -> None:
        """`answer(job(connection))` once the edits made before are written: at once, on the
        GUI thread, where a small edit would be written so (none queued); else on the writer
        thread, after them. In a write transaction if it `writes`; `failed(error)` if the
        job raised. Neither is called once `receiver` (the dialog that asked) is deleted: a
        dialog closed before its answer came."""
        if not self._library.shared and not self._pending and not self._others_writing:
            answered, error = _done(self._library, job, writes)
            if error is None:
                answer(answered)
            else:
                failed(error)
            return
        self._serial += 1
        self._jobs[self._serial] = _Asked(answer, failed, receiver)
        self._writer_thread()
        self._post_job.emit(self._serial, job, writes)

    def set_others_writing(self, writing: bool) -> None:
        """While an import holds the write lock a batch at a time, even a small edit would
        wait for it on the GUI thread: send every edit to the writer thread meanwhile."""
        self._others_writing = writing

    def is_busy(self) -> bool:
        """Whether edits are queued (not yet written, or not yet known to be)."""
        return bool(self._pending)

    def is_answering(self) -> bool:
        """Whether an `in_turn` job is yet to answer."""
        return bool(self._jobs)

    def finish(self) -> None:
        """Write everything queued and say how each went, then stop the writer thread (the
        window is closing; a later edit starts it again)."""
        if self._thread is None:
            return
        self._post_stop.emit(0, None, False)  # queued behind every edit
        self._thread.wait()
        self._thread = self._writer = None
        self._jobs.clear()  # a command that would act on what they answered comes too late
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall.value)

    # --- inside --------------------------------------------------------------------------

    def _run_here(self, edit: "Edit", undoing: bool) -> bool:
        from readinglist.library.user_edits import write_in_parts

        try:
            write_in_parts(self._library, edit, undo=undoing)
        except Exception as error:
            self.failed.emit(Failure(edit, undoing, why_not(error, self._library.location)))
            return False
        self.written.emit(edit)
        return True

    def _writer_thread(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread(self)
        self._thread.setObjectName("readinglist-writer")
        writer = self._writer = _Writer(self._library)
        writer.moveToThread(self._thread)
        self._thread.finished.connect(writer.deleteLater)
        self._post.connect(writer.run)
        self._post_job.connect(writer.run_job)
        self._post_stop.connect(writer.stop)
        writer.done.connect(self._on_done)
        writer.failed.connect(self._on_failed)
        writer.answered.connect(self._on_answered)
        writer.not_answered.connect(self._on_not_answered)
        self._thread.start()

    def _on_done(self, serial: int) -> None:
        edit, _ = self._pending.pop(serial)
        self._announce_busy()
        self.written.emit(edit)

    def _on_failed(self, serial: int, why: str) -> None:
        edit, undoing = self._pending.pop(serial)
        self._announce_busy()
        self.failed.emit(Failure(edit, undoing, why))

    def _on_answered(self, serial: int, answered: object) -> None:
        asked = self._jobs.pop(serial, None)
        if asked is not None and asked.still_wanted():
            asked.answer(answered)

    def _on_not_answered(self, serial: int, error: Exception) -> None:
        asked = self._jobs.pop(serial, None)
        if asked is not None and asked.still_wanted():
            asked.failed(error)

    def _announce_busy(self) -> None:
        papers = sum(len(edit.ids) for edit, _ in self._pending.values())
        text = tr("Saving changes to {n} papers…").format(n=count_text(papers)) if papers else ""
        self.busy_changed.emit(text)
