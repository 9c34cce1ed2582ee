"""Papers as text to paste elsewhere: a link, a Markdown link, a BibTeX entry, a citation.

Each format is described once in `COPY_FORMATS` (below); the window's Copy actions (the Edit
menu, the keys, the list's context menu) are made from that table. Several papers give one
paper a line, in the order given (BibTeX: one entry after another, a blank line between), and
the text never ends in a line break, so one link pastes into a field as a link alone.

Links are always the arXiv page (`https://arxiv.org/abs/ID`), whatever link the digest gave.

The citation is short and common, APA-like: "Authors (Year). Title. arXiv:ID." Authors as the
digest names them: one ("Ada Lovelace"), two ("A and B"), three ("A, B, and C"); more than
three, or a list the digest cut, give the first and "et al.". Without authors the title comes
first: "Title. (Year). arXiv:ID." The year is the one the arXiv id says (as in BibTeX).
"""

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from readinglist.core.arxiv import abs_url
from readinglist.core.paper import Paper
from readinglist.core.text import clean_text
from readinglist.core.translatable import QT_TR_NOOP

Formatter = Callable[[Iterable[Paper]], str]
ET_AL_AFTER = 3  # authors named at most; beyond, the first and "et al."


class CopyFormat(StrEnum):
    LINK = "link"
    MARKDOWN = "markdown"
    BIBTEX = "bibtex"
    CITATION = "citation"

    @property
    def facts(self) -> "CopyFacts":
        return COPY_FORMATS[self]


@dataclass(frozen=True, slots=True)
class CopyFacts:
    label: str  # the Copy action's text, translated where it is shown
    key: str  # its shortcut while the list has focus ("": none)
    text: Formatter


def copy_text(papers: Iterable[Paper], format: CopyFormat) -> str:
    """The papers in `format`, in the order given."""
    return format.facts.text(papers)


def _per_line(one: Callable[[Paper], str]) -> Formatter:
    def text(papers: Iterable[Paper]) -> str:
        return "\n".join(one(paper) for paper in papers)

    return text


def link(paper: Paper) -> str:
    return abs_url(paper.arxiv_id)


def markdown_link(paper: Paper) -> str:
    """`[Title](link)`, the title's Markdown escaped (`[`, `]`, `*`…), so it stays the text."""
    from readinglist.core.export import markdown_text  # csv, json: not before the first paint

    title = markdown_text(paper.title) or f"arXiv:{paper.arxiv_id}"
    return f"[{title}]({link(paper)})"


def bibtex(papers: Iterable[Paper]) -> str:
    """The entries File → Export writes as BibTeX, keys unique among these papers."""
    from readinglist.core.bibtex import write_bibtex

    out = io.StringIO()
    write_bibtex(papers, out)
    return out.getvalue().rstrip("\n")


def citation(paper: Paper) -> str:
    title = clean_text(paper.title)
    title += "" if title.endswith((".", "?", "!")) else "."
    from readinglist.core.bibtex import arxiv_year

    year = arxiv_year(paper)
    authors = _authors(paper)
    if not authors:
        return f"{title} ({year}). arXiv:{paper.arxiv_id}."
    return f"{authors} ({year}). {title} arXiv:{paper.arxiv_id}."


def _authors(paper: Paper) -> str:
    names = [name for name in map(_name, paper.authors) if name]
    if not names:
        return ""
    if len(names) > ET_AL_AFTER or paper.authors_truncated:
        return f"{names[0]} et al."
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + f", and {names[-1]}"


def _name(author: str) -> str:
    """A digest's "…, Zeyu Lu, and Lei Bai" leaves a name "and Lei Bai": the "and" goes."""
    return re.sub(r"^and\s+", "", clean_text(author))


COPY_FORMATS = {
    CopyFormat.LINK: CopyFacts(QT_TR_NOOP("Copy &Link"), "Ctrl+C", _per_line(link)),
    CopyFormat.MARKDOWN: CopyFacts(
        QT_TR_NOOP("Copy as &Markdown Link"), "", _per_line(markdown_link)
    ),
    CopyFormat.BIBTEX: CopyFacts(QT_TR_NOOP("Copy as &BibTeX"), "Ctrl+Shift+C", bibtex),
    CopyFormat.CITATION: CopyFacts(QT_TR_NOOP("Copy as &Citation"), "", _per_line(citation)),
}
