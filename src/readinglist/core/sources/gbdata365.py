"""`gbdata365-json`: a day of papers with Korean titles and one-line Korean summaries.

`{"date": "YYYY-MM-DD", "papers": [{"arxiv_id", "rank", "category", "category_label",
"upvote", "en_title", "ko_title", "one_liner", "hf_url", "arxiv_url"}]}`. The Korean title
is kept beside the English one; the category is a suggested tag, never applied here.
"""

import datetime as dt
import re

from readinglist.core.arxiv import abs_url, huggingface_url, pdf_url
from readinglist.core.digest import DigestError, Warnings
from readinglist.core.parser import check_possible_date, decode_text
from readinglist.core.sources import fields
from readinglist.core.sources.adapter import head_text
from readinglist.core.sources.sighting import Links, Reading, Sighting
from readinglist.core.translatable import QT_TR_NOOP, Message

FORMAT = "gbdata365-json"
_PAPERS = re.compile(r'"papers"\s*:\s*\[')
_PAPER_KEYS = re.compile(r'"(?:arxiv_id|ko_title|en_title|one_liner)"\s*:')


class Gbdata365:
    format = FORMAT
    label = QT_TR_NOOP("Korean daily papers (gbdata365 JSON)")

    def confidence(self, data: bytes) -> float:
        head = head_text(data)
        if not head.startswith("{") or not _PAPERS.search(head):
            return 0.0
        return 0.9 if _PAPER_KEYS.search(head) or '"date"' in head else 0.6

    def read(
        self, data: bytes, source: str, *, day: dt.date | None = None, today: dt.date | None = None
    ) -> Reading:
        """The file's `date` is the day (`day` when it has none)."""
        document = fields.load_json(decode_text(data, source), source)
        papers = document.get("papers") if isinstance(document, dict) else None
        if not isinstance(document, dict) or not isinstance(papers, list):
            no_papers = QT_TR_NOOP('not a list of daily papers: no "papers" array')
            raise DigestError(source, None, Message(no_papers))
        file_day = fields.day_of_file(document.get("date"), source) or day
        if file_day is None:
            no_date = QT_TR_NOOP('the file does not say which day it is of: no "date"')
            raise DigestError(source, None, Message(no_date))
        check_possible_date(file_day, today or dt.date.today(), None, source)
        notes = Warnings()
        found = (_sighting(item, index, file_day, notes) for index, item in enumerate(papers, 1))
        return Reading(FORMAT, tuple(item for item in found if item), notes.all())


def _sighting(item: object, index: int, day: dt.date, notes: Warnings) -> Sighting | None:
    paper = item if isinstance(item, dict) else {}
    arxiv_id = fields.paper_id(paper.get("arxiv_id"), index, notes)
    if arxiv_id is None:
        return None
    bullets, error = fields.one_line_summary(paper.get("one_liner"), arxiv_id, notes)
    title_ko = fields.title(paper.get("ko_title"), notes, None)
    tag = fields.strings([paper.get("category_label"), paper.get("category")], 1)
    return Sighting(
        source=FORMAT,
        day=day,
        arxiv_id=arxiv_id,
        position=fields.count(paper.get("rank")) or index,
        line=None,
        title=fields.title(paper.get("en_title"), notes, None) or title_ko,
        title_ko=title_ko,
        links=Links(
            arxiv=abs_url(arxiv_id),
            pdf=pdf_url(arxiv_id),
            hugging_face=fields.link(paper.get("hf_url"), notes, None) or huggingface_url(arxiv_id),
        ),
        summary=bullets,
        summary_language=fields.language(bullets),
        summary_error=error,
        votes=fields.count(paper.get("upvote")),
        suggested_tags=tag,
    )
