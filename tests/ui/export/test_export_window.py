"""File → Export… in the window: the papers read a chunk at a time as they are written, and a
CSV that a spreadsheet opens with its Korean intact."""

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection

from readinglist.core.export import ExportFormat
from readinglist.core.paper import Paper
from readinglist.library import export_source
from readinglist.library.papers import load_papers
from readinglist.ui.export.actions import ExportQuestions
from readinglist.ui.export.dialog import ExportChoice, ExportScope
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import import_by_drop, row_titles

PAPERS = [
    FakeEntry("2403.00001", title="대규모 언어 모델 평가", authors=("김철수",)),
    FakeEntry("2403.00002", title="Language Agents"),
    FakeEntry("2403.00003", title="Robot Hands"),
]


def test_the_window_streams_a_csv_a_spreadsheet_reads_in_korean(
    qtbot: QtBot,
    window: MainWindow,
    digests: DigestWriter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", PAPERS)])
    reads: list[int] = []

    def counted(connection: Connection, ids: Sequence[int]) -> list[Paper]:
        reads.append(len(ids))
        return load_papers(connection, ids)

    monkeypatch.setattr(export_source, "CHUNK", 2)
    monkeypatch.setattr(export_source, "load_papers", counted)
    target = tmp_path / "목록.csv"
    choice = ExportChoice(ExportFormat.CSV, ExportScope.LIST)
    assert window.exports is not None
    window.exports.questions = ExportQuestions(lambda *_: choice, lambda _: target)
    with qtbot.waitSignal(window.exports.finished, timeout=20_000) as done:
        window.menu_actions.export.trigger()

    assert done.args == [f"Exported 3 papers to {target}"]
    assert reads == [2, 1]
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == row_titles(window)
    assert "대규모 언어 모델 평가" in row_titles(window)
