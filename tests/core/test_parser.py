"""The digest parser on hand-written fixtures (tests/fixtures/digests) in the real format.

The real digests may not be copied into the repository; tests/library/test_corpus.py reads them
from /work/shared when they are there.
"""

import datetime as dt
import time
from collections.abc import Callable

import pytest

from readinglist.core.digest import Digest, DigestError, Entry, Media, MediaKind
from readinglist.core.parser import parse_digest
from readinglist.core.text import clean_text, is_clean
from tests.helpers.paths import FIXTURES as FIXTURE_FOLDER

FIXTURES = FIXTURE_FOLDER / "digests"
CDN = "https://cdn-uploads.huggingface.co/production/uploads/abc123"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse_fixture(name: str) -> Digest:
    return parse_digest(fixture_bytes(name), name)


def entry(name: str, position: int) -> Entry:
    return parse_fixture(name).entries[position - 1]


def parse_text(text: str, source: str = "inline.md") -> Digest:
    return parse_digest(text.encode(), source)


def one_entry(body: str) -> Entry:
    """The only entry of a digest made of a header, one heading and `body`."""
    text = f"## Daily Papers (2024-01-02)\n\n### [T](https://arxiv.org/abs/2401.00001)\n{body}\n"
    (only,) = parse_text(text).entries
    return only


def parse_error(data: bytes, source: str = "bad.md") -> DigestError:
    with pytest.raises(DigestError) as caught:
        parse_digest(data, source)
    error = caught.value
    assert error.source == source
    assert source in str(error)
    if error.line is not None:
        assert f"line {error.line}" in str(error)
    return error


# --- the modern layout, and what every entry holds ---------------------------------


def test_modern_digest() -> None:
    digest = parse_fixture("modern.md")
    assert digest.date == dt.date(2025, 3, 1)
    assert digest.header_count == 1
    assert [e.arxiv_id for e in digest.entries] == ["2502.10001", "2502.10002", "2502.10003"]
    first = digest.entries[0]
    assert first == Entry(
        position=1,
        line=3,
        arxiv_id="2502.10001",
        url="https://arxiv.org/abs/2502.10001",
        title="Paper Lanterns: Sparse Attention That Glows Where It Matters",
        media=Media(
            MediaKind.IMAGE,
            "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2502.10001.png",
        ),
        votes=42,
        authors=("Ada Park", "Bruno Costa", "Chen Wei"),
        authors_truncated=False,
        summary=(
            "***What's New***: 희소 어텐션(sparse attention)이 중요한 토큰에만 계산을 "
            "집중하도록 하는 새로운 방법을 제안합니다.",
            "***Technical Details***: 토큰마다 '밝기' 점수를 학습하고, 상위 k개의 토큰만 "
            "어텐션에 참여시킵니다.",
            "***Performance Highlights***: 긴 문맥 벤치마크에서 속도는 3배 빨라지고 "
            "정확도는 유지되었습니다.",
        ),
    )


def test_whats_new_bullets_are_kept_as_text_with_blank_lines_between() -> None:
    summary = entry("modern.md", 2).summary
    assert len(summary) == 3
    assert summary[0].startswith("**What's New**: 확산 모델")
    assert summary[2].startswith("**Performance Highlights**: ")


def test_positions_and_heading_lines() -> None:
    digest = parse_fixture("modern.md")
    assert [(e.position, e.line) for e in digest.entries] == [(1, 3), (2, 15), (3, 29)]


# --- layouts: early files, several headers, empty headers, README wrappers ---------


def test_early_layout_without_blank_lines_or_metadata() -> None:
    digest = parse_fixture("early_layout.md")
    assert digest.date == dt.date(2023, 11, 20)
    assert [(e.position, e.line) for e in digest.entries] == [(1, 2), (2, 8), (3, 12)]
    first, second, third = digest.entries
    assert (first.media, first.votes, first.authors, first.authors_truncated) == (
        None,
        None,
        (),
        False,
    )
    assert second.media == Media(MediaKind.IMAGE, f"{CDN}/whisper.png")
    assert second.authors == ("Hana Kim", "Ivo Petrov")
    assert second.summary == ("그래디언트 잡음이 일반화에 미치는 영향을 분석합니다.",)
    assert third.summary == (
        '앞에 "- " 없이 시작하는 요약 문장도 첫 항목이 됩니다.',
        "두 번째 항목입니다.",
    )


def test_continuation_lines_join_the_bullet_above() -> None:
    summary = entry("early_layout.md", 1).summary
    assert summary == (
        "로봇 팔이 종이학을 접도록 강화학습으로 훈련합니다.",
        "보상은 완성된 모양과 목표 모양의 차이로 정의되며, 이 줄은 앞 항목에 이어지는 "
        "문장입니다. - (1) 들여쓴 하위 항목도 앞 항목에 붙습니다. 1. 번호가 붙은 줄 역시 "
        "이어지는 내용입니다.",
    )


def test_several_headers_of_one_day_continue_the_positions() -> None:
    digest = parse_fixture("multi_header.md")
    assert digest.date == dt.date(2024, 10, 21)
    assert digest.header_count == 2
    assert [(e.position, e.line, e.arxiv_id) for e in digest.entries] == [
        (1, 3, "2410.30001"),
        (2, 9, "2410.30002"),
        (3, 17, "2410.30003"),
    ]
    assert [e.votes for e in digest.entries] == [3, 5, 8]


def test_a_header_with_no_entries() -> None:
    assert parse_fixture("zero_entries.md") == Digest(dt.date(2023, 11, 22), (), 1)


def test_an_empty_header_followed_by_a_second_one() -> None:
    text = "## Daily Papers (2024-10-21)\n\n" + fixture_bytes("multi_header.md").decode()
    digest = parse_text(text)
    assert digest.header_count == 3
    assert [e.position for e in digest.entries] == [1, 2, 3]
    assert digest.entries[0].line == 5


def test_two_dates_in_one_file_fail_at_the_second_header() -> None:
    error = parse_error(fixture_bytes("two_dates.md"), "two_dates.md")
    assert error.line == 7
    assert "2024-10-22" in error.message
    assert "2024-10-21" in error.message


def test_readme_wrapper_ends_the_digest_at_the_next_section() -> None:
    digest = parse_fixture("readme_wrapper.md")
    assert digest.date == dt.date(2024, 2, 19)
    assert [(e.position, e.line, e.arxiv_id) for e in digest.entries] == [
        (1, 9, "2402.40001"),
        (2, 19, "2402.40002"),
    ]
    # Nothing of the License / Citation / Star History sections leaks into the last entry.
    assert entry("readme_wrapper.md", 2).summary == ("감싸인 다이제스트의 두 번째 논문입니다.",)
    assert entry("readme_wrapper.md", 2).media is None


# --- media --------------------------------------------------------------------------


def test_all_media_forms() -> None:
    media = [e.media for e in parse_fixture("media.md").entries]
    assert media == [
        Media(MediaKind.IMAGE, f"{CDN}/figure.png"),
        Media(MediaKind.IMAGE, f"{CDN}/photo.jpeg"),
        Media(MediaKind.IMAGE, f"{CDN}/anim.gif"),
        Media(MediaKind.VIDEO, f"{CDN}/clip.qt"),
        Media(MediaKind.VIDEO, f"{CDN}/clip.webm"),
        Media(MediaKind.VIDEO, f"{CDN}/demo.mp4"),
        Media(MediaKind.VIDEO, f"{CDN}/bare.mp4"),
        Media(MediaKind.VIDEO, f"{CDN}/single.mp4"),
        Media(MediaKind.VIDEO, "https://cdn.example.org/media/clip.MOV?download=1&name=x.png"),
        Media(MediaKind.IMAGE, "https://cdn.example.org/media/figure.png?format=.mp4"),
        Media(
            MediaKind.IMAGE,
            "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2312.50011.png",
        ),
        None,
    ]


@pytest.mark.parametrize(
    ("position", "bullet"),
    [(6, "링크와 video 태그는 같은 동영상 하나입니다."), (11, "두 번째 이미지는 요약이 아닙니다.")],
)
def test_a_repeated_media_line_is_neither_a_second_media_nor_summary(
    position: int, bullet: str
) -> None:
    """`[Watch Video](x.mp4)` + `<div><video src=x.mp4>` is one video; a 2nd image is dropped."""
    assert entry("media.md", position).summary == (bullet,)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://x.org/a.png", MediaKind.IMAGE),
        ("https://x.org/a.JPEG", MediaKind.IMAGE),
        ("https://x.org/a.gif", MediaKind.IMAGE),
        ("https://x.org/a.qt", MediaKind.VIDEO),
        ("https://x.org/a.mov", MediaKind.VIDEO),
        ("https://x.org/a.MP4", MediaKind.VIDEO),
        ("https://x.org/a.webm", MediaKind.VIDEO),
        ("https://x.org/a.mp4?w=1.png", MediaKind.VIDEO),
        ("https://x.org/a.png?f=.mp4", MediaKind.IMAGE),
        ("https://x.org/a.png#t=.mov", MediaKind.IMAGE),
        ("https://x.org/v.mp4/thumb", MediaKind.IMAGE),
        ("https://x.org/noextension", MediaKind.IMAGE),
    ],
)
def test_media_kind_by_extension(url: str, kind: MediaKind) -> None:
    assert Media.from_url(url) == Media(kind, url)


# --- votes and authors --------------------------------------------------------------


def test_votes() -> None:
    assert [e.votes for e in parse_fixture("votes.md").entries] == [17, 0, None, None, 1234]


@pytest.mark.parametrize(
    ("line", "votes"),
    [
        ("Vote: 5", 5),
        ("Votes: 5", 5),
        ("Vote:   12  ", 12),
        ("Vote: 1,234,567", 1234567),
        ("Vote:", None),
        ("Vote: -", None),
        ("Vote: -3", None),
        ("Vote: n/a", None),
        ("Vote: " + "9" * 5000, None),  # int() would refuse more than 4300 digits
    ],
)
def test_vote_lines(line: str, votes: int | None) -> None:
    assert one_entry(line).votes == votes


def test_authors() -> None:
    rows = [(e.authors, e.authors_truncated) for e in parse_fixture("authors.md").entries]
    assert rows == [
        (("Lena Vogel", "Mateo Ruiz", "Nadia Haddad", "Oskar Berg"), False),
        (("Priya Nair", "Quentin Roux", "Rosa Diaz"), True),
        (("Sven Holm", "Tariq Aziz", "Uma Rao", "Victor Hugo Silva"), True),
        (("Wen Li", "Xavier O'Connor", "Yuki Sato"), False),
        (("Zoe Adams", "Aaron Becker"), True),
        (("Team C++", "Bea Cruz"), False),
        ((), False),
    ]


def test_a_very_long_author_line() -> None:
    names = [f"Author Number{i}" for i in range(700)]
    found = one_entry("Authors: " + ", ".join(names + names[:50]))
    assert found.authors == tuple(names)
    found = one_entry(f"Authors: {names!r}")
    assert found.authors == tuple(names)


@pytest.mark.parametrize(
    ("line", "authors", "truncated"),
    [
        ("Authors:", (), False),
        ("Authors: +", (), True),
        ("Authors: A, B +", ("A", "B"), True),
        ("Authors: ['A', '+', 'B']", ("A", "B"), True),
        ("Authors: ['A', 'B'", ("A", "B"), False),
        ("Authors: ['A\\nB', '\\x08C\\u2062']", ("A B", "C"), False),
        ("Authors: ['\\ud800D']", ("D",), False),
        ("Authors: [{[]: 1}]", ("{[]: 1}",), False),
        ("Authors: [" + "[" * 300 + "]" * 301, (), False),
        ("Authors: [" + "1" * 5000 + "]", ("1" * 199 + "…",), False),  # MAX_AUTHOR_CHARS
    ],
)
def test_odd_author_lines(line: str, authors: tuple[str, ...], truncated: bool) -> None:
    found = one_entry(line)
    assert (found.authors, found.authors_truncated) == (authors, truncated)


def test_only_the_first_authors_line_counts() -> None:
    found = one_entry("Authors: A, B\nAuthors: C")
    assert found.authors == ("A", "B")
    assert found.summary == ("Authors: C",)


# --- titles and text ----------------------------------------------------------------


def test_titles_are_kept_exactly() -> None:
    assert [e.title for e in parse_fixture("titles.md").entries] == [
        "I Can't Say: Teaching Models an [IDK] Token",
        "`fast_tokenizer`: Backticks in a Title",
        "M$^{3}$-Net: $\\alpha$-Blending for $1 Million Images",
        "<think> Before You Speak: Reasoning Traces & Rewards",
        "*Star* and _Under_score: A > B Comparisons",
        "Café Noël: Accents, Ελληνικά λ-Calculus and Ωmega",
        "Emoji Maths 🧮 and 𝔉raktur Letters",
        "한국어 제목: 거대 언어 모델의 추론",
    ]


def test_characters_outside_the_bmp_are_kept_in_summaries() -> None:
    assert entry("titles.md", 7).summary == ("BMP 밖의 문자 🚀 와 𝔉 도 그대로 둡니다.",)


def test_control_characters_are_cleaned() -> None:
    found = entry("control_chars.md", 1)
    assert found.title == "Tabs andBackspaces in a Title"
    assert found.authors == ("Amir Haddad", "Beatriz Souza", "Chloé Martin")
    assert found.summary == (
        "**What's New**: 폼 피드 문자와 보이지 않는 곱셈 기호 xy 가 섞인 요약입니다.",
        "**Technical Details**: 줄 바꿈 없는 공백 (no-break space)과 제로 폭 공백이 있습니다.",
        "**Performance Highlights**: 확장 평면 문자 😀 와 𝑥 는 남습니다. "
        "#해시태그 는 제목이 아니라 본문입니다.",
    )
    for text in (found.title, *found.authors, *found.summary):
        assert is_clean(text)
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA1 for c in text)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\tb", "a b"),
        ("a\x08b", "ab"),
        ("a\x0cb", "a b"),
        ("x\u2062y", "xy"),
        ("a\xa0b", "a b"),
        ("a\nb", "a b"),
        ("a\u2028b", "a b"),
        ("\ufeffa\u200bb\u00ad", "ab"),
        ("a\ud800b", "ab"),
        ("👩\u200d💻 🚀 𝔉", "👩\u200d💻 🚀 𝔉"),
        ("  padded  ", "padded"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert is_clean(clean)


def test_a_hashtag_line_is_text_not_a_heading() -> None:
    assert one_entry("- one\n#tag two\n###\n#### Sub").summary == ("one #tag two ### #### Sub",)


# --- links and arXiv ids ------------------------------------------------------------


def test_links() -> None:
    rows = [(e.arxiv_id, e.url) for e in parse_fixture("links.md").entries]
    assert rows == [
        ("2401.90001", "https://arxiv.org/abs/2401.90001"),
        ("2401.90002", "https://arxiv.org/abs/2401.90002v3"),
        ("2401.90003", "https://arxiv.org/pdf/2401.90003"),
        ("2401.90004", "https://arxiv.org/pdf/2401.90004v2.pdf"),
        ("2401.90005", "https://huggingface.co/papers/2401.90005"),
        ("hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001v1"),
        ("1412.6980", "http://www.arxiv.org/abs/1412.6980"),
    ]


# --- encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: text.replace("\n", "\r").encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
        lambda text: b"\xfe\xff" + text.replace("\n", "\r\n").encode("utf-16-be"),
    ],
    ids=["utf8", "bom", "crlf", "bom-crlf", "cr", "utf16", "utf16le", "utf16be-crlf"],
)
@pytest.mark.parametrize("name", ["modern.md", "control_chars.md", "titles.md"])
def test_encodings_give_the_same_digest(name: str, encode: Callable[[str], bytes]) -> None:
    text = fixture_bytes(name).decode("utf-8")
    assert parse_digest(encode(text), name) == parse_fixture(name)


def test_korean_in_cp949_is_not_utf8() -> None:
    text = "## Daily Papers (2024-01-02)\n\n### [T](https://arxiv.org/abs/2401.00001)\n\n"
    text += "- 한국어 요약\n"
    for codec in ("cp949", "euc-kr"):
        error = parse_error(text.encode(codec), "korean.md")
        assert error.line == 5
        assert "UTF-8" in error.message


def test_the_error_line_counts_from_the_start_of_a_file_with_a_bom() -> None:
    data = b"\xef\xbb\xbf## Daily Papers (2024-01-02)\n\n\xffx\n"
    error = parse_error(data)
    assert error.line == 3
    assert "0xFF" in error.message


def test_a_file_cut_inside_a_character_is_reported_as_truncated() -> None:
    data = fixture_bytes("modern.md")
    cut = data[: data.rindex("정확도".encode()) + 1]
    error = parse_error(cut)
    assert "truncated" in error.message
    assert error.line == cut.count(b"\n") + 1


def test_bad_utf16() -> None:
    error = parse_error(b"\xff\xfe" + "## Daily Papers".encode("utf-16-le") + b"\x00")
    assert "UTF-16" in error.message
    error = parse_error(b"\xff\xfe" + b"\x00\xd8a\x00")  # a lone surrogate
    assert "UTF-16" in error.message


# --- not digests --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b" \n\t\r\n  ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\xef\xbb\xbf \n", "empty"),
        ("  \n".encode("utf-16"), "empty"),
        (b"# Notes\n\nJust some Markdown.\n", "not a digest"),
        (b"\x00\x01\x02binary", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "UTF-8"),
    ],
)
def test_files_that_are_not_digests(data: bytes, words: str) -> None:
    error = parse_error(data, "some/folder/file.md")
    assert words in error.message
    assert str(error).startswith("some/folder/file.md")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("## Daily Papers (2024-13-01)\n", 1, "not a date"),
        ("## Daily Papers (yesterday)\n", 1, "not a date"),
        ("## Daily Papers ()\n", 1, "not a date"),
        ("## Daily Papers (20240101)\n", 1, "not a date"),
        ("## Daily Papers (2024-W01-1)\n", 1, "not a date"),
        ("## Daily Papers (２０２４-01-01)\n", 1, "not a date"),
        ("\n\n## Daily Papers 2024-01-01\n", None, "not a digest"),
        ("## Daily Papers (2024-01-01) rerun\n", 1, "## Daily Papers (YYYY-MM-DD)"),
        ("# Daily Papers (2024-01-01)\n", 1, "## Daily Papers (YYYY-MM-DD)"),
        ("## Daily Papers (2024-01-01\n", 1, "## Daily Papers (YYYY-MM-DD)"),
    ],
)
def test_bad_headers(text: str, line: int | None, words: str) -> None:
    error = parse_error(text.encode())
    assert error.line == line
    assert words in error.message


@pytest.mark.parametrize(
    ("heading", "words"),
    [
        ("### [Title](https://arxiv.org/ab", "cut off"),
        ("### [Title cut off mid-title", "cut off"),
        ("### [Title](https://example.com/paper)", "not an arXiv link"),
        ("### [Title](https://arxiv.org/abs/2401.012345)", "not an arXiv link"),
        ("### [Title](https://arxiv.org/abs/٢٤٠١.٠١٢٣٤)", "not an arXiv link"),
        ("### [](https://arxiv.org/abs/2401.01234)", "no title"),
        ("### [\t\u2062](https://arxiv.org/abs/2401.01234)", "no title"),
        ("### Related work", "not a paper link"),
    ],
)
def test_bad_paper_headings(heading: str, words: str) -> None:
    text = f"## Daily Papers (2024-01-02)\n\n### [Fine](https://arxiv.org/abs/2401.00001)\n\n{heading}\n"
    error = parse_error(text.encode())
    assert error.line == 5
    assert words in error.message


def test_headings_outside_a_digest_are_ignored() -> None:
    text = "### [Before](https://example.com)\n## Daily Papers (2024-01-02)\n## Other\n### x\n"
    assert parse_text(text) == Digest(dt.date(2024, 1, 2), (), 1)


def test_long_runs_of_continuation_lines_stay_linear() -> None:
    """80,000 continuation lines (4 MB) once took 4 s: each `+=` copied the whole bullet."""
    text = "## Daily Papers (2024-01-02)\n### [T](https://arxiv.org/abs/2401.00001)\n- start\n"
    data = (text + "a continuation line of a bullet that goes on and on\n" * 80_000).encode()
    started = time.process_time()  # this process's work, not a busy machine's other load
    (found,) = parse_digest(data, "long.md").entries
    assert time.process_time() - started < 1.0
    assert len(found.summary) == 1
    assert found.summary[0].startswith("start a continuation line")
