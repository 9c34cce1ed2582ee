"""Headings in the right-hand pane: bold, 1.3 times the text around them, and still so after
View → Larger Text. A widget given a font of its own no longer follows its parent's, so the
heading takes its size again whenever the parent's font changes."""

from readinglist.ui.qt import QEvent, QFont, QObject, QWidget

SCALE = 1.3


def make_heading(widget: QWidget) -> None:
    parent = widget.parentWidget()
    if parent is None:
        raise ValueError("a heading sizes itself from its parent: give it one")
    _apply(widget, parent)
    parent.installEventFilter(_FollowParentFont(widget))


def _apply(widget: QWidget, parent: QWidget) -> None:
    font = QFont(parent.font())
    font.setPointSizeF(font.pointSizeF() * SCALE)
    font.setBold(True)
    widget.setFont(font)


class _FollowParentFont(QObject):
    """Watches the heading's parent (a child of the heading, so it goes with it)."""

    def __init__(self, heading: QWidget) -> None:
        super().__init__(heading)
        self._heading = heading

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QWidget):
            _apply(self._heading, watched)
        return False
