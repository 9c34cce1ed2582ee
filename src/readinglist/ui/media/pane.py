"""The media pane: the current paper's teaser, a picture or a looping, muted video.

The teaser comes through `MediaLoader` (the disk cache first, then the network, never on the
GUI thread's time); meanwhile the pane says it is loading, and when there is no teaser or it
cannot be had it says why, in words. Selecting another paper cancels the download under way.
With "Load remote media automatically" off, only cached teasers show and a button fetches the
others. Prefetching many papers' teasers runs in the background with a progress row. Where
QtMultimedia cannot load (a system library missing), a video teaser says what to install and
everything else works.
"""

import html
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from readinglist.core.digest import Media, MediaKind
from readinglist.library.location import default_cache_folder
from readinglist.library.media_cache import MEGABYTE, MediaCache
from readinglist.ui import settings as keys
from readinglist.ui.fitting import FittingScrollArea
from readinglist.ui.i18n import tr
from readinglist.ui.media.fetch import DownloadLimits, Problem, ProblemKind
from readinglist.ui.media.image import ImageView
from readinglist.ui.media.loader import Loaded, MediaLoader
from readinglist.ui.media.prefetch import MediaPrefetcher, PrefetchRow
from readinglist.ui.media.texts import (
    loading_text,
    problem_text,
    size_text,
    url_sample,
    url_tooltip,
)
from readinglist.ui.qt import (
    QAction,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QLabel,
    QPalette,
    QProgressBar,
    QPushButton,
    QResizeEvent,
    QSettings,
    QShowEvent,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    multimedia_problem,
)

if TYPE_CHECKING:
    from readinglist.ui.media.player import VideoView  # with QtMultimedia: when first needed


# What the pane reads from the settings; `apply_settings` reads them again.
MEDIA_SETTINGS = frozenset(
    {
        keys.LOAD_MEDIA_AUTOMATICALLY,
        keys.MEDIA_CACHE_MEGABYTES,
        keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES,
        keys.MEDIA_DOWNLOAD_DEADLINE_SECONDS,
    }
)


class PaneState(StrEnum):
    EMPTY = "empty"  # the paper has no teaser
    HIDDEN = "hidden"  # the user hid the pane: nothing is loaded until it shows again
    ASKING = "asking"  # remote media is off and the cache lacks it: a button loads it
    LOADING = "loading"
    SHOWN = "shown"
    FAILED = "failed"


SETTLED = frozenset(
    {PaneState.EMPTY, PaneState.HIDDEN, PaneState.ASKING, PaneState.SHOWN, PaneState.FAILED}
)
_RETRYABLE = frozenset(
    {
        ProblemKind.UNREACHABLE,
        ProblemKind.HTTP_ERROR,
        ProblemKind.TIMEOUT,
        ProblemKind.TOO_SLOW,
        ProblemKind.NOT_MEDIA,
    }
)


class MediaPane(QWidget):
    settled = Signal(str)  # the teaser's URL ("" for none), once it shows or cannot

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        cache: MediaCache | None = None,
        limits: DownloadLimits | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Space plays and pauses
        self._settings = settings
        cache = cache or _default_cache(settings)
        self.loader = MediaLoader(cache, limits or _limits(settings), self)
        self.prefetcher = MediaPrefetcher(self.loader, self)
        self.state = PaneState.EMPTY
        self._media: Media | None = None
        self._media_when_shown: Media | None = None  # what to show once the user shows it
        self._ticket: int | None = None
        self._video: VideoView | None = None
        self._build_widgets()
        self._build_actions()
        self._compose()
        self._wire()
        self._present(None)

    # --- building --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("mediaKind")
        self.url_label = UrlLabel(self)
        self.url_label.setObjectName("mediaUrl")
        self.url_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a caption
        self.stack = QStackedWidget(self)
        self.message_page, self.message_label, self.message_button = self._message_page()
        self.loading_page, self.loading_label, self.loading_bar = self._loading_page()
        self.image_view = ImageView(self)
        for page in (self.message_page, self.loading_page, self.image_view):
            self.stack.addWidget(page)
        self.prefetch_row = PrefetchRow(self.prefetcher, self)

    def _message_page(self) -> tuple[QWidget, QLabel, QPushButton]:
        """Why there is no teaser, whole however short the pane: it scrolls when it must."""
        content, label = QWidget(), QLabel()
        label.setObjectName("mediaMessage")
        label.setTextFormat(Qt.TextFormat.RichText)  # a bold title; the rest is escaped
        label.setWordWrap(True)
        button = QPushButton()
        _center_in(content, label, button)
        self.message_area = FittingScrollArea(content, self)
        return self.message_area, label, button

    def _loading_page(self) -> tuple[QWidget, QLabel, QProgressBar]:
        page, label = QWidget(self), QLabel()
        bar = QProgressBar()
        bar.setMinimumWidth(160)
        bar.setMaximumWidth(220)
        _center_in(page, label, bar)
        return page, label, bar

    def _build_actions(self) -> None:
        self.load_automatically_action = QAction(
            tr("Load Remote Media &Automatically"), self, checkable=True
        )
        loads = _setting(keys.LOAD_MEDIA_AUTOMATICALLY, self._settings)
        self.load_automatically_action.setChecked(loads)
        self.prefetch_digest_action = QAction(tr("&Prefetch Media for This Digest"), self)
        self.prefetch_selection_action = QAction(tr("Prefetch Media for the &Selection"), self)
        self.cancel_prefetch_action = QAction(tr("&Cancel Prefetching"), self, enabled=False)
        self.copy_url_action = QAction(tr("C&opy Teaser Address"), self, enabled=False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addActions([*self.menu_actions(), self.copy_url_action])

    def menu_actions(self) -> list[QAction]:
        """For the window's menus; the window connects the two prefetch actions' `triggered`
        to a call of `prefetch` with the papers' media."""
        return [
            self.load_automatically_action,
            self.prefetch_digest_action,
            self.prefetch_selection_action,
            self.cancel_prefetch_action,
        ]

    def _compose(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.url_label)
        layout.addWidget(self.prefetch_row)

    def _wire(self) -> None:
        self.loader.finished.connect(self._on_loaded)
        self.loader.progressed.connect(self._on_progress)
        self.message_button.clicked.connect(self.load_now)
        self.load_automatically_action.toggled.connect(self._set_load_automatically)
        self.prefetcher.progressed.connect(lambda: self.cancel_prefetch_action.setEnabled(True))
        self.prefetcher.finished.connect(lambda: self.cancel_prefetch_action.setEnabled(False))
        self.cancel_prefetch_action.triggered.connect(self.prefetcher.cancel)
        self.copy_url_action.triggered.connect(self._copy_url)

    # --- what the window asks --------------------------------------------------------------

    def show_media(self, media: Media | None) -> None:
        """Show the paper's teaser (None: it has none). The same teaser again changes nothing,
        so a video keeps playing while the paper is starred or tagged. While the user has
        the pane hidden, nothing is downloaded or decoded: it is shown when the pane is."""
        if self._hidden_by_user():
            self._wait_until_shown(media)
        elif media != self._media:
            self._present(media)

    def load_now(self) -> None:
        """Fetch the teaser from the network (the button, when it was not loaded or failed)."""
        if self._media is not None:
            self._load(self._media, use_network=True)

    def is_settled(self) -> bool:
        return self.state in SETTLED

    def prefetch(self, media: Iterable[Media]) -> None:
        """Fetch these teasers into the cache in the background."""
        self.prefetcher.start(media)

    def video_view(self) -> "VideoView":
        """The video player (made, and QtMultimedia loaded, the first time a video is shown;
        where QtMultimedia cannot load, a video teaser says why instead)."""
        if self._video is None:
            from readinglist.ui.media.player import VideoView

            self._video = VideoView(self)
            self.stack.addWidget(self._video)
            self._video.ready.connect(self._on_video_ready)
            self._video.failed.connect(self._on_video_failed)
        return self._video

    def shutdown(self) -> None:
        """Stop the downloads under way and the loader's thread (when the window closes)."""
        self._stop_showing()
        self.loader.shutdown()

    def apply_settings(self) -> None:
        """Read the media settings again (Preferences changed them): whether remote teasers
        load, the cache's size (met when the next teaser is stored), and the download limits
        (from the next download on)."""
        loads = _setting(keys.LOAD_MEDIA_AUTOMATICALLY, self._settings)
        self.load_automatically_action.setChecked(loads)
        megabytes = _setting(keys.MEDIA_CACHE_MEGABYTES, self._settings)
        self.loader.cache.limit_bytes = megabytes * MEGABYTE
        self.loader.fetcher.limits = _limits(self._settings)

    def _hidden_by_user(self) -> bool:
        """Hidden in the window (View → Show Media Pane), not only not yet on screen."""
        return self.parentWidget() is not None and self.isHidden()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self._hidden_by_user() and self.state is not PaneState.HIDDEN:
            self._wait_until_shown(self._media)

    def _wait_until_shown(self, media: Media | None) -> None:
        self._stop_showing()
        self._media, self._media_when_shown = None, media
        self.state = PaneState.HIDDEN

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.state is PaneState.HIDDEN:
            media, self._media_when_shown = self._media_when_shown, None
            self._present(media)

    # --- states ----------------------------------------------------------------------------

    def _present(self, media: Media | None) -> None:
        self._stop_showing()
        self._media = media
        self.url_label.set_url(media.url if media else "")
        self.copy_url_action.setEnabled(media is not None)
        self.kind_label.setVisible(media is not None)  # the message says it all when None
        if media is None:
            self.kind_label.setText(tr("No media for this paper"))
            self._show_message(tr("No media for this paper"), button="")
            self._settle(PaneState.EMPTY)
            return
        kind = tr("Video teaser") if media.kind is MediaKind.VIDEO else tr("Image teaser")
        self.kind_label.setText(f"<b>{kind}</b>")
        cannot_play = multimedia_problem() if media.kind is MediaKind.VIDEO else None
        if cannot_play is not None:  # nothing to download it for
            self._show_problem(Problem(ProblemKind.NO_MULTIMEDIA, cannot_play))
            return
        self._load(media, use_network=self.load_automatically_action.isChecked())

    def _load(self, media: Media, *, use_network: bool) -> None:
        self._stop_showing()
        self._ticket = self.loader.load(media, use_network=use_network)
        self.loading_label.setText(loading_text(media.kind))
        self.loading_bar.setRange(0, 0)  # busy until the size is known
        self.loading_bar.setFormat("")
        self.stack.setCurrentWidget(self.loading_page)
        self.state = PaneState.LOADING

    def _stop_showing(self) -> None:
        if self._ticket is not None:
            self.loader.cancel(self._ticket)
            self._ticket = None
        self.image_view.clear()
        if self._video is not None:
            self._video.stop()

    def _settle(self, state: PaneState) -> None:
        self.state = state
        self.settled.emit(self._media.url if self._media else "")

    def _show_message(self, text: str, *, button: str, title: str = "") -> None:
        lines = [f"<b>{html.escape(title)}</b>"] if title else []
        lines += [html.escape(line) for line in text.splitlines()]
        self.message_label.setText("<br>".join(lines))
        self.message_button.setText(button)
        self.message_button.setVisible(bool(button))
        self.stack.setCurrentWidget(self.message_page)

    def _show_problem(self, problem: Problem) -> None:
        assert self._media is not None
        text = problem_text(problem, self._media)
        if problem.kind is ProblemKind.NOT_LOADED:
            self._show_message(text, button=tr("Load Teaser"), title=tr("Teaser not loaded"))
            self._settle(PaneState.ASKING)
            return
        retry = tr("Try Again") if problem.kind in _RETRYABLE else ""
        self._show_message(text, button=retry, title=tr("Teaser not available"))
        self._settle(PaneState.FAILED)

    # --- feedback --------------------------------------------------------------------------

    def _on_progress(self, ticket: int, received: int, total: int) -> None:
        if ticket != self._ticket or self._media is None:
            return
        if total > 0:
            self.loading_bar.setRange(0, total)
            self.loading_bar.setValue(received)
        self.loading_bar.setFormat(size_text(received, total))

    def _on_loaded(self, ticket: int, loaded: Loaded) -> None:
        if ticket != self._ticket:
            return
        self._ticket = None
        if loaded.problem is not None:
            self._show_problem(loaded.problem)
        elif loaded.kind is MediaKind.VIDEO and loaded.path is not None:
            self.loading_label.setText(tr("Opening the video…"))
            self.video_view().play(loaded.path)
        elif loaded.image is not None:
            self._show_image(loaded)

    def _show_image(self, loaded: Loaded) -> None:
        assert loaded.image is not None
        if loaded.animated and loaded.path is not None:
            self.image_view.show_animation(loaded.path, loaded.image)
        else:
            self.image_view.show_image(loaded.image)
        self.stack.setCurrentWidget(self.image_view)
        self._settle(PaneState.SHOWN)

    def _on_video_ready(self) -> None:
        self.stack.setCurrentWidget(self.video_view())
        self._settle(PaneState.SHOWN)

    def _on_video_failed(self, reason: str) -> None:
        if self._media is None:
            return
        self.video_view().stop()  # lets go of the file
        self.loader.forget(self._media.url)  # useless here; a later view may fetch it anew
        self._show_problem(Problem(ProblemKind.UNPLAYABLE, reason))

    def _copy_url(self) -> None:
        if self._media is not None:
            QGuiApplication.clipboard().setText(self._media.url)

    def _set_load_automatically(self, on: bool) -> None:
        if self._settings is not None:
            keys.LOAD_MEDIA_AUTOMATICALLY.write(self._settings, on)
        if on and self.state is PaneState.ASKING:
            self.load_now()

    # --- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        video = self._video if self.stack.currentWidget() is self._video else None
        if video is not None and event.key() == Qt.Key.Key_Space:
            video.toggle_play()
        elif video is not None and event.key() == Qt.Key.Key_M:
            video.toggle_sound()
        else:
            super().keyPressEvent(event)


class UrlLabel(QLabel):
    """The teaser's address on one line, cut in the middle to the label's width ("https://
    cdn…/teaser.mp4"), all of it (within reason) in the tooltip and the pane's Copy action.

    An address can be any length: laid out whole, with word wrap, a 100,000-character one
    froze the window 5.2 s and a 1 MB one stopped it painting; only its two ends are measured.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._sample = ""

    def set_url(self, url: str) -> None:
        self._sample = url_sample(url)
        self.setToolTip(url_tooltip(url))
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        middle = Qt.TextElideMode.ElideMiddle
        self.setText(self.fontMetrics().elidedText(self._sample, middle, self.width()))


def _center_in(page: QWidget, label: QLabel, control: QWidget) -> None:
    """A centred line of text with a control under it, filling `page`."""
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addWidget(label)
    layout.addWidget(control, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(1)


def _setting[T](setting: keys.Setting[T], settings: QSettings | None) -> T:
    """The setting's value, or its default when the pane was given no settings."""
    return setting.read(settings) if settings is not None else setting.default


def _default_cache(settings: QSettings | None) -> MediaCache:
    megabytes = _setting(keys.MEDIA_CACHE_MEGABYTES, settings)
    return MediaCache(default_cache_folder(), megabytes * MEGABYTE)


def _limits(settings: QSettings | None) -> DownloadLimits:
    megabytes = _setting(keys.MEDIA_DOWNLOAD_LIMIT_MEGABYTES, settings)
    seconds = _setting(keys.MEDIA_DOWNLOAD_DEADLINE_SECONDS, settings)
    return DownloadLimits(max_bytes=megabytes * MEGABYTE, deadline_ms=seconds * 1000)
