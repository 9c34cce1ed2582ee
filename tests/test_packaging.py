"""The packaged app's pieces, checked fast from the source tree: shipped files, build.spec's
rules, the desktop entry, the Korean font, and `--self-test` (CI also runs it from the bundle)."""

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from readinglist import resources
from readinglist.core.parser import parse_digest
from readinglist.ui import fonts, self_test
from readinglist.ui.identity import app_icon
from readinglist.ui.qt import QApplication, QFont, QImage, QRawFont

ROOT = Path(__file__).resolve().parents[1]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def run_readinglist(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readinglist", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
    )


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
    assert self_test.SEARCH_WORD in resources.sample_digest().read_text()


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


def fontconfig_without_cjk(folder: Path) -> Path:
    """A fontconfig file with the system's rules but only the DejaVu fonts."""
    if not DEJAVU.is_dir():
        pytest.skip(f"no DejaVu fonts in {DEJAVU} to make a machine without CJK fonts of")
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{DEJAVU}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n"
        '  <include ignore_missing="yes">/etc/fonts/conf.d</include>\n</fontconfig>\n'
    )
    return config


def test_korean_renders_on_a_machine_without_cjk_fonts(tmp_path: Path) -> None:
    result = run_readinglist(
        "--self-test", env={"FONTCONFIG_FILE": str(fontconfig_without_cjk(tmp_path))}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the window draws them with NanumGothic" in result.stdout


# --- the self-test ---------------------------------------------------------------------------


def test_the_self_test_passes_in_process(qapp: QApplication) -> None:
    out = io.StringIO()
    assert self_test.run_self_test(lambda: qapp, out) == 0, out.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("readinglist ") and "self-test (source;" in lines[0]
    assert {line.split()[0] for line in lines[1:-1]} == {"ok"}
    assert len(lines) == len(self_test.CHECKS) + 3  # banner, checks, qt messages, verdict


def test_the_self_test_names_what_failed(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(self_test, "sample_digest_path", lambda: tmp_path / "gone.md")
    out = io.StringIO()
    assert self_test.run_self_test(lambda: qapp, out) == 1
    report = out.getvalue()
    assert "FAIL  resources" in report and "gone.md" in report
    assert report.rstrip().endswith("FAILED: resources, korean, import, panes, search")


def test_the_self_test_from_the_command_line() -> None:
    result = run_readinglist("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "readinglist self-test passed" in result.stdout
