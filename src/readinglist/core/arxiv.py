"""arXiv identifiers: found in the links that digests use, and typed by people on the CLI; and
the pages a paper has on the web (its arXiv page, its PDF, its Hugging Face page), built from
its id here and nowhere else."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from readinglist.core.translatable import QT_TR_NOOP

_NEW_STYLE = r"\d{4}\.\d{4,5}"
_OLD_STYLE = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
# An id as it is written, version and all, for other readers' patterns (IGNORECASE, ASCII).
ID_PATTERN = rf"(?:{_NEW_STYLE}|{_OLD_STYLE})(?:v\d+)?"
_ID = rf"(?P<id>{_NEW_STYLE}|{_OLD_STYLE})(?:v\d+)?"

_PAPER_LINK = re.compile(
    r"https?://(?:www\.|export\.)?(?:arxiv\.org/(?:abs|pdf)/|huggingface\.co/papers/)"
    rf"{_ID}(?:\.pdf)?/?(?:[?#].*)?",
    re.IGNORECASE | re.ASCII,  # ASCII: no other script's digits, no Kelvin sign for [a-z]
)
_BARE_ID = re.compile(rf"(?:arxiv:)?{_ID}", re.IGNORECASE | re.ASCII)


def arxiv_id_from_url(url: str) -> str | None:
    """The versionless arXiv id of an arxiv.org abs/pdf or huggingface.co/papers link."""
    match = _PAPER_LINK.fullmatch(url.strip())
    return _canonical(match.group("id")) if match else None


def abs_url(arxiv_id: str) -> str:
    """The paper's page on arxiv.org: its link when the digest's own cannot be kept."""
    return f"https://arxiv.org/abs/{arxiv_id}"


def pdf_url(arxiv_id: str) -> str:
    """The paper's newest PDF on arxiv.org."""
    return f"https://arxiv.org/pdf/{arxiv_id}"


def huggingface_url(arxiv_id: str) -> str:
    """The paper's page on Hugging Face (where the digests' papers come from)."""
    return f"https://huggingface.co/papers/{arxiv_id}"


def normalize_arxiv_id(text: str) -> str | None:
    """What a person may type for a paper (`2401.01234v2`, `arXiv:…`, or a link) as its id."""
    text = text.strip()
    match = _BARE_ID.fullmatch(text)
    if match:
        return _canonical(match.group("id"))
    return arxiv_id_from_url(text)


def _canonical(arxiv_id: str) -> str:
    if "/" in arxiv_id:  # old style: archive names are lower case, subject classes upper
        archive, number = arxiv_id.split("/")
        name, _, subject = archive.partition(".")
        return f"{name.lower()}{'.' + subject.upper() if subject else ''}/{number}"
    return arxiv_id


class PaperPage(StrEnum):
    """The pages a paper can be opened at, each described once in `PAGES` (below): the
    window's Open actions (menus, keys, the list's context menu) are made from that table."""

    ARXIV = "arxiv"
    PDF = "pdf"
    HUGGING_FACE = "huggingface"

    @property
    def facts(self) -> "PageFacts":
        return PAGES[self]

    def url(self, arxiv_id: str) -> str:
        return self.facts.url(arxiv_id)


@dataclass(frozen=True, slots=True)
class PageFacts:
    label: str  # the Open action's text, translated where it is shown
    key: str  # its key while the list has focus
    url: Callable[[str], str]  # the page's address, from the paper's arXiv id


PAGES = {
    PaperPage.ARXIV: PageFacts(QT_TR_NOOP("&Open on arXiv"), "O", abs_url),
    PaperPage.PDF: PageFacts(QT_TR_NOOP("Open PD&F"), "P", pdf_url),
    PaperPage.HUGGING_FACE: PageFacts(QT_TR_NOOP("Open on &Hugging Face"), "H", huggingface_url),
}
