"""A field too long for the detail pane, shown whole in a window of its own.

The text goes into a read-only plain-text view a piece at a time, one piece per turn of the
event loop, so the window keeps painting (setting it at once blocked the window, and laying
out one 20 MB line would again). For the same reason a line longer than `LINE` characters is
shown broken into lines of that length. At most `SHOWN` characters are shown, about a
thousand pages: the view keeps its text in one buffer that doubles as it grows, and past
8 M characters each doubling copied 16 MB and more on the GUI thread (130 ms on a busy
machine). Copy All copies the whole text, exactly as it is.
"""

from collections.abc import Iterator

from readinglist.ui.i18n import count_text, tr
from readinglist.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QGuiApplication,
    QLabel,
    QPlainTextEdit,
    Qt,
    QTextCursor,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

PIECE = 250_000  # characters added per turn of the event loop
LINE = 2_000  # characters in a shown line at most
SHOWN = 2_000_000  # characters shown at most


def pieces(text: str, piece: int = PIECE, line: int = LINE) -> Iterator[str]:
    """`text` in pieces of `piece` characters, with a line break added wherever a line runs
    past `line` characters."""
    column = 0
    for start in range(0, len(text), piece):
        out: list[str] = []
        for number, part in enumerate(text[start : start + piece].split("\n")):
            if number:
                out.append("\n")
                column = 0
            rest = part
            while column + len(rest) > line:
                room = line - column
                out += [rest[:room], "\n"]
                rest, column = rest[room:], 0
            out.append(rest)
            column += len(rest)
        yield "".join(out)


class FullTextViewer(QDialog):
    filled = Signal()  # the whole text is in the view

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(720, 560)
        self._text = text
        self.size_label = QLabel(_size_text(len(text)), self)
        self.view = QPlainTextEdit(self)
        self.view.setObjectName("fullText")
        self.view.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(tr("Copy All"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self._text))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.size_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._pieces = pieces(text[:SHOWN])
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._add_piece)
        self._timer.start()

    def is_filled(self) -> bool:
        return not self._timer.isActive()

    def _add_piece(self) -> None:
        piece = next(self._pieces, None)
        if piece is None:
            self._timer.stop()
            self.filled.emit()
            return
        cursor = QTextCursor(self.view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(piece)


def _size_text(length: int) -> str:
    if length <= SHOWN:
        return tr("{n} characters").format(n=count_text(length))
    return tr("The first {shown} of {n} characters; Copy All copies them all").format(
        shown=count_text(SHOWN), n=count_text(length)
    )
