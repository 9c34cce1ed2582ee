"""`daily-papers-md`: the parser's digests as sightings, every behaviour of the parser kept."""

import csv
import datetime as dt
from pathlib import Path

from readinglist.core.parser import parse_digest
from readinglist.core.sources.markdown import reading_of
from readinglist.core.sources.registry import adapter_named, sniff
from readinglist.core.sources.sighting import Language
from tests.helpers.paths import FIXTURES
from tests.helpers.sources import THUMBNAIL, paper_links, read_error, read_fixture

FORMAT = "daily-papers-md"


def test_the_three_summary_styles_and_what_each_entry_said() -> None:
    reading = read_fixture(FORMAT, "three_styles.md")
    plain, bold, triple, english, failed = reading.sightings
    assert reading.days == (dt.date(2025, 3, 3),)
    assert (plain.source, plain.arxiv_id, plain.position, plain.line) == (
        FORMAT,
        "2503.00101",
        1,
        3,
    )
    assert plain.title == "Plain Bullets: Learning to Fold Paper Cranes"
    assert plain.authors == ("Hana Kim", "Ivo Petrov")
    assert plain.votes == 12
    assert (plain.media, plain.links) == (THUMBNAIL, paper_links("2503.00101"))
    assert plain.summary == (
        "로봇 팔이 종이학을 접도록 강화학습으로 훈련합니다.",
        "보상은 완성된 모양과 목표 모양의 차이입니다.",
    )
    assert plain.summary_language is Language.KOREAN
    assert bold.summary[0] == "**What's New**: 희소 어텐션을 제안합니다."
    assert bold.votes == 0
    assert [bullet.split(":")[0] for bullet in triple.summary] == [
        "***What's New***",
        "***Technical Details***",
        "***Performance Highlights***",
    ]
    assert triple.arxiv_id == "2503.00103"  # the link's v2 dropped
    assert (triple.votes, triple.authors_truncated) == (None, True)  # no vote line: not 0
    assert english.summary_language is Language.ENGLISH
    assert (failed.summary, failed.summary_language) == ((), None)
    assert failed.summary_error == "번역 중 오류 발생: 요청 시간이 초과되었습니다."
    (warning,) = reading.warnings
    assert (warning.line, "2503.00105" in warning.message) == (failed.line, True)
    assert not any(sighting.id_only or sighting.abstract for sighting in reading.sightings)


def test_every_digest_fixture_reads_as_the_parser_reads_it() -> None:
    for path in sorted((FIXTURES / "digests").glob("*.md")):
        if path.name == "two_dates.md":
            continue
        digest = parse_digest(path.read_bytes(), path.name, dt.date(2025, 3, 5))
        reading = adapter_named(FORMAT).read(
            path.read_bytes(), path.name, today=dt.date(2025, 3, 5)
        )
        assert reading == reading_of(digest)
        assert reading.warnings[: len(digest.warnings)] == digest.warnings
        assert [(s.arxiv_id, s.position, s.line) for s in reading.sightings] == [
            (e.arxiv_id, e.position, e.line) for e in digest.entries
        ]


def test_the_parsers_errors_are_the_adapters() -> None:
    error = read_error(FORMAT, (FIXTURES / "digests" / "two_dates.md").read_bytes(), "two.md")
    assert "a second digest" in error.message
    assert read_error(FORMAT, b"", "empty.md").message == "the file is empty"


def test_the_shared_digests_give_their_manifest_counts_and_the_parsers_warnings(
    shared_corpus: Path,
) -> None:
    with (shared_corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    assert len(rows) == 73
    for row in rows:
        data = (shared_corpus / row["file"]).read_bytes()
        adapter = sniff(data, row["file"])
        assert adapter.format == FORMAT, row["file"]
        reading = adapter.read(data, row["file"])
        digest = parse_digest(data, row["file"])
        assert len(reading.sightings) == int(row["entries"]), row["file"]
        assert reading.days in ((), (dt.date.fromisoformat(row["header_date"]),))
        assert reading.warnings == digest.warnings, row["file"]  # no summary flagged
        assert {s.summary_language for s in reading.sightings} <= {Language.KOREAN}
