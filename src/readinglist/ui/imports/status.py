"""The status bar's import widget: progress with a cancel button, then a short summary;
after an import that added papers, how many papers the library gained today ("12 new
today"), kept current by the sidebar's counts until the day has none."""

from typing import TYPE_CHECKING

from readinglist.core.import_report import FileError, FileReport, FileStatus, ImportReport
from readinglist.core.text import for_display
from readinglist.ui.i18n import count_text, counted, tr, tr_message
from readinglist.ui.progress import show_progress
from readinglist.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QResizeEvent,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

_FILE_COLUMN_WIDTH = 320  # px: the reason, the longest column, gets the rest

if TYPE_CHECKING:
    from readinglist.ui.imports.controller import ImportController
    from readinglist.ui.imports.subscriptions import SubscriptionChecker


def summarize(report: ImportReport) -> str:
    """'3 files imported · 21 new papers · 1 file rejected', for people."""
    imported = report.count(FileStatus.IMPORTED)
    unchanged = report.count(FileStatus.UNCHANGED)
    rejected, warned = len(report.rejected), len(report.warned)
    parts = [
        counted(imported, tr("1 file imported"), tr("{n} files imported")),
        counted(report.papers_new, tr("1 new paper"), tr("{n} new papers")),
    ]
    if report.by_id_only:
        by_id = tr("1 paper by id only"), tr("{n} papers by id only")
        parts.append(counted(report.by_id_only, *by_id))
    if unchanged:
        parts.append(tr("{n} unchanged").format(n=count_text(unchanged)))
    if rejected:
        parts.append(counted(rejected, tr("1 file rejected"), tr("{n} files rejected")))
    if warned:
        parts.append(counted(warned, tr("1 file with warnings"), tr("{n} files with warnings")))
    for name, caught in report.rules.items():
        by_rule = tr("rule {rule}: 1 paper"), tr("rule {rule}: {n} papers")
        parts.append(counted(caught, *by_rule, rule=name))
    if report.cancelled:
        parts.append(tr("cancelled"))
    return " · ".join(parts)


class ImportStatus(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.details_button = QPushButton(tr("Details…"), self)
        self.details_button.setFlat(True)
        self.new_today = QLabel(self)
        self.new_today.setObjectName("newToday")
        self.new_today.setEnabled(False)  # the palette's quieter text: a figure, not news
        self.new_today.hide()
        self._added = False  # an import added papers: "N new today" may show
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets = (self.label, self.progress, self.cancel_button, self.details_button)
        for widget in (*widgets, self.new_today):
            layout.addWidget(widget)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.details_button.clicked.connect(self._show_details)
        self._report: ImportReport | None = None
        self._said_before: str | None = None  # while a subscription check shows its progress
        self._set_running(False)
        self.details_button.hide()

    def follow(self, imports: "ImportController") -> None:
        """Show `imports`' progress, and cancel it with the button."""
        imports.started.connect(self.on_started)
        imports.progressed.connect(self.on_progress)
        imports.finished.connect(self.on_finished)
        self.cancel_requested.connect(imports.cancel)

    def follow_fetches(self, checker: "SubscriptionChecker") -> None:
        """Show a subscription check's progress while it fetches days, and its summary when
        it brought files; a check that had nothing to fetch or bring leaves no word (and
        puts back what the bar said)."""
        checker.progressed.connect(self._on_fetch_progress)
        checker.finished.connect(self._on_fetch_finished)
        self.cancel_requested.connect(checker.cancel)

    def _on_fetch_progress(self, done: int, total: int) -> None:
        if not total:
            return
        if self._said_before is None:
            self._said_before = self.label.text()
            self._set_running(True)
            self.details_button.hide()
        show_progress(self.progress, done, total)
        text = tr("Fetching subscriptions: {done} of {total} days")
        self.label.setText(text.format(done=count_text(done), total=count_text(total)))

    def _on_fetch_finished(self, report: ImportReport) -> None:
        said_before, self._said_before = self._said_before, None
        if report.files:
            self.on_finished(report)
        elif said_before is not None:
            self._set_running(False)
            self.label.setText(said_before)
            self.details_button.setVisible(bool(self._report and self._report.rejected))

    def on_started(self) -> None:
        self.label.setText(tr("Importing…"))
        self.progress.setRange(0, 0)
        self._set_running(True)
        self.details_button.hide()

    def on_progress(self, done: int, total: int) -> None:
        show_progress(self.progress, done, total)  # 100 % only once it is over
        self.label.setText(
            tr("Importing {done} of {total}").format(done=count_text(done), total=count_text(total))
        )

    def on_finished(self, report: ImportReport) -> None:
        self._report = report
        self._set_running(False)
        self.label.setText(summarize(report))
        self.details_button.setVisible(bool(report.rejected or report.warned))
        self._added = self._added or report.papers_new > 0

    def show_new_today(self, count: int) -> None:
        """ "12 new today" (the library's papers added today), once an import added some."""
        shown = self._added and count > 0
        self.new_today.setVisible(shown)
        self.new_today.setText(tr("{n} new today").format(n=count_text(count)) if shown else "")

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)

    def _show_details(self) -> None:
        if self._report is not None:
            ImportDetailsDialog(self._report, self).exec()


class ImportDetailsDialog(QDialog):
    """The files an import rejected, and what it cut from those it imported: each with its
    line and reason. Names and reasons are shown with their control characters as escapes
    (`for_display`): a newline in a file name must not make a row look like two."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import details"))
        rows = _detail_rows(report)
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels([tr("File"), tr("Outcome"), tr("Line"), tr("Reason")])
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self._lay_out_columns()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(960, 360)

    def _lay_out_columns(self) -> None:
        """The reason, the longest, takes the width the others leave and wraps in it."""
        table, header = self.table, self.table.horizontalHeader()
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), _FILE_COLUMN_WIDTH))
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The rows take the height of their wrapped reasons once the table has its new
        width: Qt measures only the columns in view, known after this event."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)


def _detail_rows(report: ImportReport) -> list[tuple[str, str, str, str]]:
    """(file, outcome, line, reason): rejected files first, then each warning."""
    rejected = [(file, tr("not imported"), file.error) for file in report.rejected]
    warned = [
        (file, tr("imported, with a warning"), warning)
        for file in report.warned
        for warning in file.warnings
    ]
    return [_detail_row(file, outcome, problem) for file, outcome, problem in rejected + warned]


def _detail_row(
    file: FileReport, outcome: str, problem: FileError | None
) -> tuple[str, str, str, str]:
    line = str(problem.line) if problem and problem.line else ""
    reason = for_display(tr_message(problem.reason)) if problem else ""
    return for_display(str(file.path)), outcome, line, reason
