"""The translation pipeline: every UI string reaches lupdate, the .ts sources hold them all, and
the translators load at start-up (the app's and Qt's own)."""

import ast
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from readinglist import resources
from readinglist.ui import i18n
from readinglist.ui.qt import QCoreApplication, QLocale, QTranslator
from tests.helpers.paths import ROOT

SOURCES = sorted((ROOT / "src" / "readinglist").rglob("*.py"))
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
MARKERS = {"tr", "QT_TR_NOOP"}


def _tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    if not path.exists():
        pytest.skip(f"{name} is not installed beside {sys.executable}")
    return str(path)


def _literals_in_code() -> set[str]:
    """The first argument of every tr(...) and QT_TR_NOOP(...) call written as a literal."""
    found: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def _sources_in(ts_file: Path) -> set[str]:
    root = ElementTree.parse(ts_file).getroot()
    return {message.findtext("source") or "" for message in root.iter("message")}


def _extracted(tmp_path: Path) -> set[str]:
    ts_file = tmp_path / "extracted.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, SOURCES), "-locations", "none", "-ts", str(ts_file)],
        check=True,
        capture_output=True,
    )
    return _sources_in(ts_file)


def test_lupdate_extracts_every_string_the_code_marks(tmp_path: Path) -> None:
    in_code = _literals_in_code()
    extracted = _extracted(tmp_path)
    assert in_code - extracted == set()  # a string lupdate cannot see is never translated
    assert extracted - in_code == set()  # every extracted string goes through tr or QT_TR_NOOP


def test_no_string_is_translated_around_tr() -> None:
    """`tr` (ui/i18n.py) is the one way in: a per-file wrapper around `QCoreApplication.translate`
    hid 182 of 183 strings from lupdate once."""
    around = [
        path.relative_to(ROOT)
        for path in SOURCES
        if "QCoreApplication.translate(" in path.read_text(encoding="utf-8")
        and path.name != "i18n.py"
    ]
    assert around == []


def test_the_translation_sources_are_up_to_date(tmp_path: Path) -> None:
    """Every .ts holds exactly the strings the code marks: `make lupdate` refreshes them."""
    assert TS_FILES, "no resources/translations/*.ts"
    extracted = _extracted(tmp_path)
    for ts_file in TS_FILES:
        assert _sources_in(ts_file) == extracted, f"run `make lupdate`: {ts_file.name} is stale"


def _korean_ts(tmp_path: Path, source: str, translation: str) -> Path:
    ts_file = tmp_path / "readinglist_ko.ts"
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ko">'
        f"<context><name></name><message><source>{source}</source>"
        f"<translation>{translation}</translation></message></context></TS>",
        encoding="utf-8",
    )
    return ts_file


def test_tr_finds_the_apps_korean_and_qt_its_own(
    qapp: QCoreApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ts_file = _korean_ts(tmp_path, "Read", "읽음")
    qm_file = tmp_path / "readinglist_ko.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    loaded = i18n.install_translators(qapp, QLocale(QLocale.Language.Korean))
    try:
        assert [Path(path).name for path in loaded] == ["readinglist_ko.qm", "qtbase_ko.qm"]
        assert i18n.tr("Read") == "읽음"
        assert i18n.tr("Not translated") == "Not translated"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
    assert i18n.tr("Read") == "Read"


def test_english_installs_nothing(qapp: QCoreApplication) -> None:
    assert i18n.install_translators(qapp, QLocale(QLocale.Language.English)) == []


def test_the_translations_are_where_the_app_looks() -> None:
    """`make` builds each .qm beside its .ts, where the app loads it from."""
    assert resources.translations_dir() == ROOT / "resources" / "translations"
    assert [path.name for path in TS_FILES] == ["readinglist_ko.ts"]
