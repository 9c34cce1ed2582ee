"""`hf-daily-json` and `gbdata365-json`: fields, missing fields (None, never 0), Korean text,
days, and their typed errors."""

import datetime as dt
import json
import time

import pytest

from readinglist.core.digest import MAX_AUTHORS, MAX_TITLE_CHARS, DigestError, MediaKind
from readinglist.core.sources.registry import adapter_named
from readinglist.core.sources.sighting import Language, Reading
from tests.helpers.sources import THUMBNAIL, TODAY, paper_links, read_error, read_fixture

HF = "hf-daily-json"
GB = "gbdata365-json"


def hf_item(**paper: object) -> dict[str, object]:
    return {"paper": {"id": "2503.00101", "title": "T", **paper}}


def read_hf(items: object, day: dt.date | None = None) -> Reading:
    data = json.dumps(items).encode()
    return adapter_named(HF).read(data, "day.json", day=day, today=TODAY)


def test_a_hugging_face_day_with_every_field() -> None:
    reading = read_fixture(HF, "2025-03-03.json")
    full, no_votes, zero_votes = reading.sightings
    assert (full.source, full.arxiv_id, full.position, full.line) == (HF, "2503.00101", 1, None)
    assert full.day == dt.date(2025, 3, 3)  # the list's publishedAt, not the paper's
    assert full.title == "Plain Bullets: Learning to Fold Paper Cranes"
    assert full.authors == ("Hana Kim", "Ivo Petrov")
    assert full.abstract == (
        "We train a robot arm to fold paper cranes with reinforcement learning."
    )  # the paper's own, its line break a space
    assert full.summary == ("A robot arm learns to fold paper cranes from shape rewards.",)
    assert full.summary_language is Language.ENGLISH
    assert (full.votes, full.comments) == (12, 2)
    assert full.keywords == ("reinforcement learning", "robotics", "origami")
    assert full.media == THUMBNAIL
    assert full.links == paper_links(
        "2503.00101",
        github="https://github.com/example/cranes",
        project="https://cranes.example.org",
    )
    assert (no_votes.votes, no_votes.comments, no_votes.media) == (None, 0, None)
    assert no_votes.title == "Sparse Lanterns: 희소 어텐션"
    assert no_votes.authors == ("박에이다",)
    assert (no_votes.summary, no_votes.summary_error) == ((), "Error: 429 Too Many Requests")
    assert (no_votes.links.github, no_votes.links.project) == (None, None)
    assert (zero_votes.votes, zero_votes.comments, zero_votes.abstract) == (0, None, None)
    assert zero_votes.media is not None and zero_votes.media.kind is MediaKind.VIDEO
    flagged, left_out = (warning.message for warning in reading.warnings)
    assert "2503.00102" in flagged
    assert left_out == "entry 4 has no arXiv id: left out"


def test_the_day_given_wins_over_the_items_and_today_is_the_last_resort() -> None:
    items = [hf_item(), {"paper": {"id": "2503.00102"}, "publishedAt": "2025-03-02T23:30:00-05:00"}]
    assert read_hf(items).days == (TODAY, dt.date(2025, 3, 3))  # UTC date of the time
    assert read_hf(items, day=dt.date(2025, 3, 1)).days == (dt.date(2025, 3, 1),)
    dated = [hf_item(publishedAt="2025-02-27T10:00:00Z")]  # only the paper's date
    assert read_hf(dated).days == (dt.date(2025, 2, 27),)


def test_an_empty_day_and_odd_values() -> None:
    assert read_fixture(HF, "empty_day.json").sightings == ()
    odd = read_hf(
        [
            hf_item(upvotes=True, authors=[{"name": 3}, "x", {"name": " Ada "}], title=["x"]),
            hf_item(upvotes=-1, githubRepo="javascript:alert(1)", ai_keywords="not a list"),
            hf_item(upvotes=2**70, projectPage="https://x.org/" + "a" * 3000),
        ]
    )
    first, second, third = odd.sightings
    assert (first.votes, first.authors, first.title) == (None, ("Ada",), None)
    assert (second.votes, second.links.github, second.keywords) == (None, None, ())
    assert (third.votes, third.links.project) == (None, None)
    assert any("link is 3,014 characters" in warning.message for warning in odd.warnings)


def test_fields_past_the_limits_are_cut_with_a_warning() -> None:
    names = [{"name": f"Author {index}"} for index in range(MAX_AUTHORS + 10)]
    reading = read_hf([hf_item(title="T" * (MAX_TITLE_CHARS + 5), authors=names)])
    (sighting,) = reading.sightings
    assert len(sighting.title or "") == MAX_TITLE_CHARS
    assert len(sighting.authors) == MAX_AUTHORS
    assert len(reading.warnings) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{}", "not a Hugging Face daily papers list: no JSON array"),
        (b'[{"paper": ', "not JSON: Expecting value"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply to be a digest"),
        (b"[" + b"1" * 5000 + b"]", "not JSON: Exceeds the limit"),
        (b"\x00\x01[]", "this is a binary file, not a Markdown digest"),
    ],
)
def test_hugging_face_errors(data: bytes, message: str) -> None:
    assert read_error(HF, data).message.startswith(message)


def test_an_impossible_day_is_refused() -> None:
    future = json.dumps([hf_item(publishedAt="2030-01-01T00:00:00Z")]).encode()
    assert "'2030-01-01' is not a possible digest date" in read_error(HF, future).message
    with pytest.raises(DigestError, match="'1990-01-01' is not a possible digest date"):
        read_hf([hf_item()], day=dt.date(1990, 1, 1))


def test_a_gbdata365_day_with_korean_titles_and_suggested_tags() -> None:
    reading = read_fixture(GB, "2025-03-03.json")
    first, failed, sparse = reading.sightings
    assert reading.days == (dt.date(2025, 3, 3),)
    assert (first.arxiv_id, first.position, first.votes) == ("2503.00101", 1, 12)
    assert (first.title, first.title_ko) == (
        "Plain Bullets: Learning to Fold Paper Cranes",
        "종이학 접기 학습",
    )
    assert first.summary == ("로봇 팔이 모양 보상으로 종이학 접기를 배웁니다.",)
    assert first.summary_language is Language.KOREAN
    assert first.suggested_tags == ("로보틱스",)  # the label, offered, never applied
    assert first.links.hugging_face == "https://huggingface.co/papers/2503.00101"
    assert (failed.arxiv_id, failed.votes, failed.suggested_tags) == ("2503.00102", None, ("llm",))
    assert (failed.summary, failed.summary_error) == ((), "요약 실패")
    assert (sparse.title, sparse.title_ko, sparse.votes) == ("그래디언트의 속삭임",) * 2 + (0,)
    assert (sparse.summary_language, sparse.suggested_tags) == (None, ())
    assert [warning.message for warning in reading.warnings] == [
        "the summary of 2503.00102 is an error message of the digest's generator, "
        "not a summary: not kept as its summary"
    ]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], 'not a list of daily papers: no "papers" array'),
        ({"date": "2025-03-03", "papers": {}}, 'not a list of daily papers: no "papers" array'),
        ({"papers": []}, 'the file does not say which day it is of: no "date"'),
        ({"date": "yesterday", "papers": []}, "'yesterday' is not a date as YYYY-MM-DD"),
        ({"date": "2030-01-01", "papers": []}, "'2030-01-01' is not a possible digest date"),
    ],
)
def test_gbdata365_errors(document: object, message: str) -> None:
    assert read_error(GB, json.dumps(document).encode()).message.startswith(message)


def test_a_gbdata365_file_without_a_date_takes_the_day_given() -> None:
    data = json.dumps({"papers": [{"arxiv_id": "2503.00101"}]}).encode()
    reading = adapter_named(GB).read(data, "x.json", day=dt.date(2025, 3, 1), today=TODAY)
    assert reading.days == (dt.date(2025, 3, 1),)
    assert reading.sightings[0].title is None


def test_a_large_list_reads_in_linear_time() -> None:
    """The process's own CPU time, not the clock's: other processes on a busy machine (a CI
    run beside two busy loops: 0.96 s against 30 x 0.025) do not count against it."""

    def seconds(count: int) -> float:
        data = json.dumps([hf_item(id=f"2503.{index:05d}") for index in range(count)]).encode()
        start = time.process_time()
        adapter_named(HF).read(data, "big.json", day=TODAY, today=TODAY)
        return time.process_time() - start

    small, large = min(seconds(2_000) for _ in range(3)), min(seconds(20_000) for _ in range(3))
    assert large < 30 * small  # 10x the items: linear is 10x, quadratic 100x
