"""`arxiv-feed`: arXiv's RSS 2.0 listings (rss.arxiv.org) and its API's Atom responses.

Parsed with `xml.etree.ElementTree`, safely: a document with a DTD is refused before the
parser sees it. Entities need a DTD to be declared, so no entity expansion ("billion
laughs"), no external entity and no network can follow; neither arXiv format has one.
The check is on the decoded text, the very characters the parser is then given (a `str`,
so a declared encoding cannot make the parser read the bytes differently). `defusedxml`
would refuse the same documents; eight lines do not justify a dependency.

The day of a sighting is the announce date: an RSS item's `pubDate` (the channel's when
the item has none), an Atom entry's `published` date (the feed's `updated` when it has
none), in the time zone the feed wrote it in.
"""

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from readinglist.core.arxiv import abs_url, arxiv_id_from_url, huggingface_url, pdf_url
from readinglist.core.digest import DigestError, Warnings
from readinglist.core.parser import check_possible_date, decode_text
from readinglist.core.sources import fields
from readinglist.core.sources.adapter import head_text
from readinglist.core.sources.sighting import Links, Reading, Sighting
from readinglist.core.translatable import QT_TR_NOOP, Message

FORMAT = "arxiv-feed"
ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
_MAX_CATEGORIES = 50
_DTD = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT = re.compile(r"^(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?P<tag>rss|feed)\b", re.DOTALL)
_DESCRIPTION_ID = re.compile(r"arXiv:(\S+)")
_ABSTRACT = re.compile(r"\bAbstract:\s*")

DTD_REFUSED = QT_TR_NOOP(
    "the feed declares a DTD or entities, which are never read (they can be used to attack "
    "a reader): not imported"
)


class ArxivFeed:
    format = FORMAT
    label = QT_TR_NOOP("arXiv RSS or Atom feed")

    def confidence(self, data: bytes) -> float:
        head = head_text(data)
        match = _ROOT.match(head)
        if match is None:
            return 0.0
        if match.group("tag") == "feed" and "http://www.w3.org/2005/Atom" not in head:
            return 0.0
        return 0.9 if "arxiv" in head.lower() else 0.4

    def read(
        self, data: bytes, source: str, *, day: dt.date | None = None, today: dt.date | None = None
    ) -> Reading:
        """`day` is used for entries the feed does not date."""
        root = parse_xml(decode_text(data, source), source)
        notes = Warnings()
        today = today or dt.date.today()
        if root.tag == "rss":
            found = _rss(root, day or today, notes)
        elif root.tag == f"{ATOM}feed":
            found = _atom(root, day or today, notes)
        else:
            not_a_feed = QT_TR_NOOP("not an RSS or Atom feed")
            raise DigestError(source, None, Message(not_a_feed))
        sightings = []
        for sighting in found:
            check_possible_date(sighting.day, today, None, source)
            sightings.append(sighting)
        return Reading(FORMAT, tuple(sightings), notes.all())


def parse_xml(text: str, source: str) -> ET.Element:
    """The document's root, or a `DigestError`: refused with a DTD (see the module's
    docstring), or not well-formed, with the line at fault."""
    if dtd := _DTD.search(text):
        raise DigestError(source, text.count("\n", 0, dtd.start()) + 1, Message(DTD_REFUSED))
    parser = ET.XMLParser()
    try:
        parser.feed(text)
        return parser.close()
    except ET.ParseError as error:
        not_xml = QT_TR_NOOP("not well-formed XML: {reason}")
        reason = str(error).split(":", 1)[0]
        raise DigestError(source, error.position[0], Message(not_xml, reason=reason)) from None


def _squashed(element: ET.Element | None) -> str | None:
    """An element's text with its runs of whitespace made one space (feeds wrap lines)."""
    if element is None or element.text is None:
        return None
    return " ".join(element.text.split())


def _rss(root: ET.Element, day: dt.date, notes: Warnings) -> Iterator[Sighting]:
    channel = root.find("channel")
    if channel is None:
        return
    channel_day = _rfc822_day(channel.findtext("pubDate")) or _rfc822_day(
        channel.findtext("lastBuildDate")
    )
    for position, item in enumerate(channel.iter("item"), 1):
        description = _squashed(item.find("description")) or ""
        arxiv_id = _rss_id(item, description, position, notes)
        if arxiv_id is None:
            continue
        abstract = _ABSTRACT.split(description, maxsplit=1)[-1]
        creators = " ".join(text for node in item.iter(f"{DC}creator") if (text := node.text))
        yield _sighting(
            notes,
            arxiv_id=arxiv_id,
            position=position,
            day=_rfc822_day(item.findtext("pubDate")) or channel_day or day,
            texts=(_squashed(item.find("title")), abstract),
            authors=creators.split(","),
            categories=[node.text for node in item.iter("category")],
        )


def _rss_id(item: ET.Element, description: str, position: int, notes: Warnings) -> str | None:
    link = (item.findtext("link") or "").strip()
    if found := arxiv_id_from_url(link):
        return found
    guid = (item.findtext("guid") or "").rpartition(":")[2]
    mentioned = _DESCRIPTION_ID.match(description)
    return fields.paper_id(mentioned.group(1) if mentioned else guid, position, notes)


def _atom(root: ET.Element, day: dt.date, notes: Warnings) -> Iterator[Sighting]:
    feed_day = fields.utc_day(root.findtext(f"{ATOM}updated"))
    for position, entry in enumerate(root.iter(f"{ATOM}entry"), 1):
        arxiv_id = fields.paper_id((entry.findtext(f"{ATOM}id") or "").strip(), position, notes)
        if arxiv_id is None:
            continue
        pdf = next(
            (link.get("href") for link in entry.iter(f"{ATOM}link") if link.get("title") == "pdf"),
            None,
        )
        yield _sighting(
            notes,
            arxiv_id=arxiv_id,
            position=position,
            day=fields.utc_day(entry.findtext(f"{ATOM}published")) or feed_day or day,
            texts=(_squashed(entry.find(f"{ATOM}title")), _squashed(entry.find(f"{ATOM}summary"))),
            authors=[name.text for name in entry.iter(f"{ATOM}name") if name.text],
            categories=[
                term for node in entry.iter(f"{ATOM}category") if (term := node.get("term"))
            ],
            pdf=pdf,
        )


def _sighting(
    notes: Warnings,
    *,
    arxiv_id: str,
    position: int,
    day: dt.date,
    texts: tuple[str | None, str | None],
    authors: list[str],
    categories: list[str | None],
    pdf: str | None = None,
) -> Sighting:
    """What an RSS item or an Atom entry said; `texts` are its title and abstract."""
    title, abstract = texts
    return Sighting(
        source=FORMAT,
        day=day,
        arxiv_id=arxiv_id,
        position=position,
        line=None,
        title=fields.title(title, notes, None),
        links=Links(
            arxiv=abs_url(arxiv_id),
            pdf=fields.link(pdf, notes, None) or pdf_url(arxiv_id),
            hugging_face=huggingface_url(arxiv_id),
        ),
        authors=fields.authors(authors, notes, None),
        abstract=fields.summary(abstract, notes, None),
        categories=fields.strings(categories, _MAX_CATEGORIES),
    )


def _rfc822_day(value: str | None) -> dt.date | None:
    """The date of an RSS time (`Mon, 04 Mar 2024 00:00:00 -0500`) where it was written."""
    if not value or len(value) > 64:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
