"""A teaser from wherever it is: the disk cache first, else the network, proved before kept.

The GUI thread only routes requests. Reading and decoding cached files, checking downloaded
bodies (`media_format`, then a full decode for images) and writing them to the cache happen in
a worker thread, so a large image or video never stalls the window. A body that fails its
check is never stored, so it cannot spoil a later view. Every `load` ends in one `Loaded`
value on `finished`, unless it was cancelled.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from readinglist.core.digest import Media, MediaKind
from readinglist.core.media_format import media_format, sniff
from readinglist.library.media_cache import MediaCache
from readinglist.ui.media.fetch import (
    DownloadLimits,
    Fetched,
    Fetcher,
    Problem,
    ProblemKind,
    url_problem,
)
from readinglist.ui.qt import (
    QBuffer,
    QByteArray,
    QImage,
    QImageReader,
    QIODevice,
    QObject,
    QSize,
    Qt,
    QThread,
    Signal,
    Slot,
)

MAX_IMAGE_SIDE = 4096  # larger pictures are decoded smaller: the pane is never that big


@dataclass(frozen=True)
class Loaded:
    url: str
    kind: MediaKind
    path: Path | None = None  # the cached file: videos play from it, animations run from it
    image: QImage | None = None  # images shown: the picture (an animation's first frame)
    animated: bool = False
    from_cache: bool = False
    problem: Problem | None = None


@dataclass(frozen=True)
class _Request:
    media: Media
    use_network: bool
    show: bool  # decode for showing (False when prefetching: proving and storing suffice)
    urgent: bool


@dataclass(frozen=True)
class _Decoded:
    image: QImage
    animated: bool


def decode_image(source: Path | bytes) -> _Decoded | None:
    """The picture in a file or body, no side longer than MAX_IMAGE_SIDE; None if unreadable."""
    buffer = QBuffer()
    if isinstance(source, Path):
        reader = QImageReader(str(source))
    else:
        buffer.setData(QByteArray(source))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    animated = reader.supportsAnimation() and reader.imageCount() > 1
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        bounds = QSize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE)
        reader.setScaledSize(size.scaled(bounds, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else _Decoded(image, animated)


def read_cached(cache: MediaCache, request: _Request) -> Loaded | None:
    """The cached teaser, or None when the cache does not hold a usable one."""
    media = request.media
    path = cache.get(media.url)
    if path is None:
        return None
    if media.kind is MediaKind.VIDEO or not request.show:
        return Loaded(media.url, media.kind, path=path, from_cache=True)
    decoded = decode_image(path)
    if decoded is None:
        cache.discard(media.url)  # damaged on disk: fetch it again
        return None
    return Loaded(media.url, media.kind, path, decoded.image, decoded.animated, from_cache=True)


def store_fetched(cache: MediaCache, request: _Request, body: bytes) -> Loaded:
    """Prove the body is the promised media, then keep it in the cache."""
    media = request.media
    if media_format(media.kind, body) is None:
        return failed(media, _not_media(media.kind, body))
    decoded = decode_image(body) if media.kind is MediaKind.IMAGE else None
    if media.kind is MediaKind.IMAGE and decoded is None:
        return failed(media, Problem(ProblemKind.NOT_MEDIA, "undecodable"))
    try:
        path: Path | None = cache.put(media.url, body)
    except OSError as error:
        if media.kind is MediaKind.VIDEO:
            return failed(media, Problem(ProblemKind.UNPLAYABLE, str(error)))
        path = None  # a full or read-only disk: the picture shows this once
    if decoded is None or not request.show:
        return Loaded(media.url, media.kind, path)
    return Loaded(media.url, media.kind, path, decoded.image, decoded.animated)


def failed(media: Media, problem: Problem) -> Loaded:
    return Loaded(media.url, media.kind, problem=problem)


def _not_media(kind: MediaKind, body: bytes) -> Problem:
    found = sniff(body)
    if found is None:
        return Problem(ProblemKind.NOT_MEDIA, "")
    return Problem(ProblemKind.NOT_MEDIA, found.value if found.kind is not kind else "cut short")


class _DiskWorker(QObject):
    """Lives in the loader's thread: cache reads, checks, decodes and writes."""

    done = Signal(int, object)  # ticket, Loaded | None (None: not in the cache)

    def __init__(self, cache: MediaCache) -> None:
        super().__init__()
        self._cache = cache

    @Slot(int, object)
    def read(self, ticket: int, request: _Request) -> None:
        self.done.emit(ticket, read_cached(self._cache, request))

    @Slot(int, object, object)
    def store(self, ticket: int, request: _Request, body: bytes) -> None:
        self.done.emit(ticket, store_fetched(self._cache, request, body))


class MediaLoader(QObject):
    progressed = Signal(int, int, int)  # ticket, bytes received, bytes in all (-1: unknown)
    finished = Signal(int, object)  # ticket, Loaded
    _read = Signal(int, object)
    _store = Signal(int, object, object)
    _finish_later = Signal(int, object)

    def __init__(
        self, cache: MediaCache, limits: DownloadLimits, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.cache = cache
        self.fetcher = Fetcher(limits, self)
        self._requests: dict[int, _Request] = {}
        self._fetches: dict[int, int] = {}  # fetch job id -> ticket
        self._disk_jobs = 0
        self._next_ticket = 1
        self._thread = QThread(self)
        self._worker = _DiskWorker(cache)
        self._worker.moveToThread(self._thread)
        self._read.connect(self._worker.read)
        self._store.connect(self._worker.store)
        self._worker.done.connect(self._on_disk_done)
        self._finish_later.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.fetcher.finished.connect(self._on_fetched)
        self.fetcher.progressed.connect(self._on_fetch_progress)
        thread, fetcher = self._thread, self.fetcher
        self.destroyed.connect(lambda: _stop(thread, fetcher))  # before Qt deletes them

    def load(
        self, media: Media, *, use_network: bool = True, show: bool = True, urgent: bool = True
    ) -> int:
        """Start loading `media`; returns the ticket its `finished` will carry."""
        ticket = self._next_ticket
        self._next_ticket += 1
        request = _Request(media, use_network, show, urgent)
        self._requests[ticket] = request
        problem = url_problem(media.url)
        if problem is not None:
            self._finish_later.emit(ticket, failed(media, problem))
        else:
            self._to_disk(lambda: self._read.emit(ticket, request))
        return ticket

    def cancel(self, ticket: int) -> None:
        """Forget the request; a download under way for it is stopped."""
        self._requests.pop(ticket, None)
        for fetch_id, owner in list(self._fetches.items()):
            if owner == ticket:
                del self._fetches[fetch_id]
                self.fetcher.cancel(fetch_id)

    def forget(self, url: str) -> None:
        """Drop a cached entry that proved unusable (a video this machine cannot play)."""
        self.cache.discard(url)

    def shutdown(self) -> None:
        self._requests.clear()
        _stop(self._thread, self.fetcher)

    # --- the steps -------------------------------------------------------------------------

    def _to_disk(self, send: Callable[[], None]) -> None:
        self._disk_jobs += 1
        if not self._thread.isRunning():
            self._thread.start()
        send()

    def _on_disk_done(self, ticket: int, loaded: Loaded | None) -> None:
        self._disk_jobs -= 1
        if self._disk_jobs == 0:  # idle: no thread lingers (nor outlives a closed window)
            self._thread.quit()
            self._thread.wait()
        request = self._requests.get(ticket)
        if request is None:
            return
        if loaded is not None:
            self._finish(ticket, loaded)
        elif not request.use_network:
            self._finish(ticket, failed(request.media, Problem(ProblemKind.NOT_LOADED)))
        else:
            fetch_id = self.fetcher.fetch(request.media.url, urgent=request.urgent)
            self._fetches[fetch_id] = ticket

    def _on_fetch_progress(self, fetch_id: int, received: int, total: int) -> None:
        ticket = self._fetches.get(fetch_id)
        if ticket is not None:
            self.progressed.emit(ticket, received, total)

    def _on_fetched(self, fetch_id: int, fetched: Fetched) -> None:
        ticket = self._fetches.pop(fetch_id, None)
        request = self._requests.get(ticket) if ticket is not None else None
        if ticket is None or request is None:
            return
        if fetched.problem is not None:
            self._finish(ticket, failed(request.media, fetched.problem))
        else:
            self._to_disk(lambda: self._store.emit(ticket, request, fetched.body))

    def _finish(self, ticket: int, loaded: Loaded) -> None:
        if self._requests.pop(ticket, None) is not None:
            self.finished.emit(ticket, loaded)


def _stop(thread: QThread, fetcher: Fetcher) -> None:
    fetcher.cancel_all()
    thread.quit()
    thread.wait()
