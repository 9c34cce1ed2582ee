"""PySide6's import hook never fails an import, and reads no source but readinglist.ui.qt's.

The hook inspects a module's source after it is imported; with imports running on two
threads it can inspect one half-way, and pydantic's modules then raise ImportError from
`__getattr__("__wrapped__")` (the list's first read failed so, 1 start in 40 on a busy
machine). The race itself cannot be forced; what the hook does with such a module can.
"""

import sys
from pathlib import Path
from types import ModuleType

import readinglist.ui.qt  # guards the hook as it loads


class _HalfImported(ModuleType):
    """A module whose `__getattr__` imports what is still importing it (as pydantic's)."""

    def __getattr__(self, name: str) -> object:
        raise ImportError(f"cannot import name {name!r} from partially initialized module")


def test_a_module_the_hook_cannot_inspect_is_left_alone() -> None:
    feature = sys.modules["shibokensupport.feature"]
    module = _HalfImported("readinglist_test_half_imported")

    feature.feature_imported(module)

    assert feature.pyside_feature_dict[module.__name__] == -1  # "ignore this module"


def test_a_module_using_pyside_is_still_seen_as_one() -> None:
    feature = sys.modules["shibokensupport.feature"]
    feature.pyside_feature_dict.pop(readinglist.ui.qt.__name__, None)

    feature.feature_imported(readinglist.ui.qt)

    assert feature.pyside_feature_dict[readinglist.ui.qt.__name__] == 0


def test_other_modules_are_left_alone_without_reading_their_source(tmp_path: Path) -> None:
    feature = sys.modules["shibokensupport.feature"]
    source = tmp_path / "mentions.py"
    source.write_text("# from PySide6 import QtCore (the hook would count this as a use)\n")
    module = ModuleType("somebody_elses_module")
    module.__file__ = str(source)

    feature.feature_imported(module)

    assert feature.pyside_feature_dict[module.__name__] == -1  # its source was never read
