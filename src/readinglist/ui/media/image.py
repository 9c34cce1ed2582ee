"""A picture scaled to fit its widget, keeping its aspect ratio, sharp on high-DPI screens.

Animated GIFs (and WebPs) run through QMovie; each frame is scaled like a still picture. The
scaled pixmap is made at the screen's device pixel ratio and kept until the size changes.
"""

from pathlib import Path

from readinglist.ui.qt import (
    QByteArray,
    QImage,
    QMovie,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPointF,
    QSize,
    QSizePolicy,
    Qt,
    QWidget,
)


def scaled_pixmap(image: QImage, size: QSize, ratio: float) -> QPixmap:
    """`image` fitted into `size` (logical pixels) at device pixel ratio `ratio`."""
    bounds = QSize(round(size.width() * ratio), round(size.height() * ratio))
    target = image.size().scaled(bounds, Qt.AspectRatioMode.KeepAspectRatio)
    if image.isNull() or target.isEmpty():
        return QPixmap()
    scaled = image.scaled(
        target, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    pixmap = QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class ImageView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(16, 16)
        self._image = QImage()
        self._movie: QMovie | None = None
        self._pixmap = QPixmap()
        self._pixmap_key: tuple[int, int, int, float] | None = None

    def show_image(self, image: QImage) -> None:
        self._stop_movie()
        self._set_frame(image)

    def show_animation(self, path: Path, first_frame: QImage) -> None:
        """Run the animation in `path` (its first frame shows at once)."""
        self.show_image(first_frame)
        movie = QMovie(str(path), QByteArray(), self)
        movie.frameChanged.connect(lambda _: self._set_frame(movie.currentImage()))
        self._movie = movie
        movie.start()

    def is_animating(self) -> bool:
        return self._movie is not None and self._movie.state() == QMovie.MovieState.Running

    def clear(self) -> None:
        self.show_image(QImage())

    def paintEvent(self, event: QPaintEvent) -> None:
        pixmap = self._current_pixmap()
        if pixmap.isNull():
            return
        shown = pixmap.deviceIndependentSize()
        corner = QPointF((self.width() - shown.width()) / 2, (self.height() - shown.height()) / 2)
        painter = QPainter(self)
        painter.drawPixmap(corner, pixmap)
        painter.end()

    def _set_frame(self, image: QImage) -> None:
        self._image = image
        self._pixmap_key = None
        self.update()

    def _current_pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        key = (self._image.cacheKey(), self.width(), self.height(), ratio)
        if key != self._pixmap_key:
            self._pixmap = scaled_pixmap(self._image, self.size(), ratio)
            self._pixmap_key = key
        return self._pixmap

    def _stop_movie(self) -> None:
        if self._movie is not None:
            self._movie.stop()
            self._movie.deleteLater()
            self._movie = None
