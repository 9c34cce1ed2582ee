"""The trash: out of every list and count but its own, kept through re-imports, restored with
all its data, emptied for good; moving and restoring undoable, in parts too."""

from collections.abc import Callable

import pytest
from sqlalchemy import Connection

from readinglist.core.listing import SortKey
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query, parse_query
from readinglist.library import browse, saved_searches, trash
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.search import count_matching, ranked_ids
from readinglist.library.user_edits import EmptyTrashEdit, TrashEdit, write_in_parts
from tests.helpers.digests import DigestWriter, FakeEntry, entries

IDS = ("2403.00001", "2403.00002", "2403.00003")


def fill(library: Library, digests: DigestWriter) -> dict[str, int]:
    """Three papers of one digest; the first starred, read, tagged and noted."""
    import_paths(library, [digests.write("d.md", "2024-03-01", entries(*IDS))])
    with library.writing() as connection:
        ids = {arxiv_id: store.paper_id_for(connection, arxiv_id) or 0 for arxiv_id in IDS}
        first = [ids[IDS[0]]]
        store.set_starred(connection, first, True)
        store.set_status(connection, first, ReadingStatus.READ, utc_now())
        store.add_tags(connection, first, ["keep"])
        store.set_note(connection, first[0], "my note", utc_now())
        saved_searches.save_search(connection, "Kept", "tag:keep", utc_now())
    return ids


def run(library: Library, step: Callable[[Connection], None]) -> None:
    with library.writing() as connection:
        step(connection)


def listed(library: Library, query: Query = store.EVERYTHING) -> set[int]:
    with library.reading() as connection:
        return set(store.find_paper_ids(connection, query))


def test_trashed_papers_leave_every_list_and_count(library: Library, digests: DigestWriter) -> None:
    ids = fill(library, digests)
    first = ids[IDS[0]]
    run(library, lambda c: trash.move_to_trash(c, [first], utc_now()))

    everyone = {ids[IDS[1]], ids[IDS[2]]}
    assert listed(library) == everyone
    for query in ("tag:keep", "is:starred", "status:read", "digest:2024-03-01", "paper", "-zzz"):
        assert first not in listed(library, parse_query(query)), query
    with library.reading() as connection:
        for key in SortKey:
            assert set(store.find_paper_ids(connection, Query(), key)) == everyone, key
        counts = browse.sidebar_counts(connection)
        assert (counts.total, counts.starred, counts.trashed) == (2, 0, 1)
        assert counts.by_status[ReadingStatus.READ] == 0
        assert counts.tags == ()  # carried by trashed papers only
        assert [(d.papers, d.unread) for d in counts.digests] == [(2, 2)]
        assert saved_searches.saved_search_counts(connection) == {1: 0}
        assert count_matching(connection, parse_query("paper")) == 2
        assert first not in (ranked_ids(connection, parse_query("paper")) or [])
        assert store.library_summary(connection).papers == 2


def test_the_trash_lists_only_its_papers(library: Library, digests: DigestWriter) -> None:
    ids = fill(library, digests)
    run(library, lambda c: trash.move_to_trash(c, [ids[IDS[0]], ids[IDS[1]]], utc_now()))

    both = {ids[IDS[0]], ids[IDS[1]]}
    assert listed(library, Query(trashed=True)) == both
    assert listed(library, parse_query("is:trashed")) == both
    assert listed(library, parse_query("is:trashed tag:keep")) == {ids[IDS[0]]}
    assert listed(library, Query(trashed=True).and_(parse_query("is:unread"))) == {ids[IDS[1]]}
    assert parse_query("is:trashed").text == "is:trashed"
    with library.reading() as connection:
        assert count_matching(connection, parse_query("is:trashed")) == 2


def test_a_reimport_adds_appearances_but_leaves_the_paper_in_the_trash(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    first = ids[IDS[0]]
    run(library, lambda c: trash.move_to_trash(c, [first], utc_now()))

    again = digests.write("e.md", "2024-03-02", [FakeEntry(IDS[0], votes=99)])
    import_paths(library, [again])

    assert first not in listed(library)
    assert listed(library, Query(trashed=True)) == {first}
    with library.reading() as connection:
        paper = store.load_papers(connection, [first])[0]
    assert (paper.starred, paper.status, paper.tags, paper.note) == (
        True,
        ReadingStatus.READ,
        ("keep",),
        "my note",
    )
    assert [d.votes for d in paper.digests] == [10, 99]


def test_restore_brings_back_all_the_data(library: Library, digests: DigestWriter) -> None:
    ids = fill(library, digests)
    first = ids[IDS[0]]
    run(library, lambda c: trash.move_to_trash(c, [first], utc_now()))
    run(library, lambda c: trash.restore(c, [first]))

    assert listed(library, parse_query("tag:keep is:starred status:read note:my")) == {first}
    with library.reading() as connection:
        counts = browse.sidebar_counts(connection)
    assert (counts.total, counts.starred, counts.trashed, counts.tags) == (3, 1, 0, (("keep", 1),))


def test_emptying_deletes_the_trash_and_its_data_only(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    first, second = ids[IDS[0]], ids[IDS[1]]
    run(library, lambda c: store.add_tags(c, [second], ["other"]))
    run(library, lambda c: trash.move_to_trash(c, [first], utc_now()))

    with library.writing() as connection:
        assert trash.empty_trash(connection) == 1
    with library.reading() as connection:
        assert store.load_papers(connection, [first]) == []
        assert store.paper_id_for(connection, IDS[0]) is None
        assert store.tag_spelling(connection, "keep") is None  # no paper carries it
        assert store.load_papers(connection, [second])[0].tags == ("other",)
        assert trash.trashed_count(connection) == 0
        assert count_matching(connection, parse_query("note:my")) == 0
        counts = browse.sidebar_counts(connection)
    assert listed(library) == {second, ids[IDS[2]]}
    assert [(d.papers, d.unread) for d in counts.digests] == [(2, 2)]


def test_trash_and_restore_edits_undo_and_redo(library: Library, digests: DigestWriter) -> None:
    ids = fill(library, digests)
    first, second = ids[IDS[0]], ids[IDS[1]]
    run(library, lambda c: trash.move_to_trash(c, [second], utc_now()))
    with library.reading() as connection:
        second_since = trash.trashed_since(connection, [second])[second]

    moved = TrashEdit([first, second])
    run(library, moved.apply)
    assert listed(library, Query(trashed=True)) == {first, second}
    run(library, moved.revert)
    assert listed(library, Query(trashed=True)) == {second}  # it was there before
    run(library, moved.apply)

    restored = TrashEdit([first, second], trashed=False)
    run(library, restored.apply)
    assert listed(library, Query(trashed=True)) == set()
    run(library, restored.revert)
    with library.reading() as connection:
        assert trash.trashed_since(connection, [second]) == {second: second_since}
    assert listed(library, Query(trashed=True)) == {first, second}


@pytest.mark.parametrize("trashed", [True, False])
def test_a_bulk_trash_edit_is_written_and_undone_in_parts(
    library: Library, digests: DigestWriter, trashed: bool
) -> None:
    many = [f"2403.{n:05d}" for n in range(1, 1201)]
    import_paths(library, [digests.write("big.md", "2024-03-01", entries(*many))])
    everyone = listed(library)
    if not trashed:
        run(library, lambda c: trash.move_to_trash(c, everyone, utc_now()))
    edit = TrashEdit(sorted(everyone), trashed=trashed)

    write_in_parts(library, edit, pause=lambda _: None)
    assert listed(library, Query(trashed=True)) == (everyone if trashed else set())
    write_in_parts(library, edit, undo=True, pause=lambda _: None)
    assert listed(library, Query(trashed=True)) == (set() if trashed else everyone)


def test_emptying_in_parts_skips_papers_restored_meanwhile(
    library: Library, digests: DigestWriter
) -> None:
    ids = fill(library, digests)
    first, second = ids[IDS[0]], ids[IDS[1]]
    run(library, lambda c: trash.move_to_trash(c, [first, second], utc_now()))
    emptying = EmptyTrashEdit([first, second])  # the trash when the user said so
    run(library, lambda c: trash.restore(c, [second]))  # an edit queued before it

    write_in_parts(library, emptying)

    assert emptying.deleted == 1
    assert listed(library) == {second, ids[IDS[2]]}
    with library.reading() as connection:
        assert store.load_papers(connection, [first]) == []
        assert trash.trashed_count(connection) == 0


def test_a_tags_papers_include_those_in_the_trash(library: Library, digests: DigestWriter) -> None:
    ids = fill(library, digests)
    first, second = ids[IDS[0]], ids[IDS[1]]
    run(library, lambda c: store.add_tags(c, [second], ["Keep"]))
    run(library, lambda c: trash.move_to_trash(c, [first], utc_now()))
    with library.reading() as connection:
        assert store.carrying_tag(connection, "KEEP") == sorted([first, second])
        assert store.carrying_tag(connection, "unknown") == []
