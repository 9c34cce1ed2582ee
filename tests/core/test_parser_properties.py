"""Property tests: whatever bytes come in, the parser gives a `Digest` or a `DigestError`.

Random bytes, random text, text made of digest-like lines, and valid digests (the
hand-written fixtures) mutated line- and byte-wise. A `Digest` must then keep its
invariants. Example counts are kept small so that the whole file runs in a few seconds.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from readinglist.core import digest as limits
from readinglist.core.arxiv import arxiv_id_from_url
from readinglist.core.digest import Digest, DigestError, Entry, Media
from readinglist.core.parser import parse_digest
from readinglist.core.text import clean_url, is_clean
from tests.helpers.paths import FIXTURES as FIXTURE_FOLDER

FIXTURES = FIXTURE_FOLDER / "digests"
VALID = {path.name: path.read_bytes() for path in sorted(FIXTURES.glob("*.md"))}
VALID.pop("two_dates.md")  # an error on purpose
ARXIV_ID = re.compile(r"[0-9]{4}\.[0-9]{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/[0-9]{7}")
FIXTURE_LINES = sorted(
    {
        line
        for data in VALID.values()
        for line in data.decode().split("\n")
        if not line.startswith("## ")
    }
)
SOURCE = "fuzzed/digest.md"

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Beginnings of the lines a digest is made of, to get past the first checks quickly.
LINE_STARTS = [
    "## Daily Papers (2024-01-02)",
    "## Daily Papers (9999-12-31)",  # impossible dates: refused
    "## Daily Papers (1991-08-13)",
    "## Daily Papers (",
    "## ",
    "# ",
    "### [",
    "### [Title](https://arxiv.org/abs/2401.01234",
    "### [Title](https://huggingface.co/papers/",
    "### [T](https://arxiv.org/pdf/hep-th/9901001v1.pdf)",
    "![](",
    "![](https://x.org/a.mp4",
    "[Watch Video](",
    "[Watch Video]",
    '<div><video controls src="',
    "<video src='",
    "Vote: ",
    "Votes: ",
    "Authors: ",
    "Authors: [",
    "Authors: ['",
    "- ",
    "* ",
    "- ***What's New***: ",
    "#",
    "",
]
CONTROL = st.sampled_from(["\t", "\x00", "\x08", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x85"])
SPECIAL = st.sampled_from(
    ["\xa0", "\u2028", "\u2062", "\u200b", "\ufeff", "\ud7ff", "\udc80", "🚀", "𝔉"]
)
CHARS = st.one_of(st.characters(codec="utf-8"), CONTROL, SPECIAL, st.sampled_from("[]()<>'\",+#"))
SNIPPET = st.text(CHARS, max_size=30)


def outcome(data: bytes) -> Digest | DigestError:
    """Parse; anything but a `Digest` or a `DigestError` fails the test."""
    try:
        digest = parse_digest(data, SOURCE)
    except DigestError as error:
        check_error(error)
        event("DigestError", " ".join(error.message.split()[:3]))
        return error
    check_digest(digest)
    event("Digest", "with entries" if digest.entries else "empty")
    return digest


def check_error(error: DigestError) -> None:
    assert error.source == SOURCE
    assert str(error).startswith(SOURCE)
    assert error.message
    assert error.line is None or error.line >= 1
    if error.line is not None:
        assert f"line {error.line}:" in str(error)


def check_digest(digest: Digest) -> None:
    assert digest.header_count >= 1
    latest = dt.date.today() + dt.timedelta(days=limits.MAX_DAYS_AHEAD)
    assert limits.EARLIEST_DATE <= digest.date <= latest
    assert len(digest.warnings) <= limits.MAX_WARNINGS + 1
    assert all(w.message and (w.line is None or w.line >= 1) for w in digest.warnings)
    assert [entry.position for entry in digest.entries] == list(range(1, len(digest.entries) + 1))
    lines = [entry.line for entry in digest.entries]
    assert lines == sorted(set(lines))
    assert all(line >= 2 for line in lines)  # the header comes first
    for entry in digest.entries:
        assert ARXIV_ID.fullmatch(entry.arxiv_id), entry.arxiv_id
        assert arxiv_id_from_url(entry.url) == entry.arxiv_id
        assert entry.title
        check_sizes(entry)
        assert len(set(entry.authors)) == len(entry.authors)
        assert "+" not in entry.authors
        for text in (entry.title, *entry.authors, *entry.summary):
            check_clean(text)
        assert entry.votes is None or entry.votes >= 0
        if entry.media is not None:
            assert entry.media == Media.from_url(entry.media.url)
            check_url(entry.media.url)
        check_url(entry.url)


def check_sizes(entry: Entry) -> None:
    assert len(entry.title) <= limits.MAX_TITLE_CHARS
    assert sum(len(bullet) for bullet in entry.summary) <= limits.MAX_SUMMARY_CHARS
    assert len(entry.authors) <= limits.MAX_AUTHORS
    assert all(len(name) <= limits.MAX_AUTHOR_CHARS for name in entry.authors)


def check_url(url: str) -> None:
    assert url and len(url) <= limits.MAX_URL_CHARS
    assert clean_url(url) == url, repr(url)  # nothing hidden: no space, control, format


def check_clean(text: str) -> None:
    assert text
    assert is_clean(text), repr(text)
    assert not any(unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") for char in text)
    text.encode("utf-8")  # no lone surrogates


def same(first: Digest | DigestError, second: Digest | DigestError) -> bool:
    if isinstance(first, DigestError) and isinstance(second, DigestError):
        return (first.line, first.message) == (second.line, second.message)
    return first == second


# --- random input -------------------------------------------------------------------


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    outcome(data)


@FAST
@given(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), st.binary(max_size=500))
def test_random_bytes_after_a_bom(bom: bytes, data: bytes) -> None:
    outcome(bom + data)


@FAST
@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    outcome(text.encode("utf-8"))


def digest_like_text() -> st.SearchStrategy[str]:
    """A header (mostly), then fixture lines, digest-like line starts and random snippets."""
    line = st.one_of(
        st.sampled_from(FIXTURE_LINES),
        st.builds(lambda start, rest: start + rest, st.sampled_from(LINE_STARTS), SNIPPET),
        st.builds(lambda valid, rest: valid + rest, st.sampled_from(FIXTURE_LINES), SNIPPET),
    )
    header = st.sampled_from(["## Daily Papers (2024-01-02)\n"] * 3 + [""])
    return st.builds(
        lambda head, lines: head + "\n".join(lines), header, st.lists(line, max_size=40)
    )


@FAST
@given(digest_like_text())
def test_digest_like_lines(text: str) -> None:
    outcome(text.encode("utf-8", errors="surrogatepass"))


# --- mutated valid digests ----------------------------------------------------------

Mutation = Callable[[st.DataObject, bytes], bytes]


def _index(data: st.DataObject, size: int) -> int:
    return int(data.draw(st.integers(0, max(size - 1, 0))))


def delete_line(data: st.DataObject, blob: bytes) -> bytes:
    lines = blob.split(b"\n")
    del lines[_index(data, len(lines))]
    return b"\n".join(lines)


def duplicate_line(data: st.DataObject, blob: bytes) -> bytes:
    lines = blob.split(b"\n")
    at = _index(data, len(lines))
    lines.insert(at, lines[at])
    return b"\n".join(lines)


def swap_lines(data: st.DataObject, blob: bytes) -> bytes:
    lines = blob.split(b"\n")
    first, second = _index(data, len(lines)), _index(data, len(lines))
    lines[first], lines[second] = lines[second], lines[first]
    return b"\n".join(lines)


def insert_line(data: st.DataObject, blob: bytes) -> bytes:
    lines = blob.split(b"\n")
    start = data.draw(st.sampled_from(LINE_STARTS))
    text = start + data.draw(SNIPPET)
    lines.insert(_index(data, len(lines) + 1), text.encode("utf-8", errors="surrogatepass"))
    return b"\n".join(lines)


def truncate(data: st.DataObject, blob: bytes) -> bytes:
    return blob[: _index(data, len(blob) + 1)]


def insert_text(data: st.DataObject, blob: bytes) -> bytes:
    at = _index(data, len(blob) + 1)
    text = data.draw(st.text(st.one_of(CHARS, CONTROL), min_size=1, max_size=5))
    return blob[:at] + text.encode("utf-8", errors="surrogatepass") + blob[at:]


def flip_byte(data: st.DataObject, blob: bytes) -> bytes:
    if not blob:
        return blob
    at = _index(data, len(blob))
    value = blob[at] ^ data.draw(st.integers(1, 255))
    return blob[:at] + bytes([value]) + blob[at + 1 :]


MUTATIONS: list[Mutation] = [
    delete_line,
    duplicate_line,
    swap_lines,
    insert_line,
    truncate,
    insert_text,
    flip_byte,
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_digests(data: st.DataObject) -> None:
    blob = VALID[data.draw(st.sampled_from(sorted(VALID)), label="fixture")]
    for _ in range(data.draw(st.integers(1, 6), label="mutations")):
        blob = data.draw(st.sampled_from(MUTATIONS), label="mutation")(data, blob)
    outcome(blob)


@FAST
@given(st.sampled_from(sorted(VALID)), st.sets(st.integers(0, 80), max_size=5))
def test_deleting_lines_never_raises_anything_else(name: str, drop: set[int]) -> None:
    lines = VALID[name].split(b"\n")
    kept = [line for number, line in enumerate(lines) if number not in drop]
    outcome(b"\n".join(kept))


# --- encodings and line ends do not change the result --------------------------------


@FAST
@given(
    st.one_of(digest_like_text(), st.sampled_from(sorted(VALID)).map(lambda n: VALID[n].decode()))
)
def test_line_ends_boms_and_utf16_give_the_same_result(text: str) -> None:
    text = text.replace("\r", "").replace("\x00", "")
    try:
        plain = text.encode("utf-8")
    except UnicodeEncodeError:
        return  # a lone surrogate: not text any encoding can carry
    expected = outcome(plain)
    crlf = text.replace("\n", "\r\n")
    for variant in (
        crlf.encode("utf-8"),
        b"\xef\xbb\xbf" + plain,
        text.encode("utf-16"),
        b"\xfe\xff" + crlf.encode("utf-16-be"),
    ):
        assert same(outcome(variant), expected)


# --- oversized fields and impossible dates --------------------------------------------


def _around(limit: int) -> st.SearchStrategy[int]:
    """Lengths at the limit, either side of it, and well past it."""
    return st.one_of(st.sampled_from([limit - 1, limit, limit + 1]), st.integers(1, 3 * limit))


def _sized(length: int, piece: str) -> str:
    return (piece * (length // len(piece) + 1))[:length]


PIECE = st.text(st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=4)


SIZES = st.fixed_dictionaries(
    {
        "title": _around(limits.MAX_TITLE_CHARS),
        "teaser": _around(limits.MAX_URL_CHARS),
        "summary": _around(limits.MAX_SUMMARY_CHARS),
        "authors": _around(limits.MAX_AUTHORS),
        "name": _around(limits.MAX_AUTHOR_CHARS),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SIZES, PIECE)
def test_oversized_fields_are_cut_and_said(sizes: dict[str, int], piece: str) -> None:
    """Each field at, below and past its limit: cut (a teaser link dropped) with a
    warning at its line exactly when it is past."""
    names = [str(number) for number in range(1, sizes["authors"])] + [_sized(sizes["name"], piece)]
    url = "https://x.org/" + _sized(sizes["teaser"], piece)
    text = "\n".join(
        [
            "## Daily Papers (2024-03-01)",
            f"### [{_sized(sizes['title'], piece)}](https://arxiv.org/abs/2401.00001)",
            f"![]({url})",
            "Authors: " + ", ".join(names),
            f"- {_sized(sizes['summary'], piece)}",
        ]
    )

    digest = outcome(text.encode("utf-8"))

    assert isinstance(digest, Digest)
    (entry,) = digest.entries
    too_long = {
        2: sizes["title"] > limits.MAX_TITLE_CHARS,
        3: len(url) > limits.MAX_URL_CHARS,
        4: sizes["authors"] > limits.MAX_AUTHORS or sizes["name"] > limits.MAX_AUTHOR_CHARS,
        5: sizes["summary"] > limits.MAX_SUMMARY_CHARS,
    }
    warned = {line for line, over in too_long.items() if over}
    assert {warning.line for warning in digest.warnings} == warned
    assert (entry.media is None) == too_long[3]


@FAST
@given(st.dates())
def test_a_digest_is_of_a_possible_day_or_refused_at_its_header(day: dt.date) -> None:
    text = f"## Daily Papers ({day.isoformat()})\n### [T](https://arxiv.org/abs/2401.00001)\n"

    result = outcome(text.encode("utf-8"))

    latest = dt.date.today() + dt.timedelta(days=limits.MAX_DAYS_AHEAD)
    if limits.EARLIEST_DATE <= day <= latest:
        assert isinstance(result, Digest) and result.date == day
    else:
        assert isinstance(result, DigestError) and result.line == 1
        assert "not a possible digest date" in result.message
