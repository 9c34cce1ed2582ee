"""View → Reading…: the figures of one's reading, read off the GUI thread, plotted, and
refreshed while the view is open and the reader triages; on a shared library, the member's
own."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import ReadingHistory, reading_stats
from readinglist.library import papers as store
from readinglist.library.database import Library
from readinglist.library.user_edits import AddTagEdit, StatusEdit, write_in_parts
from readinglist.ui.qt import QColor
from readinglist.ui.reading.charts import BarChart, Series, nice_top
from readinglist.ui.reading.view import ReadingView, summary_text
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import import_by_drop, open_window, select_rows, settle

LIVE_BOUND_MS = 10_000  # a bound, not a wait: the change shows as it is committed


def open_view(qtbot: QtBot, window: MainWindow) -> ReadingView:
    window.reading.action.trigger()
    view = window.reading.view
    assert view is not None
    qtbot.addWidget(view)
    return view


def test_the_view_shows_what_was_read_this_week(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    papers = [FakeEntry(f"2403.{n:05d}", title=f"Paper {n}") for n in range(1, 4)]
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers)])
    select_rows(window, [0, 1])
    window.triage.set_status(ReadingStatus.READ)
    settle(qtbot, window)

    view = open_view(qtbot, window)
    qtbot.waitUntil(lambda: "2 read" in view.summary.text(), timeout=10_000)

    assert view.per_week.summary_lines()[-1].endswith("Read 2, Skipped 0")
    assert len(view.per_week.summary_lines()) == 1 + 12  # the title, then 12 weeks
    with qtbot.waitSignal(view.wanted):  # a status set while it is open: asked again
        select_rows(window, [2])
        window.triage.set_status(ReadingStatus.SKIPPED)
    qtbot.waitUntil(lambda: "1 skipped" in view.summary.text(), timeout=10_000)


@pytest.fixture
def alices_window(
    qtbot: QtBot,
    member_libraries: tuple[Library, Library],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    """The window on the shared library, as its first member (alice)."""
    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    window = open_window(qtbot, member_libraries[0], tmp_path / "settings.ini")
    yield window
    window.close()


def test_the_view_shows_a_members_own_figures_on_a_shared_library(
    qtbot: QtBot,
    alices_window: MainWindow,
    member_libraries: tuple[Library, Library],
    digests: DigestWriter,
    tmp_path: Path,
) -> None:
    """Alice's figures, read on the reader thread from the server: what she read, not what
    bob (another member) skipped and queued of the same papers. Rendered to a picture (look
    at it: the test writes it to the temporary folder)."""
    window, bob = alices_window, member_libraries[1]
    papers = [FakeEntry(f"2403.{n:05d}", title=f"Paper {n}") for n in range(1, 4)]
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers)])
    select_rows(window, [0, 1])
    window.triage.set_status(ReadingStatus.READ)
    settle(qtbot, window)
    with bob.reading() as connection:
        ids = [store.paper_id_for(connection, paper.arxiv_id) or 0 for paper in papers]
    write_in_parts(bob, StatusEdit(ids[:2], ReadingStatus.SKIPPED))
    write_in_parts(bob, StatusEdit(ids[2:], ReadingStatus.QUEUED))

    view = open_view(qtbot, window)
    qtbot.waitUntil(lambda: "2 read" in view.summary.text(), timeout=10_000)

    assert "0 skipped" in view.summary.text() and "0 queued now" in view.summary.text()
    assert view.per_week.summary_lines()[-1].endswith("Read 2, Skipped 0")
    assert view.grab().save(str(tmp_path / "reading-shared.png"))


def test_the_view_follows_a_tag_another_member_adds_to_what_was_read(
    qtbot: QtBot,
    alices_window: MainWindow,
    member_libraries: tuple[Library, Library],
    digests: DigestWriter,
) -> None:
    """The tags of what alice read are everyone's: bob tags one, her open view shows it."""
    window, bob = alices_window, member_libraries[1]
    paper = FakeEntry("2403.00001", title="Paper 1")
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", [paper])])
    select_rows(window, [0])
    window.triage.set_status(ReadingStatus.READ)
    settle(qtbot, window)
    view = open_view(qtbot, window)
    qtbot.waitUntil(lambda: "1 read" in view.summary.text(), timeout=10_000)
    with bob.reading() as connection:
        paper_id = store.paper_id_for(connection, paper.arxiv_id) or 0

    write_in_parts(bob, AddTagEdit([paper_id], "robots"))

    qtbot.waitUntil(lambda: "robots: 1" in view.tags.toolTip(), timeout=LIVE_BOUND_MS)


def test_a_shorter_span_asks_for_fewer_weeks(qtbot: QtBot, window: MainWindow) -> None:
    view = open_view(qtbot, window)
    qtbot.waitUntil(lambda: view.per_week.summary_lines()[1:] != [], timeout=10_000)
    with qtbot.waitSignal(view.wanted) as asked:
        view.span.setCurrentIndex(0)  # the last 4 weeks
    since = asked.args[0]
    assert isinstance(since, dt.date) and since.weekday() == 0
    assert (dt.date.today() - since).days < 28
    qtbot.waitUntil(lambda: len(view.per_week.summary_lines()) == 1 + 4, timeout=10_000)


@pytest.mark.parametrize(("largest", "top"), [(0, 4), (3, 4), (5, 8), (9, 20), (41, 80)])
def test_the_value_axis_ends_on_a_round_number(largest: float, top: float) -> None:
    assert nice_top(largest) == top


def test_the_charts_paint_in_light_and_dark(qtbot: QtBot, tmp_path: Path) -> None:
    """Rendered to a picture (look at it: tests write it to the temporary folder)."""
    at = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    monday = dt.date(2026, 9, 14)
    weeks = [monday + dt.timedelta(weeks=n) for n in range(12)]
    history = ReadingHistory(
        done={(week, ReadingStatus.READ): 1 + n % 3 for n, week in enumerate(weeks)},
        queue_changes=dict.fromkeys(weeks, 1),
        read_days=frozenset({at.date()}),
        days_to_read=[1.0, 2.0],
        queued_days={40: 1},
    )
    top = ([("로봇", 5), ("llm", 2)], [("Ada Lovelace", 4)])
    stats = reading_stats(history, top, monday, at, dt.UTC)
    view = ReadingView()
    qtbot.addWidget(view)
    view.show_stats(stats)
    assert "24 read" in summary_text(stats)  # (1 + 2 + 3) x 4
    picture = view.grab()
    assert picture.save(str(tmp_path / "reading.png"))
    chart = BarChart("t")
    chart.set_data(["a"], [Series("s", (1.0,), QColor("red"))])
    assert chart.summary_lines() == ["t", "a: s 1"]
