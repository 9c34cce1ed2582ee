"""Dates at the ends of the calendar: a query never overflows, it finds what is there.

A library may hold a digest of 9999-12-31 (imported before such dates were refused), and
anyone may type `date:9999-12-31`: the answer is that digest's papers, or nothing, never an
`OverflowError`.
"""

import datetime as dt
import hashlib
from dataclasses import replace

import pytest

from readinglist.core.listing import SortKey
from readinglist.core.parser import parse_digest
from readinglist.core.query import Query, QueryError, parse_query
from readinglist.core.query_terms import AgeUnit, Ago, InDigest, Op, Span
from readinglist.core.sources.markdown import reading_of
from readinglist.library import ingest
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from tests.helpers.digests import digest_text, entries

LAST, FIRST = dt.date.max, dt.date.min


def store_day(library: Library, day: dt.date, *arxiv_ids: str) -> None:
    """A digest of `day` as an older readinglist stored it, whatever the day."""
    data = digest_text(day, entries(*arxiv_ids)).encode()
    digest = replace(parse_digest(data.replace(day.isoformat().encode(), b"2024-01-01")), date=day)
    with library.writing() as connection:
        stored = ingest.StoredFile(hashlib.sha256(data).hexdigest(), "old.md", utc_now())
        ingest.store_reading(connection, reading_of(digest), stored)


def found(library: Library, query: Query) -> list[str]:
    with library.reading() as connection:
        ids = store.find_paper_ids(connection, query, SortKey.LAST_SEEN, False)
        return sorted(paper.arxiv_id for paper in store.load_papers(connection, ids))


@pytest.fixture
def ends(library: Library) -> Library:
    store_day(library, LAST, "2401.00009")
    store_day(library, FIRST, "2401.00001")
    store_day(library, dt.date(2024, 3, 1), "2403.00001")
    return library


def test_the_sidebar_entry_of_the_last_day_lists_its_papers(ends: Library) -> None:
    assert found(ends, Query(digests=(LAST,))) == ["2401.00009"]
    assert found(ends, Query(digests=(FIRST,))) == ["2401.00001"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("digest:9999-12-31", ["2401.00009"]),
        ("digest:9999-12", ["2401.00009"]),
        ("digest:9999", ["2401.00009"]),
        ("digest:>9999-12-31", []),
        ("digest:>=9999-12-31", ["2401.00009"]),
        ("digest:<=9999-12-31", ["2401.00001", "2401.00009", "2403.00001"]),
        ("digest:<9999", ["2401.00001", "2403.00001"]),
        ("digest:>9999", []),
        ("digest:0001-01-01", ["2401.00001"]),
        ("digest:<0001-01-01", []),
        ("digest:<=0001", ["2401.00001"]),
        ("digest:>0001", ["2401.00009", "2403.00001"]),
        ("date:9999-12-31", ["2401.00009"]),
        ("date:>2024-03", ["2401.00009"]),
        ("date:<99999y", ["2401.00009", "2403.00001"]),  # after the first day there is
        ("date:>99999y", []),
        ("date:>=99999y", ["2401.00001"]),
        ("date:<999999999d", ["2401.00009", "2403.00001"]),
    ],
)
def test_typed_dates_at_the_ends_of_the_calendar(
    ends: Library, text: str, expected: list[str]
) -> None:
    assert found(ends, parse_query(text)) == expected


@pytest.mark.parametrize("text", ["date:9999-12-31", "digest:9999-12", "date:>9999"])
def test_dates_of_the_last_year_read_back_as_typed(text: str) -> None:
    assert parse_query(text).text == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date:0000", "'0000' is not a date on the calendar"),
        ("date:9999-13", "'9999-13' is not a date on the calendar"),
        ("date:2024-02-30", "'2024-02-30' is not a date on the calendar"),
    ],
)
def test_dates_off_the_calendar_are_query_errors(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query(text)


@pytest.mark.parametrize(
    "span",
    [Span.day(LAST), Span.month(9999, 12), Span.year(9999), Span.day(FIRST), Span.year(1)],
)
def test_spans_at_the_ends_hold_their_days_and_print(span: Span) -> None:
    assert span.start <= span.last
    assert str(span) in ("9999-12-31", "9999-12", "9999", "0001-01-01", "0001")


def test_an_age_further_back_than_the_calendar_is_its_first_day() -> None:
    assert Ago(10**9, AgeUnit.DAYS).span(dt.date(2024, 1, 1)) == Span.day(FIRST)
    assert Ago(10**6, AgeUnit.YEARS).span(dt.date(2024, 1, 1)) == Span.day(FIRST)
    assert InDigest(Op.EQ, Span.day(LAST)) == parse_query("digest:9999-12-31").terms
