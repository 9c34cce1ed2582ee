"""Hostile files in the window: a FIFO never freezes it, Cancel and quit stop an import
while a file is being read, and the import details show names as they are, escaped.

A test that would block on a FIFO (the code before the fix) lets the FIFO's reader go when
it gives up, so a failure fails instead of hanging the run.
"""

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core import digest_files
from readinglist.core.import_report import ImportReport
from readinglist.library.importer import FileStatus
from readinglist.ui.imports.status import ImportDetailsDialog
from readinglist.ui.qt import Qt
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry, entries
from tests.helpers.fifos import GUARD_SECONDS, released_when_done
from tests.helpers.gui import IMPORT_TIMEOUT_MS, row_titles, settle

CHUNK = 64  # bytes: a digest is read in many chunks, so one can be held


def finished_import(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> ImportReport:
    assert window.imports is not None
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.import_paths(paths)
    settle(qtbot, window)
    report = finished.args[0] if finished.args else None
    assert isinstance(report, ImportReport)
    return report


def test_a_fifo_is_rejected_and_the_window_goes_on(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    good = digests.write("a.md", "2024-03-01", entries("2403.00001"))
    fifo = digests.folder / "b.md"
    os.mkfifo(fifo)

    with released_when_done(fifo):
        report = finished_import(qtbot, window, [fifo, good])

    assert [file.status for file in report.files] == [FileStatus.REJECTED, FileStatus.IMPORTED]
    assert row_titles(window) == ["Paper 2403.00001"]
    assert "1 file rejected" in window.import_status.label.text()


class HeldRead:
    """`digest_files._read_chunk` held at the first chunk of `name` until `release`."""

    def __init__(self, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.name = name
        self.reading = threading.Event()
        self.released = threading.Event()
        self._real = digest_files._read_chunk
        self._open = digest_files._open
        self._held: int | None = None
        monkeypatch.setattr(digest_files, "_CHUNK_BYTES", CHUNK)
        monkeypatch.setattr(digest_files, "_open", self._opened)
        monkeypatch.setattr(digest_files, "_read_chunk", self._read)

    def _opened(self, path: Path) -> int:
        descriptor = self._open(path)
        if path.name == self.name:
            self._held = descriptor
        return descriptor

    def _read(self, descriptor: int, size: int) -> bytes:
        if descriptor == self._held and not self.reading.is_set():
            self.reading.set()
            self.released.wait(GUARD_SECONDS)
        return self._real(descriptor, size)

    def release(self) -> None:
        self.released.set()


@pytest.fixture
def three_digests(digests: DigestWriter) -> list[Path]:
    return [
        digests.write(f"{n}.md", f"2024-03-0{n}", entries(*(f"2403.0{n}{p:03d}" for p in range(9))))
        for n in (1, 2, 3)
    ]


def test_cancel_stops_the_import_in_the_middle_of_a_file(
    qtbot: QtBot,
    window: MainWindow,
    three_digests: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    held = HeldRead("2.md", monkeypatch)
    assert window.imports is not None
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.import_paths(three_digests)
        qtbot.waitUntil(held.reading.is_set, timeout=IMPORT_TIMEOUT_MS)
        qtbot.mouseClick(window.import_status.cancel_button, Qt.MouseButton.LeftButton)
        held.release()
    settle(qtbot, window)

    report = finished.args[0]
    assert report.cancelled
    assert [file.path.name for file in report.files] == ["1.md"]  # 2.md stopped mid-read
    assert len(row_titles(window)) == 9
    assert "cancelled" in window.import_status.label.text()


def test_quitting_in_the_middle_of_a_file_returns(
    qtbot: QtBot,
    window: MainWindow,
    three_digests: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closing cancels the import (the read held here is let go by that cancel) and waits
    for it: the window closes once the file being read is given up."""
    held = HeldRead("2.md", monkeypatch)
    imports = window.imports
    assert imports is not None
    reports: list[ImportReport] = []
    imports.finished.connect(reports.append)
    real_cancel = imports.cancel

    def cancel() -> None:
        real_cancel()
        held.release()

    monkeypatch.setattr(imports, "cancel", cancel)
    window.import_paths(three_digests)
    qtbot.waitUntil(held.reading.is_set, timeout=IMPORT_TIMEOUT_MS)

    window.close()

    assert held.released.is_set()  # by the cancel, not by the guard's time running out
    qtbot.waitUntil(lambda: bool(reports), timeout=IMPORT_TIMEOUT_MS)
    assert reports[0].cancelled
    assert [file.name for file in reports[0].files] == ["1.md"]


@pytest.fixture
def hostile_names(digests: DigestWriter) -> Iterator[list[Path]]:
    forged = digests.write_text("FAKE.md\nimported  FAKE.md  999 new papers.md", "# notes\n")
    cut = digests.write("d\x1b[2J.md", "2024-03-01", [FakeEntry("2403.00001", title="T" * 5000)])
    yield [forged, cut]


def test_import_details_show_names_and_reasons_escaped(
    qtbot: QtBot, window: MainWindow, hostile_names: list[Path], tmp_path: Path
) -> None:
    report = finished_import(qtbot, window, hostile_names)
    assert window.import_status.details_button.isVisible()
    assert "1 file with warnings" in window.import_status.label.text()

    dialog = ImportDetailsDialog(report, window)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [
        [cell.text() if (cell := dialog.table.item(row, column)) else "" for column in range(4)]
        for row in range(dialog.table.rowCount())
    ]
    dialog.grab().save(str(tmp_path / "import-details.png"))

    assert rows == [
        [
            str(hostile_names[0]).replace("\n", "\\n"),
            "not imported",
            "",
            "not a digest: no '## Daily Papers (YYYY-MM-DD)' header",
        ],
        [
            str(hostile_names[1]).replace("\x1b", "\\x1b"),
            "imported, with a warning",
            "3",
            "the title is 5,000 characters long: kept its first 1,000",
        ],
    ]
