"""The window's gateway to the library: reads for the panes, writes for the user's edits.

Edits (`library.user_edits`) go through `EditRunner`, in order, large ones off the GUI
thread. Every write announces the papers it changed (`papers_changed`), so the list repaints
those rows only and the sidebar recounts; nothing reloads the whole list. Saved searches
announce themselves the same way (`saved_searches_changed`).
"""

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import Connection

from readinglist.core.paper import Paper
from readinglist.library import browse, saved_searches
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.ui.edits import EditRunner
from readinglist.ui.qt import QObject, Signal


class Edit(Protocol):
    """One of `library.user_edits`: applied and reverted inside a write transaction."""

    @property
    def ids(self) -> list[int]: ...

    def apply(self, connection: Connection) -> None: ...

    def revert(self, connection: Connection) -> None: ...


class LibraryService(QObject):
    papers_changed = Signal(list)  # paper ids whose user data changed
    library_changed = Signal()  # papers were added (an import)
    saved_searches_changed = Signal()

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.edits = EditRunner(library, self)
        self.edits.applied.connect(self.papers_changed)

    # --- reads ---------------------------------------------------------------------------

    def rows(self, ids: Sequence[int]) -> dict[int, browse.PaperRow]:
        with self.library.reading() as connection:
            return browse.load_rows(connection, ids)

    def paper(self, paper_id: int) -> Paper | None:
        with self.library.reading() as connection:
            found = store.load_papers(connection, [paper_id])
        return found[0] if found else None

    def paper_id(self, arxiv_id: str) -> int | None:
        with self.library.reading() as connection:
            return store.paper_id_for(connection, arxiv_id)

    # --- writes ----------------------------------------------------------------------------

    def apply(self, edit: "Edit") -> None:
        """Make the edit (now, or after those queued); `papers_changed` follows."""
        self.edits.run(edit.ids, edit.apply)

    def revert(self, edit: "Edit") -> None:
        self.edits.run(edit.ids, edit.revert)

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
