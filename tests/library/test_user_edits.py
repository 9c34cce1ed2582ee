"""The user's edits as objects: applied, reverted, and what they remember in between."""

from collections.abc import Callable

import pytest
from sqlalchemy import Connection

from readinglist.core.paper import ReadingStatus
from readinglist.core.translatable import Message
from readinglist.library import browse
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.rules import (
    DOES_NOTHING,
    GONE,
    NAME_TAKEN,
    NO_SUCH_RULE,
    Rule,
    RuleError,
    add_rule,
    apply_rule,
    list_rules,
    rules_that_caught,
)
from readinglist.library.user_edits import (
    AddRuleEdit,
    AddTagEdit,
    ApplyRuleEdit,
    NoteEdit,
    RemoveRuleEdit,
    RemoveTagEdit,
    StarEdit,
    StatusEdit,
    TagsEdit,
    ToggleStarEdit,
    write_in_parts,
)
from tests.helpers.digests import DigestWriter, FakeEntry, entries


def fill(library: Library, digests: DigestWriter) -> list[int]:
    import_paths(
        library,
        [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002", "2403.00003"))],
    )
    with library.reading() as connection:
        return sorted(store.find_paper_ids(connection))


def rows(library: Library, ids: list[int]) -> list[browse.PaperRow]:
    with library.reading() as connection:
        found = browse.load_rows(connection, ids)
    return [found[paper_id] for paper_id in ids]


def states(library: Library, ids: list[int]) -> dict[int, store.UserState]:
    with library.reading() as connection:
        return store.user_states(connection, ids)


def run(library: Library, step: Callable[[Connection], None]) -> None:
    with library.writing() as connection:
        step(connection)


def test_star_and_status_revert_each_paper_to_its_own_value(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    run(library, StarEdit([ids[0]], True).apply)
    run(library, StatusEdit([ids[1]], ReadingStatus.READ).apply)

    star, status = StarEdit(ids, True), StatusEdit(ids, ReadingStatus.QUEUED)
    run(library, star.apply)
    run(library, status.apply)
    assert [(r.starred, r.status) for r in rows(library, ids)] == [(True, ReadingStatus.QUEUED)] * 3
    run(library, status.revert)
    run(library, star.revert)
    assert [(r.starred, r.status) for r in rows(library, ids)] == [
        (True, ReadingStatus.UNREAD),
        (False, ReadingStatus.READ),
        (False, ReadingStatus.UNREAD),
    ]


def test_a_tag_added_and_removed_leaves_the_papers_that_had_it_alone(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    run(library, TagsEdit(ids[0], ("LLM", "keep")).apply)

    add = AddTagEdit(ids, "llm")
    run(library, add.apply)
    assert [r.tags for r in rows(library, ids)] == [("keep", "LLM"), ("LLM",), ("LLM",)]
    run(library, add.revert)
    assert [r.tags for r in rows(library, ids)] == [("keep", "LLM"), (), ()]

    remove = RemoveTagEdit(ids, "keep")
    run(library, remove.apply)
    run(library, remove.apply)  # redo: the same papers, remembered the first time
    assert [r.tags for r in rows(library, ids)] == [("LLM",), (), ()]
    run(library, remove.revert)
    assert [r.tags for r in rows(library, ids)] == [("keep", "LLM"), (), ()]


def test_an_edit_remembers_the_library_as_the_edits_before_it_left_it(
    library: Library, digests: DigestWriter
) -> None:
    """Queued behind a bulk edit, a note or tag edit must undo to what that edit wrote."""
    ids = fill(library, digests)
    bulk = AddTagEdit(ids, "bulk")
    tags = TagsEdit(ids[0], ("mine",))  # made while the bulk edit was still queued
    note = NoteEdit(ids[0], "second")
    run(library, NoteEdit(ids[0], "first").apply)

    run(library, bulk.apply)
    run(library, tags.apply)
    run(library, note.apply)
    run(library, note.revert)
    run(library, tags.revert)

    assert rows(library, [ids[0]])[0].tags == ("bulk",)
    with library.reading() as connection:
        assert store.load_papers(connection, [ids[0]])[0].note == "first"


def test_undoing_a_tag_removal_keeps_the_tags_spelling(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    run(library, AddTagEdit(ids[:2], "Video").apply)
    remove = RemoveTagEdit(ids, "VIDEO")  # typed in another case; the tag is then forgotten
    run(library, remove.apply)
    run(library, remove.revert)
    assert [r.tags for r in rows(library, ids)] == [("Video",), ("Video",), ()]


def test_undoing_a_status_gives_back_when_it_was_set(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    run(library, StatusEdit([ids[0]], ReadingStatus.READ).apply)
    before = states(library, ids)
    edit = StatusEdit(ids, ReadingStatus.QUEUED)
    run(library, edit.apply)
    run(library, edit.revert)
    assert states(library, ids) == before
    assert before[ids[0]].status_changed_at is not None and before[ids[1]].status_changed_at is None


def test_a_toggle_decides_when_it_is_written(library: Library, digests: DigestWriter) -> None:
    ids = fill(library, digests)
    first, second = ToggleStarEdit(ids), ToggleStarEdit(ids)  # `s` twice, both queued
    run(library, first.apply)
    run(library, second.apply)
    assert (first.starred, second.starred) == (True, False)
    assert [r.starred for r in rows(library, ids)] == [False] * 3
    run(library, second.revert)
    assert [r.starred for r in rows(library, ids)] == [True] * 3


def test_bulk_writes_and_reads_go_in_chunks(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "_WRITE_CHUNK", 2)  # SQLite's variable limit, made tiny
    ids = fill(library, digests)
    for edit in (StarEdit(ids, True), StatusEdit(ids, ReadingStatus.READ), AddTagEdit(ids, "x")):
        run(library, edit.apply)
    assert [(r.starred, r.status, r.tags) for r in rows(library, ids)] == [
        (True, ReadingStatus.READ, ("x",))
    ] * 3
    run(library, RemoveTagEdit(ids, "x").apply)
    with library.reading() as connection:
        assert len(store.user_states(connection, ids)) == 3
        assert store.tagged_ids(connection, ids, "x") == set()


def test_a_status_for_the_unread_only_leaves_the_others_as_they_were(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    run(library, StatusEdit([ids[1]], ReadingStatus.QUEUED).apply)
    before = states(library, ids)

    edit = StatusEdit(ids, ReadingStatus.READ, only_unread=True)
    run(library, edit.apply)
    assert [r.status for r in rows(library, ids)] == [
        ReadingStatus.READ,
        ReadingStatus.QUEUED,  # and since when, untouched
        ReadingStatus.READ,
    ]
    assert states(library, [ids[1]]) == {ids[1]: before[ids[1]]}
    run(library, edit.revert)
    assert states(library, ids) == before


def events(library: Library) -> list[tuple[int, str]]:
    with library.reading() as connection:
        found = connection.exec_driver_sql(
            "SELECT paper_id, status FROM status_events ORDER BY at, id"
        )
        return [(int(paper_id), str(status)) for paper_id, status in found]


def test_each_status_change_is_an_event_and_its_undo_takes_the_event_back(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    run(library, StatusEdit([ids[0]], ReadingStatus.READ).apply)
    queued = StatusEdit(ids, ReadingStatus.QUEUED)
    run(library, queued.apply)
    assert events(library) == [(ids[0], "read")] + [(i, "queued") for i in ids]

    run(library, queued.revert)
    assert events(library) == [(ids[0], "read")]
    run(library, StatusEdit([ids[0]], ReadingStatus.READ).apply)  # no change: no event
    run(library, queued.apply)  # redone: it happens again
    assert events(library) == [(ids[0], "read")] + [(i, "queued") for i in ids]


def test_a_papers_status_changed_at_is_its_latest_events_time(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    for status in (ReadingStatus.QUEUED, ReadingStatus.READ):
        run(library, StatusEdit(ids[:2], status).apply)
    latest = (
        "SELECT papers.id FROM papers WHERE papers.status_changed_at IS NOT ("
        "SELECT max(at) FROM status_events WHERE paper_id = papers.id)"
    )
    with library.reading() as connection:
        assert connection.exec_driver_sql(latest).fetchall() == []


ROBOTS = FakeEntry("2403.00011", title="Robots fold cranes", media=None)
ROBOT_SPEECH = FakeEntry("2403.00012", title="Robots that talk", media=None)
SPEECH = FakeEntry("2403.00013", title="Speech at scale", media=None)


def robots_library(library: Library, digests: DigestWriter) -> tuple[list[int], Rule]:
    """Three papers, two about robots (the second read, the first tagged ROBOTICS), and a
    rule that stars, queues and tags robots."""
    import_paths(library, [digests.write("r.md", "2024-03-02", [ROBOTS, ROBOT_SPEECH, SPEECH])])
    with library.writing() as connection:
        ids = [
            store.paper_id_for(connection, e.arxiv_id) or 0 for e in (ROBOTS, ROBOT_SPEECH, SPEECH)
        ]
        wanted = Rule(0, "Robots", "robots", ("robotics", "to read"), ReadingStatus.QUEUED, True)
        rule = add_rule(connection, wanted, utc_now())
    run(library, TagsEdit(ids[0], ("ROBOTICS",)).apply)
    run(library, StatusEdit([ids[1]], ReadingStatus.READ).apply)
    return ids, rule


def hits(library: Library, ids: list[int]) -> list[list[str]]:
    with library.reading() as connection:
        return [rules_that_caught(connection, paper_id) for paper_id in ids]


def test_a_rule_applied_to_existing_papers_is_undone_exactly(
    library: Library, digests: DigestWriter
) -> None:
    ids, rule = robots_library(library, digests)
    before = states(library, ids), [r.tags for r in rows(library, ids)]

    edit = ApplyRuleEdit(rule, ids)
    run(library, lambda connection: edit.apply(connection, ids[:1]))  # a part at a time
    run(library, lambda connection: edit.apply(connection, ids[1:]))

    assert edit.caught == ids[:2]
    assert [(r.starred, r.status, r.tags) for r in rows(library, ids)] == [
        (True, ReadingStatus.QUEUED, ("ROBOTICS", "to read")),
        (True, ReadingStatus.READ, ("ROBOTICS", "to read")),  # the tag as it is spelled;
        # a status for the unread only
        (False, ReadingStatus.UNREAD, ()),
    ]
    assert hits(library, ids) == [["Robots"], ["Robots"], []]
    with library.reading() as connection:  # the detail pane's line
        assert [p.rules for p in store.load_papers(connection, ids)] == [("Robots",)] * 2 + [()]

    write_in_parts(library, edit, undo=True)

    assert (states(library, ids), [r.tags for r in rows(library, ids)]) == before
    assert hits(library, ids) == [[], [], []]

    write_in_parts(library, edit)  # redo: the same again
    assert rows(library, ids)[0].status is ReadingStatus.QUEUED
    assert hits(library, ids) == [["Robots"], ["Robots"], []]


def test_undoing_an_applied_rule_keeps_the_hits_it_made_before(
    library: Library, digests: DigestWriter
) -> None:
    ids, rule = robots_library(library, digests)
    with library.writing() as connection:
        apply_rule(connection, rule, ids[:1], utc_now())  # as at its import
    queued = states(library, ids[:1])

    edit = ApplyRuleEdit(rule, ids)
    run(library, edit.apply)
    run(library, edit.revert)

    assert hits(library, ids) == [["Robots"], [], []]
    assert states(library, ids[:1]) == queued
    assert rows(library, ids[:1])[0].tags == ("ROBOTICS", "to read")


def test_a_rule_removed_before_its_apply_is_written_is_said_and_changes_nothing(
    library: Library, digests: DigestWriter
) -> None:
    ids, rule = robots_library(library, digests)
    before = states(library, ids)
    edit = ApplyRuleEdit(rule, ids)
    run(library, RemoveRuleEdit("robots").apply)  # any case, as `rules remove` takes it

    with pytest.raises(RuleError) as raised:
        write_in_parts(library, edit)

    assert str(raised.value) == "the rule Robots was removed before it could be applied"
    assert raised.value.described == Message(GONE, name="Robots")
    assert states(library, ids) == before


def test_rules_added_and_removed_as_edits_say_why_not_rather_than_raise(
    library: Library,
) -> None:
    added = AddRuleEdit(Rule(0, " Robots ", "robots", star=True))
    run(library, added.apply)
    assert added.added is not None and added.added.name == "Robots" and added.refused is None

    again = AddRuleEdit(Rule(0, "ROBOTS", "speech", first=True))
    nothing = AddRuleEdit(Rule(0, "Idle", "speech"))
    removed, gone = RemoveRuleEdit("Robots"), RemoveRuleEdit("Robots")
    for edit in (again, nothing, removed, gone):
        run(library, edit.apply)

    assert again.refused == Message(NAME_TAKEN, name="ROBOTS") and again.added is None
    assert nothing.refused == Message(DOES_NOTHING)
    assert removed.refused is None
    assert gone.refused == Message(NO_SUCH_RULE, name="Robots")
    with library.reading() as connection:
        assert list_rules(connection) == []
