"""`readinglist today`: the papers the window's Today lists, with the progress through them."""

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import update

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.core.today import RESURFACE_AFTER
from readinglist.library import papers as store
from readinglist.library import tables
from readinglist.library.database import Library, open_library
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


def test_today_takes_the_turn_and_names_the_papers_brought_back(
    run: RunCli, digests: DigestWriter, library_path: Path
) -> None:
    run("import", str(digests.write("a.md", "2024-03-01", entries("2403.00001", "2403.00002"))))
    now = dt.datetime.now(dt.UTC)
    long_ago = now - RESURFACE_AFTER - dt.timedelta(days=30)
    with open_library(library_path, daily_backup=False) as library:
        age(library, long_ago, now - dt.timedelta(days=2))

    code, out, _ = run("today", "--json")

    assert code == 0
    listed = json.loads(out)
    assert listed["brought_back"] == ["2403.00001"]
    assert "2403.00001" in [paper["arxiv_id"] for paper in listed["papers"]]


def age(library: Library, long_ago: dt.datetime, last_key: dt.datetime) -> None:
    """Every paper added `long_ago`, 2403.00001 queued then; the last session's key at
    `last_key`."""
    with library.writing() as connection:
        [first] = store.find_paper_ids(connection, parse_query("id:2403.00001"))
        connection.execute(update(tables.PAPERS).values(added_at=long_ago))
        store.set_status(connection, [first], ReadingStatus.QUEUED, long_ago)
        state = {"today_since": long_ago, "last_triage_at": last_key}
        connection.execute(tables.TRIAGE_STATE.insert().values(id=1, **state))
