"""Teasers that would never end: addresses of any length, bodies that never stop. The window
keeps painting (a stall watchdog) and memory stays near the limits."""

import sys

import pytest
from pytestqt.qtbot import QtBot

from readinglist.ui.media_pane import MediaPane, PaneState
from readinglist.ui.qt import QGuiApplication
from tests.media_helpers import (
    STALL_LIMIT_MS,
    StallWatch,
    png,
    resident_megabytes,
    show_and_settle,
)
from tests.media_server import MediaServer

pytest_plugins = ["tests.media_fixtures"]

GROWTH_LIMIT_MB = 150  # what showing one teaser may add to the process, with a wide margin


# --- addresses --------------------------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
@pytest.mark.parametrize("length", [100_000, 1_000_000], ids=["100k", "1M"])
@pytest.mark.parametrize("web", [True, False], ids=["http", "not-web"])
def test_a_huge_teaser_address_never_stalls_the_pane(
    qtbot: QtBot, pane: MediaPane, server: MediaServer, length: int, web: bool
) -> None:
    url = (server.url("/") if web else "teaser-") + "a" * length + ".png"
    before = resident_megabytes()

    with StallWatch() as watch:
        assert show_and_settle(qtbot, pane, url) is PaneState.FAILED
        pane.grab()  # lays the pane out and paints it
        watch.until_ticked(qtbot)

    assert watch.longest_ms < STALL_LIMIT_MS
    assert resident_megabytes() - before < GROWTH_LIMIT_MB
    assert "too long" in pane.message_label.text()
    assert server.hits == {}  # never sent
    shown = pane.url_label.text()
    assert shown.startswith(url[:8]) and "…" in shown and shown.endswith("a.png")
    assert pane.url_label.fontMetrics().horizontalAdvance(shown) <= pane.url_label.width()
    assert 100 < len(pane.url_label.toolTip()) < 2_000


def test_a_long_address_is_cut_in_the_middle_and_copied_whole(
    qtbot: QtBot, pane: MediaPane, server: MediaServer
) -> None:
    url = server.file("/" + "deep/" * 60 + "teaser.png", png(), "image/png")

    assert show_and_settle(qtbot, pane, url) is PaneState.SHOWN

    shown = pane.url_label.text()
    assert shown.startswith("http://127.0.0.1") and shown.endswith("teaser.png") and "…" in shown
    assert url in pane.url_label.toolTip().replace("\n", "")
    pane.copy_url_action.trigger()
    assert QGuiApplication.clipboard().text() == url
    pane.resize(pane.url_label.fontMetrics().horizontalAdvance(url) + 100, 320)  # room for all
    qtbot.waitUntil(lambda: pane.url_label.text() == url, timeout=10_000)
