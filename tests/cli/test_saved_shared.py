"""`readinglist saved` on a shared library: `--shared` shares a saved search with every
member, the list says whose each is, another member's shared search is theirs to change,
and a private one stays private; a library file has nothing to share. `show` lists the
paper's shared notes with their authors."""

from pathlib import Path

import pytest

from readinglist.cli import main
from readinglist.library.database import Library
from readinglist.library.user_edits import SharedNoteEdit, write_in_parts
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--library", url, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_shared_saved_search_is_seen_by_the_other_and_a_private_one_is_not(
    shared: PostgresDatabase, members: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    alice, bob = (shared.url_as(who) for who in members)
    added = run(capsys, alice, "saved", "add", "Robots", "tag:robots", "--shared")
    assert added == (0, "saved Robots (shared): tag:robots\n", "")
    assert run(capsys, alice, "saved", "add", "Mine", "tag:mine")[0] == 0

    code, listed, _ = run(capsys, bob, "saved")
    assert code == 0
    assert f"{members[0]}, shared" in listed and "Robots" in listed
    assert "Mine" not in listed and listed.endswith("1 saved search\n")

    code, _, err = run(capsys, bob, "saved", "delete", "Robots")
    assert code == 1 and f"only {members[0]} can change it" in err
    assert run(capsys, bob, "saved", "add", "Robots", "tag:robots votes:>5")[0] == 0  # his own
    mine_first = run(capsys, alice, "saved")[1]
    assert "Robots" in mine_first and "Mine" in mine_first and "2 saved searches" in mine_first


def test_show_lists_the_shared_notes_with_their_authors(
    shared: PostgresDatabase,
    members: tuple[str, str],
    member_libraries: tuple[Library, Library],
    capsys: pytest.CaptureFixture[str],
) -> None:
    paper = add_paper(shared, "2403.00001")
    write_in_parts(member_libraries[0], SharedNoteEdit(paper, "세미나에서 다룰 것"))

    code, shown, _ = run(capsys, shared.url_as(members[1]), "show", "2403.00001")

    assert code == 0
    assert f"Shared note by {members[0]} (" in shown and "  세미나에서 다룰 것" in shown


def test_a_library_file_has_nothing_to_share(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(library_path), "saved", "add", "R", "tag:r", "--shared")

    assert (code, out) == (1, "")
    assert "only a shared library's searches are shared" in err
