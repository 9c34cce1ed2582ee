"""File → Export…: which papers (the selection, or everything the list shows) in which format.

The dialog only asks; the window reads the papers and writes the file off the GUI thread.
"""

from dataclasses import dataclass
from enum import StrEnum

from readinglist.core.export import ExportFormat
from readinglist.ui.i18n import counted, tr
from readinglist.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class ExportScope(StrEnum):
    SELECTION = "selection"
    LIST = "list"


@dataclass(frozen=True, slots=True)
class ExportChoice:
    format: ExportFormat
    scope: ExportScope


class ExportDialog(QDialog):
    def __init__(
        self,
        selected: int,
        listed: int,
        last_format: ExportFormat = ExportFormat.BIBTEX,
        parent: QWidget | None = None,
        *,
        scope: ExportScope | None = None,
    ) -> None:
        """`scope`: the papers offered first, when there are any (by default the selection
        when several papers are selected, else the list)."""
        super().__init__(parent)
        self.setWindowTitle(tr("Export papers"))
        self.format_box = QComboBox(self)
        for export_format in ExportFormat:
            self.format_box.addItem(tr(export_format.facts.label), export_format.value)
        self.format_box.setCurrentIndex(self.format_box.findData(last_format.value))
        self.selection_choice = QRadioButton(_scope_text(ExportScope.SELECTION, selected), self)
        self.list_choice = QRadioButton(_scope_text(ExportScope.LIST, listed), self)
        self.selection_choice.setEnabled(selected > 0)
        self.list_choice.setEnabled(listed > 0)
        first = scope or (ExportScope.SELECTION if selected > 1 else ExportScope.LIST)
        selection_first = selected > 0 and (first is ExportScope.SELECTION or not listed)
        (self.selection_choice if selection_first else self.list_choice).setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Export…"))
        ok.setEnabled(selected > 0 or listed > 0)  # nothing to write: nothing to accept
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Format:"), self.format_box)
        form.addRow(tr("Papers:"), self.selection_choice)
        form.addRow("", self.list_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> ExportChoice:
        scope = ExportScope.SELECTION if self.selection_choice.isChecked() else ExportScope.LIST
        return ExportChoice(ExportFormat(self.format_box.currentData()), scope)


def _scope_text(scope: ExportScope, count: int) -> str:
    if scope is ExportScope.SELECTION:
        return counted(count, tr("The selected paper"), tr("The {n} selected papers"))
    return counted(count, tr("The paper in the list"), tr("The {n} papers in the list"))
