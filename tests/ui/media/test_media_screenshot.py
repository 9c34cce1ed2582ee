"""`--screenshot` waits for the selected paper's teaser before it renders the window."""

import os
import subprocess
import sys
from pathlib import Path

from readinglist.ui.qt import QImage
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.media import PINK, png
from tests.helpers.media_server import MediaServer

pytest_plugins = ["tests.helpers.media_fixtures"]

SLOWER_THAN_THE_SETTLE_MS = 1.5  # seconds: the teaser arrives well after the window settles


def screenshot(
    library_path: Path, digests: DigestWriter, tmp_path: Path, media: str
) -> subprocess.CompletedProcess[str]:
    """Import one paper with `media` as its teaser and render the window with it selected."""
    environment = {
        **os.environ,
        "READINGLIST_CACHE": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the user's settings stay untouched
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    digest = digests.write("d.md", "2024-03-01", [FakeEntry("2403.00001", media=media)])
    base = [sys.executable, "-m", "readinglist", "--library", str(library_path)]
    subprocess.run([*base, "import", str(digest)], check=True, capture_output=True, env=environment)
    return subprocess.run(
        [*base, "--screenshot", str(tmp_path / "shot.png"), "--select", "2403.00001"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=environment,
    )


def pink_share(path: Path) -> float:
    """The share of the picture (sampled every 4th pixel) in the teaser's pink."""
    image = QImage(str(path))
    samples = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    ]
    pink = [
        c
        for c in samples
        if (c.red(), c.green(), c.blue()) == (PINK.red(), PINK.green(), PINK.blue())
    ]
    return len(pink) / len(samples)


def test_the_screenshot_shows_a_teaser_that_arrives_late(
    server: MediaServer, library_path: Path, digests: DigestWriter, tmp_path: Path
) -> None:
    url = server.delay("/teaser.png", png(640, 360), SLOWER_THAN_THE_SETTLE_MS)

    result = screenshot(library_path, digests, tmp_path, url)

    assert result.returncode == 0, result.stderr
    assert pink_share(tmp_path / "shot.png") > 0.02  # the media pane holds the picture
    assert len(list((tmp_path / "cache").iterdir())) == 1


def test_the_screenshot_shows_a_failed_teaser_without_waiting_long(
    server: MediaServer, library_path: Path, digests: DigestWriter, tmp_path: Path
) -> None:
    result = screenshot(library_path, digests, tmp_path, server.url("/missing.png"))

    assert result.returncode == 0, result.stderr
    assert server.hits["/missing.png"] == 1
    assert pink_share(tmp_path / "shot.png") == 0
