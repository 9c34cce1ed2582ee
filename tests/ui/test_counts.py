"""Counts read the same everywhere, in the locale's grouping (the sidebar said "5493" where
the status bar said "5,493"); the import summary says how many files it imported, with no
"file(s)"; and no progress bar says 100 % before the work is over."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.import_report import FileReport, FileStatus, ImportReport
from readinglist.ui.i18n import count_papers, count_text
from readinglist.ui.imports.status import ImportStatus, summarize
from readinglist.ui.qt import QLocale, QProgressBar


@pytest.fixture
def use_locale() -> Iterator[Callable[[str], None]]:
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("name", "shown"), [("C", "5,493"), ("en_US", "5,493"), ("ko_KR", "5,493"), ("de_DE", "5.493")]
)
def test_a_count_is_grouped_the_locales_way(
    use_locale: Callable[[str], None], name: str, shown: str
) -> None:
    use_locale(name)
    assert count_text(5493) == shown
    assert count_papers(5493) == f"{shown} papers"  # the status bar's count, the same


def imported(count: int, papers: int) -> ImportReport:
    files = [
        FileReport(Path(f"{n}.md"), FileStatus.IMPORTED, papers_new=papers if n == 0 else 0)
        for n in range(count)
    ]
    return ImportReport(files=files)


def test_the_import_summary_counts_files_and_papers_in_words() -> None:
    assert summarize(imported(1, 1)) == "1 file imported · 1 new paper"
    assert summarize(imported(1_200, 5_493)) == "1,200 files imported · 5,493 new papers"
    rejected = ImportReport(files=[FileReport(Path("x.md"), FileStatus.REJECTED)] * 2)
    assert "2 files rejected" in summarize(rejected)
    assert "(s)" not in summarize(rejected)


def test_the_import_summary_says_papers_known_by_their_id_only() -> None:
    def by_id(count: int) -> ImportReport:
        file = FileReport(Path("ids.txt"), FileStatus.IMPORTED, count, count, by_id_only=count)
        return ImportReport(files=[file])

    assert summarize(by_id(1)) == "1 file imported · 1 new paper · 1 paper by id only"
    assert summarize(by_id(3)).endswith("· 3 papers by id only")
    assert "by id only" not in summarize(imported(1, 1))


def test_the_import_summary_says_what_each_rule_caught() -> None:
    files = [
        FileReport(Path("a.md"), FileStatus.IMPORTED, 3, 3, rules=(("Robots", 2), ("Quiet", 1))),
        FileReport(Path("b.md"), FileStatus.IMPORTED, 1, 1, rules=(("Robots", 1),)),
    ]
    summary = summarize(ImportReport(files=files))
    assert summary.endswith("· rule Robots: 3 papers · rule Quiet: 1 paper")


def test_the_import_progress_reaches_100_percent_only_at_the_end(qtbot: QtBot) -> None:
    status = ImportStatus()
    qtbot.addWidget(status)
    status.on_started()
    status.on_progress(5, 5)  # every file stored; the import still has to end
    assert _percent(status.progress) < 100
    status.on_progress(1, 3)
    assert _percent(status.progress) == 33
    status.on_finished(imported(5, 0))
    assert status.progress.isHidden()


def _percent(bar: QProgressBar) -> int:
    span = bar.maximum() - bar.minimum()
    return (bar.value() - bar.minimum()) * 100 // span
