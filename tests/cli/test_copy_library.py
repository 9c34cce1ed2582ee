"""`readinglist copy SOURCE DEST`: what was copied said with both sides' counts (or JSON),
a file DEST checked as `check` does; refusals and bad addresses said in a line, with the
exit codes of the other commands."""

import json
from pathlib import Path

import pytest

from readinglist.cli import main
from tests.helpers.cli import RunCli
from tests.helpers.postgres import PostgresDatabase


def copy(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The exit code, as the shell sees it (argparse's usage errors exit 2), and the output."""
    try:
        code = main(["copy", *args])
    except SystemExit as exit_info:
        code = int(exit_info.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.usefixtures("filled")
def test_copy_into_a_shared_library_and_back_says_the_counts_and_the_check(
    run: RunCli,
    library_path: Path,
    shared: PostgresDatabase,
    members: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("set", "2403.00001", "--star", "--status", "read")[0] == 0
    alice = shared.url_as(members[0])
    back = library_path.with_name("back.sqlite")

    code, out, err = copy(capsys, str(library_path), alice)
    code_back, said, _ = copy(capsys, "--json", alice, str(back))

    assert (code, err) == (0, "")
    assert out.startswith(f"Copied {library_path} to {alice} (schema 10, as {members[0]}'s) in ")
    assert "  papers                                 2         2" in out
    assert "  starred                                1         1" in out
    assert "Checked" not in out
    copied = json.loads(said)
    assert code_back == 0
    assert copied["counts"]["papers"] == {"source": 2, "dest": 2}
    assert copied["counts"]["with a status"] == {"source": 1, "dest": 1}
    assert (copied["source_person"], copied["dest_person"]) == (members[0], None)
    assert copied["check"] == {"sound": True, "index_in_step": True, "problems": []}
    assert copied["counts_match"] is True


@pytest.mark.usefixtures("filled")
def test_a_dest_that_is_not_new_is_refused_in_a_line(
    library_path: Path,
    shared: PostgresDatabase,
    members: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice = shared.url_as(members[0])
    assert copy(capsys, str(library_path), alice)[0] == 0

    code, out, err = copy(capsys, str(library_path), alice)
    code_file, _, err_file = copy(capsys, alice, str(library_path))

    assert (code, out) == (1, "")
    assert err.startswith(f"readinglist: {alice} is not empty (it holds ")
    assert err.rstrip().endswith("nothing was copied")
    assert code_file == 1
    assert f"{library_path} exists: copy makes a new library file" in err_file


def test_a_database_that_is_no_shared_library_is_refused(
    filled: None,
    library_path: Path,
    postgres_database: PostgresDatabase,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = copy(capsys, str(library_path), postgres_database.url)

    assert code == 1
    assert "is not a shared library: make one with `readinglist init-shared`" in err


def test_bad_places_are_said_with_their_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = copy(capsys, "mysql://lab/papers", str(tmp_path / "new.sqlite"))
    assert code == 2 and "is not a PostgreSQL address" in err

    code, _, err = copy(capsys, str(tmp_path / "none.sqlite"), str(tmp_path / "new.sqlite"))
    assert code == 1 and f"there is no library at {tmp_path / 'none.sqlite'}" in err

    code, _, err = copy(
        capsys, "postgresql://alice@/lab?host=/nonexistent-socket-dir", str(tmp_path / "n.sqlite")
    )
    assert code == 1
    assert err.startswith("readinglist: reading postgresql://alice@/lab?host=/nonexistent-socket")
    assert "Traceback" not in err and not (tmp_path / "n.sqlite").exists()
