"""Every released schema version, kept as a small fixture library, opens with today's code."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query, parse_query
from readinglist.library import migrations
from readinglist.library.database import open_library
from readinglist.library.health import check_library
from readinglist.library.importer import import_paths
from readinglist.library.papers import find_paper_ids, load_paper, load_papers
from readinglist.library.rules import list_rules
from readinglist.library.trash import empty_trash
from tests.helpers.paths import FIXTURES as FIXTURE_FOLDER
from tests.helpers.sources import hf_day, hf_paper

FIXTURES = sorted((FIXTURE_FOLDER / "libraries").glob("v*.sqlite"))


def test_there_is_a_fixture_for_every_released_version() -> None:
    versions = sorted(int(path.stem[1:]) for path in FIXTURES)
    assert versions == list(range(1, migrations.latest_version() + 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_an_old_library_opens_and_keeps_the_users_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(fixture, path)

    with open_library(path) as library, library.reading() as connection:
        paper = load_paper(connection, "2403.00001")

    assert check_library(path).sound
    assert paper is not None
    assert (paper.starred, paper.status, paper.tags) == (True, ReadingStatus.READ, ("fixture",))
    assert paper.note == "written by make_fixture.py"
    assert [(d.date.isoformat(), d.votes) for d in paper.digests] == [
        ("2024-03-01", 10),
        ("2024-03-02", 30),
    ]


def test_a_v4_library_gains_an_empty_trash_and_lists_what_it_listed(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v4.sqlite", path)

    with open_library(path) as library, library.reading() as connection:
        version = connection.exec_driver_sql("PRAGMA user_version").scalar()
        assert version == migrations.latest_version()
        listed = [load_paper(connection, i) for i in ("2403.00001", "2403.00002")]
        assert len(find_paper_ids(connection)) == 2
        assert find_paper_ids(connection, Query(trashed=True)) == []
    assert all(paper is not None for paper in listed)


def test_the_v5_fixture_keeps_its_trash(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v5.sqlite", path)

    with open_library(path) as library, library.reading() as connection:
        trashed = find_paper_ids(connection, Query(trashed=True))
        assert [paper.arxiv_id for paper in load_papers(connection, trashed)] == ["2403.00002"]
        assert len(find_paper_ids(connection)) == 1


def _rows(path: Path, statement: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(statement).fetchall()


_V5_APPEARANCES = (
    "SELECT paper_id, d.date, position, votes, media_kind, media_url, summary "
    "FROM {table} JOIN digests d ON d.id = digest_id ORDER BY paper_id, d.date"
)


def test_a_v5_librarys_appearances_become_daily_papers_sightings(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v5.sqlite", path)
    appearances = _rows(path, _V5_APPEARANCES.format(table="appearances"))
    files = _rows(path, "SELECT content_hash, source_name, papers_new FROM digest_files")
    user_data = _rows(path, "SELECT arxiv_id, starred, status, note FROM papers ORDER BY id")

    open_library(path).close()

    assert _rows(path, _V5_APPEARANCES.format(table="sightings")) == appearances
    assert _rows(path, "SELECT DISTINCT source FROM digests") == [("daily-papers-md",)]
    kept = "SELECT content_hash, source_name, papers_new FROM digest_files"
    assert _rows(path, kept) == files
    assert _rows(path, "SELECT arxiv_id, starred, status, note FROM papers ORDER BY id") == (
        user_data
    )
    assert check_library(path).sound  # the search index, untouched, still fits the papers


def test_a_migrated_library_takes_another_source_on_a_day_it_has(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v5.sqlite", path)
    other = tmp_path / "2024-03-01.json"
    abstract = "Cranes folded by a robot arm."
    other.write_text(hf_day("2024-03-01", hf_paper("2403.00001", "T", abstract=abstract)))

    with open_library(path) as library:
        report = import_paths(library, [other])
        with library.writing() as connection:
            empty_trash(connection)
        with library.reading() as connection:
            found = find_paper_ids(connection, parse_query("folded"))
            paper = load_paper(connection, "2403.00001")

    assert (report.papers_new, report.appearances_new) == (0, 1)
    assert paper is not None and paper.title != "T"  # a paper's title stays its first
    assert paper.starred and paper.note == "written by make_fixture.py"
    assert len(found) == 1  # the abstract is searched
    assert check_library(path).sound


def test_the_v6_fixture_keeps_its_other_sources(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v6.sqlite", path)

    with open_library(path) as library, library.reading() as connection:
        paper = load_paper(connection, "2403.00003")

    assert paper is not None and (paper.title, paper.votes) == ("Seen on Hugging Face", 7)
    assert _rows(path, "SELECT source, date FROM digests WHERE source <> 'daily-papers-md'") == [
        ("hf-daily-json", "2024-03-02")
    ]


def test_a_v6_library_gains_its_papers_seen_counts_and_rising_votes(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v6.sqlite", path)

    open_library(path).close()

    figures = "SELECT arxiv_id, seen_count, rising FROM papers ORDER BY arxiv_id"
    assert _rows(path, figures) == [  # 2403.00001: 10 votes, then 30 the next day
        ("2403.00001", 2, 20),
        ("2403.00002", 1, None),
        ("2403.00003", 1, None),
    ]
    assert _rows(path, "SELECT count(*) FROM watch_folders, subscriptions") == [(0,)]
    assert check_library(path).sound


def test_a_v7_library_gains_a_status_history_of_what_it_knows(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v7.sqlite", path)
    changed = _rows(
        path, "SELECT id, status, status_changed_at FROM papers WHERE status <> 'unread'"
    )

    open_library(path).close()

    assert _rows(path, "SELECT paper_id, status, at FROM status_events") == changed
    assert len(changed) == 1  # make_fixture.py's paper, marked read


def test_the_v9_fixture_keeps_its_rule(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v9.sqlite", path)

    with open_library(path) as library, library.reading() as connection:
        kept = list_rules(connection)

    assert [(rule.name, rule.query_text, rule.tags) for rule in kept] == [
        ("Fixture rule", "votes:>20", ("popular",))
    ]


def test_a_v9_library_gains_today_from_its_latest_digest_day(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURE_FOLDER / "libraries" / "v9.sqlite", path)

    with open_library(path) as library, library.reading() as connection:
        listed = load_papers(connection, find_paper_ids(connection, parse_query("is:today")))

    assert [paper.arxiv_id for paper in listed] == ["2403.00001", "2403.00003"]  # 2024-03-02
    assert _rows(path, "SELECT count(*) FROM triage_state, resurfacing") == [(0,)]
