"""What other members change in a shared library, as it is committed (issue 17, live).

A thread of its own follows the library's change log (`library.shared.changes.ChangeFeed`):
it waits on the doorbell, lets a burst of commits pass, reads what changed and says it in
`changed`, plain values, on the GUI thread. The window's own connections are named
`WINDOW_CLIENT`, so its own edits, which it has shown, are left out.

While the server cannot be reached the window keeps what it showed: reads and edits fail,
each saying why (an edit is undone on screen, a note typed is kept), `lost` says it once and
the indicator stays in the status bar; the thread tries again, less often each time up to
RETRY_LIMIT_S, and once it is back it catches up on everything that changed meanwhile and
says `back`. Edits are not queued for later: a status replayed hours later over a
colleague's change is a conflict the user never saw (docs/postgres-notes.md).
"""

import threading
import uuid
from contextlib import suppress
from typing import TYPE_CHECKING

from readinglist.ui.i18n import tr
from readinglist.ui.qt import QLabel, QObject, QWidget, Signal, Slot

if TYPE_CHECKING:
    from readinglist.library.database import Library
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.changes import Changed, ChangeFeed

WINDOW_CLIENT = f"readinglist-window-{uuid.uuid4().hex[:12]}"  # this window's connections
LOOK_S = 0.25  # how long the thread waits for a ring before it looks whether to stop
RETRY_FIRST_S = 1.0
RETRY_LIMIT_S = 30.0


class LiveUpdates(QObject):
    changed = Signal(object)  # a library.shared.changes.Changed
    lost = Signal(str)  # why the server cannot be reached
    back = Signal()
    _seen = Signal(object)  # the thread's: `changed` once on the GUI thread, unless stopped

    def __init__(
        self, library: "Library", address: "SharedAddress", parent: QObject | None = None
    ) -> None:
        from readinglist.library.shared.changes import ChangeFeed

        super().__init__(parent)
        self._feed = ChangeFeed(library, address, WINDOW_CLIENT)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._follow, name="live-updates", daemon=True)
        self._seen.connect(self._deliver)

    def start(self) -> None:
        """Follow from here: called before the window's first reads (a change committed
        after them is never missed); a server not reached now is the thread's to say."""
        from readinglist.library.shared.setup import SharedLibraryError

        with suppress(SharedLibraryError):
            self._feed.start_here()
        self._thread.start()

    def stop(self) -> None:
        """The thread ends (within a look and a burst's quiet: a second at most)."""
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join()

    def _follow(self) -> None:
        wait, lost = RETRY_FIRST_S, False
        try:
            while not self._stopping.is_set():
                lost, wait = self._look(self._feed, lost, wait)
        finally:
            self._feed.close()

    def _look(self, feed: "ChangeFeed", lost: bool, wait: float) -> tuple[bool, float]:
        """One look at the log: whether the server is away now, and the next wait."""
        from readinglist.library.shared.setup import SharedLibraryError

        try:
            changed = feed.next(LOOK_S)
        except SharedLibraryError as error:
            if not lost:
                self.lost.emit(str(error))
            self._stopping.wait(wait)
            return True, min(wait * 2, RETRY_LIMIT_S)
        if lost:
            self.back.emit()
        if changed is not None:
            self._seen.emit(changed)
        return False, RETRY_FIRST_S

    @Slot(object)
    def _deliver(self, changed: "Changed") -> None:
        """A change seen, said on the GUI thread; not once stopped: a change the thread saw
        as the window closed would read (and start threads) after the window's last one
        ended (`closing.shut_down`)."""
        if not self._stopping.is_set():
            self.changed.emit(changed)


class ServerIndicator(QLabel):
    """In the status bar while the shared library's server cannot be reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(tr("Offline: the server cannot be reached; trying again…"))
        self.hide()

    def server_lost(self, why: str) -> None:
        self.setToolTip(why)
        self.show()

    def server_back(self) -> None:
        self.hide()
