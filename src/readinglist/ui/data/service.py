"""The window's gateway to the library: reads for the panes, writes for the user's edits.

Edits (`library.user_edits`) go through `EditRunner`, in order, large ones off the GUI
thread. Every write announces the papers it changed (`papers_changed`), so the list repaints
those rows only and the sidebar recounts; only papers moved into or out of the trash (or
deleted from it) reload the lists (`lists_changed`). Saved searches
announce themselves the same way (`saved_searches_changed`).

Reads for the panes run on the GUI thread (a page of rows, the paper shown: a millisecond on
a library file); on a shared library the list's rows come from a reader thread
(`rows_later`). What a command acts on (a tag's papers, to rename it) is read in the edits'
turn (`EditRunner.in_turn`): after the edits made before, on the writer thread wherever
edits go there; so are saved searches written, and watched folders read and written. There
a server that went away holds a read on the GUI thread until the connection gives up
(`CONNECTION_LIMITS`: about 10 s); after one has failed so, the reads on this thread answer
"nothing" at once for `SERVER_REST_S`, or until the live updates find the server back
(`server_back`), rather than hold the window again at each row scrolled.
"""

import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.paper import Paper
from readinglist.library import browse, field_sizes
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.failures import is_out_of_reach, storage_errors
from readinglist.library.user_edits import Clock, Edit
from readinglist.ui.data.edits import EditRunner, why_not
from readinglist.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.query import Query
    from readinglist.library.watch_folders import WatchFolder
    from readinglist.ui.data.queries import QueryRunner


SERVER_REST_S = 30.0  # reads on the GUI thread left alone after a shared server went away


class LibraryService(QObject):
    papers_changed = Signal(object)  # list[int]: paper ids whose user data changed
    lists_changed = Signal(object)  # list[int]: papers that went into or out of the trash,
    # or were deleted: every list and count is read again
    read_failed = Signal(str)  # why a read on the GUI thread failed (it answered "nothing")
    library_changed = Signal()  # papers were added (an import)
    saved_searches_changed = Signal()

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.clock: Clock = utc_now  # the time the edits are written at (tests move it)
        self.monotonic: Callable[[], float] = time.monotonic  # for the server's rest (tests)
        self._server_rests_until: float | None = None  # after a shared server went away
        self.edits = EditRunner(library, self)
        self.edits.written.connect(self._announce_written)

    # --- reads ---------------------------------------------------------------------------

    def rows(self, ids: Sequence[int]) -> dict[int, browse.PaperRow]:
        return self._read(lambda connection: browse.load_rows(connection, ids), {})

    def rows_later(
        self,
        queries: "QueryRunner",
        ids: Sequence[int],
        answer: Callable[[dict[int, browse.PaperRow] | None], None],
    ) -> None:
        """The rows of `ids` read on a reader thread: `answer(rows)` on this one, or
        `answer(None)` when the read failed (said through `read_failed`). A newer request
        supersedes one not yet answered."""

        def failed(why: str) -> None:
            answer(None)
            self.read_failed.emit(why)

        queries.submit("rows", partial(browse.load_rows, ids=list(ids)), answer, failed=failed)

    def paper(self, paper_id: int) -> Paper | None:
        return self._read(partial(_paper_read, paper_id=paper_id), None)

    def paper_ids_in_turn(self, query: "Query", then: Callable[[list[int]], object]) -> None:
        """`then(ids)` with the papers `query` matches (in no set order), read once the edits
        made before are written (`EditRunner.read_in_turn`)."""
        from readinglist.library.sorting import find_paper_ids

        self._read_in_turn(lambda connection: find_paper_ids(connection, query), then)

    def carrying_tag_in_turn(self, tag: str, then: Callable[[list[int]], object]) -> None:
        """`then(ids)` with every paper tagged `tag`, those in the trash too (renaming a tag
        renames it there), read once the edits made before are written."""
        self._read_in_turn(lambda connection: store.carrying_tag(connection, tag), then)

    def rows_in_turn(
        self, ids: Sequence[int], then: Callable[[dict[int, browse.PaperRow]], object]
    ) -> None:
        """`then(rows)` with the rows of `ids`, read once the edits made before are written
        (at once on a library file; off the window's thread on a shared library)."""
        self._read_in_turn(partial(browse.load_rows, ids=list(ids)), then)

    def trashed_ids_in_turn(self, then: Callable[[list[int]], object]) -> None:
        """`then(ids)` with the trash's papers, read once the edits made before are written."""
        from readinglist.library.trash import trashed_ids

        self._read_in_turn(trashed_ids, then)

    def _read_in_turn[T](
        self, read: Callable[["Connection"], T], then: Callable[[T], object]
    ) -> None:
        """What a command acts on: a read that fails says why (`read_failed`), nothing more."""
        self.edits.in_turn(read, then, self._say_read_failed)

    def _say_read_failed(self, error: Exception) -> None:
        self.read_failed.emit(why_not(error, self.library.location))

    def paper_id(self, arxiv_id: str) -> int | None:
        return self._read(lambda connection: store.paper_id_for(connection, arxiv_id), None)

    def longest_text(self, paper_id: int) -> int:
        return self._read(lambda connection: field_sizes.longest_text(connection, paper_id), 0)

    def _read[T](self, read: Callable[["Connection"], T], otherwise: T) -> T:
        """`read` in a read transaction; `otherwise` when the library cannot be read (a
        disk error), said through `read_failed` rather than raised into Qt's event loop."""
        if self._server_rests_until is not None:
            if self.monotonic() < self._server_rests_until:
                return otherwise
            self._server_rests_until = None
        try:
            with self.library.reading() as connection:
                return read(connection)
        except storage_errors() as error:
            if self.library.shared and is_out_of_reach(error):
                self._server_rests_until = self.monotonic() + SERVER_REST_S
            self.read_failed.emit(why_not(error, self.library.location))
            return otherwise

    def server_back(self) -> None:
        """A shared library's server answers again: reads on this thread go to it again."""
        self._server_rests_until = None

    def back_up_daily(self, queries: "QueryRunner", told: Callable[[str], object]) -> None:
        """Today's copy of the library, made on a reader thread; `told(why)` when it could
        not be made (a full disk): reading never depends on it. A shared library has none:
        its server's own backups keep it."""
        from readinglist.library.backup import BackupOutcome, back_up_today

        if self.library.shared:
            return
        path = self.library.path

        def said(outcome: BackupOutcome) -> None:
            if outcome.why_not_made is not None:
                told(outcome.why_not_made)

        queries.submit("backup", lambda connection: back_up_today(connection, path), said)

    # --- writes ----------------------------------------------------------------------------

    def apply(self, edit: Edit, *, in_background: bool = False) -> bool:
        """Make the edit (now, or after those queued; `in_background`: on the writer thread
        however small); `papers_changed` follows, or `edits.failed`. False when it failed
        at once."""
        return self.edits.run(edit, in_background=in_background)

    def revert(self, edit: Edit) -> bool:
        return self.edits.run(edit, undoing=True)

    def _announce_written(self, edit: Edit) -> None:
        if edit.changes_lists:  # papers left the lists shown, or came into them
            self.lists_changed.emit(edit.ids)
        else:
            self.papers_changed.emit(edit.ids)

    def note(self, paper_id: int) -> str:
        paper = self.paper(paper_id)
        return paper.note if paper else ""

    # --- saved searches --------------------------------------------------------------------

    # Written in the edits' turn (`EditRunner.in_turn`); `failed(error)` when refused (a
    # SavedSearchError, a QueryError) or not written (a storage error).

    def save_search(
        self,
        name: str,
        query_text: str,
        *,
        replace: bool = False,
        then: Callable[[int], object],
        failed: Callable[[Exception], object],
    ) -> None:
        """Save under `name`; `then(the saved search's id)`."""
        from readinglist.library import saved_searches  # SQLModel: not before the first rows

        def save(connection: "Connection") -> int:
            found = saved_searches.save_search(
                connection, name, query_text, utc_now(), replace=replace
            )
            return found.id

        self._saved_search_written(save, then, failed)

    def saved_search_named(self, name: str, then: Callable[[str | None], object]) -> None:
        """`then(the query text saved under name (any case), or None)`, in the edits' turn."""
        from readinglist.library import saved_searches

        def named(connection: "Connection") -> str | None:
            found = saved_searches.find_saved_search(connection, name)
            return found.query_text if found else None

        self._read_in_turn(named, then)

    def rename_saved_search(
        self, search_id: int, name: str, failed: Callable[[Exception], object]
    ) -> None:
        from readinglist.library import saved_searches

        rename = partial(saved_searches.rename_saved_search, search_id=search_id, name=name)
        self._saved_search_written(rename, _ignored, failed)

    def share_saved_search(
        self, search_id: int, shared: bool, failed: Callable[[Exception], object]
    ) -> None:
        """A shared library's saved search of mine shared with every member, or no more."""
        from readinglist.library import saved_searches

        share = partial(saved_searches.set_shared, search_id=search_id, shared=shared)
        self._saved_search_written(share, _ignored, failed)

    def delete_saved_search(self, search_id: int, failed: Callable[[Exception], object]) -> None:
        from readinglist.library import saved_searches

        delete = partial(saved_searches.delete_saved_search, search_id=search_id)
        self._saved_search_written(delete, _ignored, failed)

    def _saved_search_written[T](
        self,
        write: Callable[["Connection"], T],
        then: Callable[[T], object],
        failed: Callable[[Exception], object],
    ) -> None:
        def written(answer: T) -> None:
            self.saved_searches_changed.emit()
            then(answer)

        self.edits.in_turn(write, written, failed, writes=True)

    # --- watched folders -------------------------------------------------------------------

    # Read and written in the edits' turn; each answers with the folders as they then are.
    # `failed(error)`: the library could not be read or written, or (adding) the path is not
    # a folder (a WatchFolderError).

    def watched_folders_in_turn(
        self, then: Callable[[list["WatchFolder"]], object], failed: Callable[[Exception], object]
    ) -> None:
        from readinglist.library.watch_folders import list_folders

        self.edits.in_turn(list_folders, then, failed)

    def watch_folder_in_turn(
        self,
        path: Path,
        then: Callable[[list["WatchFolder"]], object],
        failed: Callable[[Exception], object],
    ) -> None:
        """Watch `path` (a folder watched already stays as it was)."""
        from readinglist.library import watch_folders

        def watch(connection: "Connection") -> list["WatchFolder"]:
            watch_folders.add_folder(connection, path, utc_now())
            return watch_folders.list_folders(connection)

        self.edits.in_turn(watch, then, failed, writes=True)

    def unwatch_folder_in_turn(
        self,
        path: Path,
        then: Callable[[list["WatchFolder"]], object],
        failed: Callable[[Exception], object],
    ) -> None:
        """Stop watching `path` (its papers stay); a folder not watched (any more) is no error."""
        from readinglist.library import watch_folders

        def unwatch(connection: "Connection") -> list["WatchFolder"]:
            with suppress(watch_folders.WatchFolderError):
                watch_folders.remove_folder(connection, path)
            return watch_folders.list_folders(connection)

        self.edits.in_turn(unwatch, then, failed, writes=True)


def _ignored(_: object) -> None:
    """What a write answers, when nothing follows it."""


LARGE_TEXT = 1_000_000  # characters in a paper's longest text: read off the GUI thread


class PaperLoader(QObject):
    """Reads a paper for the detail pane. From a library file: on the GUI thread, at once,
    as always, when its texts are of usual sizes; on the query runner's "paper" thread when
    one is huge (a 20 MB summary took 0.24 s to read, SQLite and JSON), answering through
    `loaded` while the window paints. Which it is, SQLite measures without reading the
    texts into Python (`field_sizes`). From a shared library (`always_elsewhere`): always
    on that thread, since a server that went away holds a read for seconds. A read there
    that fails answers through `unreadable`, and the service's `read_failed` says why."""

    loaded = Signal(int, object)  # the request's serial, the Paper (None: gone)
    unreadable = Signal(int)  # the request's serial: the paper could not be read

    def __init__(
        self, service: LibraryService, queries: "QueryRunner", *, always_elsewhere: bool
    ) -> None:
        super().__init__(service)
        self._service = service
        self._queries = queries
        self._always_elsewhere = always_elsewhere
        self._serial = 0
        self._waiting = False
        self._closed = False

    def load(self, paper_id: int) -> tuple[bool, Paper | None]:
        """(True, the paper) when read at once; (False, None) when `loaded` (or
        `unreadable`) will bring it. Only the newest request is answered: on the runner's
        thread a newer request skips one not yet begun."""
        self._serial += 1
        self._waiting = False
        if self._closed or not self._reads_elsewhere(paper_id):
            return True, self._service.paper(paper_id)
        self._waiting = True
        serial = self._serial
        self._queries.submit(
            "paper",
            partial(_paper_read, paper_id=paper_id),
            lambda paper: self.loaded.emit(serial, paper),
            failed=partial(self._failed, serial),
        )
        return False, None

    def _reads_elsewhere(self, paper_id: int) -> bool:
        return self._always_elsewhere or self._service.longest_text(paper_id) > LARGE_TEXT

    def _failed(self, serial: int, why: str) -> None:
        self.unreadable.emit(serial)
        self._service.read_failed.emit(why)

    def is_waiting(self) -> bool:
        return self._waiting

    def shutdown(self) -> None:
        self._closed = True

    def take(self, serial: int) -> bool:
        """Whether an answer is the newest request's (then nothing is awaited any more)."""
        newest = serial == self._serial
        if newest:
            self._waiting = False
        return newest


def _paper_read(connection: "Connection", paper_id: int) -> Paper | None:
    found = store.load_papers(connection, [paper_id])
    return found[0] if found else None
