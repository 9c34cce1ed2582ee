"""Files that hang or never end: FIFOs, devices, files swapped or growing while read.

Only regular files are read, opened without blocking, and never past the size limit; a
cancelled import stops between files, between folders and between a file's chunks. Code
that would block on a FIFO runs under a guard that lets the FIFO's reader go when the test
is over, so a failure fails instead of hanging the run.
"""

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, closing
from pathlib import Path

import pytest
from sqlalchemy import Connection

from readinglist.core import digest_files
from readinglist.library import database
from readinglist.library.database import Library
from readinglist.library.importer import FileStatus, ImportReport, import_paths
from tests.helpers.digests import DigestWriter, digest_text, entries
from tests.helpers.fifos import GUARD_SECONDS, released_when_done, run_guarded


def rejected_reason(report: ImportReport, path: Path) -> str:
    (file,) = [file for file in report.files if file.path == path]
    assert file.status is FileStatus.REJECTED and file.error is not None
    return file.error.message


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "x.md"
    os.mkfifo(path)
    return path


def test_a_fifo_is_rejected_not_read(library: Library, fifo: Path) -> None:
    report = run_guarded(lambda: import_paths(library, [fifo]), fifo)

    assert "named pipe" in rejected_reason(report, fifo)


def test_a_fifo_in_a_folder_is_rejected_and_the_rest_imported(
    library: Library, digests: DigestWriter
) -> None:
    digests.write("a.md", "2024-03-01", entries("2403.00001"))
    pipe = digests.folder / "b.md"
    os.mkfifo(pipe)

    report = run_guarded(lambda: import_paths(library, [digests.folder]), pipe)

    assert report.papers_new == 1
    assert "named pipe" in rejected_reason(report, pipe)


def test_a_fifo_swapped_in_between_the_stat_and_the_open_is_not_read(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is checked, then opened: a FIFO put there in between must not block."""
    path = digests.write("a.md", "2024-03-01", entries("2403.00001"))
    real_open = digest_files._open

    def swap_then_open(name: Path) -> int:
        name.unlink()
        os.mkfifo(name)
        return real_open(name)

    monkeypatch.setattr(digest_files, "_open", swap_then_open)
    report = run_guarded(lambda: import_paths(library, [path]), path)

    assert "named pipe" in rejected_reason(report, path)


def test_a_device_is_rejected_not_read(library: Library) -> None:
    """/dev/null here; /dev/zero, which grew until MemoryError, under a memory limit below."""
    report = import_paths(library, [Path("/dev/null")])

    assert "a device" in rejected_reason(report, Path("/dev/null"))


def test_the_command_line_rejects_a_fifo_and_dev_zero(tmp_path: Path, fifo: Path) -> None:
    """As a user runs it. The timeout and the memory limit are guards: before the fix the
    FIFO blocked for ever and /dev/zero grew until MemoryError."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    command = [sys.executable, "-m", "readinglist", "--library", str(tmp_path / "lib.sqlite")]
    with released_when_done(fifo):
        result = subprocess.run(
            [*command, "import", "--json", str(fifo), "/dev/zero"],
            capture_output=True,
            text=True,
            timeout=GUARD_SECONDS,
            preexec_fn=limit_memory,
            check=False,
        )

    assert result.returncode == 1, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [(file["path"], file["status"]) for file in files] == [
        (str(fifo), "rejected"),
        ("/dev/zero", "rejected"),
    ]
    assert "named pipe" in files[0]["error"]["message"]
    assert "a device" in files[1]["error"]["message"]


# --- the size limit -----------------------------------------------------------------


def test_a_file_over_the_limit_is_rejected_unread(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = digest_text("2024-03-01", entries("2403.00001"))
    at_limit = digests.write_text("at.md", text)
    over = digests.write_text("over.md", text + "\n")
    monkeypatch.setattr(digest_files, "MAX_DIGEST_BYTES", len(text.encode()))

    report = import_paths(library, [at_limit, over])

    assert report.files[0].status is FileStatus.IMPORTED
    assert "too large to be a digest" in rejected_reason(report, over)


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux's /proc")
def test_the_limit_holds_while_reading_a_file_that_says_it_is_empty(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/proc files are regular files of size 0 that read as much text as they hold."""
    monkeypatch.setattr(digest_files, "MAX_DIGEST_BYTES", 100)
    read: list[int] = []
    real_read = digest_files._read_chunk

    def counted(descriptor: int, size: int) -> bytes:
        read.append(len(chunk := real_read(descriptor, size)))
        return chunk

    monkeypatch.setattr(digest_files, "_read_chunk", counted)
    report = import_paths(library, [Path("/proc/self/maps")])

    assert "too large to be a digest" in rejected_reason(report, Path("/proc/self/maps"))
    assert sum(read) == 101  # never more than the limit and one byte


def test_the_real_limit_is_many_times_the_largest_real_digest(shared_corpus: Path) -> None:
    largest = max(path.stat().st_size for path in shared_corpus.glob("*.md"))
    assert 100 * largest < digest_files.MAX_DIGEST_BYTES


# --- cancelling -----------------------------------------------------------------------


def test_cancel_stops_between_the_chunks_of_a_file(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = digests.write("a.md", "2024-03-01", entries(*(f"2403.{n:05d}" for n in range(50))))
    monkeypatch.setattr(digest_files, "_CHUNK_BYTES", 256)
    asked: list[bool] = []

    def cancelled() -> bool:  # asked once before the file, then between its chunks
        asked.append(True)
        return len(asked) > 3

    report = import_paths(library, [path], cancelled=cancelled)

    assert report.cancelled and report.files == []
    assert len(asked) == 4  # the file was not read to its end
    assert import_paths(library, [path]).papers_new == 50  # nothing of it was stored


def test_cancel_stops_a_long_walk_between_folders(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(30):
        digests.write(f"{number}/d.md", f"2024-03-{number % 28 + 1:02d}", entries("2403.00001"))
    listed: list[str] = []
    real_scandir = os.scandir

    def counted(path: str) -> "os._ScandirIterator[str]":
        listed.append(path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", counted)
    report = import_paths(library, [digests.folder], cancelled=lambda: len(listed) >= 2)

    assert report.cancelled and report.files == []
    assert len(listed) == 2  # not the 31 folders


def test_a_library_locked_by_another_writer_is_waited_for_once(
    tmp_path: Path, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each wait is the busy timeout (10 s): one per file of a batch kept an import, and a
    quit waiting for it, busy for minutes."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    paths = [digests.write(f"{n}.md", f"2024-03-0{n}", entries(f"2403.0000{n}")) for n in (1, 2, 3)]
    with database.open_library(tmp_path / "lib.sqlite") as library:
        writes: list[bool] = []
        real_writing = library.writing

        def counted() -> AbstractContextManager[Connection]:
            writes.append(True)
            return real_writing()

        monkeypatch.setattr(library, "writing", counted)
        with closing(database.connect_raw(library.path)) as other:
            other.execute("BEGIN IMMEDIATE")
            report = import_paths(library, paths)
            other.rollback()

    assert len(writes) == 1
    assert [file.status for file in report.files] == [FileStatus.REJECTED] * 3
    assert all("the library is busy" in rejected_reason(report, path) for path in paths)


# --- memory ---------------------------------------------------------------------------

PEAK_SCRIPT = """
import resource, sys
from pathlib import Path
from readinglist.library.importer import import_paths
from readinglist.library.database import open_library

with open_library(Path(sys.argv[1])) as library:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = import_paths(library, [Path(sys.argv[2])])
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(report.files[0].status.value, (after - before) * 1024)
"""


def _many_bullet_lines(size: int) -> str:
    return "- a\n" * (size // 4)


def _author_list(size: int) -> str:
    return "Authors: [" + ", ".join(["'A B'"] * (size // 7)) + "]\n"


@pytest.mark.slow
@pytest.mark.parametrize("body", [_many_bullet_lines, _author_list])
def test_a_file_at_the_size_limit_costs_a_bounded_memory(
    tmp_path: Path, body: Callable[[int], str]
) -> None:
    """Before the fields were capped while read, a 64 MB file of bullet lines peaked at
    2.5 GB (a list of lists of lines); measured now: 63 MB over the start for 16 MB."""
    head = "## Daily Papers (2024-01-02)\n\n### [T](https://arxiv.org/abs/2401.00001)\n"
    path = tmp_path / "big.md"
    path.write_text(head + body(digest_files.MAX_DIGEST_BYTES - 1024))
    assert path.stat().st_size <= digest_files.MAX_DIGEST_BYTES

    result = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(tmp_path / "lib.sqlite"), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )

    status, grown = result.stdout.split()
    assert status == "imported"
    assert int(grown) < 12 * digest_files.MAX_DIGEST_BYTES
