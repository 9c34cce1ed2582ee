"""At 1024x640, and at twice the scale, no label of the detail header or the teaser area is
cut: each wrapping label has the height its text needs at its width, each other label the
width its text needs (or elides on purpose with the whole in its tooltip). Each scale runs
in a process of its own (QT_SCALE_FACTOR is read when Qt starts)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROBE = ROOT / "tests" / "helpers" / "clipping_probe.py"
PROBE_TIMEOUT_S = 180  # a busy machine; the probe itself takes about 3 s


@pytest.mark.parametrize("scale", ["1", "2"])
def test_no_header_or_teaser_label_is_cut(tmp_path: Path, scale: str) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": scale,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "READINGLIST_CACHE": str(tmp_path / "media"),
    }
    result = subprocess.run(
        [sys.executable, str(PROBE), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=PROBE_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["problems"] == []
    checked = " ".join(found["checked"])
    assert "Curriculum Learning" in checked and "and 90 more" in checked
    assert "You may be offline." in checked
