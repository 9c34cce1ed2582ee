"""The hand-written fixtures of each source format (tests/fixtures/sources/FORMAT/…)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from readinglist.core.digest import DigestError, Media, MediaKind
from readinglist.core.sources.registry import adapter_named
from readinglist.core.sources.sighting import Links, Reading
from tests.helpers.paths import FIXTURES

SOURCES = FIXTURES / "sources"
TODAY = dt.date(2025, 3, 5)


def fixture_files() -> list[Path]:
    """Every fixture, in the folder named after the format it is written in."""
    return sorted(path for path in SOURCES.rglob("*") if path.is_file())


def read_fixture(format_name: str, name: str, day: dt.date | None = None) -> Reading:
    data = (SOURCES / format_name / name).read_bytes()
    return adapter_named(format_name).read(data, name, day=day, today=TODAY)


def read_error(format_name: str, data: bytes, source: str = "bad") -> DigestError:
    """The typed error the format gives for `data`, checked to name the file."""
    with pytest.raises(DigestError) as caught:
        adapter_named(format_name).read(data, source, today=TODAY)
    assert caught.value.source == source
    assert str(caught.value).startswith(source)
    return caught.value


THUMBNAIL = Media(
    MediaKind.IMAGE,
    "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2503.00101.png",
)


def paper_links(arxiv_id: str, **source_links: str) -> Links:
    """The links every sighting of `arxiv_id` has, and those its source added."""
    return Links(
        arxiv=f"https://arxiv.org/abs/{arxiv_id}",
        pdf=source_links.pop("pdf", f"https://arxiv.org/pdf/{arxiv_id}"),
        hugging_face=f"https://huggingface.co/papers/{arxiv_id}",
        **source_links,
    )


def hf_paper(
    arxiv_id: str,
    title: str,
    *,
    upvotes: int | None = None,
    abstract: str | None = None,
    github: str | None = None,
    ai_summary: str | None = None,
) -> dict[str, object]:
    """One item of Hugging Face's daily papers list, with only the fields given."""
    given = {
        "upvotes": upvotes,
        "summary": abstract,
        "githubRepo": github,
        "ai_summary": ai_summary,
    }
    paper = {"id": arxiv_id, "title": title, **{k: v for k, v in given.items() if v is not None}}
    return {"paper": paper, "title": title}


def hf_day(day: str, *items: dict[str, object]) -> str:
    """A day of Hugging Face's daily papers as its API gives it (`hf-daily-json`)."""
    stamped = [{**item, "publishedAt": f"{day}T01:00:00.000Z"} for item in items]
    return json.dumps(stamped, ensure_ascii=False, indent=1)


def several_sightings(folder: Path) -> list[Path]:
    """Files in which 2503.00101 (Plain Bullets) is seen in three sources and on three days:
    the fixtures of 2025-03-03 (Markdown, Hugging Face, gbdata365), then Hugging Face's
    2025-03-04 and 2025-03-06 with more upvotes."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for format_name, name in (
        ("daily-papers-md", "three_styles.md"),
        ("hf-daily-json", "2025-03-03.json"),
        ("gbdata365-json", "2025-03-03.json"),
    ):
        path = folder / f"{format_name}-{name}"
        path.write_bytes((SOURCES / format_name / name).read_bytes())
        paths.append(path)
    title = "Plain Bullets: Learning to Fold Paper Cranes"
    for day, upvotes in (("2025-03-04", 25), ("2025-03-06", 40)):
        path = folder / f"hf-{day}.json"
        path.write_text(hf_day(day, hf_paper("2503.00101", title, upvotes=upvotes)))
        paths.append(path)
    return paths
