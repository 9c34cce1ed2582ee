"""What a source said about one paper on one day: a sighting, and what reading a file gives.

A sighting is the unit every source adapter produces, whatever its format: the paper's
version-less arXiv id, the day, and each thing the source said, `None` (or empty) where it
said nothing. A missing number is `None`, never 0: "no votes given" is not "no votes".
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from readinglist.core.arxiv import abs_url, huggingface_url, pdf_url
from readinglist.core.digest import DigestWarning, Media


class Language(StrEnum):
    """The language of a summary (the title's is told by its field)."""

    KOREAN = "ko"
    ENGLISH = "en"


@dataclass(frozen=True, slots=True)
class Links:
    """The paper's pages as the source gave them (its arXiv page and PDF are always known
    from the id; the source's own links are kept where it gave them)."""

    arxiv: str
    pdf: str | None = None
    github: str | None = None
    project: str | None = None
    hugging_face: str | None = None

    def given(self, arxiv_id: str) -> dict[str, str]:
        """The links the paper's id does not give (what a library keeps of them), by name."""
        said = {"github": self.github, "project": self.project}
        given = {name: value for name, value in said.items() if value is not None}
        for name, value in _derived(arxiv_id).items():
            if (own := getattr(self, name)) is not None and own != value:
                given[name] = own
        return given

    @classmethod
    def of(cls, arxiv_id: str, given: Mapping[str, str]) -> "Links":
        """The paper's links: those `given` over those its id gives."""
        found = {**_derived(arxiv_id), **{k: v for k, v in given.items() if k in _LINK_NAMES}}
        return cls(**found)


_LINK_NAMES = ("arxiv", "pdf", "github", "project", "hugging_face")


def _derived(arxiv_id: str) -> dict[str, str]:
    return {
        "arxiv": abs_url(arxiv_id),
        "pdf": pdf_url(arxiv_id),
        "hugging_face": huggingface_url(arxiv_id),
    }


@dataclass(frozen=True, slots=True)
class Sighting:
    """One paper seen in one source on one day, with what that source said."""

    source: str  # the adapter's FORMAT name
    day: dt.date
    arxiv_id: str  # version-less
    position: int  # 1-based: the source's rank, else the order of the file
    line: int | None  # where in the file, when the format has lines worth naming
    title: str | None
    links: Links
    title_ko: str | None = None
    authors: tuple[str, ...] = ()
    authors_truncated: bool = False
    summary: tuple[str, ...] = ()  # the source's summary, a bullet a string
    summary_language: Language | None = None
    # The text a generator wrote where the summary should be ("번역 중 오류 발생",
    # "Error: …"): kept here to be shown as a problem, never as the summary.
    summary_error: str | None = None
    abstract: str | None = None  # the paper's own abstract (English)
    votes: int | None = None
    comments: int | None = None
    media: Media | None = None
    categories: tuple[str, ...] = ()  # arXiv categories (cs.CL), as the source gave them
    keywords: tuple[str, ...] = ()
    suggested_tags: tuple[str, ...] = ()  # offered to the user, never applied by a reader
    id_only: bool = False  # found by its id in loose text, not presented as a digest entry


@dataclass(frozen=True, slots=True)
class Reading:
    """What one file held, in one format: its sightings in order, and what was left out or
    cut to read them (each warning with its line where the format has lines)."""

    format: str
    sightings: tuple[Sighting, ...]
    warnings: tuple[DigestWarning, ...] = ()
    declared_days: tuple[dt.date, ...] = ()  # days the file says it is of, papers or not

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The days it declares and those of its sightings, in order of first appearance: a
        digest of a day without papers is still that day's digest."""
        seen = (sighting.day for sighting in self.sightings)
        return tuple(dict.fromkeys((*self.declared_days, *seen)))

    @property
    def by_id_only(self) -> int:
        """How many papers are known by their id only: "N papers by id only"."""
        return sum(1 for sighting in self.sightings if sighting.id_only)


RISING_SIGHTINGS = 3  # "rising": the votes gained over a paper's last this many voted sightings


def votes_gained(votes_newest_first: Sequence[int]) -> int | None:
    """How many votes a paper gained over its last `RISING_SIGHTINGS` sightings that gave a
    number (newest first); None when fewer than two did: nothing to compare."""
    last = votes_newest_first[:RISING_SIGHTINGS]
    return last[0] - last[-1] if len(last) >= 2 else None
