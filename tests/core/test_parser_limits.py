"""What a digest may hold: possible dates, fields of a sane size, URLs with nothing hidden.

An impossible date refuses the file at its header line; an oversized field is cut (or a
URL dropped) and the paper kept, with a warning that names the line.
"""

import datetime as dt

import pytest

from readinglist.core import digest as limits
from readinglist.core.digest import Digest, DigestError, MediaKind
from readinglist.core.parser import parse_digest
from tests.helpers.digests import FakeEntry, digest_text

TODAY = dt.date(2025, 6, 1)
LINK = "https://arxiv.org/abs/2401.00001"


def parse(text: str, today: dt.date = TODAY) -> Digest:
    return parse_digest(text.encode("utf-8"), "d.md", today=today)


def one_paper(*lines: str, heading: str = f"### [A Title]({LINK})") -> str:
    return "\n".join(["## Daily Papers (2024-03-01)", "", heading, "", *lines]) + "\n"


# --- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        dt.date.max,
        dt.date.min,
        limits.EARLIEST_DATE - dt.timedelta(days=1),
        TODAY + dt.timedelta(days=limits.MAX_DAYS_AHEAD + 1),
    ],
)
def test_an_impossible_date_is_refused_at_its_line(day: dt.date) -> None:
    text = "Some notes\n\n" + digest_text(day, [FakeEntry("2401.00001")])

    with pytest.raises(DigestError) as raised:
        parse(text)

    assert raised.value.line == 3
    assert f"'{day.isoformat()}' is not a possible digest date" in raised.value.message
    assert limits.EARLIEST_DATE.isoformat() in raised.value.message


@pytest.mark.parametrize(
    "day",
    [
        limits.EARLIEST_DATE,
        TODAY,
        TODAY + dt.timedelta(days=limits.MAX_DAYS_AHEAD),
        dt.date(2024, 3, 1),
    ],
)
def test_possible_dates_are_read(day: dt.date) -> None:
    assert parse(digest_text(day, [FakeEntry("2401.00001")])).date == day


def test_today_is_the_local_day_by_default() -> None:
    later = dt.date.today() + dt.timedelta(days=limits.MAX_DAYS_AHEAD + 1)
    with pytest.raises(DigestError, match="not a possible digest date"):
        parse_digest(digest_text(later, [FakeEntry("2401.00001")]).encode())


# --- oversized fields ---------------------------------------------------------------


def test_a_title_of_200_kb_is_cut_with_a_warning() -> None:
    title = "Long " * 39_999 + "Title"

    digest = parse(one_paper("- fine", heading=f"### [{title}]({LINK})"))

    (entry,) = digest.entries
    assert len(entry.title) == limits.MAX_TITLE_CHARS and entry.title.endswith("…")
    assert title.startswith(entry.title[:-1])
    (warning,) = digest.warnings
    assert warning.line == 3
    assert "the title is 200,000 characters long" in warning.message
    assert f"kept its first {limits.MAX_TITLE_CHARS:,}" in warning.message


def test_a_long_summary_keeps_its_first_characters() -> None:
    bullets = [f"- {'요약 ' * 5_000}" for _ in range(4)] + ["continued"] * 10

    digest = parse(one_paper("Vote: 3", *bullets))

    (entry,) = digest.entries
    assert sum(len(bullet) for bullet in entry.summary) == limits.MAX_SUMMARY_CHARS
    assert entry.summary[-1].endswith("…") and len(entry.summary) == 2
    (warning,) = digest.warnings
    assert warning.line == 7  # where it went past the limit
    assert "the summary is longer than" in warning.message


def test_a_summary_of_many_short_lines_is_cut_too() -> None:
    digest = parse(one_paper(*["- a bullet"] * 10_000))

    assert sum(len(b) for b in digest.entries[0].summary) <= limits.MAX_SUMMARY_CHARS
    assert len(digest.warnings) == 1


@pytest.mark.parametrize("length", [limits.MAX_URL_CHARS + 1, 100_000, 1_000_000])
def test_a_teaser_link_too_long_is_dropped_and_the_paper_kept(length: int) -> None:
    url = "https://cdn.example.org/" + "a" * (length - 28) + ".png"
    assert len(url) == length

    digest = parse(one_paper(f"![]({url})", "", "![](https://cdn.example.org/b.png)", "- ok"))

    (entry,) = digest.entries
    assert entry.media is None  # the paper keeps no teaser, not a later one
    assert entry.summary == ("ok",)
    (warning,) = digest.warnings
    assert warning.line == 5
    assert f"the teaser link is {length:,} characters long" in warning.message


def test_a_teaser_link_at_the_limit_is_kept() -> None:
    url = "https://cdn.example.org/" + "a" * (limits.MAX_URL_CHARS - 28) + ".mp4"

    digest = parse(one_paper(f"![]({url})"))

    media = digest.entries[0].media
    assert media is not None and media.url == url and media.kind is MediaKind.VIDEO
    assert digest.warnings == ()


def test_a_paper_link_too_long_becomes_the_plain_arxiv_link() -> None:
    url = f"{LINK}?ref={'x' * 100_000}"

    digest = parse(one_paper("- ok", heading=f"### [T]({url})"))

    (entry,) = digest.entries
    assert (entry.arxiv_id, entry.url) == ("2401.00001", LINK)
    (warning,) = digest.warnings
    assert warning.line == 3
    assert f"the paper link is {len(url):,} characters long" in warning.message


def test_too_many_authors_are_cut_and_marked_as_more() -> None:
    names = [f"Author {number}" for number in range(limits.MAX_AUTHORS + 500)]

    for line in ("Authors: " + ", ".join(names), "Authors: " + repr(names)):
        digest = parse(one_paper(line))

        (entry,) = digest.entries
        assert entry.authors == tuple(names[: limits.MAX_AUTHORS])
        assert entry.authors_truncated
        (warning,) = digest.warnings
        assert warning.line == 5 and f"more than {limits.MAX_AUTHORS:,} authors" in warning.message


def test_an_author_name_too_long_is_cut() -> None:
    digest = parse(one_paper(f"Authors: Ada Lovelace, {'Q' * 10_000}, Alan Turing"))

    (entry,) = digest.entries
    assert entry.authors[0] == "Ada Lovelace" and entry.authors[2] == "Alan Turing"
    assert len(entry.authors[1]) == limits.MAX_AUTHOR_CHARS and entry.authors[1].endswith("…")
    assert "an author's name is 10,000 characters long" in digest.warnings[0].message


def test_warnings_are_counted_past_the_first_ones() -> None:
    long_title = "T" * (limits.MAX_TITLE_CHARS + 1)
    entries = [f"### [{long_title}](https://arxiv.org/abs/2401.{n:05d})" for n in range(500)]

    digest = parse("## Daily Papers (2024-03-01)\n" + "\n".join(entries))

    assert len(digest.entries) == 500
    assert len(digest.warnings) == limits.MAX_WARNINGS + 1
    assert digest.warnings[-1].line is None
    assert f"and {500 - limits.MAX_WARNINGS} more warnings" in digest.warnings[-1].message


# --- URLs with hidden characters ----------------------------------------------------


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        (f"{LINK}#\x1b]0;pwned\x07", f"{LINK}#%1B]0;pwned"),  # the ends stripped
        (f"{LINK}?a=\u202eb", f"{LINK}?a=%E2%80%AEb"),
        (f"\ufeff{LINK}\x01 ", LINK),
        (f"{LINK}#a\tb\u3000c", f"{LINK}#ab%E3%80%80c"),
    ],
)
def test_a_paper_link_keeps_no_control_or_invisible_character(written: str, stored: str) -> None:
    digest = parse(one_paper("- ok", heading=f"### [T]({written})"))

    assert digest.entries[0].url == stored


@pytest.mark.parametrize(
    ("line", "stored"),
    [
        ("![](https://x.org/a\x1b[2Jb.png)", "https://x.org/a%1B[2Jb.png"),
        ('<video src="https://x.org/a b\x85.mp4">', "https://x.org/a%20b%C2%85.mp4"),
        ("[Watch Video](https://x.org/\u200bv.mp4)", "https://x.org/%E2%80%8Bv.mp4"),
    ],
)
def test_a_teaser_link_keeps_no_control_or_invisible_character(line: str, stored: str) -> None:
    media = parse(one_paper(line)).entries[0].media

    assert media is not None and media.url == stored
