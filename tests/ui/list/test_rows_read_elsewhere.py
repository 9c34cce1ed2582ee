"""The list's rows read elsewhere (a shared library's reader thread): a paint asks once for
its pages, rows paint empty until they come, an edit keeps the old row shown and never
takes an answer read before it, a failed read is asked again at the next paint only, and
a paper gone meanwhile is not asked for again and again."""

from collections.abc import Callable, Sequence
from dataclasses import replace

from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library.browse import PaperRow
from readinglist.ui.list.columns import Column
from readinglist.ui.list.model import PAGE, PaperTableModel
from readinglist.ui.qt import Qt
from tests.ui.test_models import fake_rows

Answer = Callable[[dict[int, PaperRow] | None], None]


class Reader:
    """Requests kept until the test answers them."""

    def __init__(self) -> None:
        self.asked: list[tuple[list[int], Answer]] = []
        self.status = ReadingStatus.UNREAD

    def __call__(self, ids: Sequence[int], answer: Answer) -> None:
        self.asked.append((list(ids), answer))

    def answer(self, request: int = -1, *, leave_out: int | None = None) -> None:
        ids, answer = self.asked[request]
        rows = fake_rows([i for i in ids if i != leave_out])
        answer({i: replace(row, status=self.status) for i, row in rows.items()})


def never_read_here(ids: Sequence[int]) -> dict[int, PaperRow]:
    raise AssertionError(f"rows {list(ids)[:3]}… read on this thread")


def model_reading_elsewhere(count: int) -> tuple[PaperTableModel, Reader]:
    model = PaperTableModel(never_read_here)
    reader = Reader()
    model.read_rows_elsewhere(reader)
    model.set_ids(list(range(1, count + 1)))
    return model, reader


def title(model: PaperTableModel, row: int) -> object:
    return model.index(row, Column.TITLE).data()


def paint(model: PaperTableModel, rows: range) -> list[object]:
    return [title(model, row) for row in rows]


def test_a_paint_asks_once_for_its_pages_and_rows_come_later(qtbot: QtBot) -> None:
    model, reader = model_reading_elsewhere(3 * PAGE)
    assert paint(model, range(PAGE - 5, PAGE + 5)) == [None] * 10  # two pages, not yet read
    qtbot.waitUntil(lambda: len(reader.asked) == 1)
    assert reader.asked[0][0] == list(range(1, 2 * PAGE + 1))
    with qtbot.waitSignal(model.dataChanged):
        reader.answer()
    assert paint(model, range(PAGE - 1, PAGE + 1)) == [f"Paper {PAGE}", f"Paper {PAGE + 1}"]
    assert model.index(0, Column.TITLE).data(Qt.ItemDataRole.DisplayRole) == "Paper 1"


def test_an_edit_keeps_the_old_row_shown_and_drops_an_answer_read_before_it(
    qtbot: QtBot,
) -> None:
    model, reader = model_reading_elsewhere(10)
    paint(model, range(10))
    qtbot.waitUntil(lambda: len(reader.asked) == 1)
    reader.answer()
    assert model.index(0, Column.TITLE).data(Qt.ItemDataRole.FontRole).bold()  # unread
    model.refresh([1])  # an edit
    assert title(model, 0) == "Paper 1"  # the old row until the new one comes
    qtbot.waitUntil(lambda: len(reader.asked) == 2)
    model.refresh([1])  # another edit before the answer: it was read before
    reader.status = ReadingStatus.READ
    reader.answer(1)
    assert model.index(0, Column.TITLE).data(Qt.ItemDataRole.FontRole).bold()  # not taken
    qtbot.waitUntil(lambda: len(reader.asked) == 3)  # asked again
    reader.answer(2)
    assert model.index(0, Column.TITLE).data(Qt.ItemDataRole.FontRole) is None  # read now


def test_row_at_reads_a_stale_row_at_once(qtbot: QtBot) -> None:
    """A caller asking for one row's facts (the next untriaged paper) gets it as it is."""
    read_here: list[int] = []

    def load(ids: Sequence[int]) -> dict[int, PaperRow]:
        read_here.extend(ids)
        return fake_rows(ids)

    model = PaperTableModel(load)
    reader = Reader()
    model.read_rows_elsewhere(reader)
    model.set_ids([1, 2])
    paint(model, range(2))
    qtbot.waitUntil(lambda: len(reader.asked) == 1)
    reader.answer()
    model.refresh([2])
    row = model.row_at(1)
    assert row is not None and row.id == 2
    assert read_here == [1, 2]


def test_a_failed_read_is_asked_again_at_the_next_paint_only(qtbot: QtBot) -> None:
    model, reader = model_reading_elsewhere(5)
    paint(model, range(5))
    qtbot.waitUntil(lambda: len(reader.asked) == 1)
    reader.asked[0][1](None)  # the server is gone
    paint(model, range(5))
    qtbot.waitUntil(lambda: len(reader.asked) == 2)
    reader.answer()
    assert title(model, 4) == "Paper 5"


def test_a_paper_gone_meanwhile_is_not_asked_for_again(qtbot: QtBot) -> None:
    model, reader = model_reading_elsewhere(5)
    paint(model, range(5))
    qtbot.waitUntil(lambda: len(reader.asked) == 1)
    reader.answer(leave_out=3)
    assert paint(model, range(5)) == ["Paper 1", "Paper 2", None, "Paper 4", "Paper 5"]
    qtbot.wait(0)  # a paint's request would be sent at the next turn of the event loop
    assert len(reader.asked) == 1


def test_the_model_passes_the_model_tester_reading_elsewhere(
    qtbot: QtBot, qtmodeltester: object
) -> None:
    model, reader = model_reading_elsewhere(250)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(reader.asked) >= 1)
    reader.answer()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
