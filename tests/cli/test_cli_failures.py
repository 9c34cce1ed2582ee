"""Every command on a library it cannot write (read-only, a full disk, another program's
lock): one line naming the library and what went wrong, in words, the documented exit code,
never a traceback, never SQL; and success is printed only once it is saved.

Tests run as root here (and in CI), where chmod stops nothing, so the failures are made
by SQLite itself (`PRAGMA query_only`, `max_page_count`, another connection's lock) or
injected where SQLite would raise them (a commit that fails as on a full disk).
"""

import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from readinglist.cli import main
from readinglist.library import backup, database
from tests.helpers.cli import RunCli
from tests.helpers.digests import DigestWriter, entries

NOTE = "secret note text " * 50  # never shown back in an error


def _with_pragma(
    monkeypatch: pytest.MonkeyPatch, pragma: Callable[[sqlite3.Connection], None]
) -> None:
    """Every connection to the library (opening's and the engine's) gets `pragma`."""
    plain = database._apply_pragmas

    def apply(connection: sqlite3.Connection) -> None:
        plain(connection)
        pragma(connection)

    monkeypatch.setattr(database, "_apply_pragmas", apply)


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch, filled: None) -> None:
    """SQLite refuses every write, as it does on a read-only file."""

    def query_only(connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA query_only = ON")

    _with_pragma(monkeypatch, query_only)


@pytest.fixture
def full_at_commit(filled: None) -> Iterator[None]:
    """Every commit fails as SQLite's does when the disk is full (the WAL cannot grow)."""

    def fail(_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    event.listen(Engine, "commit", fail)
    yield
    event.remove(Engine, "commit", fail)


@pytest.fixture
def locked(library_path: Path, monkeypatch: pytest.MonkeyPatch, filled: None) -> Iterator[None]:
    """Another program holds the write lock longer than the busy timeout."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    with closing(sqlite3.connect(library_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")


WRITES = [
    ["set", "2403.00001", "--star", "--note", NOTE],
    ["saved", "add", "Mine", "is:starred", "secret"],
    ["saved", "rename", "Nothing", "Else"],
    ["check", "--reindex"],
]


def _assert_one_line_about(err: str, library_path: Path, words: str) -> None:
    assert err.startswith("readinglist: ") and err.count("\n") == 1, err
    assert str(library_path) in err and words in err
    for leaked in ("Traceback", "INSERT", "UPDATE", "SELECT", "[SQL", "secret note"):
        assert leaked not in err


@pytest.mark.usefixtures("read_only")
@pytest.mark.parametrize("args", WRITES)
def test_a_write_to_a_read_only_library_says_so(
    run: RunCli, library_path: Path, args: list[str]
) -> None:
    code, out, err = run(*args)
    assert code == 1
    if args[0] == "check":
        assert "damaged" not in out and "Restore" not in out
        assert "could not rebuild the search index: the library is read-only" in out
    else:
        assert out == ""
        _assert_one_line_about(err, library_path, "the library is read-only")


@pytest.mark.usefixtures("full_at_commit")
@pytest.mark.parametrize("args", WRITES)
def test_a_write_to_a_full_disk_says_so(run: RunCli, library_path: Path, args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == 1
    if args[0] == "check":
        assert "damaged" not in out and "Restore" not in out
        assert "could not rebuild the search index: the disk is full" in out
    elif args[:2] != ["saved", "rename"]:  # renaming nothing writes nothing: "no such search"
        assert out == ""
        _assert_one_line_about(err, library_path, "the disk is full")


@pytest.mark.usefixtures("locked")
@pytest.mark.parametrize("args", [WRITES[0], WRITES[1]])
def test_a_write_to_a_locked_library_says_so(
    run: RunCli, library_path: Path, args: list[str]
) -> None:
    code, out, err = run(*args)
    assert (code, out) == (1, "")
    _assert_one_line_about(err, library_path, "locked by another program: try again")


def test_a_full_library_file_fails_in_words_not_sql(
    run: RunCli, library_path: Path, filled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own SQLITE_FULL (no page left), wrapped by SQLAlchemy with the statement and
    the note in its parameters."""

    def no_new_pages(connection: sqlite3.Connection) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    _with_pragma(monkeypatch, no_new_pages)
    code, out, err = run("set", "2403.00001", "--note", NOTE * 20)
    assert (code, out) == (1, "")
    _assert_one_line_about(err, library_path, "the disk is full")


@pytest.mark.usefixtures("full_at_commit")
def test_saved_add_prints_saved_only_once_it_is_saved(run: RunCli) -> None:
    code, out, _ = run("saved", "add", "Stars", "is:starred")
    assert (code, out) == (1, "")


def test_reading_commands_work_while_the_disk_is_full(
    run: RunCli, filled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first open of the day wants a backup the disk has no room for: it is skipped
    with one warning line, and list, show, export and check still answer."""
    full = sqlite3.OperationalError("database or disk is full")

    def fail(*_: object) -> None:
        raise full

    for args in (["list"], ["show", "2403.00001"], ["export", "--format", "json"], ["check"]):
        monkeypatch.setattr(backup, "_copy_pages", fail)
        code, out, err = run(*args)
        assert code == 0 and out, args
        if args[0] != "check":  # check makes no backup: a damaged library's would be damaged
            assert err.startswith("readinglist: warning: today's backup of ")
            assert err.endswith("was not made: the disk is full\n") and err.count("\n") == 1
        monkeypatch.undo()


CHILD_WITH_FILE_LIMIT = """
import resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from readinglist.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.slow
def test_a_real_full_disk_skips_the_backup_and_reads(
    library_path: Path, digests: DigestWriter, run: RunCli
) -> None:
    """A process that may not write files past half the library's size (RLIMIT_FSIZE: what
    a nearly full disk does to the copy, with no root or mount needed)."""
    ids = [f"2403.{n:05d}" for n in range(400)]
    run("import", str(digests.write("big.md", "2024-03-01", entries(*ids))))
    shutil_backups = backup.backup_dir(library_path)
    for old in shutil_backups.glob("*"):
        old.unlink()
    limit = library_path.stat().st_size // 2
    for args in (["list"], ["show", "2403.00001"], ["export", "--format", "csv"], ["check"]):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD_WITH_FILE_LIMIT,
                str(limit),
                "--library",
                str(library_path),
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0 and result.stdout, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not backup.daily_backups(library_path)
    assert not [path for path in shutil_backups.iterdir() if "partial" in path.name]


def test_a_library_folder_that_cannot_be_made_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_room(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Path, "mkdir", no_room)
    library = tmp_path / "new" / "library.sqlite"
    assert main(["--library", str(library), "list"]) == 1
    err = capsys.readouterr().err
    _assert_one_line_about(err, library, "the disk is full")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "args", [["list"], ["show", "--json", "2403.00001"], ["export", "--format", "csv"]]
)
def test_output_to_a_full_disk_is_said_in_one_line(
    library_path: Path, filled: None, args: list[str]
) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "readinglist", "--library", str(library_path), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr == "readinglist: could not write the output: the disk is full\n"


def test_a_file_no_command_expected_to_fail_is_named_in_one_line(
    run: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readinglist.library import importer

    folder = tmp_path / "unreadable"

    def denied(*_: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))

    monkeypatch.setattr(importer, "find_digest_files", denied)
    code, out, err = run("import", str(folder))
    assert (code, out) == (1, "")
    assert err == f"readinglist: {folder}: permission denied: this user may not read or write it\n"


@pytest.mark.usefixtures("read_only")
def test_import_into_a_read_only_library_rejects_each_file_without_a_traceback(
    run: RunCli, digests: DigestWriter
) -> None:
    path = digests.write("new.md", "2024-03-02", entries("2403.00003"))
    code, out, err = run("import", str(path))
    assert (code, err) == (1, "")
    assert out.startswith("rejected ") and "could not store it" in out
