"""Preferences → Subscriptions: the subscriptions listed, with Add… and Remove, written to the
library at once (as the command line's `readinglist sources` does)."""

import datetime as dt
from typing import TYPE_CHECKING

from readinglist.core.sources.registry import ADAPTERS
from readinglist.core.subscriptions import PLACEHOLDERS, default_since
from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from readinglist.library.database import Library
    from readinglist.library.subscriptions import Subscription

EXAMPLE = "https://example.org/{yyyy}/{mm}/{dd}.md"
_MINIMUM_WIDTH = 640  # px: room for a template beside its name, format and first day
_VISIBLE_ROWS = 5  # with the header: four subscriptions in view before it scrolls


def format_label(name: str | None) -> str:
    """A format's label for people (the registry's), or "any format" for a sniffed one."""
    for adapter in ADAPTERS:
        if adapter.format == name:
            return tr(adapter.label)
    return tr("Any format (recognised from the content)")


class SubscriptionList(QWidget):
    """The subscriptions and their buttons; `added` after a subscription is added (the window
    checks it at once)."""

    added = Signal()

    def __init__(self, library: "Library", back_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library, self._back_days = library, back_days
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Format"), tr("Since"), tr("URL")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # an address on one line, all of it in the tooltip
        self.table.setMinimumWidth(_MINIMUM_WIDTH)
        self.table.setMinimumHeight(
            _VISIBLE_ROWS * self.table.verticalHeader().defaultSectionSize()
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(tr("Add…"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.add_button.clicked.connect(lambda *_: self.ask_to_add())
        self.remove_button.clicked.connect(lambda *_: self.remove_selected())
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        self._shown: list[Subscription] = []
        self.reload()

    def reload(self) -> None:
        from readinglist.library.subscriptions import list_subscriptions

        with self._library.reading() as connection:
            self._shown = list_subscriptions(connection)
        self.table.setRowCount(len(self._shown))
        for row, subscription in enumerate(self._shown):
            cells = (
                subscription.name,
                format_label(subscription.format),
                subscription.since.isoformat(),
                subscription.url_template,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column else subscription.last_error or text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._enable()

    def ask_to_add(self) -> "AddSubscriptionDialog":
        """The Add dialog, shown window-modal (returns at once)."""
        dialog = AddSubscriptionDialog(self._library, self._back_days, self)
        dialog.accepted.connect(self._on_added)
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        from readinglist.library.failures import storage_errors
        from readinglist.library.subscriptions import remove_subscription

        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        try:
            with self._library.writing() as connection:
                for row in rows:
                    remove_subscription(connection, self._shown[row].id)
        except storage_errors() as error:
            self.problem.setText(_could_not_save(self._library, error))
            self.problem.show()
        self.reload()

    def _on_added(self) -> None:
        self.reload()
        self.added.emit()

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))


class AddSubscriptionDialog(QDialog):
    """Name, URL template, format (the registry's) and first day; OK adds it, or says why
    not and stays open."""

    def __init__(self, library: "Library", back_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add Subscription"))
        self._library = library
        self.name_edit = QLineEdit(self)
        self.template_edit = QLineEdit(self)
        self.template_edit.setPlaceholderText(EXAMPLE)
        self.template_edit.setMinimumWidth(420)
        self.format_box = QComboBox(self)
        self.format_box.addItem(format_label(None), None)
        for adapter in ADAPTERS:
            self.format_box.addItem(tr(adapter.label), adapter.format)
        self.since_edit = QDateEdit(self)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        first = default_since(dt.date.today(), back_days)
        self.since_edit.setDate(QDate(first.year, first.month, first.day))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        hint = tr("The day goes where the address says {placeholders}.").format(
            placeholders=" ".join(PLACEHOLDERS)
        )
        form = QFormLayout()
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("URL template"), self.template_edit)
        form.addRow("", QLabel(hint, self))
        form.addRow(tr("Format"), self.format_box)
        form.addRow(tr("Since"), self.since_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        from readinglist.library.database import utc_now
        from readinglist.library.failures import storage_errors
        from readinglist.library.subscriptions import SubscriptionError, add_subscription

        since = self.since_edit.date()
        try:
            with self._library.writing() as connection:
                add_subscription(
                    connection,
                    self.name_edit.text(),
                    self.template_edit.text(),
                    format_name=self.format_box.currentData(),
                    since=dt.date(since.year(), since.month(), since.day()),
                    now=utc_now(),
                )
        except SubscriptionError as error:
            self.problem.setText(str(error))  # in English, as the command line says it
        except storage_errors() as error:
            self.problem.setText(_could_not_save(self._library, error))
        else:
            super().accept()
            return
        self.problem.show()


def _could_not_save(library: "Library", error: Exception) -> str:
    """Why the library did not take the change (locked, read-only, full), in words."""
    from readinglist.ui.data.edits import could_not_save, why_not

    return could_not_save(why_not(error, library.location))
