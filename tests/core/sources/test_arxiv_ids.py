"""`arxiv-ids`: the papers any text names, by id only, titles where they can be told."""

import datetime as dt

import pytest

from readinglist.core.sources.registry import adapter_named
from readinglist.core.sources.sighting import Reading
from tests.helpers.sources import TODAY, read_error, read_fixture

FORMAT = "arxiv-ids"


def read_text(text: str) -> Reading:
    return adapter_named(FORMAT).read(text.encode(), "notes.txt", today=TODAY)


def test_a_listing_email() -> None:
    reading = read_fixture(FORMAT, "listing_email.txt", day=dt.date(2025, 3, 3))
    first, old_style = reading.sightings
    assert (first.arxiv_id, first.position, first.line, first.day) == (
        "2503.00101",
        1,
        6,
        dt.date(2025, 3, 3),
    )
    assert first.title == "Plain Bullets: Learning to Fold Paper Cranes"  # continued line
    assert first.authors == ("Hana Kim", "Ivo Petrov")
    assert first.categories == ("cs.RO", "cs.LG")
    assert old_style.arxiv_id == "hep-th/9901001"
    assert old_style.title == "Strings on a Lattice"
    assert reading.by_id_only == 2
    assert (first.votes, first.summary, first.abstract) == (None, (), None)


def test_notes_in_markdown() -> None:
    reading = read_fixture(FORMAT, "notes.md")
    assert [(s.arxiv_id, s.title) for s in reading.sightings] == [
        ("2503.00102", "희소 등불: Sparse Lanterns"),
        ("2503.00103", None),
        ("2401.01234", None),
        ("2312.08723", None),
        ("2503.00101", None),  # a link whose text is only the id gives no title
    ]
    assert reading.days == (TODAY,)
    assert reading.by_id_only == len(reading.sightings)
    assert all(s.links.pdf == f"https://arxiv.org/pdf/{s.arxiv_id}" for s in reading.sightings)


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("see 0704.0001 and 1412.9999", ["0704.0001", "1412.9999"]),
        ("1501.0001 has too few digits, 1501.00001 not", ["1501.00001"]),
        ("arXiv:2401.01234v3, ARXIV: 2401.01235", ["2401.01234", "2401.01235"]),
        ("arXiv:math.GT/0309136 and hep-th/9901001 bare", ["math.GT/0309136"]),
        ("v1.2401.01234 x2401.01234 2401.01234.5 2413.01234 2400.01234", []),
        ("<https://export.arxiv.org/abs/2401.01234v2>", ["2401.01234"]),
    ],
)
def test_what_counts_as_an_id(text: str, ids: list[str]) -> None:
    if not ids:
        assert read_error(FORMAT, text.encode()).message.startswith("no arXiv ids in it")
        return
    assert [s.arxiv_id for s in read_text(text).sightings] == ids


def test_a_paper_named_twice_is_one_sighting_at_its_first_mention() -> None:
    reading = read_text("2401.01234\n\n[A Title](https://arxiv.org/pdf/2401.01234v1)\n")
    (only,) = reading.sightings
    assert (only.line, only.title) == (1, "A Title")
