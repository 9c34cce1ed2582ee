"""The status bar's import widget: progress with a cancel button, then a short summary."""

from readinglist.core.import_report import FileStatus, ImportReport
from readinglist.ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportStatus", text)


def summarize(report: ImportReport) -> str:
    """'21 new papers · 3 unchanged · 1 file rejected', for people."""
    parts = [_tr("{n} new papers").format(n=report.papers_new)]
    unchanged = report.count(FileStatus.UNCHANGED)
    if unchanged:
        parts.append(_tr("{n} unchanged").format(n=unchanged))
    rejected = len(report.rejected)
    if rejected:
        parts.append(_tr("{n} file(s) rejected").format(n=rejected))
    if report.cancelled:
        parts.append(_tr("cancelled"))
    return " · ".join(parts)


class ImportStatus(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(_tr("Cancel"), self)
        self.details_button = QPushButton(_tr("Details…"), self)
        self.details_button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.progress, self.cancel_button, self.details_button):
            layout.addWidget(widget)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.details_button.clicked.connect(self._show_details)
        self._report: ImportReport | None = None
        self._set_running(False)
        self.details_button.hide()

    def on_started(self) -> None:
        self.label.setText(_tr("Importing…"))
        self.progress.setRange(0, 0)
        self._set_running(True)
        self.details_button.hide()

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.label.setText(_tr("Importing {done} of {total}").format(done=done, total=total))

    def on_finished(self, report: ImportReport) -> None:
        self._report = report
        self._set_running(False)
        self.label.setText(summarize(report))
        self.details_button.setVisible(bool(report.rejected))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)

    def _show_details(self) -> None:
        if self._report is not None:
            RejectedFilesDialog(self._report, self).exec()


class RejectedFilesDialog(QDialog):
    """The files an import rejected, each with its line and reason."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Files not imported"))
        self.table = QTableWidget(len(report.rejected), 3, self)
        self.table.setHorizontalHeaderLabels([_tr("File"), _tr("Line"), _tr("Reason")])
        for row, file in enumerate(report.rejected):
            line = str(file.error.line) if file.error and file.error.line else ""
            reason = file.error.message if file.error else ""
            for column, text in enumerate((str(file.path), line, reason)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 320)
