"""Papers made in memory, for panes shown without a library."""

import datetime as dt

from readinglist.core.digest import Media
from readinglist.core.paper import DigestAppearance, Paper, ReadingStatus

MANY_AUTHORS = tuple(f"Author Number{n} Surname{n}" for n in range(100))
LONG_TITLE = (
    "A Very Long Title About Scaling Laws for Mixture-of-Experts Language Models Trained on "
    "Multilingual Corpora with Curriculum Learning, Sparse Upcycling and Retrieval Augmentation"
)


def paper(
    paper_id: int = 1,
    *,
    title: str = "Attention Is All You Need",
    authors: tuple[str, ...] = ("Ashish Vaswani", "Noam Shazeer"),
    note: str = "",
    media: Media | None = None,
) -> Paper:
    day = dt.date(2024, 3, 1)
    return Paper(
        id=paper_id,
        arxiv_id=f"2403.{paper_id:05d}",
        title=title,
        url=f"https://arxiv.org/abs/2403.{paper_id:05d}",
        authors=authors,
        authors_truncated=False,
        votes=12,
        first_seen=day,
        last_seen=day,
        digests=(DigestAppearance(day, 12, 1), DigestAppearance(day.replace(day=2), 30, 4)),
        media=media,
        summary=("First point.", "Second point."),
        starred=False,
        status=ReadingStatus.UNREAD,
        status_changed_at=None,
        tags=(),
        note=note,
    )
