"""Installing a Korean translation made for one test (a few strings, built with lrelease)."""

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from readinglist.ui.qt import QCoreApplication, QTranslator


def qt_tool(name: str) -> str:
    """A Qt tool PySide6 installs beside the interpreter (pyside6-lupdate, pyside6-lrelease)."""
    path = Path(sys.executable).with_name(name)
    if not path.exists():
        pytest.skip(f"{name} is not installed beside {sys.executable}")
    return str(path)


def write_ts(ts_file: Path, translations: dict[str, str]) -> Path:
    """A readinglist_ko.ts holding `translations` (source -> Korean), under the app's context."""
    messages = "".join(
        f"<message><source>{escape(source)}</source>"
        f"<translation>{escape(korean)}</translation></message>"
        for source, korean in translations.items()
    )
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ko">'
        f"<context><name></name>{messages}</context></TS>",
        encoding="utf-8",
    )
    return ts_file


def build_qm(ts_file: Path) -> Path:
    qm_file = ts_file.with_suffix(".qm")
    subprocess.run(
        [qt_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )
    return qm_file


@contextmanager
def translated(app: QCoreApplication, folder: Path, translations: dict[str, str]) -> Iterator[None]:
    """The app speaks `translations` (and English otherwise) inside the block."""
    qm_file = build_qm(write_ts(folder / "readinglist_ko.ts", translations))
    translator = QTranslator()
    assert translator.load(str(qm_file))
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
