"""Prefetching: many papers' teasers into the cache in the background, for reading offline.

The loader's fetcher keeps the downloads to a few at a time and lets the pane's own teaser
jump the line; prefetching only counts what ended, and can be cancelled.
"""

from collections.abc import Iterable

from readinglist.core.digest import Media
from readinglist.ui.i18n import count_text, tr
from readinglist.ui.media.loader import Loaded, MediaLoader
from readinglist.ui.progress import show_progress
from readinglist.ui.qt import (
    QHBoxLayout,
    QLabel,
    QObject,
    QProgressBar,
    QPushButton,
    QTimer,
    QWidget,
    Signal,
)

SUMMARY_MS = 6000  # how long "n teasers ready" stays after a prefetch


class MediaPrefetcher(QObject):
    progressed = Signal(int, int)  # teasers done, teasers in all
    finished = Signal(int, int)  # teasers now cached, teasers that failed

    def __init__(self, loader: MediaLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._tickets: dict[int, str] = {}  # ticket -> url
        self._done = self._failed = self._total = 0
        loader.finished.connect(self._on_loaded)

    def is_running(self) -> bool:
        return bool(self._tickets)

    def start(self, media: Iterable[Media]) -> int:
        """Fetch every teaser not yet cached (added to a prefetch under way); how many new."""
        pending = set(self._tickets.values())
        added = 0
        for item in media:
            if item.url in pending:
                continue
            pending.add(item.url)
            ticket = self._loader.load(item, show=False, urgent=False)
            self._tickets[ticket] = item.url
            added += 1
        self._total += added
        if self._tickets:
            self.progressed.emit(self._done, self._total)
        else:
            self._end()  # nothing to fetch: say so at once
        return added

    def cancel(self) -> None:
        for ticket in self._tickets:
            self._loader.cancel(ticket)
        self._tickets.clear()
        self._end()

    def _on_loaded(self, ticket: int, loaded: Loaded) -> None:
        if self._tickets.pop(ticket, None) is None:
            return
        self._done += 1
        self._failed += loaded.problem is not None
        self.progressed.emit(self._done, self._total)
        if not self._tickets:
            self._end()

    def _end(self) -> None:
        self.finished.emit(self._done - self._failed, self._failed)
        self._done = self._failed = self._total = 0


class PrefetchRow(QWidget):
    """A prefetch under way (count, bar, Cancel), then its summary for a few seconds."""

    def __init__(self, prefetcher: MediaPrefetcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)  # the label counts
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self._summary_timer = QTimer(self, singleShot=True, interval=SUMMARY_MS)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        prefetcher.progressed.connect(self._on_progress)
        prefetcher.finished.connect(self._on_finished)
        self.cancel_button.clicked.connect(prefetcher.cancel)
        self._summary_timer.timeout.connect(self.hide)
        self.hide()

    def _on_progress(self, done: int, total: int) -> None:
        self._summary_timer.stop()
        self.label.setText(
            tr("Prefetching media: {done} of {total}").format(
                done=count_text(done), total=count_text(total)
            )
        )
        show_progress(self.bar, done, total)
        self._show_running(True)

    def _on_finished(self, cached: int, failed: int) -> None:
        text = tr("{cached} teasers ready for offline reading").format(cached=count_text(cached))
        if failed:
            text += " · " + tr("{failed} failed").format(failed=count_text(failed))
        self.label.setText(text)
        self._show_running(False)
        self._summary_timer.start()

    def _show_running(self, running: bool) -> None:
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.show()
