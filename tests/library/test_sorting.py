"""The list's order (`find_paper_ids`) against the same order worked out in Python, for every
sort, both ways, in the sidebar's kinds of entries: whichever index or plan SQLite takes,
and however the ids come back, the order is the documented one."""

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from readinglist.core.listing import SortKey
from readinglist.core.paper import Paper, ReadingStatus
from readinglist.core.query import Query
from readinglist.core.sources.sighting import votes_gained
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.driver import fetch
from readinglist.library.importer import import_paths
from readinglist.library.sorting import id_plan
from tests.helpers.digests import DigestWriter, FakeEntry

TITLES = ["beta", "Alpha", "alpha", "Gamma", "beta", "Ärger", "delta", "Alpha"]
AUTHORS = [("Zed",), ("amy", "Bo"), ("Amy",), ("Bo",), ("Zed",), ("Émile",), ("amy", "Bo"), ()]
VOTES = [5, None, 12, 5, None, 40, 12, 5]
STATUSES = ["read", "unread", "queued", "unread", "skipped", "reading", "read", "unread"]
TAGS = {0: ["Robotics"], 2: ["ideas", "llm"], 3: ["LLM"], 6: ["robotics", "to read"]}
STARRED = {1, 3, 6}
# Seen again on a fourth day with these votes: seen 1-3 times, rising None, 0 (twice), 4...
AGAIN = {2: 30, 5: 45, 0: 9, 1: None, 3: 5, 6: 12}
ENTRIES: dict[str, tuple[Query, Callable[[Paper], bool]]] = {
    "all": (Query(), lambda p: True),
    "unread": (Query(statuses=(ReadingStatus.UNREAD,)), lambda p: p.status == "unread"),
    "read": (Query(statuses=(ReadingStatus.READ,)), lambda p: p.status == "read"),
    "starred": (Query(starred=True), lambda p: p.starred),
    "tag": (Query(tags=("llm",)), lambda p: "llm" in {t.lower() for t in p.tags}),
    "digest": (
        Query(digests=(dt.date(2024, 3, 2),)),
        lambda p: dt.date(2024, 3, 2) in {d.date for d in p.digests},
    ),
}
_COLUMNS = {SortKey.SEEN: "seen_count", SortKey.RISING: "rising"}  # also Paper's fields
_RANK = {status.value: rank for rank, status in enumerate(ReadingStatus)}


@pytest.fixture
def varied(library: Library, digests: DigestWriter) -> Library:
    """Eight papers over four days with ties in every column, and user data on them."""
    entries = [
        FakeEntry(f"2403.{n:05d}", title=title, authors=authors, votes=votes)
        for n, (title, authors, votes) in enumerate(zip(TITLES, AUTHORS, VOTES, strict=True))
    ]
    digests.write("a.md", "2024-03-03", entries[:3])
    digests.write("b.md", "2024-03-01", entries[3:6])
    digests.write("c.md", "2024-03-02", [*entries[6:], entries[0]])
    again = [replace(entries[n], votes=votes) for n, votes in AGAIN.items()]
    digests.write("d.md", "2024-03-04", again)
    import_paths(library, digests.written)
    with library.writing() as connection:
        ids = store.find_paper_ids(connection, sort=SortKey.FIRST_SEEN, descending=False)
        ids.sort()
        for n, status in enumerate(STATUSES):
            store.set_status(connection, [ids[n]], ReadingStatus(status), utc_now())
        for n, tags in TAGS.items():
            store.add_tags(connection, [ids[n]], tags)
        store.set_starred(connection, [ids[n] for n in STARRED], True)
    return library


@pytest.mark.parametrize("entry", list(ENTRIES))
def test_every_sort_is_the_documented_order(varied: Library, entry: str) -> None:
    query, matches = ENTRIES[entry]
    with varied.reading() as connection:
        papers = store.load_papers(connection, store.find_paper_ids(connection))
        wanted = [paper for paper in papers if matches(paper)]
        assert wanted, "each entry holds papers"
        for sort in SortKey:
            for descending in (False, True):
                found = store.find_paper_ids(connection, query, sort, descending)
                assert found == expected(wanted, sort, descending), (sort, descending)


def test_the_sightings_figures_are_what_the_sightings_say(varied: Library) -> None:
    with varied.reading() as connection:
        papers = store.load_papers(connection, store.find_paper_ids(connection))
    for paper in papers:
        votes = [seen.votes for seen in reversed(paper.digests) if seen.votes is not None]
        assert paper.seen_count == len(paper.digests)
        assert paper.rising == votes_gained(votes)
    assert {p.seen_count for p in papers} == {1, 2, 3}
    assert {p.rising for p in papers} == {None, 0, 4, 5, 18}


@pytest.mark.parametrize("sort", [SortKey.SEEN, SortKey.RISING])
@pytest.mark.parametrize(
    ("entry", "index"),
    [
        (Query(), "ix_papers_{column}"),
        (Query(statuses=(ReadingStatus.UNREAD,)), "ix_papers_status_{column}"),
        (Query(statuses=(ReadingStatus.READ,)), "ix_papers_status_{column}"),
        (Query(statuses=(ReadingStatus.UNREAD, ReadingStatus.QUEUED)), "ix_papers_{column}"),
    ],
)
def test_sightings_sorts_walk_their_index(
    varied: Library, entry: Query, index: str, sort: SortKey
) -> None:
    """Walked in order, in a status's entry too: no sort of the library (temp B-tree)."""
    walked = re.compile(rf"INDEX {index.format(column=_COLUMNS[sort])}\b")
    with varied.reading() as connection:
        for descending in (False, True):
            for sql, parameters in id_plan(connection, entry, sort, descending).statements:
                plan = fetch(connection, f"EXPLAIN QUERY PLAN {sql}", parameters)
                steps = [str(row[-1]) for row in plan]
                assert not any("TEMP B-TREE" in step for step in steps), steps
                assert any(walked.search(step) for step in steps), steps


def test_a_limit_keeps_the_first_ones(varied: Library) -> None:
    with varied.reading() as connection:
        for sort in SortKey:
            every = store.find_paper_ids(connection, Query(), sort, True)
            assert store.find_paper_ids(connection, Query(), sort, True, limit=3) == every[:3]


def test_nothing_matches_nothing(varied: Library) -> None:
    with varied.reading() as connection:
        for sort in SortKey:
            assert store.find_paper_ids(connection, Query(words=("nowhere",)), sort) == []


def expected(papers: list[Paper], sort: SortKey, descending: bool) -> list[int]:
    """The order `find_paper_ids` documents, worked out from the papers themselves."""
    if sort is SortKey.TAGS:
        tagged = sorted((min(t.lower() for t in p.tags), p.id) for p in papers if p.tags)
        ids = [paper_id for _, paper_id in tagged] + sorted(p.id for p in papers if not p.tags)
        return ids[::-1] if descending else ids
    if sort in (SortKey.TITLE, SortKey.AUTHORS, SortKey.SEEN, SortKey.RISING):  # ties follow
        ordered = sorted(papers, key=lambda p: (_value(p, sort), p.id), reverse=descending)
        return [p.id for p in ordered]
    by_id = sorted(papers, key=lambda p: p.id)  # the sort is stable: ties stay in id order
    return [p.id for p in sorted(by_id, key=lambda p: _value(p, sort), reverse=descending)]


def _value(paper: Paper, sort: SortKey) -> Any:
    """The paper's sort key as SQLite compares it (NULL first; lower() folds ASCII only)."""
    match sort:
        case SortKey.TITLE:
            return _ascii_lower(paper.title)
        case SortKey.AUTHORS:
            return _ascii_lower(json.dumps(list(paper.authors), ensure_ascii=False))
        case SortKey.STATUS:
            return _RANK[paper.status]
        case SortKey.VOTES | SortKey.RISING:
            number = getattr(paper, sort.value)
            return (number is not None, number or 0)
        case SortKey.RULES_FIRST:  # no rule put any of these first: as last seen
            return paper.last_seen
        case _:
            return getattr(paper, _COLUMNS.get(sort, sort.value))


def _ascii_lower(text: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in text)
