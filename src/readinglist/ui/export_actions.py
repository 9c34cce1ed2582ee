"""File → Export…: ask which papers and which format, ask where, then write the file on a
reader thread (200,000 papers take seconds to load and format) and say how it went.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.export import ExportFormat
from readinglist.core.listing import SortKey
from readinglist.core.query import Query
from readinglist.ui.export_dialog import ExportChoice, ExportDialog, ExportScope
from readinglist.ui.qt import QCoreApplication, QDialog, QFileDialog, QObject, QWidget, Signal
from readinglist.ui.queries import QueryRunner

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export: these ids, or (when `ids` is None) every paper matching `query` in the
    list's order."""

    choice: ExportChoice
    path: Path
    ids: list[int] | None
    query: Query
    order: tuple[SortKey, bool]  # the list's sort column, and whether it descends


@dataclass
class ExportQuestions:
    """How to ask (dialogs by default; tests answer directly)."""

    choose: Callable[[int, int, ExportFormat], ExportChoice | None]
    where: Callable[[ExportFormat], Path | None]


def dialogs(parent: QWidget) -> ExportQuestions:
    def choose(selected: int, listed: int, last: ExportFormat) -> ExportChoice | None:
        dialog = ExportDialog(selected, listed, last, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def where(export_format: ExportFormat) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            _tr("Export papers"),
            f"readinglist{export_format.suffix}",
            f"{export_format.value} (*{export_format.suffix})",
        )
        return Path(name) if name else None

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

    def export(
        self, selected: list[int], listed: int, list_query: Query, order: tuple[SortKey, bool]
    ) -> None:
        """Ask, then export the selection or the list (`list_query`, sorted by `order`)."""
        choice = self.questions.choose(len(selected), listed, self._last_format)
        if choice is None:
            return
        self._last_format = choice.format
        path = self.questions.where(choice.format)
        if path is None:
            return
        ids = selected if choice.scope is ExportScope.SELECTION else None
        self.write(ExportRequest(choice, path, ids, list_query, order))

    def write(self, request: ExportRequest) -> None:
        def export(connection: "Connection") -> str:
            from readinglist.core.export import write_export
            from readinglist.library.papers import find_paper_ids, load_papers

            ids = request.ids
            if ids is None:
                ids = find_paper_ids(connection, request.query, *request.order)
            papers = load_papers(connection, ids)
            try:
                write_export(papers, request.choice.format, request.path)
            except OSError as error:
                return _tr("Could not write {path}: {why}").format(
                    path=request.path, why=error.strerror or error
                )
            return _exported(len(papers), request.path)

        self._queries.submit("export", export, self.finished.emit)


def _exported(count: int, path: Path) -> str:
    text = _tr("Exported 1 paper to {path}") if count == 1 else _tr("Exported {n} papers to {path}")
    return text.format(n=f"{count:,}", path=path)
