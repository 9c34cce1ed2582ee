"""`readinglist rules`: rules kept, listed, removed, applied, and at work in `import`."""

import json

from tests.helpers.cli import RunCli
from tests.helpers.digests import DigestWriter, FakeEntry


def test_a_rule_added_acts_on_the_next_import_and_says_so(
    run: RunCli, digests: DigestWriter
) -> None:
    code, out, _ = run(
        "rules", "add", "Robots", "robots", "--tag", "robotics", "--status", "queued"
    )
    assert code == 0 and out == "added rule Robots: robots -> tag robotics, status queued\n"

    papers = [FakeEntry("2403.00001", title="Robots fold cranes"), FakeEntry("2403.00002")]
    code, out, _ = run("import", str(digests.write("d.md", "2024-03-01", papers)))
    assert code == 0 and out.splitlines()[-1] == "rule Robots caught 1 new paper"

    shown = json.loads(run("show", "--json", "2403.00001")[1])
    assert (shown["status"], shown["tags"]) == ("queued", ["robotics"])
    assert json.loads(run("show", "--json", "2403.00002")[1])["status"] == "unread"


def test_import_json_says_what_each_rule_caught(run: RunCli, digests: DigestWriter) -> None:
    run("rules", "add", "All", "--star", "--", "-survey")
    path = digests.write("d.md", "2024-03-01", [FakeEntry("2403.00001")])
    files = json.loads(run("import", "--json", str(path))[1])["files"]
    assert files[0]["rules"] == {"All": 1}


def test_rules_list_remove_and_apply(run: RunCli, digests: DigestWriter) -> None:
    run("import", str(digests.write("d.md", "2024-03-01", [FakeEntry("2403.00001")])))
    run("rules", "add", "Star all", "--star", "votes:>5")
    run("rules", "add", "Hide", "--status", "skipped", "votes:<3")

    listed = json.loads(run("rules", "list", "--json")[1])["rules"]
    assert [rule["name"] for rule in listed] == ["Star all", "Hide"]
    assert listed[1] == {
        "name": "Hide",
        "query": "votes:<3",
        "tags": [],
        "status": "skipped",
        "star": False,
        "first": False,
        "owner": None,
        "shared": False,
    }
    assert run("rules")[1].splitlines()[-1] == "2 rules"
    assert run("rules", "apply", "star all")[1] == "rule Star all caught 1 paper\n"
    assert json.loads(run("show", "--json", "2403.00001")[1])["starred"] is True
    assert run("rules", "remove", "Hide")[1] == "removed rule Hide\n"
    code, _, err = run("rules", "remove", "Hide")
    assert code == 1 and "there is no rule named 'Hide'" in err


def test_a_rule_must_be_sound(run: RunCli) -> None:
    assert run("rules", "add", "Bad", "--status", "later", "x")[0] == 2
    assert run("rules", "add", "Bad", "--star", "(x")[0] == 2
    code, _, err = run("rules", "add", "Idle", "x")
    assert code == 1 and "must do something" in err


def test_sort_rules_orders_today_only(run: RunCli, digests: DigestWriter) -> None:
    run("rules", "add", "Robots", "--first", "robots")
    papers = [FakeEntry("2403.00001"), FakeEntry("2403.00002", title="Robots fold cranes")]
    run("import", str(digests.write("d.md", "2024-03-01", papers)))
    run("saved", "add", "Mine", "is:today")

    def listed(*args: str) -> list[str]:
        code, out, _ = run("list", "--sort", "rules", *args)
        assert code == 0
        return [line.split()[0] for line in out.splitlines()[:-1]]

    assert listed("is:today") == ["2403.00002", "2403.00001"]  # the rule's first
    assert listed("--saved", "Mine", "-survey") == ["2403.00002", "2403.00001"]
    for args in (["list"], ["list", "robots"], ["export", "--format", "csv", "is:today OR x"]):
        code, out, err = run(*args, "--sort", "rules")
        assert (code, out) == (2, "")
        assert err == (
            "readinglist: --sort rules orders Today's papers: use it with is:today "
            "(or `readinglist today --order rules`)\n"
        )
