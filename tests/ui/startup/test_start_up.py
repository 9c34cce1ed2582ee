"""What the window loads before its first paint: not QtMultimedia, QtNetwork or SQLAlchemy,
not even to find out whether its library already has a window.

Each of them costs start-up time the user sees as a later window (see benchmarks/gui_bench.py);
these tests keep them from coming back onto that path unnoticed.
"""

import ast
import importlib
import os
import subprocess
import sys
from pathlib import Path

from readinglist.ui import qt
from tests.helpers.processes import app_environment, at_first_paint

QT_MODULE = Path(qt.__file__)
_BUILD_THE_WINDOW = """
import sys
from readinglist.ui.startup.app import _application
from readinglist.ui.window.main_window import MainWindow
from readinglist.ui.qt import QSettings

app = _application()
window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
app.processEvents()
print(" ".join(sorted(sys.modules)))
"""


def test_the_window_paints_without_multimedia_network_or_sqlalchemy(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    command = [sys.executable, "-c", _BUILD_THE_WINDOW, str(tmp_path / "settings.ini")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    late = {"PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtNetwork"}
    assert not loaded & (late | {"sqlalchemy", "sqlmodel", "markdown_it"})
    on_first_use = {  # what only an action needs: exporting, copying BibTeX, Preferences
        "csv",
        "json",
        "readinglist.core.export",
        "readinglist.core.bibtex",
        "readinglist.ui.preferences.dialog",
        "readinglist.ui.detail.full_text",
    }
    assert not loaded & on_first_use


def test_claiming_the_library_loads_no_network_before_the_first_paint(tmp_path: Path) -> None:
    """A start takes its library's lock before it builds the window (one window per
    library): with QtCore's lock file, not with QtNetwork's socket."""
    library = ["--library", str(tmp_path / "library.sqlite")]
    modules = at_first_paint('" ".join(sorted(sys.modules))', library, app_environment(tmp_path))
    loaded = set(modules.split())
    assert "readinglist.ui.startup.single_instance" in loaded
    assert not loaded & {"PySide6.QtNetwork", "sqlalchemy", "sqlmodel"}


def test_every_name_loaded_on_first_use_is_pyside6s_own() -> None:
    for module, names in qt._LOADED_ON_FIRST_USE.items():
        for name in names:
            assert getattr(qt, name) is getattr(importlib.import_module(module), name)


def test_the_names_for_type_checking_are_the_names_loaded_on_first_use() -> None:
    """qt.py lists them twice (for mypy, and for `__getattr__`): the lists must agree."""
    tree = ast.parse(QT_MODULE.read_text(encoding="utf-8"))
    checking = next(node for node in tree.body if isinstance(node, ast.If))
    imported = {
        node.module: tuple(alias.name for alias in node.names)
        for node in checking.body
        if isinstance(node, ast.ImportFrom) and node.module is not None
    }
    assert imported == qt._LOADED_ON_FIRST_USE
    assert set(qt._MODULE_OF) <= set(qt.__all__)
