"""Signals carry Python containers as they are: a signal declared with `list` (or `dict`,
`tuple`, `set`) makes PySide6 copy the container into a QVariantList and back, element by
element, on every emit. Selecting all 200,000 papers then held the GUI thread 107 ms in one
emit of their ids; `Signal(object)` passes the list itself."""

import ast
from pathlib import Path

from readinglist.ui.qt import QObject, Signal

SOURCE = Path(__file__).resolve().parents[2] / "src" / "readinglist"
CONTAINERS = {"list", "dict", "tuple", "set"}


def _converting_signals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "Signal"
        ):
            continue
        if any(isinstance(arg, ast.Name) and arg.id in CONTAINERS for arg in node.args):
            where = path.as_posix().removeprefix(SOURCE.as_posix())
            found.append(f"{where}:{node.lineno}")
    return found


def test_no_signal_converts_a_container() -> None:
    found = [where for path in sorted(SOURCE.rglob("*.py")) for where in _converting_signals(path)]
    assert found == [], f"declare these Signal(object): {found}"


def test_the_check_sees_a_converting_signal(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text("class A:\n    ids = Signal(list)\n    ok = Signal(object)\n")
    assert len(_converting_signals(source)) == 1


def test_an_object_signal_passes_the_list_itself(qapp: object) -> None:
    class Emitter(QObject):
        ids = Signal(object)

    emitter, received = Emitter(), list[list[int]]()
    emitter.ids.connect(received.append)
    ids = list(range(1000))
    emitter.ids.emit(ids)
    assert received == [ids] and received[0] is ids
