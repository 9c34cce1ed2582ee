"""Today's list (`is:today`) as the lists' kept SQL runs it (`library/id_plans.py`), on both
engines: a shared library compiles the start of Today into the list's SQL as a value, so a
plan kept from one Today is never used in the next; a library file's reads the stored start
where it runs. Either way the list holds what Today's own statements say it does."""

import datetime as dt

from sqlalchemy import select

from readinglist.core.listing import SortKey
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.library import papers as store
from readinglist.library import sorting, tables, today
from readinglist.library.database import Library, utc_now
from readinglist.library.dialect import on_postgresql
from readinglist.library.importer import import_paths
from readinglist.library.trash import NotTrashed
from tests.helpers.digests import DigestWriter, entries

DAY = dt.timedelta(days=1)
IS_TODAY = parse_query("is:today")
FIRST_DAY = ["2403.00001", "2403.00002"]
LATEST_DAY = ["2403.00003", "2403.00004"]


def listed(library: Library, query: str = "is:today") -> list[int]:
    with library.reading() as connection:
        return sorted(store.find_paper_ids(connection, parse_query(query), SortKey.RULES_FIRST))


def as_stored(library: Library) -> list[int]:
    """Today's papers from the start as stored, read where the statement runs (the list's
    SQL before the start was a value in it)."""
    papers = tables.PAPERS.c
    with library.reading() as connection:
        statement = select(papers.id).where(today.in_today(), NotTrashed())
        return sorted(connection.execute(statement).scalars())


def ids_of(library: Library, arxiv_ids: list[str]) -> list[int]:
    with library.reading() as connection:
        return sorted(store.paper_id_for(connection, arxiv_id) or 0 for arxiv_id in arxiv_ids)


def key(library: Library, at: dt.datetime, ids: list[int]) -> None:
    """A triage key at `at` that reads those papers."""
    with library.writing() as connection:
        store.set_status(connection, ids, ReadingStatus.READ, at)
        today.note_triage(connection, at, ids)


def roll(library: Library, at: dt.datetime) -> None:
    with library.writing() as connection:
        assert today.roll(connection, at)


def test_a_list_kept_from_one_today_is_not_used_in_the_next(
    either_library: Library, digests: DigestWriter
) -> None:
    began = utc_now() - 3 * DAY
    key(either_library, began, [])  # a session three days ago: what arrived since is Today
    roll(either_library, began + DAY)
    import_paths(either_library, [digests.write("a.md", "2024-03-01", entries(*FIRST_DAY))])
    first = ids_of(either_library, FIRST_DAY)
    assert listed(either_library) == first == as_stored(either_library)

    import_paths(either_library, [digests.write("b.md", "2024-03-02", entries(*LATEST_DAY))])
    every = ids_of(either_library, FIRST_DAY + LATEST_DAY)
    assert listed(either_library) == every == as_stored(either_library)  # the plan run again
    ended = utc_now() + dt.timedelta(minutes=1)
    key(either_library, ended, every)  # all read: the next session's Today begins afresh
    roll(either_library, ended + DAY)

    latest = ids_of(either_library, LATEST_DAY)  # nothing arrived since: the latest day's
    assert listed(either_library) == latest == as_stored(either_library)


def test_a_shared_librarys_list_has_the_start_as_a_value(
    either_library: Library, digests: DigestWriter
) -> None:
    """On PostgreSQL the list's SQL reads no stored start (planned from one, the list took
    270-350 ms at 180,000 papers); a library file's reads it, its kept plan true all along."""
    import_paths(either_library, [digests.write("a.md", "2024-03-01", entries(*FIRST_DAY))])
    with either_library.reading() as connection:
        plan = sorting.id_plan(connection, IS_TODAY, SortKey.LAST_SEEN, descending=True)
        postgresql = on_postgresql(connection)
    reads_the_start = any("triage_state" in sql for sql, _ in plan.statements)
    assert reads_the_start is not postgresql
    assert listed(either_library) == ids_of(either_library, FIRST_DAY) == as_stored(either_library)
