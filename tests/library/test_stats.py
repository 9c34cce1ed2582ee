"""The Reading view's figures, counted in SQL from the status history, against a small history
computed by hand (the same the figures' definitions are written for), on both engines: a
library file (SQLite) and a member's shared library (PostgreSQL), loaded with the same
history, give the same figures."""

import datetime as dt
import json
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import text

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import ReadingStats
from readinglist.library import papers as store
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.library.stats import library_stats
from readinglist.library.trash import move_to_trash
from tests.helpers.digests import DigestWriter, entries

READ, QUEUED, SKIPPED = ReadingStatus.READ, ReadingStatus.QUEUED, ReadingStatus.SKIPPED
UTC = dt.UTC
NOW = dt.datetime(2026, 12, 2, 12, tzinfo=UTC)  # a Wednesday
IDS = [f"2403.{n:05d}" for n in range(1, 11)]


@pytest.fixture
def library(either_library: Library) -> Library:
    """A library file, or the shared library as its first member (alice) sees it."""
    return either_library


def at(moment: str) -> dt.datetime:
    return dt.datetime.fromisoformat(moment).replace(tzinfo=UTC)


def fill(library: Library, digests: DigestWriter) -> dict[int, int]:
    import_paths(library, [digests.write("d.md", "2024-03-01", entries(*IDS))])
    with library.reading() as connection:
        return {n: store.paper_id_for(connection, IDS[n - 1]) or 0 for n in range(1, 11)}


def history(library: Library, ids: dict[int, int], changes: list[tuple[int, str, str]]) -> None:
    with library.writing() as connection:
        for paper, status, when in changes:
            store.set_status(connection, [ids[paper]], ReadingStatus(status), at(when))


def arrived(library: Library, ids: dict[int, int], days: dict[int, str]) -> None:
    with library.writing() as connection:
        for paper, when in days.items():
            connection.execute(
                text("UPDATE papers SET added_at = :at WHERE id = :id"),
                {"at": stored(when), "id": ids[paper]},
            )


def stored(moment: str) -> str:
    """`moment` as a library file stores it."""
    return at(moment).strftime("%Y-%m-%d %H:%M:%S.%f")


def set_authors(library: Library, ids: dict[int, int], lists: dict[int, str]) -> None:
    """Each paper's authors, as the JSON text given."""
    with library.writing() as connection:
        for paper, authors in lists.items():
            connection.execute(
                text("UPDATE papers SET authors = :authors WHERE id = :id"),
                {"authors": authors, "id": ids[paper]},
            )


def figures(
    library: Library, since: str, zone: dt.tzinfo = UTC, *, beside: bool = True
) -> ReadingStats:
    with library.reading() as connection:
        day = dt.date.fromisoformat(since)
        return library_stats(connection, day, NOW, zone, beside=beside)


def by_hand(library: Library, digests: DigestWriter) -> dict[int, int]:
    """The history the first test's figures are computed by hand from; the papers' ids."""
    ids = fill(library, digests)
    history(
        library,
        ids,
        [
            (1, "queued", "2026-11-10 09:00"),  # before the first week shown
            (1, "read", "2026-11-17 10:00"),
            (2, "queued", "2026-11-18 08:00"),
            (3, "read", "2026-11-24 12:00"),
            (4, "skipped", "2026-11-25 12:00"),
            (5, "read", "2026-11-30 06:00"),
            (6, "read", "2026-12-01 06:00"),
        ],
    )
    with library.writing() as connection:  # queued before there was a history
        store.undo_status(connection, [ids[9]], QUEUED, None)
    arrived(
        library,
        ids,
        {
            1: "2026-11-09 09:00",
            3: "2026-11-24 00:00",
            5: "2026-11-29 06:00",
            6: "2026-11-01 06:00",
            9: "2025-10-01 00:00",
        },
    )
    return ids


def test_the_figures_of_a_history_computed_by_hand(library: Library, digests: DigestWriter) -> None:
    by_hand(library, digests)

    shown = figures(library, "2026-11-16")

    weeks = [(w.start.isoformat(), w.read, w.skipped, w.queued) for w in shown.weeks]
    assert weeks == [
        ("2026-11-16", 1, 0, 2),  # queued: 9 all along, 1 (then read), 2
        ("2026-11-23", 1, 1, 2),
        ("2026-11-30", 2, 0, 2),
    ]
    assert (shown.read, shown.skipped, shown.queued) == (4, 1, 2)
    assert [count for _, count in shown.backlog] == [0, 1, 0, 0, 1]
    assert (shown.current_streak, shown.longest_streak) == (2, 2)  # Nov 30, Dec 1
    assert shown.to_json()["days_to_read"] == {"papers": 4, "median": 4.5, "p90": 30.0}


def test_a_members_figures_never_hold_another_members_statuses(
    member_libraries: tuple[Library, Library], digests: DigestWriter
) -> None:
    """On a shared library each member's figures come from their own history, queue and
    trash: bob reading, skipping, queueing and trashing the same papers leaves alice's
    figures as they were, and his hold none of hers."""
    alice, bob = member_libraries
    ids = by_hand(alice, digests)
    arrived(alice, ids, {2: "2026-11-20 00:00", 7: "2026-11-30 00:00"})  # read by bob only
    hers = figures(alice, "2026-11-16")

    history(
        bob,
        ids,
        [
            (2, "read", "2026-11-24 09:00"),
            (8, "skipped", "2026-11-25 09:00"),
            (3, "queued", "2026-11-26 12:00"),
            (7, "read", "2026-12-01 09:00"),
            (1, "read", "2026-12-01 10:00"),
        ],
    )
    with bob.writing() as connection:
        move_to_trash(connection, [ids[1], ids[5]], NOW)  # both read by alice

    his = figures(bob, "2026-11-16")

    assert figures(alice, "2026-11-16") == hers
    assert [(w.read, w.skipped, w.queued) for w in his.weeks] == [(0, 0, 0), (1, 1, 1), (1, 0, 1)]
    assert [count for _, count in his.backlog] == [1, 0, 0, 0, 0]
    assert (his.current_streak, his.longest_streak) == (1, 1)
    assert sorted(his.days_to_read) == [1.375, 4.375]


def test_the_backlog_counts_whole_days_waited(library: Library, digests: DigestWriter) -> None:
    """A paper queued exactly a week before now has waited a week; a millisecond later, six
    days; a year and a day, over a year."""
    ids = fill(library, digests)
    queued = ["2026-11-25 12:00:00.000", "2026-11-25 12:00:00.001", "2025-12-01 12:00:00"]
    history(library, ids, [(n, "queued", when) for n, when in enumerate(queued, start=1)])

    backlog = dict(figures(library, "2026-11-16").backlog)

    assert (backlog["under a week"], backlog["1-4 weeks"], backlog["over a year"]) == (1, 1, 1)


@pytest.mark.parametrize("since", ["2026-11-16", "2026-11-23", "2025-12-01"])
def test_read_beside_or_in_one_transaction_the_figures_are_the_same(
    library: Library, digests: DigestWriter, since: str
) -> None:
    """Half the statements run on a second connection in a worker thread (`beside`); read
    one after another in one transaction, every figure is the same."""
    ids = by_hand(library, digests)
    with library.writing() as connection:  # the tags read too
        store.add_tags(connection, [ids[1], ids[3]], ["robots"])

    together, apart = figures(library, since), figures(library, since, beside=False)

    assert together == apart
    assert together.top_tags and together.top_authors and together.read > 0


def test_weeks_and_days_are_the_readers_own(library: Library, digests: DigestWriter) -> None:
    """A read at 23:30 UTC on Sunday is Monday's in Seoul: the next week's."""
    ids = fill(library, digests)
    history(library, ids, [(1, "read", "2026-11-29 23:30")])
    seoul = dt.timezone(dt.timedelta(hours=9))

    in_utc, in_seoul = figures(library, "2026-11-23"), figures(library, "2026-11-23", seoul)

    assert [w.read for w in in_utc.weeks] == [1, 0]
    assert [w.read for w in in_seoul.weeks] == [0, 1]


def test_a_paper_read_twice_in_a_week_counts_once_and_the_trash_not_at_all(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    history(
        library,
        ids,
        [
            (1, "read", "2026-12-01 08:00"),
            (1, "queued", "2026-12-01 09:00"),
            (1, "read", "2026-12-02 08:00"),
            (2, "read", "2026-12-01 08:00"),
        ],
    )
    with library.writing() as connection:
        move_to_trash(connection, [ids[2]], NOW)

    shown = figures(library, "2026-11-30")

    assert [(w.read, w.queued) for w in shown.weeks] == [(1, 0)]


@pytest.mark.parametrize("since", ["2026-09-14", "2025-12-01"])
def test_an_empty_history_has_empty_figures(
    library: Library, digests: DigestWriter, since: str
) -> None:
    fill(library, digests)
    shown = figures(library, since)
    assert shown.read == 0 and shown.median_days_to_read is None


def test_a_week_begins_at_the_readers_midnight_to_the_millisecond(
    library: Library, digests: DigestWriter
) -> None:
    """Weeks are numbered from each moment's milliseconds: in a zone half an hour off the
    hour (+05:30), 18:29:59.999 UTC on Sunday is still Sunday, 18:30 is Monday."""
    ids = fill(library, digests)
    history(
        library,
        ids,
        [(1, "read", "2026-11-29 18:29:59.999"), (2, "read", "2026-11-29 18:30:00")],
    )
    india, west = (
        dt.timezone(dt.timedelta(hours=5, minutes=30)),
        dt.timezone(-dt.timedelta(hours=7, minutes=45)),
    )

    in_india, in_west = figures(library, "2026-11-23", india), figures(library, "2026-11-23", west)

    assert [(w.start.isoformat(), w.read) for w in in_india.weeks] == [
        ("2026-11-23", 1),
        ("2026-11-30", 1),
    ]
    assert [w.read for w in in_west.weeks] == [2, 0]  # Sunday morning there


@pytest.mark.parametrize(
    ("offset", "midnight"),
    [
        (dt.timedelta(hours=5, minutes=30), "2026-11-29 18:30:00"),
        (dt.timedelta(seconds=5), "2026-11-29 23:59:55"),  # a whole second not 0 or 59
    ],
)
def test_a_moment_half_a_millisecond_before_the_readers_midnight_is_sqlites_day(
    library: Library, digests: DigestWriter, offset: dt.timedelta, midnight: str
) -> None:
    """SQLite rounds a moment to the millisecond before it numbers its day: 23:59:59.999499
    (local) is Sunday's, 23:59:59.9995 and later Monday's; a shared library's days too, though
    numbered there from the moment's date rather than its julian milliseconds."""
    ids = fill(library, digests)
    boundary = at(midnight)
    before = [boundary - dt.timedelta(microseconds=us) for us in (501, 500, 499)]
    history(
        library,
        ids,
        [(n, "read", f"{moment:%Y-%m-%d %H:%M:%S.%f}") for n, moment in enumerate(before, 1)],
    )

    shown = figures(library, "2026-11-23", dt.timezone(offset))

    assert [(w.start.isoformat(), w.read) for w in shown.weeks] == [
        ("2026-11-23", 1),
        ("2026-11-30", 2),
    ]


def test_the_authors_of_what_was_read_most_first_then_by_name(
    library: Library, digests: DigestWriter
) -> None:
    """Each paper read since counts once for each name its list holds; ties go by name
    (code points, as SQLite orders text); names with quotes and backslashes come back whole;
    a paper with no authors adds nobody."""
    ids = fill(library, digests)
    lists = {
        1: ["Émile Zola", 'Ann "Annie" Lee', "Bo\\Chen"],
        2: ["Zed", 'Ann "Annie" Lee'],
        3: ["Émile Zola", "Zed", "Bo\\Chen"],
        4: [],
        5: ["Zed"],  # read before the start
        6: ["Nobody Read"],  # never read
    }
    set_authors(
        library,
        ids,
        {paper: json.dumps(names, ensure_ascii=False) for paper, names in lists.items()},
    )
    history(
        library,
        ids,
        [
            (5, "read", "2026-11-20 09:00"),
            (1, "read", "2026-11-24 09:00"),
            (2, "read", "2026-11-25 09:00"),
            (2, "queued", "2026-11-26 09:00"),
            (2, "read", "2026-11-27 09:00"),  # read twice: once
            (3, "read", "2026-11-30 09:00"),
            (4, "read", "2026-11-30 10:00"),
        ],
    )

    shown = figures(library, "2026-11-23")

    assert shown.top_authors == (
        ('Ann "Annie" Lee', 2),
        ("Bo\\Chen", 2),
        ("Zed", 2),
        ("Émile Zola", 2),
    )


def test_the_tags_of_what_was_read_tie_by_name_in_any_case(
    library: Library, digests: DigestWriter
) -> None:
    """Tags on as many papers go by name as SQLite's NOCASE orders them: ASCII letters
    folded to lower case (so `_` comes before `a`), then code points."""
    ids = fill(library, digests)
    names = ["beta", "Zeta", "Alpha", "_under", "éclair"]
    with library.writing() as connection:
        for paper, name in enumerate(names, start=1):
            store.add_tags(connection, [ids[paper]], [name])
        store.add_tags(connection, [ids[1], ids[2]], ["most"])
    history(library, ids, [(paper, "read", "2026-11-24 09:00") for paper in range(1, 6)])

    shown = figures(library, "2026-11-23")

    assert shown.top_tags == (
        ("most", 2),
        ("_under", 1),
        ("Alpha", 1),
        ("beta", 1),
        ("Zeta", 1),
        ("éclair", 1),
    )


def test_the_authors_count_the_same_however_their_lists_are_spaced(
    library: Library, digests: DigestWriter
) -> None:
    """Lists written by another tool, without the space after each comma or with more,
    count each name as the library's own lists do."""
    ids = fill(library, digests)
    lists = {
        1: '["Ann Lee","Bo Chen"]',
        2: '["Ann Lee",  "Bo Chen", "Cy, Jr."]',
        3: '["Bo Chen", "Cy, Jr."]',
        4: ' [ "Dee"]',
    }
    set_authors(library, ids, lists)
    history(library, ids, [(paper, "read", "2026-11-24 09:00") for paper in lists])

    shown = figures(library, "2026-11-23")

    assert shown.top_authors == (("Bo Chen", 3), ("Ann Lee", 2), ("Cy, Jr.", 2), ("Dee", 1))


def test_the_days_to_read_follow_an_undone_first_read(
    library: Library, digests: DigestWriter
) -> None:
    """The first read is the earliest read left in the history: undoing it, the next read counts
    from arrival; undoing every read, the paper is not counted; reading again later changes
    nothing; a paper deleted with its history goes too."""
    ids = fill(library, digests)
    arrived(library, ids, {1: "2026-11-20 00:00", 2: "2026-11-20 00:00", 3: "2026-11-20 00:00"})
    history(
        library,
        ids,
        [
            (1, "read", "2026-11-21 00:00"),
            (1, "queued", "2026-11-22 00:00"),
            (1, "read", "2026-11-24 00:00"),
            (2, "read", "2026-11-25 00:00"),
            (3, "read", "2026-11-30 00:00"),
        ],
    )
    assert sorted(figures(library, "2026-11-16").days_to_read) == [1.0, 5.0, 10.0]

    with library.writing() as connection:
        store.undo_status(connection, [ids[1]], ReadingStatus.UNREAD, None)  # both reads
        store.undo_status(connection, [ids[2]], ReadingStatus.UNREAD, None)
        store.set_status(connection, [ids[2]], READ, at("2026-11-27 00:00"))
        store.set_status(connection, [ids[3]], QUEUED, at("2026-12-01 00:00"))
        store.set_status(connection, [ids[3]], READ, at("2026-12-01 12:00"))
        # a shared library's papers are its records (the view `papers` takes no DELETE)
        records = "paper_records" if library.shared else "papers"
        connection.execute(text(f"DELETE FROM {records} WHERE id = :id"), {"id": ids[4]})

    assert sorted(figures(library, "2026-11-16").days_to_read) == [7.0, 10.0]


def test_the_days_to_read_are_sqlites_julian_days_to_the_last_bit(
    library: Library, digests: DigestWriter
) -> None:
    """The days from arrival to first read are `julianday(read) - julianday(arrival)` as
    SQLite computes it from the moments stored as text, though read as julian milliseconds
    and divided in Python; on PostgreSQL too, where the moments are timestamptz. Half a
    millisecond is rounded as SQLite rounds it: 00.500500 s and 00.501500 s down (SQLite's
    seconds are a double; rounding the microseconds, both went up)."""
    ids = fill(library, digests)
    moments = {1: ("2026-11-20 03:17:42.123", "2026-11-27 19:05:01.987")}
    moments[2] = ("2025-01-01 00:00:00.001", "2026-11-30 23:59:59.999")
    moments[3] = ("2026-11-20 03:17:00.250", "2026-11-27 19:05:00.501500")
    moments[4] = ("2026-11-21 00:00:00.500500", "2026-11-27 19:05:07.999")
    moments[5] = ("2026-11-20 00:00:16.000500", "2026-11-27 19:05:04.000500")  # SQLite: down
    arrived(library, ids, {paper: came for paper, (came, _) in moments.items()})
    history(library, ids, [(paper, "read", read) for paper, (_, read) in moments.items()])
    with closing(sqlite3.connect(":memory:")) as sqlite:
        expected = sorted(
            sqlite.execute(
                "SELECT julianday(?) - julianday(?)", (stored(read), stored(came))
            ).fetchone()[0]
            for came, read in moments.values()
        )

    assert sorted(figures(library, "2026-11-16").days_to_read) == expected
    assert sorted(figures(library, "2026-11-16", beside=False).days_to_read) == expected
