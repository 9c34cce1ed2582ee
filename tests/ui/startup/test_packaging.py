"""The packaged app's pieces, checked fast from the source tree: shipped files, build.spec's
rules, the desktop entry, the Korean font, and `--self-test` (CI also runs it from the bundle)."""

import configparser
import importlib.machinery
import importlib.util
import io
import os
import shutil
import struct
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from readinglist import resources
from readinglist.core.parser import parse_digest
from readinglist.ui.qt import (
    QApplication,
    QFont,
    QImage,
    QLibraryInfo,
    QRawFont,
    multimedia_problem,
)
from readinglist.ui.startup import fonts, self_test
from readinglist.ui.startup.first_paint import FIRST_PAINT_ENV, FIRST_PAINT_LINE
from readinglist.ui.startup.identity import DESKTOP_FILE_NAME, app_icon
from tests.helpers.paths import ROOT

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def load_tool(name: str) -> ModuleType:
    """A script in tools/ (no .py suffix) as a module."""
    loader = importlib.machinery.SourceFileLoader(
        name.replace("-", "_"), str(ROOT / "tools" / name)
    )
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """build.spec's definitions (its build runs only under PyInstaller)."""
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT)}  # as PyInstaller defines it
    exec(compile((ROOT / "build.spec").read_text(), "build.spec", "exec"), namespace)
    return namespace


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


# --- build.spec ------------------------------------------------------------------------------


def test_the_spec_takes_name_and_version_from_pyproject(spec: dict[str, Any]) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    meta = spec["project_metadata"](ROOT / "pyproject.toml")
    assert (meta["name"], meta["version"]) == (project["name"], project["version"])
    assert spec["version_tuple"]("0.1.0") == (0, 1, 0, 0)
    assert spec["version_tuple"]("2.10.3rc1") == (2, 10, 3, 0)
    assert f"FileVersion', '{project['version']}'" in spec["windows_version_info"](meta)
    plist = spec["macos_info_plist"](meta)
    assert plist["CFBundleShortVersionString"] == project["version"]
    types = plist["UTImportedTypeDeclarations"][0]["UTTypeTagSpecification"]
    assert types["public.mime-type"] == ["text/markdown"]


def test_the_spec_bundles_every_file_the_app_reads(spec: dict[str, Any]) -> None:
    bundled = {f"{folder}/{Path(source).name}" for source, folder in spec["DATA_FILES"]}
    read = {
        resources.SAMPLE_DIGEST,
        resources.KOREAN_FONT,
        resources.KOREAN_FONT_LICENCE,
        *(f"icons/readinglist-{size}.png" for size in resources.ICON_SIZES),
        *(
            f"{resources.TRANSLATIONS}/{ts.stem}.qm"
            for ts in (ROOT / "resources" / resources.TRANSLATIONS).glob("*.ts")
        ),
    }
    assert bundled == {f"resources/{name}" for name in read}
    for source, _ in spec["DATA_FILES"]:
        shipped = ROOT / source  # a .qm is built by `make package` from its .ts
        assert (shipped.with_suffix(".ts") if shipped.suffix == ".qm" else shipped).is_file()


@pytest.mark.parametrize(
    ("entry", "kept"),
    [
        (("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY"), True),
        (("PySide6/Qt/plugins/platforms/libqeglfs.so", "/x", "BINARY"), False),
        (("PySide6/Qt/plugins/imageformats/libqgif.so", "/x", "BINARY"), True),
        (("PySide6/Qt/plugins/imageformats/libqpdf.so", "/x", "BINARY"), False),
        (("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "/x", "BINARY"), True),
        (("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", "/x", "BINARY"), True),
        (("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/x", "BINARY"), False),
        (("PySide6/Qt/translations/qtbase_ko.qm", "/x", "DATA"), True),  # a language we have
        (("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"), False),
        (("PySide6/Qt/translations/qtmultimedia_ko.qm", "/x", "DATA"), False),
        (("PySide6/Qt/lib/libQt6Quick.so.6", "/x", "BINARY"), True),
        (("PySide6/Qt/lib/libQt6Svg.so.6", "/x", "BINARY"), False),
        (("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"), False),
        (("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"), True),
        (("libpulse.so.0", "/lib/x86_64-linux-gnu/libpulse.so.0", "BINARY"), False),
        (("libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "BINARY"), False),
        (("libsqlite3.so.0", "/lib/x86_64-linux-gnu/libsqlite3.so.0", "BINARY"), True),
        (("libxcb-cursor.so.0", "/lib/x86_64-linux-gnu/libxcb-cursor.so.0", "BINARY"), True),
        (("libxcb.so.1", "/lib/x86_64-linux-gnu/libxcb.so.1", "BINARY"), False),
        (("libpython3.13.so.1.0", "/opt/python/lib/libpython3.13.so.1.0", "BINARY"), True),
    ],
)
def test_the_spec_keeps_what_the_app_uses(
    spec: dict[str, Any], entry: tuple[str, str, str], kept: bool
) -> None:
    assert spec["kept"](entry) is kept


# --- the ICU data trimmer --------------------------------------------------------------------


def common_data(items: dict[str, bytes]) -> bytes:
    """A tiny ICU common data package: header, table of contents, 16-byte aligned items."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\x14\0\0\0\0\x02\0\0" + b"CmnD" + b"\0" * 16
    names = b"".join(name.encode() + b"\0" for name in items)
    data_at = (4 + 8 * len(items) + len(names) + 15) // 16 * 16
    table, blobs, name_at, offset = b"", b"", 4 + 8 * len(items), data_at
    for name, data in items.items():
        table += struct.pack("<II", name_at, offset)
        name_at += len(name) + 1
        padded = data + b"\0" * (-len(data) % 16)
        blobs += padded
        offset += len(padded)
    body = struct.pack("<I", len(items)) + table + names
    return header + body + b"\0" * (data_at - len(body)) + blobs


def test_trimming_icu_data_keeps_collation_and_drops_converters() -> None:
    tool = load_tool("trim-icu-data")
    items = {
        "icudt73l/coll/ko.res": b"korean collation",
        "icudt73l/ibm-943_P15A-2003.cnv": b"shift-jis" * 10,
        "icudt73l/nfkc.nrm": b"normalisation",
        "icudt73l/zone/ko.res": b"time zone names",
    }
    smaller, kept, dropped = tool.trimmed(common_data(items))
    assert (kept, dropped) == (2, 2)
    wanted = ("icudt73l/coll/ko.res", "icudt73l/nfkc.nrm")
    assert smaller == common_data({name: items[name] for name in wanted})


def test_trimming_reads_qts_icu_data_library() -> None:
    libraries = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    library = next(libraries.glob("libicudata.so.*"), None)
    if library is None:
        pytest.skip("this Qt has no ICU data library of its own")
    symbol, package = load_tool("trim-icu-data").exported_data(library.read_bytes())
    assert symbol.startswith("icudt") and package[12:16] == b"CmnD"


# --- the desktop entry -----------------------------------------------------------------------


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_opens_markdown_files() -> None:
    path = ROOT / "resources" / "readinglist.desktop"
    entry = desktop_entry(path)
    assert path.stem == DESKTOP_FILE_NAME
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "readinglist %F"
    assert entry["Icon"] == "readinglist"
    assert "text/markdown" in entry["MimeType"].split(";")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0 and "error" not in check.stdout, check.stdout


def test_install_desktop_installs_for_the_user_and_uninstalls(tmp_path: Path) -> None:
    program = tmp_path / "my apps" / "readinglist"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    tool = str(ROOT / "tools" / "install-desktop")

    subprocess.run([tool, str(program)], env=env, check=True, capture_output=True)

    installed = tmp_path / "data" / "applications" / "readinglist.desktop"
    assert desktop_entry(installed)["Exec"] == f'"{program}" %F'
    icons = tmp_path / "data" / "icons" / "hicolor"
    assert (icons / "48x48" / "apps" / "readinglist.png").is_file()
    assert (icons / "scalable" / "apps" / "readinglist.svg").is_file()
    subprocess.run([tool, "--uninstall"], env=env, check=True, capture_output=True)
    assert not installed.exists()
    assert not (icons / "48x48" / "apps" / "readinglist.png").exists()


# --- Korean text -----------------------------------------------------------------------------


def test_the_bundled_font_covers_every_hangul_syllable(qapp: QApplication) -> None:
    assert fonts.load_font(resources.korean_font()) == "NanumGothic"
    font = QRawFont(str(resources.korean_font()), 12)
    assert all(font.supportsCharacter(code) for code in range(0xAC00, 0xD7A4))


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font, put back afterwards (the Korean fallback changes it)."""
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


def test_the_self_test_passes_in_process(qapp: QApplication, app_font: QFont) -> None:
    out = io.StringIO()
    assert self_test.run_self_test(lambda: qapp, out) == 0, out.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("readinglist ") and "self-test (source;" in lines[0]
    verdicts = {line.split()[0] for line in lines[1:-1]}
    assert verdicts == ({"ok"} if multimedia_problem() is None else {"ok", "warn"})
    assert len(lines) == len(self_test.CHECKS) + 3  # banner, checks, qt messages, verdict


def test_the_self_test_names_what_failed(
    qapp: QApplication, app_font: QFont, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
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


def test_the_first_paint_switch_reports_and_quits(tmp_path: Path) -> None:
    result = run_readinglist(
        env={
            FIRST_PAINT_ENV: "1",
            "READINGLIST_LIBRARY": str(tmp_path / "library.sqlite"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
        }
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [FIRST_PAINT_LINE]
