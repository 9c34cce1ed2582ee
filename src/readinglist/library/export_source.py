"""The papers of an export, read from the library a chunk at a time as the writer asks for them.

`load_papers(connection, ids)` for 59,000 ids holds every paper (digest appearances, summaries)
at once; the exports' writers (`core.export.write_papers`) take any iterable, so this feeds them
a thousand papers at a time, inside the caller's one read transaction (one snapshot, however
long the writing takes).
"""

from collections.abc import Iterator, Sequence

from sqlalchemy import Connection

from readinglist.core.paper import Paper
from readinglist.library.driver import chunks
from readinglist.library.papers import load_papers

CHUNK = 1_000


def stream_papers(connection: Connection, ids: Sequence[int]) -> Iterator[Paper]:
    """The papers for `ids` in that order (ids not in the library left out), `CHUNK` read at a
    time: the caller keeps `connection`'s transaction open until the iterator is spent."""
    for chunk in chunks(ids, CHUNK):
        yield from load_papers(connection, chunk)
