"""Run as a script (a process of its own, so QT_SCALE_FACTOR can differ): the window at
1024x640 on a paper with a long title, 100 authors and a teaser that cannot be reached, then
every label of the detail header and the media pane checked against the room it has. Prints
a JSON object: the problems found (none, when all is well) and the label texts checked.

    python tests/helpers/clipping_probe.py WORKDIR [PNG]
"""

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from readinglist.ui.qt import QLabel, QSettings, QWidget
from readinglist.ui.startup import app as startup
from tests.helpers.digests import FakeEntry, digest_text
from tests.helpers.papers import LONG_TITLE, MANY_AUTHORS

SIZE = (1024, 640)
UNREACHABLE = "http://127.0.0.1:9/teaser.png"  # the discard port: refused at once


def problems_of(label: QLabel) -> list[str]:
    """A wrapping label needs its height for its width; one that does not wrap needs its
    text's width, unless it elides on purpose and its tooltip holds the whole."""
    if not label.isVisible() or not label.text():
        return []
    name = label.objectName() or type(label).__name__
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return [f"{name}: needs {needed} px of height, has {label.height()}"]
    else:
        needed = label.fontMetrics().horizontalAdvance(label.text())
        whole = label.toolTip()
        if needed > room.width() and not whole:
            return [f"{name}: needs {needed} px of width, has {room.width()}"]
    parent = label.parentWidget()
    if parent is not None and label.geometry().right() > parent.contentsRect().right() + 1:
        return [f"{name}: runs past its pane's right edge"]
    return []


def main(workdir: Path, png: Path | None) -> int:
    digest = workdir / "digest.md"
    entry = FakeEntry("2403.00001", title=LONG_TITLE, authors=MANY_AUTHORS, media=UNREACHABLE)
    digest.write_text(digest_text("2024-03-01", [entry]), encoding="utf-8")
    qt = startup._application([])
    settings = QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat)
    from readinglist.ui.window.main_window import MainWindow

    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    options = startup.AppOptions(library=workdir / "library.sqlite")
    if not startup._attach(window, options):
        return 1
    window.import_paths([digest])
    startup._wait_for_reads(qt, window)
    while not window.select_paper("2403.00001"):
        startup._settle()
    startup._wait_for_reads(qt, window)
    startup._wait_for_media(window)
    startup._settle()
    checked: list[QWidget] = [
        window.detail.title_label,
        window.detail.authors_label,
        window.detail.link_label,
        window.detail.digests_label,
        *window.media.findChildren(QLabel),
    ]
    labels = [label for label in checked if isinstance(label, QLabel)]
    problems = [problem for label in labels for problem in problems_of(label)]
    texts = [label.text() for label in labels if label.isVisible() and label.text()]
    if png is not None:
        window.grab().save(str(png))
    window.close()
    print(json.dumps({"problems": problems, "checked": texts}))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
