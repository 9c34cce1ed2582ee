"""`readinglist today`: the papers the window's Today lists, with the progress through them."""

import json

from tests.helpers.cli import RunCli
from tests.helpers.digests import DigestWriter, FakeEntry, entries


def test_today_lists_the_latest_day_and_counts_what_was_triaged(
    run: RunCli, digests: DigestWriter
) -> None:
    run("import", str(digests.write("a.md", "2024-03-01", entries("2403.00001", "2403.00002"))))
    latest = [FakeEntry("2403.00002", votes=3), FakeEntry("2403.00003", votes=40)]
    run("import", str(digests.write("b.md", "2024-03-02", latest)))
    run("set", "2403.00003", "--status", "queued", "--star")

    code, out, _ = run("today", "--json")

    assert code == 0
    listed = json.loads(out)
    assert [paper["arxiv_id"] for paper in listed["papers"]] == ["2403.00002", "2403.00003"]
    assert (listed["order"], listed["total"], listed["triaged"]) == ("digest", 2, 1)
    assert (listed["queued"], listed["starred"]) == (1, 1)


def test_today_in_words_says_when_all_is_caught_up(run: RunCli, digests: DigestWriter) -> None:
    day = [FakeEntry("2403.00001", votes=3), FakeEntry("2403.00002", votes=40)]
    run("import", str(digests.write("a.md", "2024-03-01", day)))
    run("set", "2403.00001", "2403.00002", "--status", "skipped")

    code, out, _ = run("today", "--order", "votes")

    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2403.00002") and lines[1].startswith("2403.00001")
    assert lines[-1] == "2 of 2 triaged: all caught up (0 queued, 0 starred)"


def test_today_refuses_an_order_it_does_not_know(run: RunCli) -> None:
    code, _, err = run("today", "--order", "random")

    assert code == 2
    assert "unknown order 'random' (one of: digest, votes, rising, rules)" in err
