"""Prefetching: many papers' teasers into the cache in the background, for reading offline.

The loader's fetcher keeps the downloads to a few at a time and lets the pane's own teaser
jump the line; prefetching only counts what ended, and can be cancelled.
"""

from collections.abc import Iterable

from readinglist.core.digest import Media
from readinglist.ui.media_loader import Loaded, MediaLoader
from readinglist.ui.qt import QObject, Signal


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
