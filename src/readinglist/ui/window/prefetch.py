"""Media → Prefetch: the teasers of a digest or of the selection, read from the library on a
reader thread and handed to the media pane's prefetcher."""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from readinglist.core.digest import Media
from readinglist.ui.qt import QObject

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.query import Query
    from readinglist.ui.data.queries import QueryRunner
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
        self._queries: QueryRunner | None = None

    def attach(self, queries: "QueryRunner") -> None:
        self._queries = queries

    def digest(self) -> None:
        """The digest chosen in the sidebar, else the current paper's latest digest."""
        query = self._sidebar.current_query()
        if query.digests:
            self._prefetch(lambda _connection: query, None)
            return
        paper_id = self._list.current_id()
        if paper_id is not None:
            self._prefetch(partial(_latest_digest_of, paper_id=paper_id), None)

    def papers_of(self, query: "Query") -> None:
        """The teasers of a digest, month or year (the sidebar's context menu)."""
        self._prefetch(lambda _connection: query, None)

    def selection(self) -> None:
        from readinglist.core.query import Query

        self._prefetch(lambda _connection: Query(), self._list.selected_ids())

    def _prefetch(
        self, query_of: "Callable[[Connection], Query | None]", paper_ids: list[int] | None
    ) -> None:
        """The teasers of `paper_ids`, or else of the papers the query (read on the reader
        thread: it may need the library) finds."""
        if self._queries is None:
            return
        from readinglist.library.papers import find_paper_ids, load_papers

        def teasers(connection: "Connection") -> list[Media]:
            if paper_ids is None:
                query = query_of(connection)
                ids = find_paper_ids(connection, query) if query is not None else []
            else:
                ids = paper_ids
            return [p.media for p in load_papers(connection, ids) if p.media is not None]

        self._queries.submit("prefetch", teasers, self._media.prefetch)


def _latest_digest_of(connection: "Connection", paper_id: int) -> "Query | None":
    from readinglist.core.query import Query
    from readinglist.library.papers import load_papers

    found = load_papers(connection, [paper_id])
    return Query(digests=(found[0].last_seen,)) if found else None
