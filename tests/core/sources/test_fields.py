"""What every adapter does to a source's values: error summaries flagged, counts kept as
given (missing is None, never 0), languages told."""

import pytest

from readinglist.core.digest import Warnings
from readinglist.core.sources import fields
from readinglist.core.sources.sighting import Language
from readinglist.core.translatable import Message


@pytest.mark.parametrize(
    "bullets",
    [
        ("번역 중 오류 발생",),
        ("번역 중 오류가 발생했습니다.",),
        ("요약 실패",),
        ("요약 생성 실패: timeout",),
        ("오류: API 키가 없습니다",),
        ("Error: 429 Too Many Requests",),
        ("error occurred while summarizing",),
        ("***What's New***: 번역 중 오류 발생", "***Technical Details***: 번역 중 오류 발생"),
        ("**요약**: Error: rate limit exceeded",),
        ("503 Service Unavailable",),
        ("<!DOCTYPE html><html><head><title>502 Bad Gateway</title>",),
        ("Traceback (most recent call last): File x",),
        ("Failed to translate the abstract.",),
    ],
)
def test_generator_errors_are_flagged(bullets: tuple[str, ...]) -> None:
    assert fields.generator_error(bullets) == " ".join(bullets)


@pytest.mark.parametrize(
    "bullets",
    [
        ("특히 모델들은 독성이나 오류 발생(hallucinations)과 같은 행동을 나타낼 수 있습니다.",),
        ("***Technical Details***: LLM을 사용하여 오류 발생을 모의 실험합니다.",),
        ("**Error Analysis**: 모델의 실패 사례를 분류합니다.",),
        ("Error correction codes for quantum memories.",),
        ("요약하면 오류 정정 부호의 실패 확률을 줄입니다.",),
        ("번역 모델의 오류를 분석합니다.",),
        ("오류 " + "정정 " * 300,),  # an error message is short
        (),
    ],
)
def test_summaries_that_speak_of_errors_are_not_flagged(bullets: tuple[str, ...]) -> None:
    assert fields.generator_error(bullets) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("-", None),
        (True, None),
        (-3, None),
        (2**63, None),
        (1.5, None),
        (0, 0),
        ("0", 0),
        ("1,234", 1234),
        (42, 42),
    ],
)
def test_a_missing_number_is_none_never_zero(value: object, expected: int | None) -> None:
    assert fields.count(value) == expected


def test_languages() -> None:
    assert fields.language(["An English summary."]) is Language.ENGLISH
    assert fields.language(["Mixed: 한국어 and English"]) is Language.KOREAN
    assert fields.language(["", ""]) is None


def test_warnings_past_the_limit_are_counted_once() -> None:
    notes = Warnings()
    for index in range(25):
        notes.add(index, Message("w"))
    kept = notes.all()
    assert len(kept) == 21
    assert kept[-1].message == "and 5 more warnings"
    closed = Warnings(kept)
    closed.add(1, Message("late"))
    assert closed.all() == kept  # a list that already ends with its count stays as it is
