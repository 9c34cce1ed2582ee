"""What the detail pane shows when several papers are selected: how many, and what can be
done to all of them at once (star, status, a tag added or removed, export).

Each action leaves as a signal with a plain value; the window makes it one undoable step
over the selection.
"""

from collections.abc import Callable

from readinglist.core.paper import ReadingStatus
from readinglist.ui.detail.heading import make_heading
from readinglist.ui.i18n import count_text, tr
from readinglist.ui.qt import (
    QCompleter,
    QEvent,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QStringListModel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

STATUS_COLUMNS = 3  # five buttons in one row made the pane 442 px wide, the detail pane 163


class SelectionPanel(QWidget):
    star_chosen = Signal(bool)
    status_chosen = Signal(str)  # a ReadingStatus value
    tag_added = Signal(str)
    tag_removed = Signal(str)
    export_requested = Signal()
    done = Signal()  # Esc in the tag field: back to the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("selectionCount")
        make_heading(self.count_label)
        self.star_button = self._button(tr("★ Star all"), lambda: self.star_chosen.emit(True))
        self.unstar_button = self._button(tr("☆ Unstar all"), lambda: self.star_chosen.emit(False))
        self.status_buttons = {status: self._status_button(status) for status in ReadingStatus}
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setObjectName("bulkTag")
        self.tag_edit.setPlaceholderText(tr("A tag"))
        self.tag_edit.setCompleter(QCompleter([], self.tag_edit))
        self.tag_edit.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.add_tag_button = self._button(
            tr("Add tag"), lambda: self._emit_tag(self.tag_added.emit)
        )
        self.remove_tag_button = self._button(
            tr("Remove tag"), lambda: self._emit_tag(self.tag_removed.emit)
        )
        self.export_button = self._button(tr("Export…"), self.export_requested.emit)
        self.tag_edit.returnPressed.connect(lambda: self._emit_tag(self.tag_added.emit))
        self.tag_edit.installEventFilter(self)
        self._lay_out()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda *_: slot())
        return button

    def _status_button(self, status: ReadingStatus) -> QPushButton:
        button = self._button(tr(status.look.label), lambda: self.status_chosen.emit(status.value))
        text = tr("Mark all as {status} ({key})")
        button.setToolTip(text.format(status=tr(status.look.label), key=status.look.key))
        return button

    def _lay_out(self) -> None:
        stars = QHBoxLayout()
        stars.addWidget(self.star_button)
        stars.addWidget(self.unstar_button)
        stars.addStretch(1)
        statuses = QGridLayout()  # in rows of three: as narrow as the detail pane
        for at, button in enumerate(self.status_buttons.values()):
            statuses.addWidget(button, *divmod(at, STATUS_COLUMNS))
        tag_buttons = QHBoxLayout()
        tag_buttons.addWidget(self.add_tag_button)
        tag_buttons.addWidget(self.remove_tag_button)
        tag_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(_caption(self, tr("Star")))
        layout.addLayout(stars)
        layout.addWidget(_caption(self, tr("Set the status of all")))
        layout.addLayout(statuses)
        layout.addWidget(_caption(self, tr("Tag")))
        layout.addWidget(self.tag_edit)
        layout.addLayout(tag_buttons)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def focus_tag(self) -> None:
        self.tag_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the tag field drops what was typed and goes back to the list."""
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if watched is self.tag_edit and escape and event.type() == QEvent.Type.KeyPress:
            self.tag_edit.setText("")
            self.done.emit()
            return True
        return super().eventFilter(watched, event)

    def show_count(self, count: int) -> None:
        self.count_label.setText(tr("{n} papers selected").format(n=count_text(count)))

    def set_tag_choices(self, names: list[str]) -> None:
        completer = self.tag_edit.completer()
        completer.setModel(QStringListModel(names, completer))

    def _emit_tag(self, emit: Callable[[str], object]) -> None:
        """Entered: the field empties (and forgets its typing), so Ctrl+Z there undoes the
        tag rather than the text."""
        tag = " ".join(self.tag_edit.text().split())
        if tag:
            self.tag_edit.setText("")  # clear() would be undoable
            emit(tag)


def _caption(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setEnabled(False)  # drawn as secondary text
    return label
