"""The packaged app's pieces, checked fast from the source tree: shipped files, build.spec's
rules, the desktop entry, the Korean font, and `--self-test` (CI also runs it from the bundle)."""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from readinglist import resources
from readinglist.core.parser import parse_digest
from readinglist.ui import fonts
from readinglist.ui.identity import app_icon
from readinglist.ui.qt import QApplication, QFont, QImage, QRawFont

ROOT = Path(__file__).resolve().parents[1]


# --- shipped files ---------------------------------------------------------------------------


def test_the_shipped_files_are_found_from_the_source_tree() -> None:
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.sample_digest().is_file()
    assert resources.korean_font().is_file()
    assert resources.resource(resources.KOREAN_FONT_LICENCE).read_text().count("OPEN FONT LICENSE")
    for size, path in zip(resources.ICON_SIZES, resources.app_icon_files(), strict=True):
        assert (QImage(str(path)).width(), QImage(str(path)).height()) == (size, size)


def test_a_frozen_app_finds_them_where_pyinstaller_unpacked_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    with pytest.raises(resources.ResourceMissing, match=r"sample/daily-papers-sample\.md"):
        resources.sample_digest()


def test_the_sample_digest_is_a_korean_digest_in_the_real_format() -> None:
    digest = parse_digest(resources.sample_digest().read_bytes(), "sample")
    assert len(digest.entries) >= 5
    assert len({entry.arxiv_id for entry in digest.entries}) == len(digest.entries)
    assert all(entry.summary and entry.authors for entry in digest.entries)
    assert any("\uac00" <= c <= "\ud7a3" for c in "".join(digest.entries[0].summary))
    assert "트랜스포머" in resources.sample_digest().read_text()


def test_the_app_icon_has_every_size(qapp: QApplication) -> None:
    sizes = app_icon().availableSizes()
    assert [size.width() for size in sizes] == list(resources.ICON_SIZES)


# --- Korean text -----------------------------------------------------------------------------


def test_the_bundled_font_covers_every_hangul_syllable(qapp: QApplication) -> None:
    assert fonts.load_font(resources.korean_font()) == "NanumGothic"
    font = QRawFont(str(resources.korean_font()), 12)
    assert all(font.supportsCharacter(code) for code in range(0xAC00, 0xD7A4))


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    saved = QFont(qapp.font())
    yield saved
    qapp.setFont(saved)


def test_without_a_system_korean_font_the_bundled_one_follows_the_ui_font(
    qapp: QApplication, app_font: QFont, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "system_has_korean_font", lambda: False)
    assert fonts.install_korean_fallback(qapp) == "NanumGothic"
    families = qapp.font().families()
    assert families[-1] == "NanumGothic" and len(families) == 2
    assert fonts.install_korean_fallback(qapp) == "NanumGothic"
    assert qapp.font().families() == families


def test_a_system_korean_font_is_left_to_do_its_job(
    qapp: QApplication, app_font: QFont, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "system_has_korean_font", lambda: True)
    assert fonts.install_korean_fallback(qapp) is None
    assert qapp.font() == app_font
