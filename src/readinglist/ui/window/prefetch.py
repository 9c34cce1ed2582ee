"""Media → Prefetch: the teasers of a digest or of the selection, read from the library on a
reader thread and handed to the media pane's prefetcher."""

from typing import TYPE_CHECKING

from readinglist.core.digest import Media
from readinglist.ui.qt import QObject

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.query import Query
    from readinglist.ui.data.queries import QueryRunner
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.list.pane import PaperListPane
    from readinglist.ui.media.pane import MediaPane
    from readinglist.ui.sidebar.pane import SidebarPane


class MediaPrefetch(QObject):
    def __init__(
        self,
        sidebar: "SidebarPane",
        list_pane: "PaperListPane",
        media: "MediaPane",
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._sidebar = sidebar
        self._list = list_pane
        self._media = media
        self._service: LibraryService | None = None
        self._queries: QueryRunner | None = None

    def attach(self, service: "LibraryService", queries: "QueryRunner") -> None:
        self._service = service
        self._queries = queries

    def selection(self) -> None:
        from readinglist.core.query import Query

        self._prefetch(Query(), self._list.selected_ids())

    def digest(self) -> None:
        """The digest chosen in the sidebar, else the current paper's latest digest."""
        from readinglist.core.query import Query

        query = self._sidebar.current_query()
        if not query.digests:
            paper_id = self._list.current_id()
            service = self._service
            paper = service.paper(paper_id) if service and paper_id is not None else None
            if paper is None:
                return
            query = Query(digests=(paper.last_seen,))
        self._prefetch(query, None)

    def papers_of(self, query: "Query") -> None:
        """The teasers of a digest, month or year (the sidebar's context menu)."""
        self._prefetch(query, None)

    def _prefetch(self, query: "Query", paper_ids: list[int] | None) -> None:
        if self._queries is None:
            return
        from readinglist.library.papers import find_paper_ids, load_papers

        def teasers(connection: "Connection") -> list[Media]:
            ids = find_paper_ids(connection, query) if paper_ids is None else paper_ids
            return [p.media for p in load_papers(connection, ids) if p.media is not None]

        self._queries.submit("prefetch", teasers, self._media.prefetch)
