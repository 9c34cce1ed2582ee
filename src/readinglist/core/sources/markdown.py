"""`daily-papers-md`: the Korean "Daily Papers" Markdown digests, read by `core.parser`.

Every behaviour of the parser is kept (it does the reading); this adapter turns its entries
into sightings: the summary's language, a generator's error message flagged rather than kept
as the summary, and the paper's arXiv, PDF and Hugging Face pages.
"""

import datetime as dt
import re

from readinglist.core.arxiv import huggingface_url, pdf_url
from readinglist.core.digest import Digest, Entry, Warnings
from readinglist.core.parser import parse_digest
from readinglist.core.sources import fields
from readinglist.core.sources.adapter import head_text
from readinglist.core.sources.sighting import Links, Reading, Sighting
from readinglist.core.translatable import QT_TR_NOOP

FORMAT = "daily-papers-md"
# The parser's header, or what it refuses as one misspelt: either way a file of this format.
_HEADER = re.compile(r"^#{1,2}[ \t]+daily papers[ \t]*\(", re.IGNORECASE | re.MULTILINE)
_PAPER_HEADING = re.compile(r"^### \[[^\n]*\]\(https?://", re.MULTILINE)


class DailyPapersMarkdown:
    format = FORMAT
    label = QT_TR_NOOP("Daily Papers Markdown")

    def confidence(self, data: bytes) -> float:
        text = head_text(data, len(data))
        if _HEADER.search(text) is None:
            return 0.0
        return 0.95 if _PAPER_HEADING.search(text) or text.count("\n") < 8 else 0.9

    def read(
        self, data: bytes, source: str, *, day: dt.date | None = None, today: dt.date | None = None
    ) -> Reading:
        """The digest's entries as sightings; its own date is the day (`day` is not used:
        the file says it)."""
        return reading_of(parse_digest(data, source, today))


def reading_of(digest: Digest) -> Reading:
    """A parsed digest as sightings, with the parser's warnings first and unchanged."""
    notes = Warnings(digest.warnings)
    sightings = tuple(_sighting(digest.date, entry, notes) for entry in digest.entries)
    return Reading(FORMAT, sightings, notes.all(), declared_days=(digest.date,))


def _sighting(day: dt.date, entry: Entry, notes: Warnings) -> Sighting:
    summary, error = fields.checked_summary(entry.summary, entry.arxiv_id, notes, entry.line)
    arxiv_id = entry.arxiv_id
    return Sighting(
        source=FORMAT,
        day=day,
        arxiv_id=arxiv_id,
        position=entry.position,
        line=entry.line,
        title=entry.title,
        links=Links(
            arxiv=entry.url,  # the digest's own arXiv link, as the parser kept it
            pdf=pdf_url(arxiv_id),
            hugging_face=huggingface_url(arxiv_id),
        ),
        authors=entry.authors,
        authors_truncated=entry.authors_truncated,
        summary=summary,
        summary_language=fields.language(summary),
        summary_error=error,
        votes=entry.votes,
        media=entry.media,
    )
