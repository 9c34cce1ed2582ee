"""The sidebar's Sources and New today counts: papers and unread papers per source format
(the trash's left out; on both engines), one library of one source counted from its
statuses alone, and after an edit the same from the papers the last full count found; the
days' counts of a day of several sources' digests."""

from pathlib import Path

from readinglist.core.listing import SourceCount
from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library.browse import sidebar_counts
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.trash import move_to_trash
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.sources import several_sightings


def test_each_source_counts_its_papers_and_their_unread(
    either_library: Library, tmp_path: Path
) -> None:
    library = either_library  # a shared library counts from the reader's own states
    import_paths(library, several_sightings(tmp_path / "sources"))
    with library.writing() as connection:
        cranes, lanterns = (store.paper_id_for(connection, i) for i in ("2503.00101", "2503.00102"))
        assert cranes is not None and lanterns is not None
        store.set_status(connection, [cranes], ReadingStatus.READ, utc_now())
        move_to_trash(connection, [lanterns], utc_now())

    with library.reading() as connection:
        counts = sidebar_counts(connection)
        known = {source.name: source.papers for source in counts.sources}
        after_an_edit = sidebar_counts(connection, [cranes], known)

    assert after_an_edit.sources == counts.sources  # the papers known, the unread counted
    by_name = {source.name: source for source in counts.sources}
    assert list(by_name) == ["daily-papers-md", "hf-daily-json", "gbdata365-json"]
    assert by_name["gbdata365-json"] == SourceCount("gbdata365-json", 2, 1)
    markdown = by_name["daily-papers-md"]
    assert (markdown.papers, markdown.unread) == (counts.total, counts.total - 1)
    assert (counts.added_today, counts.added_today_unread) == (counts.total, counts.total - 1)
    days = [(count.date.isoformat(), count.papers, count.unread) for count in counts.digests]
    assert days == [("2025-03-06", 1, 0), ("2025-03-04", 1, 0), ("2025-03-03", 4, 3)]  # cranes
    assert after_an_edit.digests == counts.digests  # seen on each day, in 3 sources on the 3rd


def test_a_library_of_one_source_counts_it_from_the_statuses(
    library: Library, digests: DigestWriter
) -> None:
    import_paths(
        library, [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))]
    )
    with library.writing() as connection:
        store.set_status(connection, [1], ReadingStatus.QUEUED, utc_now())

    with library.reading() as connection:
        counts = sidebar_counts(connection)
        partial = sidebar_counts(connection, [1])

    assert counts.sources == (SourceCount("daily-papers-md", 2, 1),)
    assert partial.sources == counts.sources
