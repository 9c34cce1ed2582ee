"""Property tests: whatever bytes come in, each adapter gives a `Reading` or its typed
`DigestError`, never another exception, and a `Reading` keeps its invariants.

Arbitrary bytes, values shaped like each format (JSON of the right keys and wrong types,
feed fragments, id-like text), and each format's fixtures mutated byte- and line-wise.
Example counts are kept small so that the file runs in a few seconds.
"""

import datetime as dt
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readinglist.core import digest as limits
from readinglist.core.digest import DigestError
from readinglist.core.sources.adapter import SourceAdapter
from readinglist.core.sources.registry import ADAPTERS, THRESHOLD, sniff
from readinglist.core.sources.sighting import Reading
from readinglist.core.text import is_clean
from tests.helpers.sources import TODAY, fixture_files

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ARXIV_ID = re.compile(r"[0-9]{4}\.[0-9]{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/[0-9]{7}")
FIXTURES = {path: path.read_bytes() for path in fixture_files()}
ADAPTER = st.sampled_from(ADAPTERS)
DAY = st.one_of(st.none(), st.dates(dt.date(1980, 1, 1), dt.date(2030, 1, 1)))


def outcome(adapter: SourceAdapter, data: bytes, day: dt.date | None = None) -> Reading | None:
    """Read; anything but a `Reading` or a `DigestError` fails the test."""
    confidence = adapter.confidence(data)
    assert 0.0 <= confidence <= 1.0
    try:
        reading = adapter.read(data, "fuzzed", day=day, today=TODAY)
    except DigestError as error:
        assert error.source == "fuzzed"
        assert str(error.reason)
        return None
    check(reading, adapter.format)
    return reading


def check(reading: Reading, format_name: str) -> None:
    assert reading.format == format_name
    assert len(reading.warnings) <= limits.MAX_WARNINGS + 1
    for sighting in reading.sightings:
        assert sighting.source == format_name
        assert ARXIV_ID.fullmatch(sighting.arxiv_id), sighting.arxiv_id
        assert limits.EARLIEST_DATE <= sighting.day <= TODAY + dt.timedelta(days=3)
        assert sighting.position >= 1
        assert sighting.votes is None or sighting.votes >= 0
        for text, limit in (
            (sighting.title, limits.MAX_TITLE_CHARS),
            (sighting.title_ko, limits.MAX_TITLE_CHARS),
            (sighting.abstract, limits.MAX_SUMMARY_CHARS),
        ):
            assert text is None or (0 < len(text) <= limit and is_clean(text))
        assert sum(map(len, sighting.summary)) <= limits.MAX_SUMMARY_CHARS
        assert len(sighting.authors) <= limits.MAX_AUTHORS
        assert all(0 < len(name) <= limits.MAX_AUTHOR_CHARS for name in sighting.authors)
        assert sighting.id_only == (format_name == "arxiv-ids")
        links = (sighting.links.github, sighting.links.project, sighting.links.hugging_face)
        assert all(link is None or link.startswith("http") for link in links)


@FAST
@given(ADAPTER, st.binary(max_size=2000), DAY)
def test_arbitrary_bytes(adapter: SourceAdapter, data: bytes, day: dt.date | None) -> None:
    outcome(adapter, data, day)


JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2503.00101",
            "arXiv:2503.00102v2",
            "hep-th/9901001",
            "2025-03-03",
            "1990-01-01",
            "2025-03-03T01:02:03Z",
            "https://github.com/x",
            "javascript:x",
            "번역 중 오류 발생",
        ]
    ),
)
KEYS = st.sampled_from(
    [
        "paper",
        "id",
        "title",
        "summary",
        "authors",
        "name",
        "upvotes",
        "publishedAt",
        "githubRepo",
        "projectPage",
        "ai_summary",
        "ai_keywords",
        "thumbnail",
        "numComments",
        "date",
        "papers",
        "arxiv_id",
        "rank",
        "category",
        "category_label",
        "upvote",
        "en_title",
        "ko_title",
        "one_liner",
        "hf_url",
        "arxiv_url",
    ]
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=6)),
    max_leaves=30,
)


@FAST
@given(ADAPTER, JSON_VALUE, DAY)
def test_json_shaped_like_the_formats(
    adapter: SourceAdapter, value: object, day: dt.date | None
) -> None:
    outcome(adapter, json.dumps(value, ensure_ascii=False).encode(), day)
    outcome(adapter, json.dumps([{"paper": value}]).encode(), day)
    outcome(adapter, json.dumps({"date": "2025-03-03", "papers": [value]}).encode(), day)


FEED_PIECES = st.sampled_from(
    [
        "<rss version='2.0'>",
        "<channel>",
        "</channel>",
        "<item>",
        "</item>",
        "<title>",
        "</title>",
        "<link>https://arxiv.org/abs/2503.00101</link>",
        "<description>",
        "arXiv:2503.00102v1 Announce Type: new Abstract: x",
        "</description>",
        "<pubDate>Mon, 03 Mar 2025 00:00:00 -0500</pubDate>",
        "<pubDate>nonsense</pubDate>",
        "<feed xmlns='http://www.w3.org/2005/Atom'>",
        "<entry>",
        "</entry>",
        "<id>http://arxiv.org/abs/2503.00103v2</id>",
        "<published>1900-01-01T00:00:00Z</published>",
        "<category term='cs.CL'/>",
        "<!DOCTYPE x>",
        "&amp;",
        "&lol;",
        "<![CDATA[",
        "]]>",
        "Title: A",
        "  continued",
        "arXiv:2401.01234",
        "\\\\",
        "[t](https://arxiv.org/abs/2401.",
        "</rss>",
        "</feed>",
        "\n",
        " ",
        "\x00",
        "\ud800",
        "한",
    ]
)


@FAST
@given(ADAPTER, st.lists(FEED_PIECES, max_size=40), DAY)
def test_text_made_of_the_formats_pieces(
    adapter: SourceAdapter, pieces: list[str], day: dt.date | None
) -> None:
    outcome(adapter, "".join(pieces).encode("utf-8", errors="surrogatepass"), day)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """A fixture and a mutation of it: bytes flipped, inserted or cut, lines dropped."""
    path = draw(st.sampled_from(sorted(FIXTURES)))
    data = bytearray(FIXTURES[path])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "truncate", "drop-line"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "truncate":
            del data[at:]
        else:
            lines = bytes(data).split(b"\n")
            del lines[at % max(len(lines), 1)]
            data = bytearray(b"\n".join(lines))
    return FIXTURES[path], bytes(data)


@FAST
@given(ADAPTER, mutated())
def test_mutated_fixtures(adapter: SourceAdapter, pair: tuple[bytes, bytes]) -> None:
    outcome(adapter, pair[1])


@FAST
@given(st.binary(max_size=2000))
def test_sniffing_only_ever_names_an_adapter_or_says_none_does(data: bytes) -> None:
    try:
        adapter = sniff(data, "fuzzed")
    except DigestError as error:
        assert error.source == "fuzzed"
        assert max(adapter.confidence(data) for adapter in ADAPTERS) < THRESHOLD
        return
    assert adapter.confidence(data) >= THRESHOLD
