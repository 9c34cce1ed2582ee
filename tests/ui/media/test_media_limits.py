"""Teasers that would never end: addresses of any length, bodies that never stop. The window
keeps painting (a stall watchdog) and memory stays near the limits."""

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.digest import Media
from readinglist.library.media_cache import MEGABYTE
from readinglist.ui.media.pane import MediaPane, PaneState
from readinglist.ui.qt import QGuiApplication, Qt
from tests.helpers.media import (
    SETTLE_MS,
    STALL_LIMIT_MS,
    StallWatch,
    make_pane,
    png,
    resident_megabytes,
    show_and_settle,
)
from tests.helpers.media_server import MediaServer

pytest_plugins = ["tests.helpers.media_fixtures"]

GROWTH_LIMIT_MB = 150  # what showing one teaser may add to the process, with a wide margin
LIMIT_MB = 4  # the download limit of the endless body's test
BUFFERED_MB = 32  # what may lie in buffers beyond it: the reply's, and the sockets' (~10 MB)
FLOOD_MB = 256  # what an unbounded reply takes in while the GUI thread is busy (in ~1 s here)
BUSY_SECONDS = 3.0  # how long the GUI thread stays busy at most


def block_until(done: Callable[[], bool], seconds: float) -> None:
    """Keep the GUI thread busy (it handles no event) until `done` or `seconds` have passed."""
    until = time.monotonic() + seconds
    while not done() and time.monotonic() < until:
        time.sleep(0.01)


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

    assert watch.longest_busy_ms < STALL_LIMIT_MS, f"{watch.longest_ms:.0f} ms by the clock"
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
    assert url in pane.url_label.toolTip().replace("<br>", "")
    pane.copy_url_action.trigger()
    assert QGuiApplication.clipboard().text() == url
    pane.resize(pane.url_label.fontMetrics().horizontalAdvance(url) + 100, 320)  # room for all
    qtbot.waitUntil(lambda: pane.url_label.text() == url, timeout=10_000)


def test_markup_in_an_address_is_shown_not_obeyed(
    qtbot: QtBot, pane: MediaPane, server: MediaServer
) -> None:
    url = server.url("/<b>bold</b><img src='/etc/x.png'>.png")

    show_and_settle(qtbot, pane, url)

    assert pane.url_label.text().endswith("src='/etc/x.png'>.png")  # as plain text
    assert pane.url_label.textFormat() is Qt.TextFormat.PlainText
    tooltip = pane.url_label.toolTip()
    assert "&lt;b&gt;bold&lt;/b&gt;&lt;img src=&#x27;/etc/x.png&#x27;&gt;" in tooltip
    assert "<b>" not in tooltip and "<img" not in tooltip


# --- bodies -----------------------------------------------------------------------------------


def test_an_endless_body_is_cut_at_the_limit_with_little_buffered(
    qtbot: QtBot, server: MediaServer, tmp_path: Path
) -> None:
    """While the GUI thread is busy, the network reads on only up to a bounded buffer: the
    server can send no more than that, the socket buffers and what was already read."""
    pane = make_pane(qtbot, tmp_path / "cache", max_bytes=LIMIT_MB * MEGABYTE)
    url = server.endless("/endless.png")
    with qtbot.waitSignal(pane.loader.progressed, timeout=SETTLE_MS):
        pane.show_media(Media.from_url(url))

    block_until(lambda: server.sent_by("/endless.png") > FLOOD_MB * MEGABYTE, BUSY_SECONDS)

    sent_mb = server.sent_by("/endless.png") / MEGABYTE
    assert sent_mb < LIMIT_MB + BUFFERED_MB
    qtbot.waitUntil(pane.is_settled, timeout=SETTLE_MS)
    assert "too large" in pane.message_label.text()
