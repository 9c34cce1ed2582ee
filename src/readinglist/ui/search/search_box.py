"""The search box: the query language typed in the toolbar, parsed as you type.

The list follows a short pause after the last keystroke (`SEARCH_DELAY_MS`), or at once on
Enter or Esc. A malformed query leaves the list as it was and shows, under the box, what is
wrong and where: the character at fault is marked in a copy of the text. The box only parses;
the window combines its query with the sidebar's and reads the ids off the GUI thread.
"""

import html
from typing import TYPE_CHECKING

from readinglist.ui.i18n import QT_TR_NOOP, tr, tr_message
from readinglist.ui.qt import (
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:  # the query language loads with the first search, after the first paint
    from readinglist.core.query import Query, QueryError

SEARCH_DELAY_MS = 200
MAX_WIDTH = 640  # wide enough for a long query, not a line across the whole window
EXAMPLE = "diffusion tag:video votes:>50"


def marked_error(text: str, error: "QueryError") -> str:
    """The message, in the UI's language, and the query with the character at fault
    highlighted (rich text)."""
    at = min(error.position, len(text))
    before, fault, after = text[:at], text[at : at + 1] or " ", text[at + 1 :]
    marked = (
        f"{html.escape(before)}<span style='background:#f6c7c3; color:#8a1c12'>"
        f"{html.escape(fault).replace(' ', '&nbsp;')}</span>{html.escape(after)}"
    )
    return f"{html.escape(tr_message(error.described))}<br><code>{marked}</code>"


class _QueryField(QLineEdit):
    """Esc clears the text; a second Esc (on an empty box) hands the focus back."""

    escaped = Signal(bool)  # whether it cleared any text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            had_text = bool(self.text())
            if had_text:
                self.clear()
            self.escaped.emit(had_text)
            return
        super().keyPressEvent(event)


class SearchBox(QWidget):
    query_changed = Signal(object)  # a Query that parsed; Query() when the box is empty
    save_requested = Signal(str)  # the query's text, to save under a name
    done = Signal()  # Esc on an empty box: back to the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = _QueryField(self)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            tr("Search (Ctrl+F)   e.g. {example}").format(example=EXAMPLE)
        )
        self.field.setToolTip(tr(QUERY_HELP))
        self.save_button = QToolButton(self)
        self.save_button.setObjectName("saveSearch")
        self.save_button.setText(tr("Save…"))
        self.save_button.setToolTip(tr("Save this search in the sidebar"))
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab: on to the sidebar
        self.error_label = QLabel(self)
        self.error_label.setObjectName("searchError")
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e")
        self.error_label.hide()
        self.setMaximumWidth(MAX_WIDTH)
        self._query: Query | None = None  # None: the box is empty
        self._error = ""
        self._timer = _single_shot(self, SEARCH_DELAY_MS)
        self._lay_out()
        self._connect()
        self._update_save_button()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

    def _connect(self) -> None:
        self.field.textChanged.connect(self._on_typed)
        self.field.returnPressed.connect(self.search_now)
        self.field.escaped.connect(self._on_escape)
        self._timer.timeout.connect(self.search_now)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.text()))

    # --- what the window asks ------------------------------------------------------------

    def query(self) -> "Query":
        """The last query that parsed (what the list shows)."""
        from readinglist.core.query import Query

        return self._query if self._query is not None else Query()

    def is_pending(self) -> bool:
        """Typed, and the search not made yet (it waits for a pause in the typing)."""
        return self._timer.isActive()

    def text(self) -> str:
        return self.field.text().strip()

    def error(self) -> str:
        """The message under the box, as plain text; empty when the query parses."""
        return self._error

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_text(self, text: str) -> None:
        """Put `text` in the box and search for it at once."""
        self.field.setText(text)
        self.search_now()

    def clear_quietly(self) -> None:
        """Empty the box without announcing it: the caller shows the same papers otherwise."""
        self._timer.stop()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._query = None
        self._show_error("", None)

    def search_now(self) -> None:
        from readinglist.core.query import QueryError, parse_query

        self._timer.stop()
        text = self.text()
        try:
            query = parse_query(text)
        except QueryError as error:
            self._show_error(text, error)
            return
        self._show_error(text, None)
        if query != self.query():
            self._query = query
            self.query_changed.emit(query)

    # --- inside --------------------------------------------------------------------------

    def _on_typed(self, _: str) -> None:
        self._timer.start()
        self._update_save_button()

    def _on_escape(self, cleared: bool) -> None:
        self.search_now()
        if not cleared:
            self.done.emit()

    def _show_error(self, text: str, error: "QueryError | None") -> None:
        self._error = tr_message(error.described) if error is not None else ""
        self.error_label.setVisible(error is not None)
        self.error_label.setText(marked_error(text, error) if error is not None else "")
        self._update_save_button()

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(bool(self.text()) and not self._error)


def _single_shot(parent: QObject, delay_ms: int) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    return timer


QUERY_HELP = QT_TR_NOOP(
    "<b>Search</b>: words and &quot;phrases&quot; (title, authors, summaries, notes, tags)<br>"
    "-word excludes; AND is implied; OR; (parentheses)<br>"
    "tag:X · status:read · is:starred · is:unread<br>"
    'author:"Name" · title:word · note:word<br>'
    "votes:&gt;50 · date:2024-03 · date:&lt;7d · digest:2024-03-01"
)
