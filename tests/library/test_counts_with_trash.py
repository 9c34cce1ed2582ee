"""The sidebar's counts and Today's with papers in the trash, on both engines: a library file
(SQLite) and a member's shared library (PostgreSQL, where the trash is left out by an
anti-join), given the same papers, count the same and leave the same papers out."""

import datetime as dt
from dataclasses import dataclass

import pytest

from readinglist.core.listing import DigestCount
from readinglist.core.paper import ReadingStatus
from readinglist.library import browse, today
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.trash import move_to_trash
from tests.helpers.digests import DigestWriter, entries

READ, QUEUED, UNREAD = ReadingStatus.READ, ReadingStatus.QUEUED, ReadingStatus.UNREAD
FIRST_DAY = [f"2403.0000{n}" for n in range(1, 5)]
LATEST_DAY = [f"2403.0000{n}" for n in range(5, 9)]
FIRST, LATEST = dt.date(2024, 3, 1), dt.date(2024, 3, 2)


@dataclass(frozen=True)
class Papers:
    """The papers by their number, 1-4 seen on the first day and 5-8 on the latest."""

    ids: dict[int, int]

    def __call__(self, *numbers: int) -> list[int]:
        return [self.ids[n] for n in numbers]


@pytest.fixture
def papers(either_library: Library, digests: DigestWriter) -> Papers:
    """Read 1 and 5, queued 2, starred 3, 6 and 7, robots on 1, 3 and 6, solo on 4 alone;
    3, 4 and 6 in the trash."""
    import_paths(
        either_library,
        [
            digests.write("a.md", FIRST.isoformat(), entries(*FIRST_DAY)),
            digests.write("b.md", LATEST.isoformat(), entries(*LATEST_DAY)),
        ],
    )
    with either_library.writing() as connection:
        numbered = enumerate(FIRST_DAY + LATEST_DAY, start=1)
        found = Papers({n: store.paper_id_for(connection, i) or 0 for n, i in numbered})
        now = utc_now()
        store.set_status(connection, found(1, 5), READ, now)
        store.set_status(connection, found(2), QUEUED, now)
        store.set_starred(connection, found(3, 6, 7), True)
        store.add_tags(connection, found(1, 3, 6), ["robots"])
        store.add_tags(connection, found(4), ["solo"])
        move_to_trash(connection, found(3, 4, 6), now)
    return found


def test_the_sidebar_leaves_the_trash_out(either_library: Library, papers: Papers) -> None:
    with either_library.reading() as connection:
        counts = browse.sidebar_counts(connection)
        after_an_edit = browse.sidebar_counts(connection, papers(5))

    assert (counts.total, counts.trashed, counts.starred) == (5, 3, 1)
    assert {status: n for status, n in counts.by_status.items() if n} == {
        READ: 2,
        QUEUED: 1,
        UNREAD: 2,
    }
    assert counts.tags == (("robots", 1),)  # solo: only a paper in the trash carries it
    assert counts.digests == (
        DigestCount(LATEST, 3, 2),
        DigestCount(FIRST, 2, 0),
    )
    assert after_an_edit.digests == (DigestCount(LATEST, 3, 2),)
    assert [(s.papers, s.unread) for s in counts.sources] == [(5, 2)]


def test_todays_counts_and_papers_to_do_leave_the_trash_out(
    either_library: Library, papers: Papers
) -> None:
    with either_library.reading() as connection:  # no session yet: the latest day's papers
        progress = today.progress(connection)
        to_do = today.untriaged_ids(connection)

    assert (progress.total, progress.triaged) == (3, 1)  # 5 read; 6 in the trash
    assert sorted(to_do) == sorted(papers(7, 8))
