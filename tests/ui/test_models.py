"""The window's own models under `qtmodeltester`, and the precise signals they emit."""

import datetime as dt
import functools
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.listing import SavedSearchCount
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query
from readinglist.library.browse import DigestCount, PaperRow, SidebarCounts
from readinglist.library.database import Library
from readinglist.ui.data.queries import QueryRunner
from readinglist.ui.list.columns import Column
from readinglist.ui.list.model import PaperTableModel
from readinglist.ui.qt import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from readinglist.ui.sidebar.entries import DIGESTS_GROUP, SAVED_GROUP, TAGS_GROUP
from readinglist.ui.sidebar.model import QUERY_ROLE, SidebarModel, _runs

if TYPE_CHECKING:
    from sqlalchemy import Connection


def counts(
    tags: Sequence[tuple[str, int]] = (),
    digests: Sequence[tuple[str, int]] = (),
    unread: int = 3,
    every_digest: bool = True,
    saved: Sequence[tuple[int, str, str, int | None]] = (),
) -> SidebarCounts:
    by_status = dict.fromkeys(ReadingStatus, 0)
    by_status[ReadingStatus.UNREAD] = unread
    return SidebarCounts(
        total=sum(by_status.values()),
        by_status=by_status,
        starred=0,
        tags=tuple(tags),
        digests=tuple(DigestCount(dt.date.fromisoformat(d), 20, n) for d, n in digests),
        every_digest=every_digest,
        saved=tuple(SavedSearchCount(*search) for search in saved),
    )


def child_labels(model: SidebarModel, group: str) -> list[str]:
    parent = model.index_of(group)
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def day_labels(model: SidebarModel) -> list[str]:
    """The digests' days, newest first, under every year and month."""
    days = []
    for year_row in range(model.rowCount(years := model.index_of(DIGESTS_GROUP))):
        year = model.index(year_row, 0, years)
        for month_row in range(model.rowCount(year)):
            month = model.index(month_row, 0, year)
            days += [model.index(r, 0, month).data() for r in range(model.rowCount(month))]
    return days


def record_changes(model: SidebarModel) -> list[str]:
    changes: list[str] = []
    model.modelReset.connect(lambda: changes.append("reset"))
    model.rowsInserted.connect(lambda _, first, last: changes.append(f"insert {first}-{last}"))
    model.rowsRemoved.connect(lambda _, first, last: changes.append(f"remove {first}-{last}"))
    model.dataChanged.connect(  # the label of each row in the range
        lambda top, bottom: changes.extend(
            f"changed {top.siblingAtRow(row).siblingAtColumn(0).data()}"
            for row in range(top.row(), bottom.row() + 1)
        )
    )
    return changes


def test_the_sidebar_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = SidebarModel()
    model.show_counts(counts([("llm", 2), ("vision", 1)], [("2024-03-02", 5), ("2024-03-01", 0)]))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.show_counts(
        counts([("agents", 1), ("vision", 1)], [("2024-03-03", 20), ("2024-03-02", 4)])
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert child_labels(model, TAGS_GROUP) == ["agents", "vision"]
    assert child_labels(model, DIGESTS_GROUP) == ["2024"]
    assert day_labels(model) == ["2024-03-03", "2024-03-02"]


def test_new_counts_change_only_what_changed() -> None:
    model = SidebarModel()
    model.show_counts(counts([("llm", 2)], [("2024-03-02", 5), ("2024-03-01", 3)]))
    changes = record_changes(model)

    model.show_counts(
        counts([("llm", 2)], [("2024-03-01", 2)], unread=2, every_digest=False)  # one edit
    )

    assert changes == [
        "changed All papers",
        "changed Unread",
        "changed 2024-03-01",
        "changed March",  # the month and the year roll the digest's unread papers up
        "changed 2024",
    ]
    assert model.index_of("year:2024").siblingAtColumn(1).data() == "7"
    assert model.index_of("digest:2024-03-02").siblingAtColumn(1).data() == "5"


def test_digests_show_every_count_after_one_digests_edit() -> None:
    """Equal counts for every digest skip the digests' rebuild: a count changed by one
    edit in between is still put back when the whole list comes again."""
    model = SidebarModel()
    every = [("2024-03-02", 5), ("2024-03-01", 3)]
    model.show_counts(counts(digests=every))
    model.show_counts(counts(digests=[("2024-03-01", 2)], every_digest=False))
    changes = record_changes(model)

    model.show_counts(counts(digests=every))
    model.show_counts(counts(digests=every))

    assert changes == ["changed 2024-03-01", "changed March", "changed 2024"]
    assert model.index_of("digest:2024-03-01").siblingAtColumn(1).data() == "3"
    assert model.index_of("digest:2024-03-01").data(QUERY_ROLE) == Query(
        digests=(dt.date(2024, 3, 1),)
    )


def test_new_tags_and_digests_are_inserted_and_gone_ones_removed() -> None:
    model = SidebarModel()
    model.show_counts(counts([("b", 1), ("d", 1)], [("2024-03-01", 1)]))
    changes = record_changes(model)

    model.show_counts(
        counts(
            [("a", 1), ("b", 1), ("c", 1)],
            [("2024-03-03", 1), ("2024-03-02", 1), ("2024-03-01", 1)],
        )
    )

    assert "reset" not in changes
    assert changes[:3] == ["remove 1-1", "insert 0-0", "insert 2-2"]
    assert "insert 0-1" in changes  # both new digests at once, newest first
    assert child_labels(model, TAGS_GROUP) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("rows", "runs"),
    [([], []), ([3], [(3, 3)]), ([0, 1, 2, 5, 7, 8], [(0, 2), (5, 5), (7, 8)])],
)
def test_rows_group_into_runs(rows: list[int], runs: list[tuple[int, int]]) -> None:
    assert list(_runs(rows)) == runs


def fake_rows(ids: Sequence[int]) -> dict[int, PaperRow]:
    return {
        i: PaperRow(
            i,
            f"2403.{i:05d}",
            f"Paper {i}",
            ("Kim",),
            False,
            dt.date(2024, 3, 1),
            i,
            False,
            ReadingStatus.UNREAD if i % 2 else ReadingStatus.READ,
            (),
        )
        for i in ids
    }


def test_the_paper_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = PaperTableModel(fake_rows)
    model.set_ids(list(range(1, 251)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_ids([0, *range(1, 251), 300])  # insertions
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_ids([5, 4, 3])  # a new order: a reset
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_unread_rows_stand_out() -> None:
    model = PaperTableModel(fake_rows)
    model.set_ids([1, 2])  # 1 unread, 2 read
    unread, read = model.index(0, Column.TITLE), model.index(1, Column.TITLE)
    assert unread.data(Qt.ItemDataRole.FontRole).bold()
    assert read.data(Qt.ItemDataRole.FontRole) is None
    assert model.index(0, Column.STATUS).data(Qt.ItemDataRole.ForegroundRole) is not None


@pytest.mark.parametrize(
    "role",
    [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
    ],
)
def test_a_cells_roles_at_once_are_what_it_gives_one_by_one(role: Qt.ItemDataRole) -> None:
    """What the view's delegate asks for in one call (`multiData`) is what `data` says."""
    model = PaperTableModel(fake_rows)
    model.set_ids([1, 2])
    for row in range(2):
        for column in Column:
            index = model.index(row, column)
            asked = QModelRoleData(role)
            model.multiData(index, QModelRoleDataSpan(asked))
            assert asked.data() == index.data(role), (row, column, role)


def test_only_the_newest_request_on_a_channel_is_answered(qtbot: QtBot, library: Library) -> None:
    runner = QueryRunner(library)
    answers: list[str] = []
    try:
        with qtbot.waitSignal(runner.settled, timeout=5_000):
            for word in ("first", "second", "third"):
                runner.submit(
                    "ids", functools.partial(lambda answer, _: answer, word), answers.append
                )
            runner.submit("other", lambda _: "other", answers.append)
    finally:
        runner.stop()
    assert sorted(answers) == ["other", "third"]  # channels run on threads of their own


def test_a_background_request_waits_for_the_others(qtbot: QtBot, library: Library) -> None:
    runner = QueryRunner(library)
    started: list[str] = []
    ids_may_finish = threading.Event()

    def ids(_: object) -> str:
        started.append("ids")
        ids_may_finish.wait(5)
        return "ids"

    def counts(name: str, _: object) -> str:
        started.append(name)
        return name

    answers: list[str] = []
    try:
        with qtbot.waitSignal(runner.settled, timeout=5_000):
            runner.submit("ids", ids, answers.append)
            for name in ("old counts", "counts"):
                runner.submit(
                    "sidebar", functools.partial(counts, name), answers.append, background=True
                )
            qtbot.waitUntil(lambda: started == ["ids"])  # on a reader thread, however busy
            ids_may_finish.set()
    finally:
        runner.stop()
    # the recounts waited for the list's read (started after it), the older one dropped
    assert started == ["ids", "counts"]
    assert answers == ["ids", "counts"]


def test_a_failing_read_is_reported_not_raised(qtbot: QtBot, library: Library) -> None:
    runner = QueryRunner(library)
    answers: list[object] = []

    def fail(_: object) -> None:
        raise RuntimeError("disk on fire")

    try:
        with qtbot.waitSignal(runner.failed, timeout=5_000) as failed:
            runner.submit("ids", fail, answers.append)
        qtbot.waitUntil(lambda: not runner.is_busy())
    finally:
        runner.stop()
    assert failed.args == [f"an unexpected error (RuntimeError) ({library.path})"]
    assert answers == []


def test_a_channel_that_writes_runs_its_jobs_in_a_write_transaction(
    qtbot: QtBot, library: Library
) -> None:
    """`writes`: `Library.writing` (the write lock taken at BEGIN on a library file), on a
    channel that only writes; the others read."""
    runner = QueryRunner(library)
    answers: list[tuple[str, bool]] = []

    def transaction(name: str, connection: "Connection") -> tuple[str, bool]:
        return name, bool(connection.get_execution_options().get("readinglist_immediate"))

    try:
        with qtbot.waitSignal(runner.settled, timeout=5_000):
            runner.submit("ids", functools.partial(transaction, "ids"), answers.append)
            runner.submit(
                "catch-up",
                functools.partial(transaction, "catch-up"),
                answers.append,
                background=True,
                writes=True,
            )
        with pytest.raises(AssertionError, match="reads or writes"):
            runner.submit("catch-up", functools.partial(transaction, "read"), answers.append)
    finally:
        runner.stop()
    assert sorted(answers) == [("catch-up", True), ("ids", False)]


def test_saved_searches_come_go_and_are_renamed_in_place(qtmodeltester: object) -> None:
    model = SidebarModel()
    model.show_counts(counts(saved=[(1, "Agents", "agents", 4)]))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    changes = record_changes(model)

    model.show_counts(counts(saved=[(1, "Agents", "agents", 5), (2, "Bots", "robot", 1)]))
    assert changes == ["insert 1-1", "changed Agents"]
    assert child_labels(model, SAVED_GROUP) == ["Agents", "Bots"]
    model.show_counts(counts(saved=[(2, "Bots", "robot", 1), (1, "Zebra", "agents", 5)]))
    assert child_labels(model, SAVED_GROUP) == ["Bots", "Zebra"]
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_saved_search_that_no_longer_reads_is_listed_but_not_selectable() -> None:
    model = SidebarModel()
    model.show_counts(counts(saved=[(1, "Broken", "(agents", None), (2, "Fine", "x", 0)]))
    parent = model.index_of(SAVED_GROUP)
    broken, fine = model.index(0, 0, parent), model.index(1, 0, parent)
    assert not broken.flags() & Qt.ItemFlag.ItemIsSelectable
    assert "no longer reads" in broken.data(Qt.ItemDataRole.ToolTipRole)
    assert fine.flags() & Qt.ItemFlag.ItemIsSelectable


def test_the_root_has_no_parent() -> None:
    model = SidebarModel()
    model.show_counts(counts())
    assert not model.parent(QModelIndex()).isValid()
    assert model.parent(model.index(0, 0)) == QModelIndex()


def test_selected_rows_become_ids_in_the_lists_order() -> None:
    model = PaperTableModel(fake_rows)
    model.set_ids([10, 11, 12, 13, 14, 15])
    assert model.ids_in_rows([(4, 5), (0, 1), (1, 2)]) == [10, 11, 12, 14, 15]
    assert model.ids_in_rows([(0, 5), (2, 3)]) == [10, 11, 12, 13, 14, 15]
    assert model.ids_in_rows([]) == []
