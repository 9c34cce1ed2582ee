"""Saved searches: kept in the library (so they survive a restart), named, counted."""

from pathlib import Path

import pytest

from readinglist.core.query import QueryError
from readinglist.library.database import Library, open_library, utc_now
from readinglist.library.importer import import_file
from readinglist.library.saved_searches import (
    SavedSearch,
    SavedSearchError,
    delete_saved_search,
    find_saved_search,
    list_saved_searches,
    rename_saved_search,
    save_search,
    saved_search_counts,
)
from tests.helpers.digests import DigestWriter, FakeEntry, entries


def test_saved_searches_survive_a_restart(library_path: Path) -> None:
    with open_library(library_path) as library, library.writing() as connection:
        llm = save_search(connection, "  Large   models ", " llm -survey ", utc_now())
        video = save_search(connection, "video", "video OR tag:video", utc_now())
    assert llm == SavedSearch(llm.id, "Large models", "llm -survey")

    with open_library(library_path) as reopened, reopened.reading() as connection:
        assert list_saved_searches(connection) == [llm, video]  # by name, case aside
        assert find_saved_search(connection, "LARGE MODELS") == llm


def test_rename_replace_and_delete(library: Library) -> None:
    with library.writing() as connection:
        first = save_search(connection, "b", "x", utc_now())
        second = save_search(connection, "a", "y", utc_now())
        assert rename_saved_search(connection, first.id, "c") == SavedSearch(first.id, "c", "x")
        assert rename_saved_search(connection, first.id, "C") == SavedSearch(first.id, "C", "x")
        replaced = save_search(connection, "A", "z is:starred", utc_now(), replace=True)
        assert replaced == SavedSearch(second.id, "a", "z is:starred")
        delete_saved_search(connection, second.id)
        assert list_saved_searches(connection) == [SavedSearch(first.id, "C", "x")]


@pytest.mark.parametrize(
    ("name", "text", "error", "message"),
    [
        ("  ", "x", SavedSearchError, "needs a name"),
        ("taken", "x", SavedSearchError, "already a saved search named 'Taken'"),
        ("new", "(x", QueryError, "never closed"),
    ],
)
def test_saving_refuses_what_would_not_work(
    library: Library, name: str, text: str, error: type[Exception], message: str
) -> None:
    with library.writing() as connection:
        save_search(connection, "Taken", "x", utc_now())
        with pytest.raises(error, match=message):
            save_search(connection, name, text, utc_now())
        other = save_search(connection, "other", "y", utc_now())
        with pytest.raises(SavedSearchError, match="already a saved search named 'Taken'"):
            rename_saved_search(connection, other.id, "TAKEN")
        delete_saved_search(connection, other.id)
        with pytest.raises(SavedSearchError, match="not in the library any more"):
            rename_saved_search(connection, other.id, "again")


def test_counts_are_what_each_search_finds_now(library: Library, digests: DigestWriter) -> None:
    path = digests.write("d.md", "2024-03-01", [*entries("2403.00001"), FakeEntry("2403.00002")])
    import_file(library, path)
    with library.writing() as connection:
        everything = save_search(connection, "all", "", utc_now())
        one = save_search(connection, "one", "2403.00002", utc_now())
        none = save_search(connection, "none", "tag:missing", utc_now())
        broken = save_search(connection, "broken", "x", utc_now())
        connection.exec_driver_sql(  # as a future version of the language might leave it
            "UPDATE saved_searches SET query = 'unknownfield:x' WHERE id = ?", (broken.id,)
        )
        counts = saved_search_counts(connection)
    assert counts == {everything.id: 2, one.id: 1, none.id: 0, broken.id: None}
