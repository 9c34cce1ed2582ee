"""Copy the papers shown to the clipboard; open their pages (arXiv, PDF, Hugging Face) in the
web browser. Triage's Copy and Open actions ask for it; this does it.

Both act on what every action acts on: the selection, in the list's order. The copied text is
made on a reader thread from whole papers (BibTeX needs their links and tags), as an export is,
so Ctrl+A, Ctrl+C on a large library never stalls the window; the clipboard is filled when the
text is ready. Opening needs only the papers' arXiv ids, read at once on a library file, off
the window's thread on a shared library (`LibraryService.rows_in_turn`); more than
`ASK_ABOVE` pages at a time are opened only once the user says so. Only http and https
links leave the app, and when no browser starts the status bar says so.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from readinglist.core.arxiv import PaperPage
from readinglist.core.copy_formats import CopyFormat, copy_text
from readinglist.core.render import is_safe_link
from readinglist.ui.i18n import count_text, counted, tr
from readinglist.ui.qt import (
    QDesktopServices,
    QGuiApplication,
    QMessageBox,
    QObject,
    QUrl,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.browse import PaperRow
    from readinglist.ui.data.queries import QueryRunner
    from readinglist.ui.data.service import LibraryService

ASK_ABOVE = 10  # pages opened at once without asking first


@dataclass
class OpenQuestions:
    """How to ask (a dialog by default; tests answer directly)."""

    open_many: Callable[[int], bool]  # open this many pages at once?


def dialogs(parent: QWidget) -> OpenQuestions:
    def open_many(count: int) -> bool:
        buttons = QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(
            parent,
            tr("Open Pages"),
            tr("Open {n} pages in your web browser, one for each selected paper?").format(
                n=count_text(count)
            ),
            buttons,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    return OpenQuestions(open_many)


class CopyOpen(QObject):
    said = Signal(str)  # a sentence for the status bar

    def __init__(
        self,
        shown: Callable[[], list[int]],
        questions: OpenQuestions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._shown = shown
        self.questions = questions
        self._service: LibraryService | None = None
        self._queries: QueryRunner | None = None

    def attach(self, service: "LibraryService", queries: "QueryRunner") -> None:
        self._service = service
        self._queries = queries

    def copy(self, format: CopyFormat) -> None:
        """The papers shown, as `format`, onto the clipboard (once read, off the GUI thread)."""
        ids = self._shown()
        if self._queries is None or not ids:
            return

        def text(connection: "Connection") -> tuple[str, int]:
            from readinglist.library.export_source import stream_papers

            papers = list(stream_papers(connection, ids))
            return copy_text(papers, format), len(papers)

        self._queries.submit("copy", text, self._copied)

    def _copied(self, result: tuple[str, int]) -> None:
        text, count = result
        if not count:  # gone from the library meanwhile
            return
        QGuiApplication.clipboard().setText(text)
        self.said.emit(counted(count, tr("Copied 1 paper"), tr("Copied {n} papers")))

    def open(self, page: PaperPage) -> None:
        """The page of each paper shown, in the list's order; asks first above `ASK_ABOVE`."""
        ids = self._shown()
        if self._service is None or not ids:
            return
        if len(ids) > ASK_ABOVE and not self.questions.open_many(len(ids)):
            return
        self._service.rows_in_turn(ids, partial(self._open_pages, page, ids))

    def _open_pages(self, page: PaperPage, ids: list[int], rows: "dict[int, PaperRow]") -> None:
        for paper_id in ids:
            row = rows.get(paper_id)
            if row is not None and not self.open_link(page.url(row.arxiv_id)):
                return  # no browser: the next would fail too

    def open_link(self, url: str) -> bool:
        """Open `url` in the web browser: only http and https links leave the app (never
        `javascript:` or `file:`). False when it did not open, said in the status bar when
        no browser could be started."""
        if not is_safe_link(url):
            return False
        if QDesktopServices.openUrl(QUrl(url)):
            return True
        self.said.emit(tr("Could not start a web browser to open {url}").format(url=url))
        return False
