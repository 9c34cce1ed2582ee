"""Long bulk edits from the window are written a part at a time: another program writing the
library (`readinglist set`) waits for one part, not the whole edit; the edit stays one undo
step, undone exactly, and all or nothing."""

import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library import user_edits
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.user_edits import (
    AddTagEdit,
    RemoveTagEdit,
    StarEdit,
    StatusEdit,
    ToggleStarEdit,
    write_in_parts,
)
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry

PAPERS = 3_000
OTHER_WRITER_TIMEOUT_S = 2.0  # less than the whole edit takes, far more than a part
SLOWER_BY_S = 0.001  # per paper tagged: as slow as tagging is in a 54,000-paper library


def fill(library: Library, digests: DigestWriter, count: int) -> list[int]:
    per_file = 200
    files = [
        digests.write(
            f"{n}.md",
            f"2024-01-{n + 1:02d}",
            [FakeEntry(f"2401.{n * per_file + k + 1:05d}") for k in range(per_file)],
        )
        for n in range(-(-count // per_file))
    ]
    import_paths(library, files)
    with library.reading() as connection:
        return sorted(store.find_paper_ids(connection))[:count]


@dataclass
class OtherWriter:
    """Another program writing the library every so often, as `readinglist set` would,
    willing to wait OTHER_WRITER_TIMEOUT_S for the lock."""

    path: Path
    paper_id: int
    waits: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        connection = sqlite3.connect(self.path, timeout=OTHER_WRITER_TIMEOUT_S)
        connection.isolation_level = None
        try:
            while not self.stop.wait(0.05):
                self._write_once(connection, f"written by another program {len(self.waits)}")
        finally:
            connection.close()

    def _write_once(self, connection: sqlite3.Connection, note: str) -> None:
        started = time.perf_counter()
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            self.errors.append(str(error))
            return
        self.waits.append(time.perf_counter() - started)
        connection.execute("UPDATE papers SET note = ? WHERE id = ?", (note, self.paper_id))
        connection.execute("COMMIT")


@pytest.fixture
def slow_tagging(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tagging as slow as in a large library (the search index entry of each paper is
    rewritten), so that the edit outlasts what another writer will wait."""
    add_tags = store.add_tags

    def slow(connection: object, ids: Sequence[int], names: Sequence[str]) -> None:
        ids = list(ids)
        time.sleep(SLOWER_BY_S * len(ids))
        add_tags(connection, ids, names)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "add_tags", slow)


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    fill(library, digests, PAPERS)
    return library


@pytest.fixture
def other_writer(library: Library) -> Iterator[OtherWriter]:
    with library.reading() as connection:
        first = min(store.find_paper_ids(connection))
    writer = OtherWriter(library.path, first)
    thread = threading.Thread(target=writer.run, name="other-writer")
    thread.start()
    yield writer
    writer.stop.set()
    thread.join(timeout=30)


@pytest.mark.slow
def test_another_program_can_write_during_a_long_bulk_edit(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    slow_tagging: None,
    other_writer: OtherWriter,
) -> None:
    assert window.service is not None
    edits = window.service.edits
    window.list_pane.view.selectAll()
    writes_before = len(other_writer.waits)
    started = time.perf_counter()

    window.triage.add_tag("bulk")  # the selection panel's Add tag: all 3,000 papers
    qtbot.waitUntil(lambda: not edits.is_busy(), timeout=120_000)

    took = time.perf_counter() - started
    assert took > OTHER_WRITER_TIMEOUT_S  # longer than the other writer would wait
    assert other_writer.errors == []
    assert len(other_writer.waits) - writes_before >= 3  # it got in while the edit ran
    assert max(other_writer.waits) < OTHER_WRITER_TIMEOUT_S
    with library.reading() as connection:
        ids = store.find_paper_ids(connection)
        assert store.tagged_ids(connection, ids, "bulk") == set(ids)
    assert window.triage.undo_stack.count() == 1  # one step


# --- library level: parts, undone exactly, all or nothing -------------------------------------


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts of one or two papers, so that a few papers make many parts."""
    monkeypatch.setattr(user_edits, "FIRST_PART", 2)
    monkeypatch.setattr(user_edits, "PART_SECONDS", 1e-9)


def no_pause(_: float) -> None:
    pass


def states(library: Library, ids: list[int]) -> dict[int, tuple[object, ...]]:
    with library.reading() as connection:
        users = store.user_states(connection, ids)
        tagged = {tag: store.tagged_ids(connection, ids, tag) for tag in ("a", "b")}
    return {
        i: (
            users[i].starred,
            users[i].status,
            users[i].status_changed_at,
            *(i in tagged[tag] for tag in ("a", "b")),
        )
        for i in ids
    }


def mix(library: Library, ids: list[int]) -> None:
    """Papers in every state: some starred, some read or queued (at different times), some
    tagged a or b."""
    with library.writing() as connection:
        store.set_starred(connection, ids[::3], True)
        store.set_status(connection, ids[::4], ReadingStatus.READ, utc_now())
        store.undo_status(connection, ids[1::5], ReadingStatus.QUEUED, None)  # at no known time
        store.add_tags(connection, ids[::2], ["a"])
        store.add_tags(connection, ids[1::3], ["b"])


@pytest.mark.parametrize(
    "make",
    [
        lambda ids: StarEdit(ids, True),
        ToggleStarEdit,
        lambda ids: StatusEdit(ids, ReadingStatus.SKIPPED),
        lambda ids: AddTagEdit(ids, "a"),
        lambda ids: RemoveTagEdit(ids, "b"),
    ],
    ids=["star", "toggle star", "status", "add tag", "remove tag"],
)
def test_an_edit_written_in_parts_is_undone_exactly(
    library: Library, small_parts: None, make: object
) -> None:
    ids = _all(library)[:40]
    mix(library, ids)
    before, history = states(library, ids), status_history(library)
    edit = make(ids)  # type: ignore[operator]

    write_in_parts(library, edit, pause=no_pause)
    assert states(library, ids) != before
    write_in_parts(library, edit, undo=True, pause=no_pause)
    assert (states(library, ids), status_history(library)) == (before, history)
    write_in_parts(library, edit, pause=no_pause)  # redo, then undo again
    write_in_parts(library, edit, undo=True, pause=no_pause)
    assert (states(library, ids), status_history(library)) == (before, history)


def status_history(library: Library) -> list[tuple[object, ...]]:
    with library.reading() as connection:
        found = connection.exec_driver_sql("SELECT paper_id, status, at FROM status_events")
        return sorted(tuple(row) for row in found)


def test_a_part_that_fails_takes_back_the_parts_before_it(
    library: Library, small_parts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _all(library)[:10]
    mix(library, ids)
    before = states(library, ids)
    set_status, calls = store.set_status, []

    def full_on_the_third_part(*args: object) -> None:
        calls.append(args)
        if len(calls) == 3:
            raise sqlite3.OperationalError("database or disk is full")
        set_status(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "set_status", full_on_the_third_part)

    with pytest.raises(sqlite3.OperationalError):
        write_in_parts(library, StatusEdit(ids, ReadingStatus.READ), pause=no_pause)
    assert states(library, ids) == before


def test_parts_hold_the_lock_about_as_long_as_meant(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sized from the time the last part took, growing at most fourfold a step."""
    assert user_edits._next_size(500, 0.25) == 1_000
    assert user_edits._next_size(500, 2.0) == 125
    assert user_edits._next_size(500, 0.0) == 2_000
    assert user_edits._next_size(10_000, 0.01) == user_edits.LARGEST_PART


def _all(library: Library) -> list[int]:
    with library.reading() as connection:
        return sorted(store.find_paper_ids(connection))
