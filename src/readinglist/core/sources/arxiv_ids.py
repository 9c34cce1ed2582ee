"""`arxiv-ids`: any other text that names arXiv papers (a pasted arXiv listing e-mail,
someone's notes in Markdown): the ids, and titles where they can be told.

Ids are taken from arxiv.org abs/pdf and huggingface.co/papers links, `arXiv:` mentions
(both id styles: `2403.01234v2`, `hep-th/9901001`) and bare new-style ids (`2403.01234`,
only with a possible month and the digit count of its years, so that a price or a version
number is not one). A title is a Markdown link's text, or a listing e-mail's `Title:` (its
indented lines continue it), with its `Authors:` and `Categories:`. Every sighting is
marked `id_only`: the file is no digest, and the report says "N papers by id only". Its
confidence is low, so that any real format wins.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from readinglist.core.arxiv import (
    ID_PATTERN,
    abs_url,
    huggingface_url,
    normalize_arxiv_id,
    pdf_url,
)
from readinglist.core.digest import DigestError, Warnings
from readinglist.core.parser import check_possible_date, decode_text
from readinglist.core.sources import fields
from readinglist.core.sources.adapter import head_text
from readinglist.core.sources.sighting import Links, Reading, Sighting
from readinglist.core.translatable import QT_TR_NOOP, Message

FORMAT = "arxiv-ids"
CONFIDENCE = 0.2
_MAX_CATEGORIES = 50
_ID = ID_PATTERN
_MENTION = re.compile(
    r"\[(?P<text>[^\[\]\n]{1,2000})\]\(\s*<?(?P<link>https?://[^\s)>]+)"  # [title](link)
    r"|(?P<url>https?://(?:www\.|export\.)?(?:arxiv\.org/(?:abs|pdf)/|huggingface\.co/papers/)"
    rf"{_ID})"
    rf"|\barxiv:\s?(?P<mention>{_ID})"
    r"|(?<![\w./\-])(?P<bare>\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?![\w/]|\.\d)",
    re.IGNORECASE | re.ASCII,
)
_LISTING_ID = re.compile(rf"arXiv:(?P<id>{_ID})\b", re.IGNORECASE | re.ASCII)
_LISTING_FIELD = re.compile(r"(?P<key>Title|Authors|Categories):\s*(?P<value>.*)")

NO_IDS = QT_TR_NOOP("no arXiv ids in it: not a digest in any format readinglist reads")


@dataclass(slots=True)
class _Found:
    arxiv_id: str
    line: int
    title: str | None = None
    listing: dict[str, list[str]] = field(default_factory=dict)


class ArxivIds:
    format = FORMAT
    label = QT_TR_NOOP("arXiv ids in any text")

    def confidence(self, data: bytes) -> float:
        mentions = _MENTION.finditer(head_text(data))
        return CONFIDENCE if any(_id_of(match) for match in mentions) else 0.0  # the first will do

    def read(
        self, data: bytes, source: str, *, day: dt.date | None = None, today: dt.date | None = None
    ) -> Reading:
        """The papers the text names, in order of first mention, on `day` (else today)."""
        today = today or dt.date.today()
        if day is not None:
            check_possible_date(day, today, None, source)
        found = _scan(decode_text(data, source))
        if not found:
            raise DigestError(source, None, Message(NO_IDS))
        notes = Warnings()
        sightings = tuple(
            _sighting(item, position, day or today, notes)
            for position, item in enumerate(found.values(), 1)
        )
        return Reading(FORMAT, sightings, notes.all())


def _id_of(match: re.Match[str]) -> str | None:
    if text := match.group("link"):
        return normalize_arxiv_id(text)
    if text := match.group("url") or match.group("mention"):
        return normalize_arxiv_id(text)
    bare = match.group("bare")
    if bare is None:
        return None
    digits = 5 if bare[:4] >= "1501" else 4  # five-digit numbers since January 2015
    return bare if len(bare) == 5 + digits else None


def _scan(text: str) -> dict[str, _Found]:
    """Every id named, first mention first; a listing e-mail's fields under its id."""
    found: dict[str, _Found] = {}
    listing: _Found | None = None  # the listing entry whose fields are being read
    key: str | None = None
    for number, line in enumerate(text.split("\n"), 1):
        if listing is not None and key is not None and line[:1] in (" ", "\t") and line.strip():
            listing.listing[key].append(line)
            continue
        key = None
        if listing is not None and (match := _LISTING_FIELD.match(line)):
            key = match.group("key").lower()
            listing.listing.setdefault(key, []).append(match.group("value"))
            continue
        if (match := _LISTING_ID.match(line)) and (arxiv_id := normalize_arxiv_id(match["id"])):
            listing = found.setdefault(arxiv_id, _Found(arxiv_id, number))
        if line.startswith("\\\\"):
            listing = None
        for mention in _MENTION.finditer(line):
            if arxiv_id := _id_of(mention):
                item = found.setdefault(arxiv_id, _Found(arxiv_id, number))
                item.title = item.title or _link_title(mention.group("text"))
    return found


def _link_title(text: str | None) -> str | None:
    """A Markdown link's text as a title, unless it is only the id or an address."""
    if not text or normalize_arxiv_id(text) or text.strip().lower().startswith("http"):
        return None
    return text


def _sighting(item: _Found, position: int, day: dt.date, notes: Warnings) -> Sighting:
    listing = {key: " ".join(" ".join(lines).split()) for key, lines in item.listing.items()}
    arxiv_id = item.arxiv_id
    return Sighting(
        source=FORMAT,
        day=day,
        arxiv_id=arxiv_id,
        position=position,
        line=item.line,
        title=fields.title(listing.get("title") or item.title, notes, item.line),
        links=Links(
            arxiv=abs_url(arxiv_id), pdf=pdf_url(arxiv_id), hugging_face=huggingface_url(arxiv_id)
        ),
        authors=fields.authors(listing.get("authors", "").split(","), notes, item.line),
        categories=fields.strings(listing.get("categories", "").split(), _MAX_CATEGORIES),
        id_only=True,
    )
