"""A machine without libpulse0, where QtMultimedia fails to import, made by injection.

`hide_multimedia(monkeypatch)` does it for one test: `import PySide6.QtMultimedia` (and
QtMultimediaWidgets) raise the ImportError such a machine gives, and what had loaded them is
forgotten. As a plugin (`pytest -p tests.helpers.without_multimedia`) or through `install()`,
it does it for a whole process from its start.
"""

import importlib.abc
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

import pytest

from readinglist.ui import qt

MISSING_LIBRARY = "libpulse.so.0"
IMPORT_ERROR = f"{MISSING_LIBRARY}: cannot open shared object file: No such file or directory"
_HIDDEN = "PySide6.QtMultimedia"  # and PySide6.QtMultimediaWidgets
_LOADED_WITH_IT = ("readinglist.ui.media.player",)  # modules that hold QtMultimedia names


class _RefuseMultimedia(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.startswith(_HIDDEN):
            raise ImportError(IMPORT_ERROR, name=fullname)
        return None


def install() -> None:
    """From now on, in this process, QtMultimedia cannot be imported."""
    sys.meta_path.insert(0, _RefuseMultimedia())


def hide_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the test ends, QtMultimedia cannot be imported, as if it had never loaded."""
    monkeypatch.setattr(sys, "meta_path", [_RefuseMultimedia(), *sys.meta_path])
    for name in [*sys.modules]:
        if name.startswith(_HIDDEN) or name in _LOADED_WITH_IT:
            monkeypatch.delitem(sys.modules, name)
    for name in [*vars(qt)]:
        module = getattr(getattr(qt, name), "__module__", "")
        if module.startswith(_HIDDEN):
            monkeypatch.delattr(qt, name)  # loaded on first use: cached in the module


def pytest_configure(config: pytest.Config) -> None:
    install()
