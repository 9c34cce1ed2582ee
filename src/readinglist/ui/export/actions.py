"""File → Export…: ask which papers and which format, ask where, then write the file on a
reader thread (200,000 papers take seconds to load and format), reading the papers a chunk at
a time as they are written, and say how it went.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.export import ExportFormat
from readinglist.ui.data.queries import QueryRunner
from readinglist.ui.export.dialog import ExportChoice, ExportDialog, ExportScope
from readinglist.ui.file_dialogs import FileDialogs
from readinglist.ui.i18n import counted, tr
from readinglist.ui.qt import QDialog, QObject, QSettings, QWidget, Signal

if TYPE_CHECKING:
    from sqlalchemy import Connection


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """These papers, in this order, to `path`."""

    choice: ExportChoice
    path: Path
    ids: list[int]


@dataclass
class ExportQuestions:
    """How to ask (dialogs by default; tests answer directly)."""

    # (selected, listed, the last format, the papers to offer first) -> the choice
    choose: Callable[[int, int, ExportFormat, ExportScope], ExportChoice | None]
    where: Callable[[ExportFormat], Path | None]


def dialogs(parent: QWidget, settings: QSettings) -> ExportQuestions:
    files = FileDialogs(parent, settings)

    def choose(
        selected: int, listed: int, last: ExportFormat, scope: ExportScope
    ) -> ExportChoice | None:
        dialog = ExportDialog(selected, listed, last, parent, scope=scope)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.choice() if accepted else None

    def where(export_format: ExportFormat) -> Path | None:
        return files.save_file(
            tr("Export papers"),
            f"readinglist{export_format.suffix}",
            f"{export_format.value} (*{export_format.suffix})",
        )

    return ExportQuestions(choose, where)


class ExportActions(QObject):
    finished = Signal(str)  # a sentence for the status bar

    def __init__(
        self, queries: QueryRunner, questions: ExportQuestions, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._queries = queries
        self.questions = questions
        self._last_format = ExportFormat.BIBTEX
        self._writing = False  # one export at a time: the channel answers only the newest

    def export(
        self, selected: list[int], listed: list[int], *, selection_first: bool = False
    ) -> None:
        """Ask, then export the selection or the papers the list shows, in its order. The
        dialog offers the selection first when asked to (Export Selected…) or when several
        papers are selected."""
        if self._writing:
            self.finished.emit(tr("An export is still being written; try again when it is done."))
            return
        first = selection_first or len(selected) > 1
        scope = ExportScope.SELECTION if first else ExportScope.LIST
        choice = self.questions.choose(len(selected), len(listed), self._last_format, scope)
        if choice is None:
            return
        self._last_format = choice.format
        path = self.questions.where(choice.format)
        if path is None:
            return
        ids = selected if choice.scope is ExportScope.SELECTION else listed
        self.write(ExportRequest(choice, path, ids))

    def write(self, request: ExportRequest) -> None:
        def export(connection: "Connection") -> str:
            from readinglist.core.export import write_export
            from readinglist.library.export_source import stream_papers

            papers = stream_papers(connection, request.ids)
            try:
                count = write_export(papers, request.choice.format, request.path)
            except OSError as error:
                return tr("Could not write {path}: {why}").format(
                    path=request.path, why=error.strerror or error
                )
            return _exported(count, request.path)

        self._writing = True
        self._queries.submit("export", export, self._on_written)

    def _on_written(self, message: str) -> None:
        self._writing = False
        self.finished.emit(message)


def _exported(count: int, path: Path) -> str:
    return counted(
        count, tr("Exported 1 paper to {path}"), tr("Exported {n} papers to {path}"), path=path
    )
