"""A paper given a reader's own data (a star, the status read, a tag, a note), to check that
what an import or a migration does leaves it as it was."""

from sqlalchemy import Connection

from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library.database import utc_now


def make_it_mine(connection: Connection, arxiv_id: str, tag: str, note: str) -> int:
    """Star `arxiv_id`, mark it read, tag it `tag` and note `note`; its id."""
    paper_id = store.paper_id_for(connection, arxiv_id)
    assert paper_id is not None
    store.set_starred(connection, [paper_id], True)
    store.set_status(connection, [paper_id], ReadingStatus.READ, utc_now())
    store.add_tags(connection, [paper_id], [tag])
    store.set_note(connection, paper_id, note, utc_now())
    return paper_id
