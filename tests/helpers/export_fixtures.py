"""Papers for the export tests, built directly (no library): the hard cases of titles and names
that outside tools (pdflatex, bibtex, biber, pandoc, spreadsheets) must accept. Written for these
tests; none is copied from the shared corpus."""

import datetime as dt
from dataclasses import dataclass

from readinglist.core.paper import DigestAppearance, Paper, ReadingStatus

_DAY = dt.date(2024, 3, 1)


def make_paper(number: int, title: str = "", authors: tuple[str, ...] = ()) -> Paper:
    """A paper `2403.<number>` as the library would load it."""
    arxiv_id = f"2403.{number:05d}"
    return Paper(
        id=number,
        arxiv_id=arxiv_id,
        title=title or f"Paper {number}",
        url=f"https://arxiv.org/abs/{arxiv_id}",
        authors=authors,
        authors_truncated=False,
        votes=number % 50,
        first_seen=_DAY,
        last_seen=_DAY,
        digests=(DigestAppearance(_DAY, number % 50, 1),),
        media=None,
        summary=("이 논문은 새로운 방법을 제안합니다.", "It works."),
        starred=number % 2 == 0,
        status=ReadingStatus.UNREAD,
        status_changed_at=None,
        tags=(),
        note="",
    )


@dataclass(frozen=True)
class HardTitle:
    """A title, and what pandoc must read back from its BibTeX: the same text except where
    `expected` says otherwise (math comes back as its TeX; see core/bibtex.py)."""

    title: str
    expected: str = ""

    @property
    def read_back(self) -> str:
        return self.expected or self.title


HARD_TITLES = (
    HardTitle("SWE-Jobs: Can Coding Agents Earn $1 Million in a Week?"),
    HardTitle("Pay $5 or $10: Lone Dollars, Twice"),
    HardTitle("CoRe^2 and GS^3: Carets Outside Math"),
    HardTitle("snake_case & 100% of #1 ~ C:\\Users\\me"),
    HardTitle(
        "A {Braced} Word, {Nested {Braces}} and a Pair }{ Upside Down",
        "A {Braced} Word, {Nested {Braces}} and a Pair Upside Down",  # no pair: left out
    ),
    HardTitle("Unbalanced } Closing and { Opening", "Unbalanced Closing and Opening"),
    HardTitle("LLMs, GPT-4 and Russian Poetry: what iPhone Users of CLIP Read"),
    HardTitle("Part I -- `Constitutions' and ``Quotes'' in TeX's Own Typography"),
    HardTitle("대규모 언어 모델(LLM)의 한국어 평가"),
    HardTitle(
        "🚀 Rocket-Fast Retrieval with 🤗 Transformers ❤️",
        "Rocket-Fast Retrieval with Transformers",  # no TeX font has emoji: left out
    ),
    HardTitle(
        "Sorting in $O(n^2)$ Time, and $x_{ij}$ in $\\mathcal{O}(1)$",
        "Sorting in O(n^2) Time, and x_{ij} in \\mathcal{O}(1)",  # pandoc: math as its TeX
    ),
    HardTitle("$\u03b5$-Nets and \u03bcP at 37°C", "\\varepsilon-Nets and \\muP at 37°C"),
    HardTitle('"Quoted" Titles — Über Naïve Façades, <Angles> | Pipes…'),
)

HARD_AUTHORS = (
    "Jürgen Müller",
    "Łukasz Kaiser",
    "Ada and Sons Ltd",
    "김철수",
    "Zoë Brontë",
    "Élodie Đorđević",
    "Luciano Del Corro",
    "Ana de la Cruz",
    "Seán O'Brien",
    "R_2 {D}2 & C~3%",
)


def hard_papers() -> list[Paper]:
    """One paper per hard title; the hard names spread over them (three each)."""
    papers = []
    for index, hard in enumerate(HARD_TITLES):
        names = tuple(HARD_AUTHORS[(index + k) % len(HARD_AUTHORS)] for k in range(3))
        papers.append(make_paper(index + 1, hard.title, names))
    return papers
