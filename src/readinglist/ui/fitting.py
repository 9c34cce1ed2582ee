"""A scroll area as tall as the wrapped text in it, which scrolls only when the pane is too
short for it. A wrapping label in a layout gets no more than its minimum height when space is
short, and is cut mid-line (a tester saw a 100-author paper's header and the media pane's
"…You may" cut so); in one of these it is always whole, the rest a scroll away."""

from readinglist.ui.qt import QFrame, QResizeEvent, QScrollArea, QSize, Qt, QWidget


class FittingScrollArea(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self.setWidget(content)
        self.setWidgetResizable(True)  # as wide as the area; as tall as it needs for that
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._width = -1

    def sizeHint(self) -> QSize:
        """The content's height at the width it has: what it needs to show whole."""
        content = self._content
        hint = content.sizeHint()
        width = self.viewport().width() if self.isVisible() else hint.width()
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return QSize(hint.width(), (height if height >= 0 else hint.height()) + 1)

    def refit(self) -> None:
        """The content changed: the layout asks for the new height."""
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # wrapped anew: another height
            self._width = event.size().width()
            self.updateGeometry()
