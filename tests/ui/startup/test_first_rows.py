"""The window's first rows (and the paper it restores) without SQLModel or pydantic: the list a
start restores runs from the SQL kept by the start before (`library/id_plans.py`), the rows
and the paper through the driver; SQLModel (0.15-0.5 s) loads once they are painted."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readinglist.library import papers as store
from readinglist.library.database import open_library
from readinglist.library.id_plans import SUFFIX
from readinglist.library.importer import import_file
from tests.helpers.digests import DigestWriter, entries

_START_THE_APP = """
import json, sys
from pathlib import Path
from readinglist.ui.startup.app import AppOptions, _application, run_app
from readinglist.ui.window.main_window import MainWindow
from readinglist.ui.qt import QAbstractItemView, QEvent, QObject, QTimer

app = _application()
seen = {}

class FirstRows(QObject):
    def eventFilter(self, watched, event):
        view = watched.parent()
        if (
            event.type() == QEvent.Type.Paint
            and not seen
            and isinstance(view, QAbstractItemView)
            and view.objectName() == "paperList"
            and view.model().rowCount() > 0
        ):
            window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
            seen["rows"] = view.model().rowCount()
            seen["paper"] = window.detail.paper_id()
            seen["loaded"] = sorted(m for m in ("sqlmodel", "pydantic") if m in sys.modules)
            QTimer.singleShot(0, app.quit)
        return False

first_rows = FirstRows()
app.installEventFilter(first_rows)
QTimer.singleShot(120_000, app.quit)  # a window that never shows rows: `seen` stays empty
run_app(AppOptions(library=Path(sys.argv[1])))
print(json.dumps(seen))
"""


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    digests = DigestWriter(tmp_path / "digests")
    with open_library(path) as library:
        import_file(library, digests.write("a.md", "2024-03-01", entries("2403.00001")))
        import_file(library, digests.write("b.md", "2024-03-02", entries("2403.00002")))
        with library.writing() as connection:
            store.add_tags(connection, [1], ["ideas"])
    return path


def _start(library: Path, config: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    command = [sys.executable, "-c", _START_THE_APP, str(library)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen, f"the window never painted rows; its stderr:\n{done.stderr}"
    return seen


@pytest.mark.parametrize("entry", ["all", "tag:ideas"])
def test_a_start_shows_its_first_rows_and_paper_before_sqlmodel_loads(
    library_path: Path, tmp_path: Path, entry: str
) -> None:
    settings = tmp_path / "config" / "readinglist" / "readinglist.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[list]\nsidebarEntry={entry}\ncurrentPaper=2403.00001\n")

    first = _start(library_path, tmp_path / "config")  # compiles the list's SQL, and keeps it
    assert first["paper"] == 1
    assert library_path.with_name(library_path.name + SUFFIX).is_file()

    again = _start(library_path, tmp_path / "config")
    assert again == {"rows": first["rows"], "paper": 1, "loaded": []}
