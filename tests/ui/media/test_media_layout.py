"""The media pane's message is whole in a short pane: it wraps, and scrolls when the pane is
too short for it (a tester saw "Could not reach … You may" cut off in a 200-pixel pane)."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.helpers.media import make_pane, show_and_settle
from tests.helpers.media_server import MediaServer

pytest_plugins = ["tests.helpers.media_fixtures"]


def test_the_offline_message_is_never_cut(
    qtbot: QtBot, server: MediaServer, cache_folder: Path
) -> None:
    pane = make_pane(qtbot, cache_folder)
    pane.resize(300, 150)
    url = server.url("/teaser.png")
    server.stop()  # connection refused: "… You may be offline." and Qt's own words

    show_and_settle(qtbot, pane, url)

    label = pane.message_label
    assert "You may be offline." in label.text()
    qtbot.waitUntil(lambda: label.heightForWidth(label.width()) <= label.height())
    assert pane.stack.currentWidget() is pane.message_area  # scrolls when it must
