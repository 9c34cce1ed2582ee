"""Faults on a shared library (issue 17), each on a server of the test's own where it is
crashed: a server that dies mid-import leaves each file all in or all out and the library
reads again once it is back; a client killed mid-edit leaves nothing of its edit and holds
nothing; a full disk fails the file that filled it, saying so, and keeps the others."""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import psycopg
import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.library import importer, ingest
from readinglist.library.database import Library
from readinglist.library.importer import FileStatus, import_paths
from readinglist.library.shared.address import SharedAddress
from readinglist.library.user_edits import StatusEdit, write_in_parts
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.postgres import PostgresServer, crash, start_again
from tests.helpers.shared_library import library_on

pytestmark = pytest.mark.usefixtures("postgres_server")  # skipped, with the reason, without one
KILLED_CLIENT_BOUND_S = 10.0  # a bound: the server ends a dead client's session at once


def arxiv_ids(library: Library) -> list[str]:
    with library.reading() as connection:
        rows = connection.exec_driver_sql("SELECT arxiv_id FROM papers ORDER BY arxiv_id").all()
    return [str(arxiv_id) for (arxiv_id,) in rows]


def crashing_after(papers_stored: int, server: PostgresServer) -> Callable[..., Any]:
    """`ingest.store_reading`, which crashes the server once the papers of the file it
    stores are written, before the import's transaction commits."""
    store_reading = ingest.store_reading

    def store(*args: Any) -> Any:
        result = store_reading(*args)
        if result is not None and len(result.new_ids) == papers_stored:
            crash(server)
        return result

    return store


def test_a_server_killed_mid_import_leaves_the_file_out_and_reads_again_once_back(
    crashable_server: PostgresServer, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = digests.write("a.md", "2024-03-01", entries("2403.00001"))
    second = digests.write("b.md", "2024-03-02", entries("2403.00002", "2403.00003"))
    with library_on(crashable_server) as library:
        import_paths(library, [first])
        monkeypatch.setattr(ingest, "store_reading", crashing_after(2, crashable_server))

        report = import_paths(library, [second])

        [failed] = report.files
        assert failed.status is FileStatus.REJECTED and failed.path == second
        assert failed.error is not None and importer.is_library_failure(failed)
        start_again(crashable_server)
        assert arxiv_ids(library) == ["2403.00001"]  # the same Library reconnects
        monkeypatch.undo()
        import_paths(library, [second])
        assert arxiv_ids(library) == ["2403.00001", "2403.00002", "2403.00003"]


# A readinglist client killed in the middle of an edit: its library layer's write of a status
# and a star, as the window's writer thread makes it, not committed.
_HALF_EDIT = """
import sys
from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library.database import utc_now
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
library = open_shared(SharedAddress.parse(sys.argv[1]))
with library.writing() as connection:
    ids = [int(row[0]) for row in connection.exec_driver_sql("SELECT id FROM papers")]
    store.set_status(connection, ids, ReadingStatus.READ, utc_now())
    store.set_starred(connection, ids, True)
    print("changed", flush=True)
    sys.stdin.read()  # until killed
"""


def test_a_client_killed_mid_edit_leaves_nothing_and_holds_nothing(
    crashable_server: PostgresServer, digests: DigestWriter
) -> None:
    with library_on(crashable_server) as library:
        import_paths(library, [digests.write("a.md", "2024-03-01", entries("2403.00001"))])
        assert isinstance(library.place, SharedAddress)
        with psycopg.connect(
            crashable_server.url(), autocommit=True
        ) as admin:  # a bound, not a wait
            admin.execute(f"ALTER ROLE postgres SET lock_timeout = '{KILLED_CLIENT_BOUND_S:.0f}s'")
        with subprocess.Popen(
            [sys.executable, "-c", _HALF_EDIT, library.place.url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        ) as client:
            try:
                assert client.stdout is not None and client.stdout.readline() == "changed\n"
            finally:
                client.kill()
        library.engine.dispose()  # new connections, with the lock timeout
        with library.reading() as connection:
            [paper_id] = [
                int(row[0]) for row in connection.exec_driver_sql("SELECT id FROM papers")
            ]

        write_in_parts(library, StatusEdit([paper_id], ReadingStatus.QUEUED))  # not locked

        with library.reading() as connection:
            row = connection.exec_driver_sql("SELECT status, starred FROM papers").one()
        assert tuple(row) == ("queued", False)


@pytest.fixture
def tiny_disk(crashable_server: PostgresServer) -> Iterator[str]:
    """A tablespace on a 12 MB filesystem (a tmpfs: root may mount one; else skipped)."""
    folder = Path(tempfile.mkdtemp(prefix="readinglist-tiny-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"a small filesystem could not be mounted here: {mounted.stderr!r}")
    try:
        data = folder / "data"
        data.mkdir()
        owner = crashable_server.data_dir.stat()
        os.chown(data, owner.st_uid, owner.st_gid)
        with psycopg.connect(crashable_server.url(), autocommit=True) as admin:
            admin.execute(f"CREATE TABLESPACE tiny LOCATION '{data}'")
        yield "tiny"
    finally:
        with (
            suppress(psycopg.Error),
            psycopg.connect(crashable_server.url(), autocommit=True) as admin,
        ):
            admin.execute("DROP TABLESPACE IF EXISTS tiny")
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def test_a_full_disk_fails_the_file_that_filled_it_and_keeps_the_others(
    crashable_server: PostgresServer, tiny_disk: str, digests: DigestWriter
) -> None:
    small = digests.write("a.md", "2024-03-01", entries("2403.00001"))
    huge = [
        digests.write(f"big{n}.md", f"2024-04-{n + 1:02d}", entries(*big_ids(n))) for n in range(20)
    ]
    with library_on(crashable_server, tiny_disk) as library:
        import_paths(library, [small])
        report = import_paths(library, huge)

        failed = [file for file in report.files if file.status is FileStatus.REJECTED]
        assert failed, "the disk never filled: make the files bigger"
        assert all(importer.is_library_failure(file) for file in failed)
        assert any("No space left on device" in str(file.error) for file in failed)
        stored = arxiv_ids(library)
        assert "2403.00001" in stored  # what was in before is still in, and reads
        for file in failed:  # all out
            assert not set(big_ids(huge.index(Path(file.path)))) & set(stored)


def big_ids(n: int) -> list[str]:
    return [f"24{n + 10:02d}.{k:05d}" for k in range(1, 401)]
