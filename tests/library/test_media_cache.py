"""The teaser cache and the body checks, without Qt: LRU by last use, atomic entries, and
bodies that are not whole media of the promised kind turned away."""

import os
from pathlib import Path

import pytest

from readinglist.core.digest import MediaKind
from readinglist.core.media_format import BodyFormat, media_format, sniff
from readinglist.library.location import CACHE_ENV, default_cache_folder
from readinglist.library.media_cache import MediaCache

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20 + b"IEND\xaeB`\x82"
MP4 = (
    (16).to_bytes(4, "big") + b"ftypisom" + b"\0" * 4 + (12).to_bytes(4, "big") + b"moov" + b"abcd"
)


def set_last_use(path: Path, seconds: int) -> None:
    os.utime(path, (seconds, seconds))


def test_an_entry_round_trips_under_a_hashed_name(tmp_path: Path) -> None:
    cache = MediaCache(tmp_path / "media")
    url = "https://cdn.example.org/a/teaser.PNG?x=1"

    assert cache.get(url) is None
    assert not (tmp_path / "media").exists()  # nothing is made before something is stored
    path = cache.put(url, b"body")

    assert cache.get(url) == path and path.read_bytes() == b"body"
    assert path.parent == tmp_path / "media" and path.suffix == ".png"
    assert "teaser" not in path.name  # the name says nothing about the address
    assert [p.name for p in (tmp_path / "media").iterdir()] == [path.name]  # no temp file left


def test_reading_an_entry_marks_it_as_just_used(tmp_path: Path) -> None:
    cache = MediaCache(tmp_path)
    path = cache.put("https://e.org/a.png", b"a")
    set_last_use(path, 1_000)

    cache.get("https://e.org/a.png")

    assert path.stat().st_mtime > 1_000


def test_the_least_recently_used_entries_are_evicted_over_the_limit(tmp_path: Path) -> None:
    cache = MediaCache(tmp_path, limit_bytes=30)
    urls = [f"https://e.org/{name}.png" for name in "abc"]
    for age, url in enumerate(urls):
        set_last_use(cache.put(url, b"x" * 10), 1_000 + age)
    cache.get(urls[0])  # a is used again: b is now the least recently used

    cache.put("https://e.org/d.png", b"x" * 10)

    assert [cache.contains(url) for url in urls] == [True, False, True]
    assert cache.contains("https://e.org/d.png")
    assert cache.size_bytes() == 30


def test_an_entry_larger_than_the_limit_is_kept_until_the_next_one(tmp_path: Path) -> None:
    cache = MediaCache(tmp_path, limit_bytes=10)
    cache.put("https://e.org/small.png", b"x" * 5)

    big = cache.put("https://e.org/big.mp4", b"x" * 50)

    assert big.is_file() and not cache.contains("https://e.org/small.png")


def test_a_failed_write_leaves_no_trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = MediaCache(tmp_path)

    def broken_fsync(_: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        cache.put("https://e.org/a.png", b"body")

    assert list(tmp_path.iterdir()) == []


def test_stale_temporary_files_are_swept(tmp_path: Path) -> None:
    cache = MediaCache(tmp_path)
    stale, fresh = tmp_path / ".old.part", tmp_path / ".new.part"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    set_last_use(stale, 1_000)

    cache.put("https://e.org/a.png", b"body")

    assert not stale.exists() and fresh.exists()  # another process may be writing that one
    assert cache.size_bytes() == 4  # temporary files are not entries


def test_the_cache_folder_can_be_chosen_by_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    assert default_cache_folder() == tmp_path / "elsewhere"
    monkeypatch.delenv(CACHE_ENV)
    assert default_cache_folder().name == "media"
    assert "readinglist" in default_cache_folder().parts[-2]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (PNG, BodyFormat.PNG),
        (b"\xff\xd8\xff\xe0JFIF\xff\xd9", BodyFormat.JPEG),
        (b"GIF89a...;", BodyFormat.GIF),
        (b"RIFF\x04\0\0\0WEBP", BodyFormat.WEBP),
        (MP4, BodyFormat.ISO_MEDIA),
        (b"\x1a\x45\xdf\xa3webm", BodyFormat.MATROSKA),
        (b"<!doctype html><title>404</title>", None),
        (b"", None),
    ],
)
def test_sniffing_reads_the_first_bytes(body: bytes, found: BodyFormat | None) -> None:
    assert sniff(body) == found


@pytest.mark.parametrize(
    ("kind", "body", "accepted"),
    [
        (MediaKind.IMAGE, PNG, True),
        (MediaKind.IMAGE, PNG[:-6], False),  # cut short
        (MediaKind.IMAGE, b"<html>not an image</html>", False),
        (MediaKind.VIDEO, PNG, False),  # an image where a video was promised
        (MediaKind.IMAGE, MP4, False),
        (MediaKind.VIDEO, MP4, True),
        (MediaKind.VIDEO, MP4[:-2], False),  # the last box is cut short
        (MediaKind.VIDEO, MP4[:16], False),  # no `moov`: nothing a player can open
        (MediaKind.IMAGE, b"GIF89a\0\0", False),  # no trailer
    ],
)
def test_only_whole_media_of_the_promised_kind_is_accepted(
    kind: MediaKind, body: bytes, accepted: bool
) -> None:
    assert (media_format(kind, body) is not None) is accepted
