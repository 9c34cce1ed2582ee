"""Preferences → Subscriptions: the subscriptions listed, with Add… and Remove, written to the
library at once (as the command line's `readinglist sources` does). Read and written in the
edits' turn (`EditRunner.in_turn`): off the window's thread on a shared library; a library
that cannot be read or written says so under the list, naming the file."""

import datetime as dt
from functools import partial
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
    from sqlalchemy import Connection

    from readinglist.library.subscriptions import Subscription
    from readinglist.ui.data.service import LibraryService

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

    def __init__(
        self, service: "LibraryService", back_days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._back_days = service, back_days
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

        self._service.edits.in_turn(list_subscriptions, self._show, self._unreadable, receiver=self)

    def _unreadable(self, error: Exception) -> None:
        from readinglist.ui.data.edits import why_not

        self._show([])
        why = why_not(error, self._service.library.location)
        self._say(tr("Could not read the subscriptions: {why}").format(why=why))

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _show(self, subscriptions: "list[Subscription]") -> None:
        self._shown = subscriptions
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
        dialog = AddSubscriptionDialog(self._service, self._back_days, self)
        dialog.accepted.connect(self._on_added)
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        removed = partial(_remove, ids=[self._shown[row].id for row in rows])
        self._service.edits.in_turn(
            removed, lambda _: self.reload(), self._not_removed, writes=True, receiver=self
        )

    def _not_removed(self, error: Exception) -> None:
        self._say(_could_not_save(self._service, error))
        self.reload()

    def _on_added(self) -> None:
        self.reload()
        self.added.emit()

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))


class AddSubscriptionDialog(QDialog):
    """Name, URL template, format (the registry's) and first day; OK adds it, or says why
    not and stays open."""

    def __init__(
        self, service: "LibraryService", back_days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add Subscription"))
        self._service = service
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
        """Add it, then close; or say why not and stay open."""
        from readinglist.library.database import utc_now
        from readinglist.library.subscriptions import add_subscription

        since = self.since_edit.date()
        name, template = self.name_edit.text(), self.template_edit.text()
        format_name = self.format_box.currentData()

        def add(connection: "Connection") -> None:
            first = dt.date(since.year(), since.month(), since.day())
            add_subscription(
                connection, name, template, format_name=format_name, since=first, now=utc_now()
            )

        self._service.edits.in_turn(add, self._added, self._refused, writes=True, receiver=self)

    def _added(self, _: None) -> None:
        super().accept()

    def _refused(self, error: Exception) -> None:
        from readinglist.library.subscriptions import SubscriptionError

        if isinstance(error, SubscriptionError):
            self.problem.setText(str(error))  # in English, as the command line says it
        else:
            self.problem.setText(_could_not_save(self._service, error))
        self.problem.show()


def _remove(connection: "Connection", ids: list[int]) -> None:
    from readinglist.library.subscriptions import remove_subscription

    for subscription_id in ids:
        remove_subscription(connection, subscription_id)


def _could_not_save(service: "LibraryService", error: Exception) -> str:
    """Why the library did not take the change (locked, read-only, full), in words."""
    from readinglist.ui.data.edits import could_not_save, why_not

    return could_not_save(why_not(error, service.library.location))
