"""`hf-daily-json`: the list Hugging Face's daily papers API returns for a day.

A JSON array; each element has the paper (`paper: {id, title, summary, authors: [{name}],
upvotes, publishedAt, githubRepo, projectPage, ai_summary, ai_keywords, …}`) and what the
daily list adds (`thumbnail`, `numComments`, `publishedAt`, …). Any field may be missing:
a missing number is `None`, never 0. The abstract (`paper.summary`) is the paper's own, in
English; `ai_summary` is the summary.
"""

import datetime as dt
import re

from readinglist.core.arxiv import abs_url, huggingface_url, pdf_url
from readinglist.core.digest import DigestError, Media, Warnings
from readinglist.core.parser import check_possible_date, decode_text
from readinglist.core.sources import fields
from readinglist.core.sources.adapter import head_text
from readinglist.core.sources.sighting import Links, Reading, Sighting
from readinglist.core.translatable import QT_TR_NOOP, Message

FORMAT = "hf-daily-json"
_MAX_KEYWORDS = 100
_ITEM = re.compile(r'^\[\s*(?:\]|\{\s*"(?:paper|title|publishedAt|thumbnail)"\s*:)')
_PAPER_KEY = re.compile(r'"paper"\s*:\s*\{')


class HuggingFaceDaily:
    format = FORMAT
    label = QT_TR_NOOP("Hugging Face daily papers (JSON)")

    def confidence(self, data: bytes) -> float:
        head = head_text(data)
        if not head.startswith("["):
            return 0.0
        if _PAPER_KEY.search(head):
            return 0.9
        return 0.5 if _ITEM.match(head) else 0.0  # an empty day, or a list without papers

    def read(
        self, data: bytes, source: str, *, day: dt.date | None = None, today: dt.date | None = None
    ) -> Reading:
        """`day`, when given, is the list's day; else each item's `publishedAt` (its UTC
        date) is, else today."""
        today = today or dt.date.today()
        if day is not None:
            check_possible_date(day, today, None, source)
        items = fields.load_json(decode_text(data, source), source)
        if not isinstance(items, list):
            not_a_list = QT_TR_NOOP("not a Hugging Face daily papers list: no JSON array")
            raise DigestError(source, None, Message(not_a_list))
        notes = Warnings()
        sightings = []
        for position, item in enumerate(items, 1):
            found = _sighting(item, position, (day, today), notes)
            if found is not None:
                if day is None:
                    check_possible_date(found.day, today, None, source)
                sightings.append(found)
        return Reading(FORMAT, tuple(sightings), notes.all())


def _sighting(
    item: object, position: int, days: tuple[dt.date | None, dt.date], notes: Warnings
) -> Sighting | None:
    """The item as a sighting on the day given, else on its own, else today (`days`);
    `None` (and a warning) when it names no arXiv paper."""
    outer = item if isinstance(item, dict) else {}
    paper = outer.get("paper")
    paper = paper if isinstance(paper, dict) else outer
    arxiv_id = fields.paper_id(paper.get("id"), position, notes)
    if arxiv_id is None:
        return None
    bullets, error = fields.one_line_summary(paper.get("ai_summary"), arxiv_id, notes)
    thumbnail = fields.link(outer.get("thumbnail"), notes, None)
    names = paper.get("authors")
    return Sighting(
        source=FORMAT,
        day=days[0] or _day(outer, paper) or days[1],
        arxiv_id=arxiv_id,
        position=position,
        line=None,
        title=fields.title(paper.get("title", outer.get("title")), notes, None),
        links=Links(
            arxiv=abs_url(arxiv_id),
            pdf=pdf_url(arxiv_id),
            github=fields.link(paper.get("githubRepo"), notes, None),
            project=fields.link(paper.get("projectPage"), notes, None),
            hugging_face=huggingface_url(arxiv_id),
        ),
        authors=fields.authors(
            (name.get("name") for name in names if isinstance(name, dict))
            if isinstance(names, list)
            else (),
            notes,
            None,
        ),
        summary=bullets,
        summary_language=fields.language(bullets),
        summary_error=error,
        abstract=fields.summary(paper.get("summary", outer.get("summary")), notes, None),
        votes=fields.count(paper.get("upvotes", outer.get("upvotes"))),
        comments=fields.count(outer.get("numComments")),
        media=Media.from_url(thumbnail) if thumbnail else None,
        keywords=fields.strings(paper.get("ai_keywords"), _MAX_KEYWORDS),
    )


def _day(outer: dict[str, object], paper: dict[str, object]) -> dt.date | None:
    """The day of the daily list the item was on: when it was put there, else when the
    paper was published."""
    for value in (
        outer.get("publishedAt"),
        paper.get("submittedOnDailyAt"),
        paper.get("publishedAt"),
    ):
        if (found := fields.utc_day(value)) is not None:
            return found
    return None
