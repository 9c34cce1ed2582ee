"""Every day's counts on a shared library, as each member reads them: a day's papers less
those in the reader's trash, and its unread papers less those of another status of the
reader's; a paper both read and in the trash left out once; a day of two sources' digests
counting each paper once; another member's trash and statuses counting for nothing."""

import datetime as dt

from readinglist.core.listing import DigestCount
from readinglist.core.paper import ReadingStatus
from readinglist.library import browse
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.trash import move_to_trash
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.sources import hf_day, hf_paper

PAPERS = {n: f"2403.0000{n}" for n in range(1, 9)}
FIRST, SECOND, THIRD, FOURTH = (dt.date(2024, 3, day) for day in range(1, 5))


def day_counts(library: Library) -> tuple[DigestCount, ...]:
    with library.reading() as connection:
        return browse.sidebar_counts(connection).digests


def test_each_member_counts_every_day_from_their_own_trash_and_statuses(
    member_libraries: tuple[Library, Library], digests: DigestWriter
) -> None:
    alice, bob = member_libraries
    import_paths(
        alice,
        [
            digests.write(
                "first.md", FIRST.isoformat(), entries(*(PAPERS[n] for n in (1, 2, 3, 4)))
            ),
            digests.write(
                "second.md", SECOND.isoformat(), entries(*(PAPERS[n] for n in (3, 4, 5, 6)))
            ),
            digests.write_text(  # the second day in a second source too: 3 again, and 7
                "second.json",
                hf_day(
                    SECOND.isoformat(), hf_paper(PAPERS[3], "Three"), hf_paper(PAPERS[7], "Seven")
                ),
            ),
            digests.write("third.md", THIRD.isoformat(), entries(PAPERS[8])),
            digests.write("fourth.md", FOURTH.isoformat(), entries(PAPERS[2])),
        ],
    )
    with alice.writing() as connection:
        ids = {n: store.paper_id_for(connection, arxiv_id) or 0 for n, arxiv_id in PAPERS.items()}
        now = utc_now()
        store.set_status(connection, [ids[1], ids[3]], ReadingStatus.READ, now)
        store.set_status(connection, [ids[5]], ReadingStatus.QUEUED, now)
        store.set_starred(connection, [ids[6]], True)  # a state of the reader's, unread
        move_to_trash(connection, [ids[2], ids[3]], now)  # 3 read and in the trash
    with bob.writing() as connection:
        store.set_status(connection, [ids[4]], ReadingStatus.READ, now)
        move_to_trash(connection, [ids[5]], now)

    assert day_counts(alice) == (
        DigestCount(FOURTH, 0, 0),  # 2, in the trash
        DigestCount(THIRD, 1, 1),
        DigestCount(SECOND, 4, 3),  # 4, 5, 6 and 7; 5 queued
        DigestCount(FIRST, 2, 1),  # 1 and 4; 1 read
    )
    assert day_counts(bob) == (
        DigestCount(FOURTH, 1, 1),
        DigestCount(THIRD, 1, 1),
        DigestCount(SECOND, 4, 3),  # 3, 4, 6 and 7; 4 read
        DigestCount(FIRST, 4, 3),
    )
