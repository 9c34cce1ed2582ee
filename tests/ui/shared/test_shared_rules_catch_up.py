"""Bob's private rules act in his open window on the papers alice imports (ui/window/live.py,
ui/rules/catch_up.py, library/shared/rules_catch_up.py): as her import is committed, and at
the window's start on what she imported while it was closed; the row, the detail pane and
the status bar show it. One catch-up at a time, however many changes come meanwhile; none
for the member's own changes made elsewhere."""

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_paths
from readinglist.library.rules import Rule, add_rule
from readinglist.library.shared import rules_catch_up
from readinglist.library.shared.changes import Changed
from readinglist.library.shared.rules_catch_up import CaughtUp, catch_up_now
from readinglist.ui.rules.catch_up import RulesCatchUp
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import settle
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper, window_as

if TYPE_CHECKING:
    from sqlalchemy import Connection

LIVE_BOUND_MS = 10_000  # a bound, not a wait: the change shows as it is committed
HELD_BOUND_S = 30.0  # a held catch-up waits for the test at most this long
SURVEY = FakeEntry("2403.00001", title="A survey of surveys")
ROBOTS = FakeEntry("2403.00002", title="Robots fold cranes")
QUIET_ACTED = "Your rules acted on 1 new paper (Quiet 1)"
BURST = 10


class CatchUps:
    """The window's catch-ups counted as they run (on the query runner's thread), how many
    at once at most; while `held`, each waits at a gate before it reads anything."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._gate = threading.Event()
        self._gate.set()
        self.entered = threading.Event()
        self.runs = self.running = self.most_at_once = 0

    def __call__(self, connection: "Connection") -> CaughtUp:
        with self._lock:
            self.runs += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        self.entered.set()
        try:
            self._gate.wait(HELD_BOUND_S)
            return catch_up_now(connection)
        finally:
            with self._lock:
                self.running -= 1

    def count_from_here(self, *, held: bool = False) -> None:
        self.runs = self.most_at_once = 0
        self.entered.clear()
        if held:
            self._gate.clear()

    def release(self) -> None:
        self._gate.set()


@pytest.fixture
def catch_ups(monkeypatch: pytest.MonkeyPatch) -> Iterator[CatchUps]:
    counted = CatchUps()
    monkeypatch.setattr(rules_catch_up, "catch_up_now", counted)
    yield counted
    counted.release()  # a test that failed holding one: the window can close


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
        qtbot.waitUntil(lambda: said(window) == QUIET_ACTED, timeout=LIVE_BOUND_MS)


def said(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_changes_while_a_catch_up_runs_make_one_more_after_it_and_its_result_is_said(
    qtbot: QtBot,
    quiet_bob: tuple[Library, Library],
    bobs_window: BobsWindow,
    digests: DigestWriter,
    catch_ups: CatchUps,
) -> None:
    """Alice's import starts a catch-up in bob's window, held; a burst of changes meanwhile
    makes one more after it, not one each, never two at once; what the first did is said."""
    alice, _ = quiet_bob
    with bobs_window() as window:
        catch_ups.count_from_here(held=True)
        import_paths(alice, [digests.write("a.md", "2024-03-01", [SURVEY, ROBOTS])])
        paper = survey_id(alice)
        qtbot.waitUntil(lambda: status_shown(window, paper) is not None, timeout=LIVE_BOUND_MS)
        qtbot.waitUntil(catch_ups.entered.is_set, timeout=LIVE_BOUND_MS)
        live, rules = window.live, window.findChild(RulesCatchUp)
        assert live is not None and rules is not None
        for _ in range(BURST):
            live.changed.emit(Changed(frozenset({paper}), frozenset()))
        catch_ups.release()

        qtbot.waitUntil(lambda: said(window) == QUIET_ACTED, timeout=LIVE_BOUND_MS)
        qtbot.waitUntil(lambda: not rules.is_running(), timeout=LIVE_BOUND_MS)
        settle(qtbot, window)

    assert (catch_ups.runs, catch_ups.most_at_once) == (2, 1)


def test_the_members_own_changes_made_elsewhere_start_no_catch_up(
    qtbot: QtBot,
    shared: PostgresDatabase,
    quiet_bob: tuple[Library, Library],
    bobs_window: BobsWindow,
    catch_ups: CatchUps,
) -> None:
    """Bob's status set by his command line (his rules' catch-up elsewhere is his too)
    shows in his window and brings no paper from another member: no catch-up. A paper the
    owner adds does."""
    _, bob = quiet_bob
    paper = add_paper(shared, "2403.00009", title="Robots, again")
    with bobs_window() as window:
        catch_ups.count_from_here()
        with bob.writing() as connection:
            store.set_status(connection, [paper], ReadingStatus.READING, utc_now())
        qtbot.waitUntil(
            lambda: status_shown(window, paper) is ReadingStatus.READING, timeout=LIVE_BOUND_MS
        )
        settle(qtbot, window)
        assert catch_ups.runs == 0

        add_paper(shared, "2403.00010", title="Cranes fold robots")
        qtbot.waitUntil(lambda: catch_ups.runs == 1, timeout=LIVE_BOUND_MS)


def test_a_rule_this_version_cannot_read_is_said_once_and_the_window_goes_on(
    qtbot: QtBot,
    shared: PostgresDatabase,
    quiet_bob: tuple[Library, Library],
    bobs_window: BobsWindow,
    catch_ups: CatchUps,
) -> None:
    """A rule a newer readinglist made (a field this one does not know): the status bar
    says the rules could not act, and why, as the command line warns; not that the library
    could not be read. The next change fails the same way and is not said again."""
    _, bob = quiet_bob
    with bob.writing() as connection:
        connection.exec_driver_sql(
            "INSERT INTO rules (name, query, created_at) VALUES ('Future', 'future:thing', now())"
        )
    with bobs_window() as window:
        survey = add_paper(shared, "2403.00001", title="A survey of surveys")

        qtbot.waitUntil(lambda: "future:" in said(window), timeout=LIVE_BOUND_MS)
        assert said(window).startswith("Your rules could not act on the papers others imported: ")
        assert status_shown(window, survey) is ReadingStatus.UNREAD

        rules = window.findChild(RulesCatchUp)
        assert rules is not None
        qtbot.waitUntil(lambda: not rules.is_running(), timeout=LIVE_BOUND_MS)
        window.statusBar().clearMessage()
        catch_ups.count_from_here()
        add_paper(shared, "2403.00011", title="Robots, once more")
        qtbot.waitUntil(lambda: catch_ups.runs == 1, timeout=LIVE_BOUND_MS)
        qtbot.waitUntil(lambda: not rules.is_running(), timeout=LIVE_BOUND_MS)
        settle(qtbot, window)
        assert said(window) == ""
