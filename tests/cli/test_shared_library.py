"""The commands on a shared library (`--library postgresql://…`): import, list (words of the
query language included), set, show, today, stats and export work as on a file, each member's
state their own; what is not there (emptying the trash, checking) says so in a line, never
a traceback."""

import json
from pathlib import Path

import pytest

from readinglist.cli import main
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import PostgresDatabase


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--library", url, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_member_imports_triages_and_lists_on_a_shared_library(
    shared: PostgresDatabase,
    members: tuple[str, str],
    digests: DigestWriter,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice, bob = (shared.url_as(who) for who in members)
    day = [FakeEntry("2403.00001", title="Robots", votes=3), FakeEntry("2403.00002", votes=9)]

    assert run(capsys, alice, "import", str(digests.write("a.md", "2024-03-01", day)))[0] == 0
    assert run(capsys, alice, "set", "2403.00001", "--status", "queued", "--star")[0] == 0
    code, out, _ = run(capsys, alice, "list", "--json", "status:queued")
    theirs = json.loads(run(capsys, bob, "list", "--json", "status:queued")[1])
    shown = json.loads(run(capsys, bob, "show", "--json", "2403.00001")[1])
    today = json.loads(run(capsys, bob, "today", "--json")[1])

    assert code == 0
    assert [paper["arxiv_id"] for paper in json.loads(out)] == ["2403.00001"]
    assert theirs == []
    assert (shown["status"], shown["starred"]) == ("unread", False)
    assert (today["total"], today["triaged"]) == (2, 0)


def test_what_is_not_on_shared_libraries_yet_says_so(
    shared: PostgresDatabase,
    members: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    alice = shared.url_as(members[0])

    backup = tmp_path / "backup.sqlite"
    for args in (["empty-trash", "--yes"], ["check"], ["restore", str(backup)]):
        code, out, err = run(capsys, alice, *args)
        assert (code, out) == (1, ""), args
        assert "shared librar" in err and "Traceback" not in err, err


@pytest.fixture
def member_urls(shared: PostgresDatabase, members: tuple[str, str]) -> tuple[str, str]:
    """Each member's address of the shared library."""
    return shared.url_as(members[0]), shared.url_as(members[1])


def test_a_member_searches_for_words_on_a_shared_library(
    member_urls: tuple[str, str], digests: DigestWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    alice, bob = member_urls
    day = [
        FakeEntry("2403.00001", title="Robots that Plan", summary=("새로운 데이터셋은 크다",)),
        FakeEntry("2403.00002", title="Video Models", authors=("Tim Rocktäschel",)),
    ]
    assert run(capsys, alice, "import", str(digests.write("a.md", "2024-03-01", day)))[0] == 0
    assert run(capsys, alice, "set", "2403.00002", "--note", "ask about the robots")[0] == 0

    def listed(url: str, *query: str) -> list[str]:
        code, out, err = run(capsys, url, "list", "--json", "--", *query)
        assert (code, err) == (0, ""), query
        return [paper["arxiv_id"] for paper in json.loads(out)]

    assert listed(alice, "데이터셋") == ["2403.00001"]
    assert listed(alice, "rocktaschel") == ["2403.00002"]
    assert listed(alice, "title:robot OR 2403.00002") == ["2403.00001", "2403.00002"]
    assert listed(alice, "robots") == ["2403.00001", "2403.00002"]  # alice's note
    assert listed(bob, "robots") == ["2403.00001"]  # not bob's
    assert listed(alice, "robots -note:ask") == ["2403.00001"]
    assert run(capsys, alice, "list", "--sort", "relevance", "--json", "video")[0] == 0


def test_searches_rules_trash_and_export_work_on_a_shared_library(
    shared: PostgresDatabase,
    members: tuple[str, str],
    digests: DigestWriter,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice = shared.url_as(members[0])
    day = [FakeEntry("2403.00001", votes=3), FakeEntry("2403.00002", votes=9)]
    assert run(capsys, alice, "rules", "add", "Popular", "votes:>5", "--tag", "popular")[0] == 0
    assert run(capsys, alice, "import", str(digests.write("a.md", "2024-03-01", day)))[0] == 0

    steps = [
        ["saved", "add", "Mine", "tag:popular"],
        ["trash", "2403.00001"],
        ["export", "--format", "json", "--saved", "Mine"],
    ]
    outputs = []
    for args in steps:
        code, out, err = run(capsys, alice, *args)
        assert (code, err) == (0, ""), args
        outputs.append(out)
    rules = json.loads(run(capsys, alice, "rules", "list", "--json")[1])

    assert [paper["arxiv_id"] for paper in json.loads(outputs[-1])] == ["2403.00002"]
    assert [rule["name"] for rule in rules["rules"]] == ["Popular"]
    assert json.loads(run(capsys, alice, "list", "--json", "is:trashed")[1])[0]["arxiv_id"] == (
        "2403.00001"
    )


def test_a_members_private_rule_acts_on_what_another_imported_at_their_next_command(
    member_urls: tuple[str, str], digests: DigestWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bob's "Quiet" skips the surveys alice imports, at bob's next command (said on stderr,
    once): triaged in bob's Today, not in alice's."""
    alice, bob = member_urls
    rule = ["rules", "add", "Quiet", "survey", "--status", "skipped"]
    assert run(capsys, bob, *rule)[0] == 0
    day = [FakeEntry("2403.00001", title="A survey"), FakeEntry("2403.00002", title="Robots")]
    assert run(capsys, alice, "import", str(digests.write("a.md", "2024-03-01", day)))[0] == 0

    code, out, err = run(capsys, bob, "today", "--json")
    again = run(capsys, bob, "list", "--json", "status:skipped")
    alices = json.loads(run(capsys, alice, "today", "--json")[1])

    said = "readinglist: your rules acted on 1 paper others imported (Quiet 1)\n"
    assert (code, err) == (0, said)
    bobs = json.loads(out)
    assert [paper["status"] for paper in bobs["papers"]] == ["skipped", "unread"]
    assert (bobs["triaged"], alices["triaged"]) == (1, 0)
    assert (again[2], [paper["arxiv_id"] for paper in json.loads(again[1])]) == ("", ["2403.00001"])
    assert [paper["status"] for paper in alices["papers"]] == ["unread", "unread"]
