"""How long a paper's longest text is, measured by SQLite without bringing it into Python.

The window reads a paper on the GUI thread when its texts are of usual sizes, and on a
thread of its own when one is huge (a digest can hold a 20 MB summary: 0.24 s of SQLite and
JSON to read). Measuring costs 2 ms a million characters; below a million, reading the paper
took 14-17 ms here.
"""

from sqlalchemy import Connection

from readinglist.library.driver import fetch, greatest

# Through the driver: the detail pane asks before showing the paper a start restores, before
# SQLModel has loaded (see `id_plans.py`).
_LONGEST = (
    "SELECT {greatest}(length(title), length(authors), length(url), length(note), coalesce(("
    "SELECT max({greatest}(length(summary), coalesce(length(media_url), 0), "
    "coalesce(length(abstract), 0))) FROM sightings "
    "WHERE paper_id = papers.id), 0)) FROM papers WHERE id = ?"
)


def longest_text(connection: Connection, paper_id: int) -> int:
    """The length of the paper's longest text: title, authors, link, note, or any of its
    digests' summaries or teaser links (0 for no such paper)."""
    rows = fetch(connection, _LONGEST.format(greatest=greatest(connection)), [paper_id])
    return int(rows[0][0] or 0) if rows else 0
