"""Sniffing: every fixture is claimed by exactly its own adapter, from its content alone."""

from pathlib import Path

import pytest

from readinglist.core.digest import DigestError
from readinglist.core.sources.registry import (
    ADAPTERS,
    FORMATS,
    THRESHOLD,
    adapter_named,
    read_source,
    sniff,
)
from tests.helpers.paths import FIXTURES
from tests.helpers.sources import SOURCES, TODAY, fixture_files

FILES = fixture_files()


def test_the_formats_are_a_contract() -> None:
    assert FORMATS == (
        "daily-papers-md",
        "hf-daily-json",
        "gbdata365-json",
        "arxiv-feed",
        "arxiv-ids",
    )
    assert all(adapter_named(name).format == name for name in FORMATS)
    assert len({adapter.label for adapter in ADAPTERS}) == len(ADAPTERS)
    with pytest.raises(KeyError):
        adapter_named("pdf")


@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_fixture_is_claimed_by_its_own_format_only(path: Path) -> None:
    data = path.read_bytes()
    assert sniff(data, path.name).format == path.parent.name
    claims = {adapter.format: adapter.confidence(data) for adapter in ADAPTERS}
    own = claims.pop(path.parent.name)
    assert all(confidence < own for confidence in claims.values()), claims
    renamed = sniff(data, "digest.md")  # the name plays no part
    assert renamed.format == path.parent.name


def test_every_format_has_fixtures() -> None:
    assert {path.parent.name for path in FILES} == set(FORMATS)


def test_the_parsers_fixtures_are_markdown_digests() -> None:
    for path in sorted((FIXTURES / "digests").glob("*.md")):
        assert sniff(path.read_bytes(), path.name).format == "daily-papers-md", path.name


def test_the_shared_digests_are_markdown_digests(shared_corpus: Path) -> None:
    paths = sorted(shared_corpus.glob("*.md"))
    assert len([path for path in paths if path.name != "README.md"]) == 73
    for path in paths:
        if path.name != "README.md":
            assert sniff(path.read_bytes(), path.name).format == "daily-papers-md", path.name


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"hello world", b'{"a": 1}', b"<html></html>", b"\x00\x01\x02", b"[1, 2]"],
)
def test_what_no_format_claims_is_a_typed_error_naming_the_file(data: bytes) -> None:
    with pytest.raises(DigestError) as caught:
        sniff(data, "mystery.bin")
    assert str(caught.value) == "mystery.bin: not a digest in any format readinglist reads"
    assert all(adapter.confidence(data) < THRESHOLD for adapter in ADAPTERS)


def test_confidences_are_between_0_and_1() -> None:
    for path in FILES:
        for adapter in ADAPTERS:
            assert 0.0 <= adapter.confidence(path.read_bytes()) <= 1.0


def test_read_source_sniffs_unless_a_format_is_forced() -> None:
    data = (SOURCES / "hf-daily-json" / "2025-03-03.json").read_bytes()
    assert read_source(data, "a.json", today=TODAY).format == "hf-daily-json"
    forced = read_source(data, "a.json", format_name="arxiv-ids", today=TODAY)
    assert forced.format == "arxiv-ids"
    assert forced.by_id_only == len(forced.sightings) == 3
    with pytest.raises(DigestError, match="not a digest in any format"):
        read_source(b"hello", "a.txt")
    with pytest.raises(DigestError, match="not a Hugging Face daily papers list"):
        read_source(b"{}", "a.json", format_name="hf-daily-json")
