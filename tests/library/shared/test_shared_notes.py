"""Shared notes on a shared library (library/shared/notes.py, `SharedNoteEdit`): seen by
every member with their author, changed only by it (the app's path as well as raw SQL), a
save that finds the note changed on the author's other machine keeps both texts and says
so, and undo puts back what a save replaced."""

from collections.abc import Iterator

import pytest

from readinglist.core.paper import Paper, SharedNote
from readinglist.library import papers as store
from readinglist.library.database import Library
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.notes import Kept, NoteRef
from readinglist.library.shared.opening import open_shared
from readinglist.library.user_edits import SharedNoteEdit, write_in_parts
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper


def paper_of(library: Library, paper_id: int) -> Paper:
    with library.reading() as connection:
        return store.load_papers(connection, [paper_id])[0]


def texts(notes: tuple[SharedNote, ...]) -> list[str]:
    return [note.text for note in notes]


def changed_on_the_laptop(
    shared: PostgresDatabase, desktop: Library, laptop: Library, text: str
) -> tuple[int, NoteRef]:
    """A paper whose note alice wrote on her desktop, then changed to `text` on her laptop;
    the version the desktop still shows."""
    paper = add_paper(shared, "2403.00001")
    write_in_parts(desktop, SharedNoteEdit(paper, "first"))
    (opened,) = paper_of(desktop, paper).shared_notes  # both machines show this version
    write_in_parts(laptop, SharedNoteEdit(paper, text, NoteRef.of(opened)))
    return paper, NoteRef.of(opened)


@pytest.fixture
def alices_laptop(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[Library]:
    """Alice again, as her other machine connects."""
    library = open_shared(SharedAddress.parse(shared.url_as(members[0])))
    yield library
    library.close()


def test_a_shared_note_is_seen_by_the_other_with_its_author(
    shared: PostgresDatabase,
    members: tuple[str, str],
    member_libraries: tuple[Library, Library],
) -> None:
    alice, bob = member_libraries
    paper = add_paper(shared, "2403.00001")

    write_in_parts(alice, SharedNoteEdit(paper, "읽어 볼 것: 3절의 실험"))

    (seen,) = paper_of(bob, paper).shared_notes
    assert (seen.author, seen.text, seen.mine) == (members[0], "읽어 볼 것: 3절의 실험", False)
    assert paper_of(alice, paper).my_shared_notes[0].text == seen.text
    assert paper_of(bob, paper).note == ""  # the private note is another thing


def test_the_other_cannot_change_or_remove_it_through_the_app(
    shared: PostgresDatabase, member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    paper = add_paper(shared, "2403.00001")
    write_in_parts(alice, SharedNoteEdit(paper, "alice's"))
    (alices,) = paper_of(bob, paper).shared_notes

    # Bob's app given alice's note to edit: the database changes none of her rows; bob's
    # text becomes a note of his own, beside hers.
    write_in_parts(bob, SharedNoteEdit(paper, "bob's", base=NoteRef.of(alices)))
    write_in_parts(bob, SharedNoteEdit(paper, "", base=NoteRef.of(alices)))

    notes = paper_of(alice, paper).shared_notes
    assert texts(notes) == ["alice's", "bob's"]
    assert [note.mine for note in notes] == [True, False]


def test_a_save_from_a_stale_version_keeps_both_texts_and_says_so(
    shared: PostgresDatabase,
    member_libraries: tuple[Library, Library],
    alices_laptop: Library,
) -> None:
    alice, bob = member_libraries
    paper, opened = changed_on_the_laptop(shared, alice, alices_laptop, "from the laptop")

    desktop = SharedNoteEdit(paper, "from the desktop", opened)
    write_in_parts(alice, desktop)

    assert desktop.kept is Kept.BOTH
    assert "both texts are kept" in str(desktop.kept.message)
    assert texts(paper_of(bob, paper).shared_notes) == ["from the laptop", "from the desktop"]

    write_in_parts(alice, desktop, undo=True)  # undo takes back only its own text
    assert texts(paper_of(bob, paper).shared_notes) == ["from the laptop"]


def test_emptying_a_note_changed_elsewhere_keeps_it(
    shared: PostgresDatabase,
    member_libraries: tuple[Library, Library],
    alices_laptop: Library,
) -> None:
    alice, _ = member_libraries
    paper, opened = changed_on_the_laptop(shared, alice, alices_laptop, "changed")

    emptied = SharedNoteEdit(paper, "  ", opened)
    write_in_parts(alice, emptied)

    assert emptied.kept is Kept.NOT_REMOVED
    assert texts(paper_of(alice, paper).shared_notes) == ["changed"]


def test_saves_follow_one_another_and_undo_goes_back_a_save_at_a_time(
    shared: PostgresDatabase, member_libraries: tuple[Library, Library]
) -> None:
    alice, bob = member_libraries
    paper = add_paper(shared, "2403.00001")
    first = SharedNoteEdit(paper, "one")
    second = SharedNoteEdit(paper, "one two", follows=first)
    removed = SharedNoteEdit(paper, "", follows=second)
    for edit in (first, second):
        write_in_parts(alice, edit)
    assert second.kept is None
    assert texts(paper_of(bob, paper).shared_notes) == ["one two"]

    write_in_parts(alice, removed)
    assert paper_of(bob, paper).shared_notes == ()

    for edit, left in ((removed, ["one two"]), (second, ["one"]), (first, [])):
        write_in_parts(alice, edit, undo=True)
        assert texts(paper_of(bob, paper).shared_notes) == left
    write_in_parts(alice, first)  # redo
    assert texts(paper_of(bob, paper).shared_notes) == ["one"]
