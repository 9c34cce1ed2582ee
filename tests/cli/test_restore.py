"""`readinglist restore BACKUP`: a checked copy of the backup takes the library's place at
once, the library as it was is kept aside, and nothing changes while another program has
the library open or when the backup is not a sound library this version reads."""

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from readinglist.library import backup, migrations
from readinglist.library.health import check_library
from tests.helpers.cli import RunCli, cli_runner, scribble_over
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.paths import FIXTURES as FIXTURE_FOLDER

FIXTURES = FIXTURE_FOLDER / "libraries"


@pytest.fixture
def daily_copy(run: RunCli, library_path: Path, digests: DigestWriter) -> Path:
    """Today's copy of a two-paper library; then a star, which the copy does not hold."""
    run("import", str(digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))))
    assert run("list")[0] == 0  # the first open of an existing library: today's copy
    (copy,) = backup.daily_backups(library_path)
    assert run("set", "2403.00001", "--star")[0] == 0
    return copy


def _starred(run: RunCli) -> str:
    return run("list", "is:starred")[1].splitlines()[-1]


def _leftovers(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir() if "partial" in path.name]


def test_restore_puts_the_backup_in_place_and_keeps_the_library_aside(
    run: RunCli, library_path: Path, daily_copy: Path
) -> None:
    killed = library_path.with_name(f".{library_path.name}.restore-0badc0de.partial")
    killed.write_bytes(b"half a copy, from a restore that was killed")
    code, out, err = run("restore", str(daily_copy))

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Restored {library_path} from {daily_copy}: 2 papers."
    kept = Path(lines[1].removeprefix("The library as it was is kept as ").rstrip("."))
    assert kept.parent == backup.backup_dir(library_path)
    assert kept.name.startswith("library-before-restore-") and check_library(kept).sound
    assert _starred(run) == "0 papers"  # the star came after the copy
    with closing(sqlite3.connect(kept)) as connection:  # and is in the library kept aside
        assert connection.execute("SELECT count(*) FROM papers WHERE starred").fetchone() == (1,)
    assert check_library(library_path).sound and not _leftovers(library_path.parent)


HOLD_OPEN = """
import sys
from pathlib import Path
from readinglist.library.database import open_library

with open_library(Path(sys.argv[1]), daily_backup=False) as library:
    with library.reading() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM papers").scalar()
    print("open", flush=True)
    sys.stdin.readline()
"""


@pytest.fixture
def open_elsewhere(library_path: Path) -> Iterator[None]:
    """Another process with the library open (as the window keeps it), idle."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(library_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline() == "open\n"
        yield
        holder.stdin.write("\n")
        holder.stdin.flush()


def test_restore_refuses_while_another_program_has_the_library_open(
    run: RunCli, library_path: Path, daily_copy: Path, open_elsewhere: None
) -> None:
    before = library_path.read_bytes()
    code, out, err = run("restore", str(daily_copy))
    assert (code, out) == (1, "")
    assert err == (
        f"readinglist: {library_path} is open in another program (the readinglist window, "
        "or a command still running): quit it first; nothing was changed\n"
    )
    assert library_path.read_bytes() == before and _starred(run) == "1 paper"
    assert not _leftovers(library_path.parent)
    assert [p.name for p in backup.backup_dir(library_path).iterdir() if "restore" in p.name] == []


def _not_a_database(folder: Path) -> Path:
    path = folder / "garbage.sqlite"
    path.write_bytes(b"not a database " * 1000)
    return path


def _other_database(folder: Path) -> Path:
    path = folder / "other.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (text)")
    return path


def _from_the_future(folder: Path) -> Path:
    path = folder / "newer.sqlite"
    shutil.copy(FIXTURES / f"v{migrations.latest_version()}.sqlite", path)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_not_a_database, "is not a readable library: it is damaged"),
        (_other_database, "is not a readinglist library"),
        (_from_the_future, "was written by a newer readinglist (schema"),
        (lambda folder: folder / "missing.sqlite", "there is no backup file"),
    ],
)
@pytest.mark.usefixtures("daily_copy")
def test_restore_refuses_what_is_no_sound_library_and_changes_nothing(
    run: RunCli, library_path: Path, tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    before = library_path.read_bytes()
    code, out, err = run("restore", str(make(tmp_path)))
    assert (code, out) == (1, "") and message in err and err.count("\n") == 1
    assert library_path.read_bytes() == before and _starred(run) == "1 paper"
    assert not _leftovers(library_path.parent)


def test_restore_refuses_the_library_itself(
    run: RunCli, library_path: Path, daily_copy: Path
) -> None:
    code, _, err = run("restore", str(library_path))
    assert code == 1 and "is the library itself" in err


def test_restore_replaces_a_damaged_library(
    run: RunCli, library_path: Path, daily_copy: Path
) -> None:
    scribble_over(library_path)
    code, out, _ = run("restore", str(daily_copy))
    assert code == 0 and out.startswith("Restored")
    assert run("check")[0] == 0


def test_restore_of_an_older_schema_says_it_is_upgraded_on_opening(
    run: RunCli, library_path: Path, tmp_path: Path
) -> None:
    old = tmp_path / "v3.sqlite"
    shutil.copy(FIXTURES / "v3.sqlite", old)
    code, out, _ = run("restore", str(old))
    assert code == 0 and out.splitlines()[-1] == "It is upgraded from schema 3 when next opened."
    assert run("list")[0] == 0 and run("check")[0] == 0


def test_restore_into_a_new_place_needs_no_library_there(
    run: RunCli, daily_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere" / "library.sqlite"
    code, out, _ = cli_runner(elsewhere, capsys)("restore", str(daily_copy))
    assert code == 0 and out.splitlines() == [f"Restored {elsewhere} from {daily_copy}: 2 papers."]
    assert check_library(elsewhere).sound
