"""The parser on the real digests in /work/shared (never copied here: their licence forbids it).

Each MANIFEST.tsv row gives the date, the number of headers and of entries; a few facts
about particular files are spot-checked. Skipped when the corpus is not beside the repo.
"""

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from readinglist.core.digest import Digest, DigestError, Entry, Media, MediaKind
from readinglist.core.parser import parse_digest
from readinglist.core.text import is_clean
from tests.helpers.paths import SHARED_CORPUS

CORPUS = SHARED_CORPUS
MISSING = f"the shared corpus of real digests is not there: {CORPUS}"
ARXIV_ID = re.compile(r"[0-9]{4}\.[0-9]{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/[0-9]{7}")
MEDIA_LINE = re.compile(r"!\[|\[Watch Video\]|<video|<div><video", re.IGNORECASE)


@dataclass(frozen=True)
class Row:
    file: str
    date: str
    headers: int
    entries: int
    tags: frozenset[str]


def _manifest() -> dict[str, Row]:
    path = CORPUS / "MANIFEST.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as stream:
        return {
            row["file"]: Row(
                row["file"],
                row["header_date"],
                int(row["headers"]),
                int(row["entries"]),
                frozenset(row["variant_tags"].split()),
            )
            for row in csv.DictReader(stream, delimiter="\t")
        }


MANIFEST = _manifest()
needs_corpus = pytest.mark.skipif(not MANIFEST, reason=MISSING)
FILES: list[object] = [*MANIFEST] or [pytest.param("", marks=pytest.mark.skip(reason=MISSING))]


@functools.cache
def parsed(name: str) -> Digest:
    return parse_digest((CORPUS / name).read_bytes(), name)


def entry(name: str, position: int) -> Entry:
    return parsed(name).entries[position - 1]


def all_entries() -> Iterator[tuple[str, Entry]]:
    for name in MANIFEST:
        for found in parsed(name).entries:
            yield name, found


@pytest.mark.parametrize("name", FILES)
def test_manifest_row(name: str) -> None:
    row = MANIFEST[name]
    digest = parsed(name)
    assert (str(digest.date), digest.header_count, len(digest.entries)) == (
        row.date,
        row.headers,
        row.entries,
    )
    lines = (CORPUS / name).read_text(encoding="utf-8").split("\n")
    for position, found in enumerate(digest.entries, 1):
        assert found.position == position
        assert lines[found.line - 1].startswith("### [")
        assert found.arxiv_id in lines[found.line - 1]
        assert found.url in lines[found.line - 1]


@needs_corpus
def test_the_manifest_covers_the_variants_tested_here() -> None:
    tags = frozenset().union(*(row.tags for row in MANIFEST.values()))
    assert {
        "multi-header",
        "zero-entries",
        "readme-wrapper",
        "no-media/no-vote/no-authors",
        "no-blank-before-heading",
        "continuation-lines",
        "watch-video-link+div",
        "watch-video-no-parens",
        "raw-video-single-quote",
        "qt",
        "webm",
        "gif",
        "jpeg",
        "vote-dash",
        "authors-dup",
        "authors-plus",
        "authors-pylist",
        "brackets-in-title",
        "backtick-title",
        "latex-title",
        "ctrl-chars",
        "non-BMP",
        "nbsp",
        "long-line>3000",
    } <= tags


@needs_corpus
def test_invariants_of_every_entry() -> None:
    for name, found in all_entries():
        where = f"{name} #{found.position}"
        assert ARXIV_ID.fullmatch(found.arxiv_id), where
        assert found.title, where
        assert len(set(found.authors)) == len(found.authors), where
        assert "+" not in found.authors, where
        for text in (found.title, *found.authors, *found.summary):
            assert text and is_clean(text), where
        for bullet in found.summary:
            assert not MEDIA_LINE.match(bullet), where
            assert not bullet.startswith(("Vote:", "Authors:", "## ")), where
    assert sum(len(parsed(name).entries) for name in MANIFEST) == sum(
        row.entries for row in MANIFEST.values()
    )


@needs_corpus
def test_a_video_link_and_its_video_tag_are_one_video_and_authors_are_deduplicated() -> None:
    first = entry("paper_logs__2023__12__15.md", 1)
    assert (first.line, first.arxiv_id, first.votes) == (3, "2312.08723", 25)
    assert first.title == "StemGen: A music generation model that listens"
    assert first.media == Media(
        MediaKind.VIDEO,
        "https://cdn-uploads.huggingface.co/production/uploads/"
        "60f1abe7544c2adfd699860c/MXokcBs1a515R_qRZ2ejz.mp4",
    )
    assert first.authors[:3] == ("Julian D. Parker", "Janne Spijkervet", "Katerina Kosta")
    assert len(first.authors) == 9
    assert not first.authors_truncated
    assert len(first.summary) == 6


@needs_corpus
def test_a_title_with_brackets_is_kept_exactly() -> None:
    found = entry("paper_logs__2024__12__12.md", 2)
    assert found.arxiv_id == "2412.06676"
    assert found.title == "I Don't Know: Explicit Modeling of Uncertainty with an [IDK] Token"


@needs_corpus
def test_html_and_backticks_in_titles() -> None:
    titles = [found.title for _, found in all_entries()]
    assert "DeepSeek-R1 Thoughtology: Let's <think> about LLM Reasoning" in titles
    assert any("`Constitutions'" in title for title in titles)


@needs_corpus
def test_media_forms_in_the_corpus() -> None:
    def video(name: str, position: int) -> str:
        media = entry(name, position).media
        assert media is not None
        assert media.kind is MediaKind.VIDEO
        return media.url

    assert video("paper_logs__2023__11__21.md", 2).endswith("/D-WQoAl7gR1AwRZ0RXNkW.mp4")
    assert video("paper_logs__2023__12__04.md", 2).endswith(".mp4")  # [Watch Video]https://…
    assert video("paper_logs__2023__12__11.md", 2).endswith(".qt")
    kinds = {
        (found.media.url.rsplit(".", 1)[-1], found.media.kind)
        for _, found in all_entries()
        if found.media
    }
    assert {("webm", MediaKind.VIDEO), ("gif", MediaKind.IMAGE), ("jpeg", MediaKind.IMAGE)} <= kinds


@needs_corpus
def test_vote_dash_is_none() -> None:
    votes = [found.votes for found in parsed("paper_logs__2023__12__12.md").entries]
    assert votes[:2] == [16, 15]
    assert votes[9:] == [None] * 4


@needs_corpus
def test_a_plus_in_the_middle_of_the_authors_marks_them_truncated() -> None:
    found = entry("paper_logs__2024__01__23.md", 2)
    assert found.authors_truncated
    assert len(found.authors) == 22
    assert found.authors[2:4] == ("Yizhi Li", "Ruibin Yuan")


@needs_corpus
def test_python_list_authors_and_long_author_lines() -> None:
    found = entry("paper_logs__2024__10__18.md", 1)
    assert found.authors[:2] == ("Zihan Zhou", "Zhixing Tan")
    assert len(found.authors) == 14
    assert max(len(found.authors) for _, found in all_entries()) > 400


@needs_corpus
def test_several_headers_continue_the_positions() -> None:
    digest = parsed("paper_logs__2024__10__21.md")
    assert digest.header_count == 2
    assert [found.position for found in digest.entries] == list(range(1, 51))
    assert digest.entries[0].line == 3
    assert digest.entries[-1].line > 387  # the second header's line


@needs_corpus
def test_a_readme_wrapper_ends_at_the_license_section() -> None:
    for name in ("hist_19a7cf9__README.md", "hist_4d534f9__README.md", "hist_b21777d__README.md"):
        last = parsed(name).entries[-1]
        text = " ".join(last.summary)
        for word in ("License", "Citation", "bibtex", "Star History", "star-history"):
            assert word not in text, name


@needs_corpus
def test_characters_outside_the_bmp_are_kept() -> None:
    found = entry("paper_logs__2024__08__01.md", 10)
    assert any(ord(char) > 0xFFFF for text in found.summary for char in text)


@needs_corpus
def test_other_encodings_of_a_real_digest() -> None:
    name = "paper_logs__2024__06__17.md"  # ctrl-chars: tabs and more
    text = (CORPUS / name).read_text(encoding="utf-8")
    for data in (
        b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
        text.encode("utf-16"),
    ):
        assert parse_digest(data, name) == parsed(name)
    legacy = text.encode("cp949", errors="replace")
    with pytest.raises(DigestError) as caught:
        parse_digest(legacy, name)
    first_korean = next(i for i, line in enumerate(text.split("\n"), 1) if not line.isascii())
    assert caught.value.line == first_korean
    assert name in str(caught.value)
    data = (CORPUS / name).read_bytes()
    cut = data[: data.index("합니다".encode()) + 2]
    with pytest.raises(DigestError, match="truncated"):
        parse_digest(cut, name)
