"""`copy_library`: a library file into a new shared library and back, with one person's own
data; alice's state never becomes bob's; a DEST that is not new is refused, and a failure
half-way leaves the DEST as it was. Against the tests' real PostgreSQL server."""

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from readinglist.cli import main
from readinglist.library.location import library_place
from readinglist.library.shared.copy_sides import PostgresWriter, SqliteWriter
from readinglist.library.shared.copying import CopyError, copy_library
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import connected_as

Run = Callable[..., int]

# What a round trip keeps, as comparable rows: (table, columns, order). Rules and status
# events get new ids in a shared library: they are compared by what they hold.
KEPT = (
    (
        "papers",
        "arxiv_id, title, votes, starred, status, status_changed_at, note, "
        "note_changed_at, added_at, seen_count",
        "id",
    ),
    ("digests", "id, source, date, content_hash, imported_at", "id"),
    ("digest_files", "id, content_hash, papers_new", "id"),
    ("sightings", "id, paper_id, digest_id, position, votes, summary, id_only", "id"),
    ("tags", "id, name", "id"),
    ("paper_tags", "paper_id, tag_id", "paper_id, tag_id"),
    ("status_events", "paper_id, status, at", "id"),
    ("trash", "paper_id, trashed_at", "paper_id"),
    ("saved_searches", "name, query, created_at", "id"),
    ("rules", "name, query, tags, status, star, first, created_at", "id"),
    ("rule_hits", "paper_id, (SELECT name FROM rules WHERE id = rule_id), at", "paper_id"),
    ("triage_state", "id, today_since, last_triage_at", "id"),
    ("resurfacing", "paper_id, passes, due_at, shown_since", "paper_id"),
)


def runner(library: str | Path) -> Run:
    return lambda *args: main(["--library", str(library), *args])


def rows_of(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as connection:
        return {
            table: connection.execute(f"SELECT {columns} FROM {table} ORDER BY {order}").fetchall()
            for table, columns, order in KEPT
        }


@pytest.fixture
def mine(tmp_path: Path, digests: DigestWriter) -> Path:
    """A library file with a reader's own data on every table copy copies."""
    path = tmp_path / "mine.sqlite"
    run = runner(path)
    assert run("rules", "add", "popular", "--tag", "hot", "--star", "votes:>5") == 0
    day = [
        FakeEntry("2403.00001", title="Robots that read", votes=3),
        FakeEntry("2403.00002", title="Popular paper", votes=9),
        FakeEntry("2403.00003", title="Binned paper", votes=1),
    ]
    assert run("import", str(digests.write("a.md", "2024-03-01", day))) == 0
    assert run("set", "2403.00001", "--status", "queued") == 0
    mark = ("--status", "read", "--note", "meine Notiz", "--tag", "robots")
    assert run("set", "2403.00001", *mark) == 0
    assert run("trash", "2403.00003") == 0
    assert run("saved", "add", "robotics", "tag:robots") == 0
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT OR REPLACE INTO triage_state (id, today_since, last_triage_at) "
            "VALUES (1, '2024-03-01 06:00:00.000000', '2024-03-01 07:00:00.000000')"
        )
        connection.execute(
            "INSERT INTO resurfacing (paper_id, passes, due_at, shown_since) SELECT id, 2, "
            "'2024-03-09 06:00:00.000000', NULL FROM papers WHERE arxiv_id = '2403.00002'"
        )
    return path


def test_a_round_trip_keeps_the_library_and_the_persons_own_data(
    mine: Path,
    shared: PostgresDatabase,
    members: tuple[str, str],
    digests: DigestWriter,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice = shared.url_as(members[0])
    back = mine.parent / "back" / "copy.sqlite"

    there = copy_library(mine, library_place(alice))
    home = copy_library(library_place(alice), back)

    assert there.counts_match and there.sound and there.dest_person == members[0]
    assert {name: n for name, n, _ in there.counts}["papers"] == 3
    assert home.sound and home.health is not None and home.health.index_in_step
    original, copied = rows_of(mine), rows_of(back)
    for table, _, _ in KEPT:
        assert copied[table] == original[table], table
        assert original[table], f"the test's library holds no {table}"
    assert [path.name for path in back.parent.iterdir()] == ["copy.sqlite"]
    capsys.readouterr()
    assert main(["--library", str(back), "list", "--json", "notiz"]) == 0  # the index is built
    assert [paper["arxiv_id"] for paper in json.loads(capsys.readouterr().out)] == ["2403.00001"]
    # The shared library's id sequences went past the ids copied: new papers still come in.
    later = [FakeEntry("2403.00004", votes=2)]
    assert runner(alice)("import", str(digests.write("b.md", "2024-03-02", later))) == 0


def test_alices_state_copied_in_does_not_become_bobs(
    mine: Path, shared: PostgresDatabase, members: tuple[str, str], tmp_path: Path
) -> None:
    alice, bob = (shared.url_as(who) for who in members)
    copy_library(mine, library_place(alice))
    with connected_as(shared, members[0]) as connection:  # what alice shares bob sees
        connection.execute("UPDATE saved_searches SET shared = true")
        connection.execute("INSERT INTO shared_notes (paper_id, text) VALUES (1, 'look')")

    bobs = copy_library(library_place(bob), tmp_path / "bob.sqlite")

    counts = {name: n for name, n, _ in bobs.counts}
    assert (counts["papers"], counts["sightings"], counts["paper_tags"]) == (3, 3, 2)
    assert bobs.source_person == members[1] and bobs.sound
    assert bobs.left_out == (("shared_notes", 1), ("saved_searches others share", 1))
    for own in (
        "starred",
        "with a status",
        "with a note",
        "status_events",
        "trash",
        "saved_searches",
        "rules",
        "rule_hits",
        "triage_state",
        "resurfacing",
    ):
        assert counts[own] == 0, own
    with connected_as(shared, members[1]) as connection:
        assert connection.execute("SELECT count(*) FROM paper_states").fetchone() == (0,)


def test_a_dest_that_is_not_new_is_refused_and_left_alone(
    mine: Path, shared: PostgresDatabase, members: tuple[str, str], tmp_path: Path
) -> None:
    alice = library_place(shared.url_as(members[0]))
    copy_library(mine, alice)

    with pytest.raises(CopyError, match=r"is not empty \(it holds 1 digests, 1 digest_files"):
        copy_library(mine, alice)
    with pytest.raises(CopyError, match=r"mine\.sqlite exists: copy makes a new library file"):
        copy_library(alice, mine)
    (tmp_path / "other.sqlite").write_bytes(b"")
    with pytest.raises(CopyError, match=r"other\.sqlite is not a readinglist library"):
        copy_library(tmp_path / "other.sqlite", tmp_path / "new.sqlite")
    with pytest.raises(CopyError, match="no library at"):
        copy_library(tmp_path / "none.sqlite", tmp_path / "new.sqlite")
    assert not (tmp_path / "new.sqlite").exists()


def test_a_failure_half_way_into_a_shared_library_leaves_it_empty(
    mine: Path, shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    with closing(sqlite3.connect(mine)) as connection, connection:
        # SQLite keeps a NUL in text; PostgreSQL refuses it, once the papers are written.
        connection.execute("UPDATE sightings SET abstract = 'a' || char(0) WHERE position = 2")

    with pytest.raises(CopyError, match=r"^writing .* failed: .*0x00"):
        copy_library(mine, library_place(shared.url_as(members[0])))

    with connected_as(shared, members[0]) as alice:
        for table in ("paper_records", "digests", "tags", "paper_states", "changes"):
            assert alice.execute(f"SELECT count(*) FROM {table}".encode()).fetchone() == (0,)


def test_a_failure_half_way_into_a_file_leaves_no_file(
    mine: Path,
    shared: PostgresDatabase,
    members: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alice = library_place(shared.url_as(members[0]))
    copy_library(mine, alice)
    written = SqliteWriter.write

    def failing(self: SqliteWriter, part: object, batches: object) -> None:
        if getattr(part, "name", "") == "sightings":
            raise sqlite3.OperationalError("database or disk is full")
        written(self, part, batches)  # type: ignore[arg-type]

    monkeypatch.setattr(SqliteWriter, "write", failing)
    dest = tmp_path / "out" / "copy.sqlite"

    with pytest.raises(CopyError, match=r"^writing .*copy.sqlite failed: "):
        copy_library(alice, dest)

    assert list(dest.parent.iterdir()) == []


def test_a_copy_into_a_shared_library_that_does_not_count_as_its_source_is_not_committed(
    mine: Path, shared: PostgresDatabase, members: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    written = PostgresWriter.write

    def one_tag_short(self: PostgresWriter, part: object, batches: Any) -> None:
        if getattr(part, "name", "") == "paper_tags":
            batches = (list(rows)[1:] for rows in batches)
        written(self, part, batches)  # type: ignore[arg-type]

    monkeypatch.setattr(PostgresWriter, "write", one_tag_short)

    with pytest.raises(CopyError, match=r"did not count as its source \(paper_tags 2 against 1"):
        copy_library(mine, library_place(shared.url_as(members[0])))

    with connected_as(shared, members[0]) as alice:
        for table in ("paper_records", "paper_tags", "paper_states", "changes"):
            assert alice.execute(f"SELECT count(*) FROM {table}".encode()).fetchone() == (0,)


def test_a_copy_into_a_shared_library_with_a_paper_out_of_its_search_is_not_committed(
    mine: Path, shared: PostgresDatabase, members: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    advanced = PostgresWriter.advance_sequences

    def losing_a_row_of_words(self: PostgresWriter, tables: list[str]) -> None:
        advanced(self, tables)
        self.connection.execute(
            "DELETE FROM paper_search WHERE rowid = (SELECT min(id) FROM paper_records)"
        )

    monkeypatch.setattr(PostgresWriter, "advance_sequences", losing_a_row_of_words)

    with pytest.raises(
        CopyError, match=r"left 1 of its papers out of its search; nothing was copied"
    ):
        copy_library(mine, library_place(shared.url_as(members[0])))

    with connected_as(shared, members[0]) as alice:
        assert alice.execute(b"SELECT count(*) FROM paper_records").fetchone() == (0,)
