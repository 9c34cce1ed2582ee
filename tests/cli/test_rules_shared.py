"""`readinglist rules` and `set --shared-note` on a shared library: `--shared` shares a rule
that only tags (one that stars, queues or comes first is refused), as `share` does and
`unshare` undoes, the list says whose each is and whether it is shared, another member's is
theirs to change; a shared note is one's own note every member reads, replaced in one
transaction, and never written over a save made elsewhere meanwhile. A library file has
nothing to share: both are refused."""

import json

import pytest

from readinglist.library.database import Library
from readinglist.library.shared import notes
from readinglist.library.user_edits import SharedNoteEdit, write_in_parts
from tests.helpers.cli import RunCli, cli_runner
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper, connected_as

Captured = pytest.CaptureFixture[str]


def as_members(
    shared: PostgresDatabase, members: tuple[str, str], capsys: Captured
) -> list[RunCli]:
    """The command line as alice, and as bob."""
    return [cli_runner(shared.url_as(who), capsys) for who in members]


def test_a_shared_rule_is_listed_with_its_owner_and_only_its_owner_changes_it(
    shared: PostgresDatabase, members: tuple[str, str], capsys: Captured
) -> None:
    alice, bob = as_members(shared, members, capsys)
    added = alice("rules", "add", "Robots", "robots", "--tag", "robotics", "--shared")
    assert added == (0, "added rule Robots (shared): robots -> tag robotics\n", "")
    code, out, err = alice("rules", "add", "Starred", "x", "--star", "--shared")
    assert (code, out) == (1, "")
    assert err == (
        "readinglist: a shared rule only adds tags: a star, a status and first in Today are "
        "each member's own. Share a rule that only tags, and keep Starred's other actions in "
        "a private rule\n"
    )
    assert alice("rules", "add", "Mine", "speech", "--star")[0] == 0

    code, listed, _ = bob("rules")
    assert code == 0
    assert listed.splitlines() == [
        f"Robots  {members[0]}, shared  robots  -> tag robotics",
        "1 rule",
    ]
    as_json = json.loads(bob("rules", "list", "--json")[1])["rules"]
    assert [(r["name"], r["owner"], r["shared"]) for r in as_json] == [("Robots", members[0], True)]
    code, _, err = bob("rules", "remove", "Robots")
    assert code == 1 and f"only {members[0]} can change it" in err
    assert bob("rules", "add", "Robots", "robots", "--star")[0] == 0  # his own
    mine = bob("rules")[1].splitlines()
    assert mine[1].split() == ["Robots", f"{members[1]},", "private", "robots", "->", "star"]
    assert bob("rules", "remove", "Robots") == (0, "removed rule Robots\n", "")


def test_rules_share_and_unshare_one_of_ones_own(
    shared: PostgresDatabase, members: tuple[str, str], capsys: Captured
) -> None:
    alice, bob = as_members(shared, members, capsys)
    assert alice("rules", "add", "Robots", "robots", "--tag", "robotics")[0] == 0

    shared_now = "rule Robots is shared with every member now: robots -> tag robotics\n"
    assert alice("rules", "share", "robots") == (0, shared_now, "")
    assert bob("rules")[1].splitlines()[0].split()[:3] == ["Robots", f"{members[0]},", "shared"]
    code, out, _ = alice("rules", "share", "Robots", "--json")
    assert code == 0
    assert json.loads(out) == {
        "rule": {
            "name": "Robots",
            "query": "robots",
            "tags": ["robotics"],
            "status": None,
            "star": False,
            "first": False,
            "owner": members[0],
            "shared": True,
        },
        "changed": False,
    }
    for action in ("share", "unshare"):  # another's: refused, naming its owner
        code, out, err = bob("rules", action, "Robots")
        assert (code, out) == (1, "")
        assert err == (
            f"readinglist: the rule Robots is {members[0]}'s, shared with you: only "
            f"{members[0]} can change it\n"
        )

    said = json.loads(alice("rules", "unshare", "Robots", "--json")[1])
    assert (said["rule"]["shared"], said["changed"]) == (False, True)
    assert bob("rules")[1] == "0 rules\n"
    assert alice("rules", "unshare", "Robots") == (
        0,
        "rule Robots is private already: robots -> tag robotics\n",
        "",
    )


def test_rules_share_refuses_a_rule_that_does_more_than_tag_or_is_not_there(
    shared: PostgresDatabase, members: tuple[str, str], capsys: Captured
) -> None:
    alice, _ = as_members(shared, members, capsys)
    assert alice("rules", "add", "Starred", "robots", "--tag", "robotics", "--star")[0] == 0

    code, out, err = alice("rules", "share", "Starred")

    assert (code, out) == (1, "")
    assert err.startswith("readinglist: a shared rule only adds tags: a star, a status")
    assert "keep Starred's other actions in a private rule" in err
    assert json.loads(alice("rules", "list", "--json")[1])["rules"][0]["shared"] is False
    code, out, err = alice("rules", "share", "Nope", "--json")
    assert (code, out, err) == (1, "", "readinglist: there is no rule named 'Nope'\n")


def test_a_shared_note_is_written_read_by_the_other_and_replaced(
    shared: PostgresDatabase, members: tuple[str, str], capsys: Captured
) -> None:
    alice, bob = as_members(shared, members, capsys)
    add_paper(shared, "2403.00001")

    assert alice("set", "2403.00001", "--shared-note", "3절을 볼 것")[0] == 0
    assert alice("set", "2403.00001", "--shared-note", "3절과 4절")[0] == 0
    shown = json.loads(bob("show", "--json", "2403.00001")[1])
    assert [(n["author"], n["text"]) for n in shown["shared_notes"]] == [(members[0], "3절과 4절")]
    assert "Shared note by" in bob("show", "2403.00001")[1]

    assert alice("set", "2403.00001", "--shared-note", "")[0] == 0
    assert json.loads(bob("show", "--json", "2403.00001")[1])["shared_notes"] == []
    code, _, err = alice("set", "2403.00001", "2403.00002", "--shared-note", "x")
    assert code == 2 and "one paper's shared note" in err


def test_a_save_made_elsewhere_meanwhile_is_not_written_over(
    shared: PostgresDatabase,
    members: tuple[str, str],
    member_libraries: tuple[Library, Library],
    capsys: Captured,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alice, _ = as_members(shared, members, capsys)
    paper = add_paper(shared, "2403.00001")
    assert alice("set", "2403.00001", "--shared-note", "first")[0] == 0
    read = notes.my_shared_note

    def laptop_saves_meanwhile(*args: object) -> notes.NoteRef | None:
        ref = read(*args)  # type: ignore[arg-type]
        write_in_parts(member_libraries[0], SharedNoteEdit(paper, "from the laptop", ref))
        return ref

    monkeypatch.setattr(notes, "my_shared_note", laptop_saves_meanwhile)
    code, out, err = alice("set", "2403.00001", "--star", "--shared-note", "desk")

    assert (code, out) == (1, "")
    assert "saved elsewhere (another computer of yours) while this command ran" in err
    assert "nothing was written" in err
    monkeypatch.undo()
    shown = json.loads(alice("show", "--json", "2403.00001")[1])
    assert [n["text"] for n in shown["shared_notes"]] == ["from the laptop"]
    assert shown["starred"] is False  # the whole command: nothing of it written


def test_several_of_ones_shared_notes_are_not_guessed_between(
    shared: PostgresDatabase, members: tuple[str, str], capsys: Captured
) -> None:
    alice, _ = as_members(shared, members, capsys)
    paper = add_paper(shared, "2403.00001")
    with connected_as(shared, members[0]) as raw:  # as a conflict leaves them: two of hers
        for text in ("desk", "laptop"):
            raw.execute("INSERT INTO shared_notes (paper_id, text) VALUES (%s, %s)", [paper, text])

    code, out, err = alice("set", "2403.00001", "--shared-note", "merged")

    assert (code, out) == (1, "")
    assert "you have 2 shared notes on 2403.00001" in err and "merge them" in err
    shown = json.loads(alice("show", "--json", "2403.00001")[1])
    assert [n["text"] for n in shown["shared_notes"]] == ["desk", "laptop"]


def test_a_library_file_has_no_shared_rules_or_notes(run_file: RunCli, filled: None) -> None:
    code, out, err = run_file("rules", "add", "R", "r", "--tag", "x", "--shared")
    assert (code, out) == (1, "")
    assert "only a shared library's rules are shared" in err
    assert run_file("rules", "add", "R", "r", "--tag", "x")[0] == 0
    for action, name in (("share", "R"), ("unshare", "R"), ("share", "Nope")):
        code, out, err = run_file("rules", action, name)
        assert (code, out) == (1, "")
        assert err == (
            "readinglist: a library file has one person: only a shared library's rules are shared\n"
        )
    code, out, err = run_file("set", "2403.00001", "--star", "--shared-note", "x")
    assert (code, out) == (1, "")
    assert "only a shared library's notes are shared (use --note)" in err
    assert json.loads(run_file("show", "--json", "2403.00001")[1])["starred"] is False
    listed = json.loads(run_file("rules", "list", "--json")[1])["rules"]
    assert [(rule["name"], rule["shared"]) for rule in listed] == [("R", False)]


@pytest.fixture
def run_file(run: RunCli) -> RunCli:
    """The command line on a library file (this folder's `run`, named apart from ours)."""
    return run
