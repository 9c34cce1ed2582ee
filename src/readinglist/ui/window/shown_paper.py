"""The paper the detail and media panes show: whatever the list's selection is.

One paper selected: the detail pane and its teaser. Several: the selection panel. None:
nothing. A paper with huge fields, and every paper of a shared library, is read off the GUI
thread (`PaperLoader`); only the newest request is shown, so a slow read never lands on the
paper selected after it. Meanwhile the paper shown before stays (edits made in the pane go to
it, the paper seen) until the new one comes, or "Loading…" shows after LOADING_SHOWN_AFTER_MS:
a server's few milliseconds never flash an empty pane.
"""

from typing import TYPE_CHECKING

from readinglist.core.paper import Paper
from readinglist.ui.qt import QObject, QTimer

if TYPE_CHECKING:
    from readinglist.ui.data.queries import QueryRunner
    from readinglist.ui.data.service import LibraryService, PaperLoader
    from readinglist.ui.detail.stack import DetailStack
    from readinglist.ui.media.pane import MediaPane


LOADING_SHOWN_AFTER_MS = 150  # a read slower than this says "Loading…"


class ShownPaper(QObject):
    def __init__(self, stack: "DetailStack", media: "MediaPane", parent: QObject) -> None:
        super().__init__(parent)
        self._stack = stack
        self._media = media
        self._service: LibraryService | None = None
        self._loader: PaperLoader | None = None
        self._wanted: int | None = None  # the paper shown, or about to be
        self._loading_shown = QTimer(self)
        self._loading_shown.setSingleShot(True)
        self._loading_shown.setInterval(LOADING_SHOWN_AFTER_MS)
        self._loading_shown.timeout.connect(self._show_loading)

    def attach(self, service: "LibraryService", queries: "QueryRunner") -> None:
        """`queries` reads a shared library's papers (a library file's are read at once)."""
        from readinglist.ui.data.service import PaperLoader

        self._service = service
        self._loader = PaperLoader(service, queries, always_elsewhere=service.library.shared)
        self._loader.loaded.connect(self._on_loaded)
        self._loader.unreadable.connect(self._on_unreadable)

    def show_selection(self, ids: list[int]) -> None:
        if len(ids) > 1:
            self._stack.show_selection(len(ids))
            return
        self._show(ids[0] if ids else None)
        self._stack.show_detail()

    def refresh(self, ids: list[int]) -> None:
        """Papers changed: the one shown is read again, unless edits of it are still queued
        (the note would jump back to a save still landing)."""
        settled = self._service is None or not self._service.edits.is_busy()
        if self._wanted in ids and settled:
            self._show(self._wanted)

    def is_waiting(self) -> bool:
        return self._loader is not None and self._loader.is_waiting()

    def shutdown(self) -> None:
        self._loading_shown.stop()
        if self._loader is not None:
            self._loader.shutdown()

    def _show(self, paper_id: int | None) -> None:
        self._wanted = paper_id
        if self._loader is None or paper_id is None:
            self._present(None)
            return
        arrived, paper = self._loader.load(paper_id)
        if arrived:
            self._present(paper)
        elif not self._loading_shown.isActive():
            self._loading_shown.start()

    def _show_loading(self) -> None:
        if self.is_waiting() and self._stack.detail.paper_id() != self._wanted:
            self._stack.detail.show_loading()
            self._media.show_media(None)

    def _on_loaded(self, serial: int, paper: Paper | None) -> None:
        if self._loader is not None and self._loader.take(serial):
            self._present(paper)

    def _on_unreadable(self, serial: int) -> None:
        """The paper could not be read (the status bar says why): the one shown stays if it
        is the one wanted (read again after an edit), else nothing is shown."""
        if self._loader is None or not self._loader.take(serial):
            return
        if self._stack.detail.paper_id() != self._wanted:
            self._present(None)

    def _present(self, paper: Paper | None) -> None:
        self._loading_shown.stop()
        self._stack.detail.show_paper(paper)
        self._media.show_media(paper.media if paper else None)
