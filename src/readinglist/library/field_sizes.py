"""How long a paper's longest text is, measured by SQLite without bringing it into Python.

The window reads a paper on the GUI thread when its texts are of usual sizes, and on a
thread of its own when one is huge (a digest can hold a 20 MB summary: 0.24 s of SQLite and
JSON to read). Measuring costs 2 ms a million characters; below a million, reading the paper
took 14-17 ms here.
"""

from sqlalchemy import Connection, func, select

from readinglist.library.tables import APPEARANCES, PAPERS


def longest_text(connection: Connection, paper_id: int) -> int:
    """The length of the paper's longest text: title, authors, link, note, or any of its
    digests' summaries or teaser links (0 for no such paper)."""
    p, a = PAPERS.c, APPEARANCES.c
    appearances = select(
        func.max(func.max(func.length(a.summary), func.coalesce(func.length(a.media_url), 0)))
    ).where(a.paper_id == paper_id)
    longest = func.max(
        func.length(p.title),
        func.length(p.authors),
        func.length(p.url),
        func.length(p.note),
        func.coalesce(appearances.scalar_subquery(), 0),
    )
    found = connection.execute(select(longest).where(p.id == paper_id)).scalar()
    return int(found or 0)
