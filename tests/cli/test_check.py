"""`readinglist check` tells what it found wrong apart from what it could not do: a sound
library in a read-only folder, behind another program's lock or on a full disk is never
called damaged (restoring a backup then would throw away recent edits)."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from readinglist.library import database
from tests.helpers.cli import RunCli, scribble_over


@pytest.fixture
def read_only_folder(library_path: Path, monkeypatch: pytest.MonkeyPatch, filled: None) -> None:
    """What SQLite does in a folder it may not write (root may write anywhere, so it is
    imitated): it cannot make the -shm file a WAL library is read through, so no
    connection reads the library, not even `mode=ro`, except an immutable one."""
    real_connect = sqlite3.connect

    def connect(database: str | Path, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(library_path) in str(database) and "immutable=1" not in str(database):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        connection: sqlite3.Connection = real_connect(database, *args, **kwargs)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)


def _assert_never_called_damaged(out: str) -> None:
    assert "damaged" not in out and "Restore" not in out and "restore" not in out


@pytest.mark.usefixtures("read_only_folder")
def test_a_sound_library_in_a_read_only_folder_is_sound(run: RunCli, library_path: Path) -> None:
    code, out, err = run("check")
    assert out.startswith(f"The library {library_path} is sound: 2 papers in 1 digests")
    assert "could not check the search index: the library is read-only" in out
    assert code == 1 and err == ""  # not all checked
    _assert_never_called_damaged(out)


@pytest.mark.usefixtures("read_only_folder")
def test_reading_commands_work_in_a_read_only_folder(run: RunCli) -> None:
    code, out, _ = run("list")
    assert code == 0 and out.endswith("2 papers\n")
    code, out, _ = run("show", "2403.00001")
    assert code == 0 and out.startswith("Paper 2403.00001")
    code, out, err = run("set", "2403.00001", "--star")
    assert (code, out) == (1, "")
    assert "could not save to the library" in err and "the library is read-only" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_really_read_only_folder_is_checked_and_read(
    run: RunCli, library_path: Path, filled: None
) -> None:
    folder = library_path.parent
    for path in folder.iterdir():
        if path.is_file():
            path.chmod(0o444)
    folder.chmod(0o555)
    try:
        code, out, _ = run("check")
        assert out.startswith(f"The library {library_path} is sound")
        _assert_never_called_damaged(out)
        assert run("list")[0] == 0
        code, out, err = run("set", "2403.00001", "--star")
        assert code == 1 and "read-only" in err and "Traceback" not in err
    finally:
        folder.chmod(0o755)


@pytest.fixture
def changes_in_the_wal(library_path: Path, filled: None) -> Iterator[None]:
    """Another program's changes, still in the -wal file (no checkpoint yet)."""
    with closing(sqlite3.connect(library_path, isolation_level=None)) as other:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("UPDATE papers SET note = 'recent' WHERE arxiv_id = '2403.00001'")
        yield


@pytest.mark.usefixtures("changes_in_the_wal", "read_only_folder")
def test_changes_it_cannot_read_are_said_not_called_damage(run: RunCli, library_path: Path) -> None:
    code, out, _ = run("check")
    assert code == 1
    assert out.splitlines() == [
        f"Could not check the library {library_path}:",
        "  could not read it: the library is read-only",
    ]


@pytest.mark.usefixtures("filled")
def test_another_programs_lock_is_said_not_called_damage(
    run: RunCli, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    with closing(sqlite3.connect(library_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        code, out, _ = run("check")
        other.execute("ROLLBACK")
    assert code == 1 and out.startswith(f"The library {library_path} is sound: 2 papers")
    assert "could not check the search index: the library is locked by another program" in out
    _assert_never_called_damaged(out)


def test_a_damaged_library_is_damaged_and_the_cure_is_said(
    run: RunCli, library_path: Path, filled: None
) -> None:
    scribble_over(library_path)
    code, out, _ = run("check")
    lines = out.splitlines()
    assert code == 1 and lines[0] == f"The library {library_path} is damaged:"
    assert lines[-1].startswith("Restore a copy from the backups folder beside it")
    assert "readinglist restore BACKUP" in lines[-1]
