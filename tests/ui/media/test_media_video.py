"""Video teasers through QtMultimedia, checked by the frames reaching the video widget's sink
and the player's status (QVideoWidget.grab() is blank offscreen). Skipped, saying why, where
QtMultimedia cannot load (tests/ui/media/test_media_without_multimedia.py covers that
machine) or its backend cannot decode the committed MPEG-4 fixture. No QtMultimedia name is
imported at the top, so that collecting this module never fails."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.digest import Media, MediaKind
from readinglist.ui import qt
from readinglist.ui.media.pane import MediaPane, PaneState
from readinglist.ui.qt import Qt, multimedia_problem
from tests.helpers.media import (
    SETTLE_MS,
    VIDEO_COLOR,
    VIDEO_FIXTURE,
    cache_files,
    make_pane,
    png,
    show_and_settle,
)
from tests.helpers.media_server import MediaServer

pytest_plugins = ["tests.helpers.media_fixtures"]

# What the offscreen platform and a machine without GPU or sound server say about video:
# frames are converted on the CPU, the video widget's native window cannot be raised, and
# turning the sound on finds no PulseAudio server. None of it is the app's doing.
OFFSCREEN_VIDEO = ("No RHI backend", "does not support raise", "PulseAudioService")
MULTIMEDIA_PROBLEM = multimedia_problem()
pytestmark = [
    pytest.mark.qt_log_ignore(*OFFSCREEN_VIDEO),
    pytest.mark.skipif(
        MULTIMEDIA_PROBLEM is not None, reason=f"QtMultimedia cannot load: {MULTIMEDIA_PROBLEM}"
    ),
]


def backend_problem() -> str | None:
    """Why this machine cannot play the fixture, or None when it can."""
    from readinglist.ui.media.player import quiet_backend_probes

    quiet_backend_probes()  # as the pane does before it makes its first player
    formats = qt.QMediaFormat()
    decode = qt.QMediaFormat.ConversionMode.Decode
    if not qt.QMediaPlayer().isAvailable():
        return "no QtMultimedia backend is available here"
    if qt.QMediaFormat.VideoCodec.MPEG4 not in formats.supportedVideoCodecs(decode):
        return "the multimedia backend cannot decode MPEG-4 Part 2 video here"
    if qt.QMediaFormat.FileFormat.MPEG4 not in formats.supportedFileFormats(decode):
        return "the multimedia backend cannot read MP4 files here"
    return None


@pytest.fixture
def pane(qtbot: QtBot, tmp_path: Path) -> MediaPane:
    problem = backend_problem()
    if problem:
        pytest.skip(problem)
    return make_pane(qtbot, tmp_path / "cache")


def serve_video(server: MediaServer, path: str = "/teaser.mp4") -> str:
    return server.file(path, VIDEO_FIXTURE.read_bytes(), "video/mp4")


def close_to(found: tuple[int, int, int], wanted: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(found, wanted, strict=True))


def test_a_video_teaser_plays_looping_and_silent(
    qtbot: QtBot, pane: MediaPane, server: MediaServer
) -> None:
    url = serve_video(server)

    assert show_and_settle(qtbot, pane, url) is PaneState.SHOWN

    video = pane.video_view()
    assert pane.stack.currentWidget() is video and "Video" in pane.kind_label.text()
    assert video.player.mediaStatus() in (
        qt.QMediaPlayer.MediaStatus.LoadedMedia,
        qt.QMediaPlayer.MediaStatus.BufferingMedia,
        qt.QMediaPlayer.MediaStatus.BufferedMedia,
    )
    assert video.player.loops() == qt.QMediaPlayer.Loops.Infinite
    assert video.player.audioOutput() is None and not video.has_sound()  # no sound at all
    assert video.sound_button.text() == "Muted"
    with qtbot.waitSignal(video.video.videoSink().videoFrameChanged, timeout=SETTLE_MS) as shown:
        pass
    frame: qt.QVideoFrame = shown.args[0]
    image = frame.toImage()
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    wanted = VIDEO_COLOR
    assert close_to(
        (middle.red(), middle.green(), middle.blue()),
        (wanted.red(), wanted.green(), wanted.blue()),
    )
    assert video.is_playing()
    positions: list[int] = []
    video.player.positionChanged.connect(positions.append)
    qtbot.waitUntil(  # the one-second video starts over
        lambda: len(positions) > 1 and positions[-1] < max(positions), timeout=SETTLE_MS
    )


def test_space_and_m_control_the_video_when_the_pane_has_focus(
    qtbot: QtBot, pane: MediaPane, server: MediaServer
) -> None:
    show_and_settle(qtbot, pane, serve_video(server))
    video = pane.video_view()
    pane.activateWindow()
    qtbot.mouseClick(video.video, Qt.MouseButton.LeftButton)  # a click on the picture
    qtbot.waitUntil(pane.hasFocus, timeout=SETTLE_MS)  # gives the pane the keys

    qtbot.keyClick(pane, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not video.is_playing(), timeout=SETTLE_MS)
    assert video.play_button.text() == "Play"
    qtbot.keyClick(pane, Qt.Key.Key_Space)
    qtbot.waitUntil(video.is_playing, timeout=SETTLE_MS)

    qtbot.keyClick(pane, Qt.Key.Key_M)
    assert video.has_sound() and video.sound_button.text() == "Sound on"
    qtbot.mouseClick(video.sound_button, Qt.MouseButton.LeftButton)
    assert not video.has_sound()


def test_every_new_video_starts_silent(qtbot: QtBot, pane: MediaPane, server: MediaServer) -> None:
    show_and_settle(qtbot, pane, serve_video(server))
    pane.video_view().set_sound(True)

    assert show_and_settle(qtbot, pane, serve_video(server, "/other.mp4")) is PaneState.SHOWN

    assert not pane.video_view().has_sound()


def test_a_qt_movie_written_as_an_image_plays_as_a_video(
    qtbot: QtBot, pane: MediaPane, server: MediaServer
) -> None:
    url = serve_video(server, "/teaser.qt")
    assert Media.from_url(url).kind is MediaKind.VIDEO

    assert show_and_settle(qtbot, pane, url) is PaneState.SHOWN
    assert pane.stack.currentWidget() is pane.video_view()


@pytest.mark.qt_log_ignore(*OFFSCREEN_VIDEO, "Could not open media")
def test_a_video_this_machine_cannot_decode_gives_a_placeholder(
    qtbot: QtBot, pane: MediaPane, server: MediaServer
) -> None:
    boxes = (16).to_bytes(4, "big") + b"ftypisom\0\0\0\0" + (24).to_bytes(4, "big") + b"moov"
    url = server.file("/broken.mp4", boxes + b"\x07" * 16, "video/mp4")  # a container of junk

    assert show_and_settle(qtbot, pane, url) is PaneState.FAILED

    assert "cannot be played" in pane.message_label.text()
    assert cache_files(pane.loader.cache.folder) == []  # useless here: not kept


def test_an_image_after_a_video_stops_the_video(
    qtbot: QtBot, pane: MediaPane, server: MediaServer
) -> None:
    show_and_settle(qtbot, pane, serve_video(server))

    show_and_settle(qtbot, pane, server.file("/teaser.png", png(), "image/png"))

    player = pane.video_view().player
    assert player.playbackState() == qt.QMediaPlayer.PlaybackState.StoppedState
    assert player.source().isEmpty()
    assert pane.stack.currentWidget() is pane.image_view


def test_without_a_multimedia_backend_a_video_gives_a_placeholder(
    qtbot: QtBot, tmp_path: Path, server: MediaServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qt.QMediaPlayer, "isAvailable", lambda _: False)
    pane = make_pane(qtbot, tmp_path / "cache")

    assert show_and_settle(qtbot, pane, serve_video(server)) is PaneState.FAILED

    assert "cannot be played" in pane.message_label.text()
    assert "no video player" in pane.message_label.text()
