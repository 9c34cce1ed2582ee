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
            self.papers_of(query)
            return
        paper_id = self._list.current_id()
        if paper_id is not None:
            self._prefetch(partial(_latest_digests_papers, paper_id=paper_id))

    def papers_of(self, query: "Query") -> None:
        """The teasers of a digest, month or year (the sidebar's context menu)."""
        from readinglist.library.papers import find_paper_ids

        self._prefetch(partial(find_paper_ids, query=query))

    def selection(self) -> None:
        ids = self._list.selected_ids()
        self._prefetch(lambda _connection: ids)

    def _prefetch(self, papers: "Callable[[Connection], list[int]]") -> None:
        """The teasers of the papers `papers` reads (on the reader thread: it may need the
        library)."""
        if self._queries is None:
            return
        from readinglist.library.papers import load_papers

        def teasers(connection: "Connection") -> list[Media]:
            found = load_papers(connection, papers(connection))
            return [paper.media for paper in found if paper.media is not None]

        self._queries.submit("prefetch", teasers, self._media.prefetch)


def _latest_digests_papers(connection: "Connection", paper_id: int) -> list[int]:
    """The papers of the digest the paper was last seen in (none when it is gone)."""
    from readinglist.core.query import Query
    from readinglist.library.papers import find_paper_ids, load_papers

    found = load_papers(connection, [paper_id])
    return find_paper_ids(connection, Query(digests=(found[0].last_seen,))) if found else []
