"""The window's gateway to the library: reads for the panes, writes for the user's edits.

Every write announces the papers it changed (`papers_changed`), so the list repaints
those rows only and the sidebar recounts; nothing reloads the whole list. Saved searches
announce themselves the same way (`saved_searches_changed`).
"""

from collections.abc import Sequence

from readinglist.core.paper import Paper, ReadingStatus
from readinglist.library import browse, saved_searches
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.ui.qt import QObject, Signal


class LibraryService(QObject):
    papers_changed = Signal(list)  # paper ids whose user data changed
    library_changed = Signal()  # papers were added (an import)
    saved_searches_changed = Signal()

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library

    # --- reads ---------------------------------------------------------------------------

    def rows(self, ids: Sequence[int]) -> dict[int, browse.PaperRow]:
        with self.library.reading() as connection:
            return browse.load_rows(connection, ids)

    def paper(self, paper_id: int) -> Paper | None:
        with self.library.reading() as connection:
            found = store.load_papers(connection, [paper_id])
        return found[0] if found else None

    def user_states(self, ids: Sequence[int]) -> dict[int, tuple[bool, ReadingStatus]]:
        """Star and status by paper id: what a bulk edit remembers for its undo."""
        with self.library.reading() as connection:
            return store.user_states(connection, ids)

    def tagged(self, ids: Sequence[int], tag: str) -> set[int]:
        with self.library.reading() as connection:
            return store.tagged_ids(connection, ids, tag)

    def paper_id(self, arxiv_id: str) -> int | None:
        with self.library.reading() as connection:
            return store.paper_id_for(connection, arxiv_id)

    # --- writes ----------------------------------------------------------------------------

    def set_starred(self, starred_by_id: dict[int, bool]) -> None:
        with self.library.writing() as connection:
            for value in (True, False):
                ids = [i for i, starred in starred_by_id.items() if starred is value]
                store.set_starred(connection, ids, value)
        self.papers_changed.emit(list(starred_by_id))

    def set_status(self, status_by_id: dict[int, ReadingStatus]) -> None:
        now = utc_now()
        with self.library.writing() as connection:
            for status in set(status_by_id.values()):
                ids = [i for i, s in status_by_id.items() if s is status]
                store.set_status(connection, ids, status, now)
        self.papers_changed.emit(list(status_by_id))

    def set_tags(self, paper_id: int, tags: Sequence[str]) -> None:
        """Make the paper's tags exactly `tags`."""
        with self.library.writing() as connection:
            current = browse.load_rows(connection, [paper_id])[paper_id].tags
            wanted = {tag.lower() for tag in tags}
            store.remove_tags(
                connection, [paper_id], [t for t in current if t.lower() not in wanted]
            )
            store.add_tags(connection, [paper_id], tags)
        self.papers_changed.emit([paper_id])

    def add_tag(self, ids: Sequence[int], tag: str) -> None:
        with self.library.writing() as connection:
            store.add_tags(connection, ids, [tag])
        self.papers_changed.emit(list(ids))

    def remove_tag(self, ids: Sequence[int], tag: str) -> None:
        with self.library.writing() as connection:
            store.remove_tags(connection, ids, [tag])
        self.papers_changed.emit(list(ids))

    def set_note(self, paper_id: int, note: str) -> None:
        with self.library.writing() as connection:
            store.set_note(connection, paper_id, note, utc_now())
        self.papers_changed.emit([paper_id])

    def note(self, paper_id: int) -> str:
        paper = self.paper(paper_id)
        return paper.note if paper else ""

    # --- saved searches --------------------------------------------------------------------

    def save_search(self, name: str, query_text: str, replace: bool = False) -> int:
        """Save under `name` (raises SavedSearchError or QueryError); the saved search's id."""
        with self.library.writing() as connection:
            saved = saved_searches.save_search(
                connection, name, query_text, utc_now(), replace=replace
            )
        self.saved_searches_changed.emit()
        return saved.id

    def saved_search_named(self, name: str) -> str | None:
        """The query text saved under `name` (any case), or None."""
        with self.library.reading() as connection:
            found = saved_searches.find_saved_search(connection, name)
        return found.query_text if found else None

    def rename_saved_search(self, search_id: int, name: str) -> None:
        with self.library.writing() as connection:
            saved_searches.rename_saved_search(connection, search_id, name)
        self.saved_searches_changed.emit()

    def delete_saved_search(self, search_id: int) -> None:
        with self.library.writing() as connection:
            saved_searches.delete_saved_search(connection, search_id)
        self.saved_searches_changed.emit()
