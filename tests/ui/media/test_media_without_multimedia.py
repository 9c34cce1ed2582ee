"""The app on a machine without libpulse0, where QtMultimedia cannot load (made by injection:
tests/helpers/without_multimedia.py): the window, import, triage, search and pictures work; a video
teaser says what is missing; the self-test warns and passes."""

import io
import os
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library
from readinglist.library.papers import load_paper
from readinglist.ui.media.pane import MediaPane, PaneState
from readinglist.ui.qt import QApplication, QFont, Qt, multimedia_problem
from readinglist.ui.startup import self_test
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import focus_list, import_by_drop, row_titles
from tests.helpers.media import VIDEO_FIXTURE, png, show_and_settle
from tests.helpers.media_server import MediaServer
from tests.helpers.paths import ROOT
from tests.helpers.without_multimedia import MISSING_LIBRARY, hide_multimedia

pytest_plugins = ["tests.helpers.media_fixtures"]

SAYS = (
    "Videos cannot play: Qt Multimedia could not load (libpulse.so.0 is missing). "
    "Install libpulse0."
)


@pytest.fixture(autouse=True)
def no_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_multimedia(monkeypatch)
    assert multimedia_problem() is not None


def test_the_probe_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    assert MISSING_LIBRARY in str(multimedia_problem())


def test_a_video_teaser_says_what_is_missing(
    qtbot: QtBot, pane: MediaPane, server: MediaServer
) -> None:
    url = server.file("/teaser.mp4", VIDEO_FIXTURE.read_bytes(), "video/mp4")

    assert show_and_settle(qtbot, pane, url) is PaneState.FAILED

    assert SAYS in pane.message_label.text()
    assert not pane.message_button.isVisible()  # trying again cannot help
    assert server.hits["/teaser.mp4"] == 0  # not downloaded for nothing
    assert "readinglist.ui.media.player" not in sys.modules


def test_image_teasers_still_show(qtbot: QtBot, pane: MediaPane, server: MediaServer) -> None:
    url = server.file("/teaser.png", png(), "image/png")

    assert show_and_settle(qtbot, pane, url) is PaneState.SHOWN


def test_the_window_imports_triages_searches_and_shows_media(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter, server: MediaServer
) -> None:
    video = server.file("/v.mp4", VIDEO_FIXTURE.read_bytes(), "video/mp4")
    papers = [
        FakeEntry("2403.00001", title="Video Paper", media=video),
        FakeEntry("2403.00002", title="Robots Learn", media=None),
    ]
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers)])
    window.menu_actions.advance.setChecked(False)

    assert window.select_paper("2403.00001")
    qtbot.waitUntil(lambda: SAYS in window.media.message_label.text(), timeout=10_000)
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_S)

    assert window.detail.star_button.isChecked()
    qtbot.waitUntil(lambda: starred(library, "2403.00001"), timeout=10_000)
    window.search_box.field.setText("robots")
    qtbot.waitUntil(lambda: row_titles(window) == ["Robots Learn"], timeout=10_000)


def starred(library: Library, arxiv_id: str) -> bool:
    with library.reading() as connection:
        paper = load_paper(connection, arxiv_id)
    return paper is not None and paper.starred


def test_the_self_test_warns_and_passes(qapp: QApplication) -> None:
    font = QFont(qapp.font())  # the self-test's Korean fallback changes it
    out = io.StringIO()
    try:
        verdict = self_test.run_self_test(lambda: qapp, out)
    finally:
        qapp.setFont(font)

    report = out.getvalue()
    assert verdict == 0, report
    assert f"  warn  multimedia   {SAYS}" in report.splitlines()
    assert "FAIL" not in report
    assert "1 warning" in report.splitlines()[-1]


def without_multimedia(*arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m …` in a process where QtMultimedia cannot load from the start."""
    return subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_the_self_test_command_warns_and_exits_0() -> None:
    start = "import tests.helpers.without_multimedia as w, runpy; w.install(); "
    run = "runpy.run_module('readinglist', run_name='__main__')"
    result = without_multimedia("-c", start + run, "--self-test")

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"warn  multimedia   {SAYS}" in result.stdout
    assert "Traceback" not in result.stderr


def test_the_test_suite_collects_and_skips_video_tests_saying_why() -> None:
    plugin = [
        "-m",
        "pytest",
        "-p",
        "tests.helpers.without_multimedia",
        "-p",
        "no:randomly",
        "-q",
        "-rs",
    ]
    collected = without_multimedia(*plugin, "--collect-only", "tests/ui/startup/test_packaging.py")
    videos = without_multimedia(*plugin, "tests/ui/media/test_media_video.py")

    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert videos.returncode == 0, videos.stdout + videos.stderr
    assert "passed" not in videos.stdout and MISSING_LIBRARY in videos.stdout
