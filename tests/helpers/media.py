"""For the media tests: bodies (pictures drawn with QImage, a hand-built animated GIF, the tiny
committed video), a running test server, and a media pane on a temporary cache."""

import struct
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from readinglist.core.digest import Media
from readinglist.library.media_cache import MediaCache
from readinglist.ui.media.fetch import DownloadLimits
from readinglist.ui.media.pane import MediaPane, PaneState
from readinglist.ui.qt import QBuffer, QColor, QImage, QIODevice, QSettings, QTimer
from tests.helpers.media_server import MediaServer
from tests.helpers.paths import FIXTURES

SETTLE_MS = 10_000
STALL_LIMIT_MS = 100  # the longest the app may keep the event loop busy: a window that responds
QUICK_TIMEOUT_MS = 400  # "a server that never answers" gives up this fast in the tests

VIDEO_FIXTURE = FIXTURES / "media" / "teaser.mp4"
VIDEO_COLOR = QColor("#2060c0")  # the fixture's one colour
PINK = QColor("#e04080")
BLUE = QColor("#2060c0")


def picture(width: int, height: int, color: QColor = PINK) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(color)
    return image


def encoded(image: QImage, image_format: str = "PNG") -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide's stub says the format is bytes; at run time only str is accepted.
    assert image.save(buffer, image_format)  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def png(width: int = 200, height: int = 100, color: QColor = PINK) -> bytes:
    return encoded(picture(width, height, color))


def animated_gif(colors: list[QColor], side: int = 8, delay_cs: int = 5) -> bytes:
    """A looping GIF with one frame per colour (Qt reads GIFs but cannot write them)."""
    palette = b"".join(bytes((c.red(), c.green(), c.blue())) for c in colors)
    palette = palette.ljust(4 * 3, b"\0")  # a 4-entry global colour table
    header = b"GIF89a" + struct.pack("<HHBBB", side, side, 0xF1, 0, 0) + palette
    looping = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    frames = b"".join(_gif_frame(index, side, delay_cs) for index in range(len(colors)))
    return header + looping + frames + b";"


def _gif_frame(index: int, side: int, delay_cs: int) -> bytes:
    control = b"\x21\xf9\x04\x04" + struct.pack("<H", delay_cs) + b"\x00\x00"
    descriptor = b"\x2c" + struct.pack("<HHHHB", 0, 0, side, side, 0)
    data = _lzw_literal([index] * side * side)
    blocks = b"".join(
        bytes((len(data[i : i + 255]),)) + data[i : i + 255] for i in range(0, len(data), 255)
    )
    return control + descriptor + b"\x02" + blocks + b"\x00"


def _lzw_literal(indices: list[int]) -> bytes:
    """LZW data (minimum code size 2) that never compresses: a clear code before every two
    pixels keeps every code 3 bits wide, which any decoder reads."""
    clear, end, width = 4, 5, 3
    codes: list[int] = []
    for start in range(0, len(indices), 2):
        codes += [clear, *indices[start : start + 2]]
    codes.append(end)
    packed, bits, out = 0, 0, bytearray()
    for code in codes:
        packed |= code << bits
        bits += width
        while bits >= 8:
            out.append(packed & 0xFF)
            packed >>= 8
            bits -= 8
    if bits:
        out.append(packed & 0xFF)
    return bytes(out)


@contextmanager
def serving() -> Iterator[MediaServer]:
    server = MediaServer()
    try:
        yield server
    finally:
        server.stop()


def make_pane(
    qtbot: QtBot, cache_folder: Path, settings: QSettings | None = None, **limits: int
) -> MediaPane:
    """A shown media pane of a useful size on `cache_folder`."""
    pane = MediaPane(
        cache=MediaCache(cache_folder), limits=DownloadLimits(**limits), settings=settings
    )
    qtbot.addWidget(pane)
    pane.resize(320, 320)
    pane.show()
    return pane


def show_and_settle(qtbot: QtBot, pane: MediaPane, url: str) -> PaneState:
    """Show the teaser at `url` and wait until it shows or fails."""
    with qtbot.waitSignal(pane.settled, timeout=SETTLE_MS):
        pane.show_media(Media.from_url(url))
    return pane.state


def cache_files(folder: Path) -> list[str]:
    """Every file in the cache folder, temporary ones included."""
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


class StallWatch:
    """A timer ticking every 10 ms while the block runs. The longest gap between two ticks is
    the longest the event loop was kept from running (`longest_ms`, wall clock); the most
    time the GUI thread itself worked in one gap (`longest_busy_ms`, its CPU time) is what the
    app's code froze it for: on a busy machine the wall clock also counts the time other
    processes had the cores (gaps of 110 ms seen with nothing of ours to do)."""

    TICK_MS = 10

    def __init__(self) -> None:
        self.ticks = 0
        self.longest_ms = self.longest_busy_ms = 0.0
        self._last = self._last_busy = 0.0
        self._timer = QTimer(interval=self.TICK_MS)
        self._timer.timeout.connect(self._tick)

    def __enter__(self) -> "StallWatch":
        self._last, self._last_busy = time.perf_counter(), time.thread_time()
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._timer.stop()

    def until_ticked(self, qtbot: QtBot) -> None:
        """Until the loop has run again, so that a stall just before counts."""
        ticks = self.ticks
        qtbot.waitUntil(lambda: self.ticks > ticks + 1, timeout=SETTLE_MS)

    def _tick(self) -> None:
        now, busy = time.perf_counter(), time.thread_time()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self.longest_busy_ms = max(self.longest_busy_ms, (busy - self._last_busy) * 1000)
        self._last, self._last_busy = now, busy
        self.ticks += 1


def resident_megabytes() -> int:
    """The process's resident memory now (Linux), for bounds on what a step adds."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 // (1024 * 1024)
