"""Every released schema version, kept as a small fixture library, opens with today's code."""

import shutil
from pathlib import Path

import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query
from readinglist.library import migrations
from readinglist.library.database import open_library
from readinglist.library.health import check_library
from readinglist.library.papers import find_paper_ids, load_paper, load_papers
from tests.helpers.paths import FIXTURES as FIXTURE_FOLDER

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
        assert connection.exec_driver_sql("PRAGMA user_version").scalar() == 5
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
