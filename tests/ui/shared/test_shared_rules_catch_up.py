"""Bob's private rules act in his open window on the papers alice imports (ui/window/live.py,
library/shared/rules_catch_up.py): as her import is committed, and at the window's start on
what she imported while it was closed; the row and the detail pane show it."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.rules import Rule, add_rule
from readinglist.library.shared.rules_catch_up import catch_up_now
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import window_as

LIVE_BOUND_MS = 10_000  # a bound, not a wait: the change shows as it is committed
SURVEY = FakeEntry("2403.00001", title="A survey of surveys")
ROBOTS = FakeEntry("2403.00002", title="Robots fold cranes")


@pytest.fixture
def quiet_bob(member_libraries: tuple[Library, Library]) -> tuple[Library, Library]:
    """Alice, and bob with "Quiet" (surveys skipped), his rules caught up before it."""
    alice, bob = member_libraries
    with bob.writing() as connection:
        catch_up_now(connection)
        add_rule(connection, Rule(0, "Quiet", "survey", status=ReadingStatus.SKIPPED), utc_now())
    return alice, bob


type BobsWindow = Callable[[], AbstractContextManager[MainWindow]]


@pytest.fixture
def bobs_window(
    qtbot: QtBot,
    shared: PostgresDatabase,
    members: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> BobsWindow:
    """Opens bob's window on the shared library, for the block."""
    return lambda: window_as(qtbot, shared, members[1], tmp_path, monkeypatch)


def status_shown(window: MainWindow, paper_id: int) -> ReadingStatus | None:
    model = window.list_pane.model
    row_number = model.row_of(paper_id)
    row = None if row_number is None else model.row_at(row_number)
    return None if row is None else row.status


def survey_id(library: Library) -> int:
    with library.reading() as connection:
        [(paper_id,)] = connection.exec_driver_sql(
            "SELECT id FROM papers WHERE arxiv_id = %(id)s", {"id": SURVEY.arxiv_id}
        ).all()
    return int(paper_id)


@pytest.mark.parametrize("while_open", [True, False], ids=["live", "at-start"])
def test_bobs_rule_acts_in_his_window_on_what_alice_imports(
    qtbot: QtBot,
    quiet_bob: tuple[Library, Library],
    bobs_window: BobsWindow,
    digests: DigestWriter,
    while_open: bool,
) -> None:
    """As her import is committed (`while_open`), or at the window's start."""
    alice, _ = quiet_bob
    digest = digests.write("a.md", "2024-03-01", [SURVEY, ROBOTS])
    if not while_open:
        import_paths(alice, [digest])
    with bobs_window() as window:
        if while_open:
            import_paths(alice, [digest])
        paper = survey_id(alice)
        qtbot.waitUntil(lambda: status_shown(window, paper) is not None, timeout=LIVE_BOUND_MS)
        window.list_pane.select_paper(paper)

        qtbot.waitUntil(
            lambda: status_shown(window, paper) is ReadingStatus.SKIPPED, timeout=LIVE_BOUND_MS
        )
        qtbot.waitUntil(lambda: "Quiet" in window.detail.rules_label.text(), timeout=LIVE_BOUND_MS)
