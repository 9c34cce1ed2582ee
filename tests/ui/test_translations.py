"""The translation pipeline: every UI string reaches lupdate, the .ts sources hold them all,
each is translated with the placeholders and shortcut letter of its source, the .qm is built
from the .ts as it is, and the translators load at start-up (the app's and Qt's own)."""

import ast
import re
import string
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from readinglist import resources
from readinglist.ui import i18n
from readinglist.ui.qt import QCoreApplication, QLocale, QTranslator
from tests.helpers.paths import ROOT
from tests.helpers.translations import build_qm, qt_tool, write_ts

SOURCES = sorted((ROOT / "src" / "readinglist").rglob("*.py"))
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
MARKERS = {"tr", "QT_TR_NOOP"}


def _calls(node: ast.AST, names: set[str]) -> Iterator[ast.Call]:
    """The calls, with arguments, of a function named in `names`, in and under `node`."""
    for inner in ast.walk(node):
        if (
            isinstance(inner, ast.Call)
            and isinstance(inner.func, ast.Name)
            and inner.func.id in names
            and inner.args
        ):
            yield inner


def _literals_in_code() -> set[str]:
    """The first argument of every tr(...) and QT_TR_NOOP(...) call written as a literal."""
    return {
        call.args[0].value
        for path in SOURCES
        for call in _calls(ast.parse(path.read_text(encoding="utf-8")), MARKERS)
        if isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
    }


def _sources_in(ts_file: Path) -> set[str]:
    root = ElementTree.parse(ts_file).getroot()
    return {message.findtext("source") or "" for message in root.iter("message")}


def _extracted(tmp_path: Path) -> set[str]:
    ts_file = tmp_path / "extracted.ts"
    subprocess.run(
        [qt_tool("pyside6-lupdate"), *map(str, SOURCES), "-locations", "none", "-ts", str(ts_file)],
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


def _marked_names(tree: ast.Module) -> set[str]:
    """The names a module assigns a `QT_TR_NOOP(...)` to."""
    return {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(_calls(node.value, MARKERS))
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _unmarked_templates(path: Path) -> list[str]:
    """`Message(...)` calls whose template lupdate cannot see: a literal, an f-string, text
    built with + or %, or a name not assigned from QT_TR_NOOP."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    marked = _marked_names(tree)
    found = []
    for node in _calls(tree, {"Message"}):
        template = node.args[0]
        if isinstance(template, ast.Name):
            unmarked = template.id not in marked
        else:
            unmarked = isinstance(template, ast.Constant | ast.JoinedStr | ast.BinOp)
        if unmarked:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(template)}")
    return found


def test_every_message_template_is_marked_for_lupdate() -> None:
    """What the core hands the window as a `Message` is translated by its template, so each
    template is declared with QT_TR_NOOP (inline, or in a name assigned from it)."""
    unmarked = [found for path in SOURCES for found in _unmarked_templates(path)]
    assert unmarked == [], "declare these templates with QT_TR_NOOP:\n" + "\n".join(unmarked)


def test_the_translation_sources_are_up_to_date(tmp_path: Path) -> None:
    """Every .ts holds exactly the strings the code marks: `make lupdate` refreshes them."""
    assert TS_FILES, "no resources/translations/*.ts"
    extracted = _extracted(tmp_path)
    for ts_file in TS_FILES:
        assert _sources_in(ts_file) == extracted, f"run `make lupdate`: {ts_file.name} is stale"


def test_tr_finds_the_apps_korean_and_qt_its_own(
    qapp: QCoreApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_qm(write_ts(tmp_path / "readinglist_ko.ts", {"Read": "읽음"}))
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


# --- the Korean translation: complete, faithful to its sources' placeholders, built ----------

UNFINISHED = {"unfinished", "vanished", "obsolete"}
MNEMONIC = re.compile(r"&(?!&|[a-zA-Z]+;|#[0-9]+;)(?=\S)")  # not "&&" or an entity (&quot;)


@dataclass(frozen=True)
class Translated:
    source: str
    forms: tuple[str, ...]  # one, or one per plural form (`numerus="yes"`)
    kind: str  # the `type` attribute: "" once translated

    def __str__(self) -> str:
        return repr(self.source)


def _translations(ts_file: Path) -> list[Translated]:
    messages = []
    for message in ElementTree.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None, message.findtext("source")
        plurals = [form.text or "" for form in translation.iter("numerusform")]
        forms = plurals if message.get("numerus") == "yes" else [translation.text or ""]
        kind = translation.get("type", "")
        messages.append(Translated(message.findtext("source") or "", tuple(forms), kind))
    return messages


def _placeholders(text: str) -> list[str]:
    """`{name}` and `{name:spec}` fields and `%n`, sorted; braces that do not parse say so."""
    try:
        fields = [
            f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            for _, name, spec, conversion in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError as error:
        fields = [f"<unbalanced braces: {error}>"]
    return sorted(fields + re.findall(r"%L?n", text))


def _listed(problem: str, found: list[str]) -> str:
    return f"{len(found)} {problem}:\n" + "\n".join(f"  {line}" for line in found)


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda path: path.name)
def test_every_string_is_translated(ts_file: Path) -> None:
    """Nothing empty, unfinished, or obsolete while the code still uses it: translate these
    (Qt Linguist, or by hand), drop their `type="unfinished"`, then `make translations`."""
    missing = [
        str(message)
        for message in _translations(ts_file)
        if message.kind in UNFINISHED or not all(form.strip() for form in message.forms)
    ]
    assert missing == [], _listed(f"strings in {ts_file.name} lack a translation", missing)


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda path: path.name)
def test_every_translation_keeps_its_sources_placeholders(ts_file: Path) -> None:
    """`.format()` fills a translation with the source's `{names}` (and their `:,` specs):
    one lost or misspelt is a KeyError, or a value missing from the window."""
    wrong = [
        f"{message}: {_placeholders(form)} where the source has {_placeholders(message.source)}"
        for message in _translations(ts_file)
        for form in message.forms
        if form and _placeholders(form) != _placeholders(message.source)
    ]
    assert wrong == [], _listed(f"translations in {ts_file.name} change placeholders", wrong)


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda path: path.name)
def test_every_translation_keeps_its_sources_shortcut_letter(ts_file: Path) -> None:
    """A menu title or action with an `&` mnemonic keeps one (`&File` -> `파일(&F)`)."""
    wrong = [
        f"{message}: {form!r}"
        for message in _translations(ts_file)
        for form in message.forms
        if form and len(MNEMONIC.findall(form)) != len(MNEMONIC.findall(message.source))
    ]
    assert wrong == [], _listed(f"translations in {ts_file.name} lose an & mnemonic", wrong)


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda path: path.name)
def test_the_built_translation_says_what_its_source_says(ts_file: Path) -> None:
    """The .qm the app loads is built from the .ts as it is now (`make translations`)."""
    qm_file = resources.translations_dir() / ts_file.with_suffix(".qm").name
    translator = QTranslator()
    assert translator.load(str(qm_file)), f"no {qm_file.name}: run `make translations`"
    stale = [
        str(message)
        for message in _translations(ts_file)
        if message.kind not in UNFINISHED
        and translator.translate(i18n.CONTEXT, message.source, None, 1) != message.forms[0]
    ]
    assert stale == [], _listed(f"strings differ in {qm_file.name}: run `make translations`", stale)
