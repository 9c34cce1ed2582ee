"""Rules at import: what matches among the papers an import adds is tagged, queued, starred or
hidden in the import's own transaction; nothing else is touched, and a file that fails
leaves no rule's effect behind."""

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Connection, select

from readinglist.core.import_report import FileStatus
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import QueryError, parse_query
from readinglist.library import ingest, tables
from readinglist.library import papers as store
from readinglist.library.database import Library, open_library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.rules import (
    Rule,
    RuleError,
    add_rule,
    apply_rule,
    find_rule,
    list_rules,
    remove_rule,
    rules_that_caught,
    set_shared,
)
from readinglist.library.search_index import index_is_sound
from tests.helpers.digests import DigestWriter, FakeEntry

QUEUED, SKIPPED, READ, UNREAD = (
    ReadingStatus.QUEUED,
    ReadingStatus.SKIPPED,
    ReadingStatus.READ,
    ReadingStatus.UNREAD,
)


def keep(library: Library, *kept: Rule) -> None:
    with library.writing() as connection:
        for rule in kept:
            add_rule(connection, rule, utc_now())


def state(library: Library, arxiv_id: str) -> tuple[bool, ReadingStatus, tuple[str, ...]]:
    with library.reading() as connection:
        paper = store.load_paper(connection, arxiv_id)
    assert paper is not None
    return paper.starred, paper.status, paper.tags


def caught(library: Library, arxiv_id: str) -> list[str]:
    with library.reading() as connection:
        paper_id = store.paper_id_for(connection, arxiv_id)
        assert paper_id is not None
        return rules_that_caught(connection, paper_id)


ROBOTS = FakeEntry("2403.00001", title="Robots fold cranes", votes=40)
QUIET = FakeEntry("2403.00002", title="A quiet survey", votes=1)
OTHER = FakeEntry("2403.00003", title="Speech at scale", votes=12)


def test_rules_act_on_the_new_papers_that_match_them(
    library: Library, digests: DigestWriter
) -> None:
    keep(
        library,
        Rule(0, "Robots", "robots", tags=("robotics",), status=QUEUED, star=True),
        Rule(0, "Hide the quiet", "-tag:interesting votes:<3", status=SKIPPED),
    )

    report = import_paths(library, [digests.write("d.md", "2024-03-01", [ROBOTS, QUIET, OTHER])])

    assert state(library, "2403.00001") == (True, QUEUED, ("robotics",))  # its text, indexed
    assert state(library, "2403.00002") == (False, SKIPPED, ())
    assert state(library, "2403.00003") == (False, UNREAD, ())
    assert report.rules == {"Robots": 1, "Hide the quiet": 1}
    assert caught(library, "2403.00001") == ["Robots"]
    with library.reading() as connection:  # the tag is searched: the index is in step
        assert len(store.find_paper_ids(connection, parse_query("robotics"))) == 1
        assert index_is_sound(connection)


def test_a_rule_never_touches_a_paper_the_library_had(
    library: Library, digests: DigestWriter
) -> None:
    import_paths(library, [digests.write("a.md", "2024-03-01", [ROBOTS])])
    keep(library, Rule(0, "Robots", "robots", tags=("robotics",)))

    report = import_paths(library, [digests.write("b.md", "2024-03-02", [ROBOTS, OTHER])])

    assert state(library, "2403.00001") == (False, UNREAD, ())  # seen again: not new
    assert report.rules == {}


SAME_AS_SEARCH = [
    "robots",
    "rob",
    "title:robots",
    "author:lovelace",
    '"works well"',
    "방법",
    "-robots",
    "robots OR speech",
    "title:speech -scale",
    "votes:>10 robots",
    "(robots OR votes:<5)",
    "-(speech OR quiet)",
    "2403.00002",
    "is:starred OR survey",
    "robots -tag:x",
    "cafe",  # the café's: the same tokenizer
]


def test_a_rules_query_catches_what_the_search_box_finds(
    library: Library, digests: DigestWriter, tmp_path: Path
) -> None:
    """Matched in the new papers' own index, a rule's text means what it means in the
    library's: the same papers as a search of a library that holds only them."""
    entries = [
        ROBOTS,
        QUIET,
        OTHER,
        FakeEntry("2403.00004", title="Robotic scale at the café", votes=3),
    ]
    day = digests.write("d.md", "2024-03-01", entries)
    keep(
        library,
        *(Rule(0, f"r{n}", query, tags=(f"r{n}",)) for n, query in enumerate(SAME_AS_SEARCH)),
    )
    report = import_paths(library, [day])
    with open_library(tmp_path / "plain.sqlite") as plain:
        import_paths(plain, [day])
        with plain.reading() as connection:
            found = {query: _arxiv_ids(connection, query) for query in SAME_AS_SEARCH}
    with library.reading() as connection:
        hits = connection.execute(
            select(tables.RULES.c.name, tables.PAPERS.c.arxiv_id)
            .join(tables.RULE_HITS, tables.RULE_HITS.c.rule_id == tables.RULES.c.id)
            .join(tables.PAPERS, tables.PAPERS.c.id == tables.RULE_HITS.c.paper_id)
        )
        caught: dict[str, set[str]] = {}
        for name, arxiv_id in hits:
            caught.setdefault(name, set()).add(arxiv_id)
    assert {q: caught.get(f"r{n}", set()) for n, q in enumerate(SAME_AS_SEARCH)} == found
    assert {len(ids) for ids in found.values()} == {0, 1, 2, 3, 4}  # the queries tell apart
    counted = {f"r{n}": len(found[q]) for n, q in enumerate(SAME_AS_SEARCH) if found[q]}
    assert report.rules == counted


def _arxiv_ids(connection: Connection, query: str) -> set[str]:
    ids = store.find_paper_ids(connection, parse_query(query))
    return {paper.arxiv_id for paper in store.load_papers(connection, ids)}


def test_the_first_rule_that_gives_a_status_wins(library: Library, digests: DigestWriter) -> None:
    keep(
        library,
        Rule(0, "Queue robots", "robots", status=QUEUED),
        Rule(0, "Skip popular", "votes:>10", status=SKIPPED, tags=("popular",)),
    )
    import_paths(library, [digests.write("d.md", "2024-03-01", [ROBOTS])])

    assert state(library, "2403.00001") == (False, QUEUED, ("popular",))
    assert caught(library, "2403.00001") == ["Queue robots", "Skip popular"]


def fail_storing_b(monkeypatch: pytest.MonkeyPatch) -> None:
    store_reading = ingest.store_reading

    def full_disk_on_b(connection: object, reading: object, file: object) -> object:
        if getattr(file, "source_name", "") == "b.md":
            raise sqlite3.OperationalError("database or disk is full")
        return store_reading(connection, reading, file)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "store_reading", full_disk_on_b)


def fail_tagging_bs_paper(monkeypatch: pytest.MonkeyPatch) -> None:
    """After the rules matched: their own index of the new papers is filled, the tag
    trigger dropped; both must go back with the rollback."""
    link_tags = store.link_tags

    def full_disk_tagging_other(connection: Connection, tagging: dict[str, list[int]]) -> None:
        other = store.paper_id_for(connection, "2403.00003")
        if any(other in ids for ids in tagging.values()):
            raise sqlite3.OperationalError("database or disk is full")
        link_tags(connection, tagging)

    monkeypatch.setattr(store, "link_tags", full_disk_tagging_other)


@pytest.mark.parametrize("failing", [fail_storing_b, fail_tagging_bs_paper])
def test_a_file_that_fails_leaves_no_rule_effect_behind(
    library: Library,
    digests: DigestWriter,
    monkeypatch: pytest.MonkeyPatch,
    failing: Callable[[pytest.MonkeyPatch], None],
) -> None:
    keep(library, Rule(0, "Everything", "", tags=("new",)))
    failing(monkeypatch)
    a = digests.write("a.md", "2024-03-01", [ROBOTS])
    b = digests.write("b.md", "2024-03-02", [OTHER])

    report = import_paths(library, [a, b])

    assert [f.status for f in report.files] == [FileStatus.IMPORTED, FileStatus.REJECTED]
    assert state(library, "2403.00001") == (False, UNREAD, ("new",))
    with library.reading() as connection:
        assert store.paper_id_for(connection, "2403.00003") is None
        assert len(store.find_paper_ids(connection, parse_query("new"))) == 1  # tag and all
        assert index_is_sound(connection)
    with closing(sqlite3.connect(library.path)) as raw:
        trigger = "SELECT count(*) FROM sqlite_master WHERE name = 'paper_search_tag_link_insert'"
        assert raw.execute(trigger).fetchone() == (1,)
        hits = raw.execute("SELECT count(*) FROM rule_hits").fetchone()
        tagged = raw.execute("SELECT count(*) FROM paper_tags").fetchone()
    assert (hits, tagged) == ((1,), (1,))


def test_applied_to_existing_papers_a_rule_leaves_statuses_set_by_hand(
    library: Library, digests: DigestWriter
) -> None:
    import_paths(library, [digests.write("d.md", "2024-03-01", [ROBOTS, OTHER])])
    with library.writing() as connection:
        ids = store.find_paper_ids(connection)
        read = store.paper_id_for(connection, "2403.00003")
        assert read is not None
        store.set_status(connection, [read], READ, utc_now())
        rule = add_rule(connection, Rule(0, "Queue all", "", status=QUEUED), utc_now())
        assert sorted(apply_rule(connection, rule, ids, utc_now())) == sorted(ids)

    assert state(library, "2403.00001")[1] is QUEUED
    assert state(library, "2403.00003")[1] is READ


def test_rules_are_named_once_checked_and_removed(library: Library) -> None:
    with library.writing() as connection:
        add_rule(connection, Rule(0, "Robots", "robots", star=True), utc_now())
        with pytest.raises(RuleError, match="already a rule named"):
            add_rule(connection, Rule(0, "ROBOTS", "x", star=True), utc_now())
        with pytest.raises(RuleError, match="must do something"):
            add_rule(connection, Rule(0, "Idle", "x"), utc_now())
        with pytest.raises(QueryError):
            add_rule(connection, Rule(0, "Broken", "(robots", star=True), utc_now())
        assert [rule.actions() for rule in list_rules(connection)] == [["star"]]
        remove_rule(connection, "robots")
        assert find_rule(connection, "Robots") is None
        with pytest.raises(RuleError, match="no rule named"):
            remove_rule(connection, "Robots")


def test_a_library_file_has_one_person_and_no_shared_rules(library: Library) -> None:
    with library.writing() as connection:
        with pytest.raises(RuleError, match="only a shared library's rules are shared"):
            add_rule(connection, Rule(0, "Robots", "robots", ("robotics",), shared=True), utc_now())
        kept = add_rule(connection, Rule(0, "Robots", "robots", ("robotics",)), utc_now())
        with pytest.raises(RuleError, match="only a shared library's rules are shared"):
            set_shared(connection, kept, True)
        assert (kept.owner, kept.shared, kept.mine, kept.label) == (None, False, True, "Robots")
