"""`readinglist stats`: the figures of one's reading, from the status history the other
commands write, from a library file or a shared library (each member's own)."""

import datetime as dt
import json

import pytest

from tests.helpers.cli import RunCli, cli_runner
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.postgres import PostgresDatabase


def test_stats_counts_what_set_did_this_week(run: RunCli, digests: DigestWriter) -> None:
    papers = entries("2403.00001", "2403.00002", "2403.00003")
    run("import", str(digests.write("d.md", "2024-03-01", papers)))
    run("set", "2403.00001", "2403.00002", "--status", "read", "--tag", "robots")
    run("set", "2403.00002", "--status", "queued")  # read, then queued again
    run("set", "2403.00003", "--status", "skipped")

    code, out, _ = run("stats", "--json")

    figures = json.loads(out)
    assert code == 0
    this_week = figures["weeks"][-1]
    assert (this_week["read"], this_week["skipped"], this_week["queued"]) == (2, 1, 1)
    assert len(figures["weeks"]) == 12
    assert (figures["read"], figures["queued"]) == (2, 1)
    assert figures["streak"] == {"current": 1, "longest": 1}
    assert figures["top_tags"] == [{"tag": "robots", "papers": 2}]
    assert figures["top_authors"][0] == {"author": "Ada Lovelace", "papers": 2}
    assert figures["backlog"][0] == {"age": "under a week", "papers": 1}


def test_stats_since_a_day_and_in_words(run: RunCli, digests: DigestWriter) -> None:
    run("import", str(digests.write("d.md", "2024-03-01", entries("2403.00001"))))
    run("set", "2403.00001", "--status", "read")
    today = dt.date.today()

    code, out, _ = run("stats", "--since", today.isoformat())

    assert code == 0
    assert out.splitlines()[:3] == [
        f"Reading from {today} to {today}",
        "Read 1, skipped 0; queued now 0",
        "Streak: 1 day (longest 1 day)",
    ]
    assert "Top tags: -" in out


def test_stats_of_a_shared_library_are_the_members_own(
    shared: PostgresDatabase,
    members: tuple[str, str],
    digests: DigestWriter,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice, bob = (cli_runner(shared.url_as(who), capsys) for who in members)
    papers = entries("2403.00001", "2403.00002", "2403.00003")
    alice("import", str(digests.write("d.md", "2024-03-01", papers)))
    alice("set", "2403.00001", "2403.00002", "--status", "read", "--tag", "robots")
    alice("set", "2403.00003", "--status", "queued")
    bob("set", "2403.00001", "--status", "queued")
    bob("set", "2403.00002", "2403.00003", "--status", "skipped")

    code, out, _ = alice("stats", "--json")
    words = alice("stats", "--since", dt.date.today().isoformat())
    his = json.loads(bob("stats", "--json")[1])

    hers = json.loads(out)
    assert code == 0 and words[0] == 0
    assert (hers["read"], hers["skipped"], hers["queued"]) == (2, 0, 1)
    assert hers["top_tags"] == [{"tag": "robots", "papers": 2}]
    assert hers["top_authors"][0] == {"author": "Ada Lovelace", "papers": 2}
    assert words[1].splitlines()[1] == "Read 2, skipped 0; queued now 1"
    assert (his["read"], his["skipped"], his["queued"]) == (0, 2, 1)
    assert his["weeks"][-1] == {**his["weeks"][-1], "read": 0, "skipped": 2, "queued": 1}


def test_stats_refuses_a_day_that_is_not_a_date(run: RunCli) -> None:
    with pytest.raises(SystemExit) as exited:
        run("stats", "--since", "last week")
    assert exited.value.code == 2
