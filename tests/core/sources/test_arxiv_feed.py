"""`arxiv-feed`: RSS 2.0 listings and API Atom responses; DTDs and entities refused."""

import datetime as dt
import time

import pytest

from readinglist.core.sources.registry import adapter_named
from tests.helpers.sources import TODAY, paper_links, read_error, read_fixture

FORMAT = "arxiv-feed"
RSS = (
    '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<channel><pubDate>Mon, 03 Mar 2025 00:00:00 -0500</pubDate>{items}</channel></rss>"
)


def test_an_rss_listing() -> None:
    reading = read_fixture(FORMAT, "cs_cl_rss.xml")
    new, old_style = reading.sightings
    assert reading.days == (dt.date(2025, 3, 3),)  # the announce date, as the feed wrote it
    assert (new.source, new.arxiv_id, new.position) == (FORMAT, "2503.00101", 1)
    assert new.title == "Plain Bullets: Learning to Fold Paper Cranes"  # wrapped line joined
    assert new.abstract == "We train a robot arm to fold paper cranes with reinforcement learning."
    assert new.authors == ("Hana Kim", "Ivo Petrov")
    assert new.categories == ("cs.RO", "cs.LG")
    assert (new.votes, new.summary, new.summary_language, new.media) == (None, (), None, None)
    assert (old_style.arxiv_id, old_style.authors) == ("hep-th/9901001", ("Jürgen Müller",))
    assert old_style.abstract == "Strings & lattices, revisited."
    assert [warning.message for warning in reading.warnings] == [
        "entry 3 has no arXiv id: left out"
    ]


def test_an_atom_response() -> None:
    reading = read_fixture(FORMAT, "api_atom.xml")
    first, second = reading.sightings
    assert (first.arxiv_id, first.day) == ("2503.00102", dt.date(2025, 2, 28))  # published
    assert first.title == "Sparse Lanterns: Attention That Glows"
    assert first.abstract == (
        "Sparse attention that glows where it matters. We learn a brightness score per token."
    )
    assert first.authors == ("Ada Park", "Bruno Costa")
    assert first.categories == ("cs.CL", "cs.LG")
    assert first.links == paper_links("2503.00102", pdf="http://arxiv.org/pdf/2503.00102v1")
    assert (second.arxiv_id, second.day) == ("2503.00103", dt.date(2025, 3, 4))  # feed updated
    assert second.links.pdf == "https://arxiv.org/pdf/2503.00103"
    assert reading.warnings == ()


def test_an_item_without_a_date_takes_the_day_given() -> None:
    data = b'<rss version="2.0"><channel><item><link>https://arxiv.org/abs/2503.00101</link>'
    reading = adapter_named(FORMAT).read(
        data + b"</item></channel></rss>", "f.xml", day=dt.date(2025, 3, 1), today=TODAY
    )
    assert reading.days == (dt.date(2025, 3, 1),)
    assert (reading.sightings[0].title, reading.sightings[0].abstract) == (None, None)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><item><title>&lol3;</title></item></channel></rss>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&secret;</title></item></channel></rss>"""
PARAMETER = b"""<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">
<rss version="2.0"><channel/></rss>"""


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (BILLION_LAUGHS, 2),
        (EXTERNAL, 2),
        (PARAMETER, 1),
        (BILLION_LAUGHS.decode().encode("utf-16"), 2),  # not hidden by another encoding
        (BILLION_LAUGHS.replace(b"DOCTYPE", b"doctype"), 2),
    ],
)
def test_dtds_and_entities_are_refused_before_parsing(data: bytes, line: int) -> None:
    start = time.process_time()  # this process's work, not the other processes' on the cores
    error = read_error(FORMAT, data)
    assert error.message.startswith("the feed declares a DTD or entities")
    assert error.line == line
    assert time.process_time() - start < 1


def test_an_undeclared_entity_is_an_error_not_a_lookup() -> None:
    data = RSS.format(items="<item><title>&nbsp;&secret;</title></item>").encode()
    error = read_error(FORMAT, data)
    assert error.message == "not well-formed XML: undefined entity"
    assert error.line == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<rss><channel>", "not well-formed XML: no element found"),
        (b"<html><body>arxiv</body></html>", "not an RSS or Atom feed"),
        (b"<feed/>", "not an RSS or Atom feed"),  # no Atom namespace
    ],
)
def test_feed_errors(data: bytes, message: str) -> None:
    assert read_error(FORMAT, data).message == message


def test_deep_nesting_and_many_items_read_in_linear_time() -> None:
    deep = RSS.format(items="<x>" * 200_000 + "</x>" * 200_000).encode()
    assert adapter_named(FORMAT).read(deep, "deep.xml", today=TODAY).sightings == ()

    def seconds(count: int) -> float:
        item = "<item><link>https://arxiv.org/abs/2503.{:05d}</link><title>T</title></item>"
        data = RSS.format(items="".join(item.format(index) for index in range(count))).encode()
        start = time.process_time()  # as the JSON sources' linear-time test
        assert len(adapter_named(FORMAT).read(data, "f.xml", today=TODAY).sightings) == count
        return time.process_time() - start

    small, large = min(seconds(2_000) for _ in range(3)), min(seconds(20_000) for _ in range(3))
    assert large < 30 * small
