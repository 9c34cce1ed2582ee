"""Edit → Rules…: rules added (a malformed query refused, with the reason), listed as the
command line lists them, removed; Apply to Existing Papers… as one undo step that Ctrl+Z
takes back exactly; a saved search's Make a Rule… prefills the form."""

import html
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from readinglist.core.paper import ReadingStatus
from readinglist.library import failures, rules, sorting
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.rules import Rule, add_rule, rules_that_caught
from readinglist.ui.qt import QMenu, QPoint
from readinglist.ui.rules.actions import RuleActions
from readinglist.ui.rules.dialog import WHOSE_COLUMN, RulesDialog
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.cli import cli_runner
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import import_by_drop, settle

ROBOTS = FakeEntry("2403.00021", title="Robots fold cranes", media=None)
TALKING = FakeEntry("2403.00022", title="Robots that talk", media=None)
SPEECH = FakeEntry("2403.00023", title="Speech at scale", media=None)
ALL = (ROBOTS, TALKING, SPEECH)
QUEUED, READ, UNREAD = ReadingStatus.QUEUED, ReadingStatus.READ, ReadingStatus.UNREAD


def written_on(monkeypatch: pytest.MonkeyPatch, *names: str) -> list[threading.Thread]:
    """The threads `library.rules`' functions `names` run on, as they run."""
    threads: list[threading.Thread] = []
    for name in names:
        real = getattr(rules, name)

        def spy(*args: object, real: Callable[..., object] = real) -> object:
            threads.append(threading.current_thread())
            return real(*args)

        monkeypatch.setattr(rules, name, spy)
    return threads


def reads_on(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The threads the library's papers are found on (`find_paper_ids`), as they are."""
    threads: list[threading.Thread] = []
    real = sorting.find_paper_ids

    def spy(*args: Any, **kwargs: Any) -> list[int]:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(sorting, "find_paper_ids", spy)
    return threads


def open_rules(qtbot: QtBot, window: MainWindow) -> tuple[RuleActions, RulesDialog]:
    window.menu_actions.rules.trigger()
    actions = window.findChild(RuleActions)
    assert actions is not None and actions.dialog is not None
    qtbot.waitUntil(actions.dialog.isVisible)
    return actions, actions.dialog


def listed(dialog: RulesDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.topLevelItem(row).text(column) for column in range(3)]  # type: ignore[union-attr]
        for row in range(table.topLevelItemCount())
    ]


def imported(qtbot: QtBot, window: MainWindow, digests: DigestWriter) -> None:
    import_by_drop(qtbot, window, [digests.write("r.md", "2024-03-04", list(ALL))])


def looks(library: Library) -> list[tuple[bool, ReadingStatus, tuple[str, ...], list[str]]]:
    """Each paper's star, status, tags and the rules that caught it."""
    found = []
    with library.reading() as connection:
        for entry in ALL:
            paper = store.load_paper(connection, entry.arxiv_id)
            assert paper is not None
            caught = rules_that_caught(connection, paper.id)
            found.append((paper.starred, paper.status, paper.tags, caught))
    return found


def test_rules_are_added_and_removed_in_the_dialog_as_the_command_line_lists_them(
    qtbot: QtBot,
    window: MainWindow,
    library_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads = written_on(monkeypatch, "add_rule", "remove_rule")
    _, dialog = open_rules(qtbot, window)
    assert listed(dialog) == []
    assert not dialog.apply_button.isEnabled()

    form = dialog.add()
    form.name_edit.setText("Robots")
    form.query_edit.setText("(robots")
    assert form.query_error.isVisibleTo(form)  # as the search box says it, as it is typed
    assert "<code>" in form.query_error.text()
    form.accept()
    assert form.isVisible()  # refused, with the reason
    assert form.problem.text() == "The query does not read: see above."

    form.query_edit.setText("robots")
    assert not form.query_error.isVisibleTo(form)
    form.tags_edit.setText("robotics, to read")
    form.status_box.setCurrentIndex(form.status_box.findData(QUEUED.value))
    form.star_box.setChecked(True)
    form.accept()
    qtbot.waitUntil(lambda: not form.isVisible())

    assert listed(dialog) == [
        ["Robots", "robots", "tag robotics · tag to read · status Queued · star"]
    ]
    assert dialog.selected_rule() is not None and dialog.apply_button.isEnabled()
    run = cli_runner(library_path, capsys)
    assert json.loads(run("rules", "list", "--json")[1])["rules"] == [
        {
            "name": "Robots",
            "query": "robots",
            "tags": ["robotics", "to read"],
            "status": "queued",
            "star": True,
            "first": False,
            "owner": None,
            "shared": False,
        }
    ]

    again = dialog.add("robots", "speech")
    again.first_box.setChecked(True)
    again.accept()
    qtbot.waitUntil(again.problem.isVisible)
    assert again.isVisible()
    assert again.problem.text() == "there is already a rule named &#x27;robots&#x27;"
    again.reject()

    dialog.remove_button.click()
    qtbot.waitUntil(lambda: "Removed the rule Robots" in dialog.message.text())
    assert listed(dialog) == []
    assert json.loads(run("rules", "list", "--json")[1])["rules"] == []
    assert threads and threading.main_thread() not in threads  # the writer's, every one


def test_a_rule_applied_to_existing_papers_is_one_step_that_undo_takes_back(
    qtbot: QtBot,
    window: MainWindow,
    library: Library,
    digests: DigestWriter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    imported(qtbot, window, digests)  # no rule yet: nothing caught
    with library.writing() as connection:
        talking = store.paper_id_for(connection, TALKING.arxiv_id)
        assert talking is not None
        store.set_status(connection, [talking], READ, utc_now())
        rule = Rule(0, "Robots", "robots", ("robotics",), QUEUED, star=True)
        add_rule(connection, rule, utc_now())
    before = looks(library)
    actions, dialog = open_rules(qtbot, window)
    asked: list[int] = []

    def confirm(_: Rule, count: int) -> bool:
        asked.append(count)
        return True

    actions.confirm = confirm
    dialog.reload(select="Robots")
    wanted: list[list[int]] = []
    actions.apply_wanted.connect(lambda _, ids: wanted.append(ids))
    read_on = reads_on(monkeypatch)
    matched_on = written_on(monkeypatch, "matching_among")

    dialog.apply_button.click()

    qtbot.waitUntil(lambda: asked == [2])  # the papers its query matches
    assert wanted == [sorted(wanted[0])]
    assert read_on and threading.main_thread() not in read_on  # a reader thread's
    qtbot.waitUntil(lambda: window.triage.undo_stack.count() == 1)
    assert (
        window.triage.undo_action.text().replace("&", "")
        == "Undo Apply the rule Robots to 2 papers"
    )
    qtbot.waitUntil(
        lambda: (
            looks(library)
            == [
                (True, QUEUED, ("robotics",), ["Robots"]),
                (True, READ, ("robotics",), ["Robots"]),  # a status for unread papers only
                (False, UNREAD, (), []),
            ]
        )
    )
    assert len(matched_on) == 1  # once more as it is written, among those papers alone
    assert window.select_paper(ROBOTS.arxiv_id)
    detail = window.detail
    qtbot.waitUntil(lambda: "Rules: Robots" in detail.rules_label.text())
    assert detail.rules_label.isVisibleTo(window)

    window.triage.undo_action.trigger()

    qtbot.waitUntil(lambda: looks(library) == before)
    assert all(caught == [] for *_, caught in looks(library))
    qtbot.waitUntil(lambda: not detail.rules_label.isVisibleTo(window))


def test_a_rule_matching_nothing_is_not_applied(qtbot: QtBot, window: MainWindow) -> None:
    assert window.service is not None
    with window.service.library.writing() as connection:
        add_rule(connection, Rule(0, "Nothing", "zebras", star=True), utc_now())
    actions, dialog = open_rules(qtbot, window)
    actions.confirm = lambda *_: pytest.fail("asked about no paper")
    dialog.reload(select="Nothing")

    dialog.apply_button.click()

    qtbot.waitUntil(
        lambda: "No paper in the library matches the rule Nothing." in dialog.message.text()
    )
    assert window.triage.undo_stack.count() == 0


def test_make_a_rule_prefills_the_form_with_the_saved_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.service is not None
    saved: list[int] = []
    window.service.save_search(
        "Long context", "context votes:>5", then=saved.append, failed=lambda e: pytest.fail(str(e))
    )
    sidebar = window.sidebar
    key = f"saved:{saved[0]}"  # written at once on a library file
    qtbot.waitUntil(lambda: sidebar.model.index_of(key).isValid())
    offered: list[str] = []

    def pick(menu: QMenu, _: QPoint) -> None:
        offered.extend(action.text() for action in menu.actions() if action.text())
        next(action for action in menu.actions() if action.text() == "Make a Rule…").trigger()

    sidebar.pop_up = pick
    index = sidebar.model.index_of(key)
    sidebar.tree.customContextMenuRequested.emit(sidebar.tree.visualRect(index).center())
    settle(qtbot, window)

    assert offered[-1] == "Make a Rule…"
    actions = window.findChild(RuleActions)
    assert actions is not None and actions.dialog is not None
    form = actions.dialog.form
    assert form is not None
    qtbot.waitUntil(form.isVisible)
    assert (form.name_edit.text(), form.query_edit.text()) == ("Long context", "context votes:>5")


def test_a_rule_removed_before_its_apply_is_redone_says_so(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    imported(qtbot, window, digests)
    with library.writing() as connection:
        add_rule(connection, Rule(0, "Robots", "robots", star=True), utc_now())
    actions, dialog = open_rules(qtbot, window)
    actions.confirm = lambda *_: True
    dialog.reload(select="Robots")
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: [starred for starred, *_ in looks(library)] == [True, True, False])
    dialog.reload(select="Robots")
    dialog.remove_button.click()  # written after the apply: what it did stays done
    qtbot.waitUntil(lambda: listed(dialog) == [])
    assert [starred for starred, *_ in looks(library)] == [True, True, False]
    stack = window.triage.undo_stack
    stack.undo()
    qtbot.waitUntil(lambda: [starred for starred, *_ in looks(library)] == [False] * 3)

    stack.redo()  # the rule is gone: nothing to apply

    gone = "the rule Robots was removed before it could be applied"
    said = f"Could not save: {gone} ({library.path})"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said)
    assert dialog.message.text() == said
    assert [starred for starred, *_ in looks(library)] == [False] * 3
    qtbot.waitUntil(lambda: not stack.canRedo() and not stack.canUndo())


def test_a_rule_the_library_refuses_is_said_in_the_form_and_the_dialog(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    with library.writing() as connection:
        add_rule(connection, Rule(0, "Kept", "speech", star=True), utc_now())
    _, dialog = open_rules(qtbot, window)
    read_only = {"on": True}

    def on_checkout(dbapi: sqlite3.Connection, *_: object) -> None:
        dbapi.execute(f"PRAGMA query_only = {int(read_only['on'])}")  # as a read-only file

    event.listen(library.engine, "checkout", on_checkout)
    said = f"Could not save: {failures.READ_ONLY} ({library.path})"
    try:
        form = dialog.add("Robots", "robots")
        form.star_box.setChecked(True)
        form.accept()
        qtbot.waitUntil(form.problem.isVisible)
        assert form.isVisible() and form.problem.text() == html.escape(said)
        assert window.statusBar().currentMessage() == said
        form.reject()
        dialog.reload(select="Kept")
        dialog.remove_button.click()
        qtbot.waitUntil(lambda: dialog.message.text() == html.escape(said))
    finally:
        read_only["on"] = False
    assert listed(dialog) == [["Kept", "speech", "star"]]


def test_a_library_file_shows_nothing_to_share(qtbot: QtBot, window: MainWindow) -> None:
    _, dialog = open_rules(qtbot, window)

    assert dialog.table.isColumnHidden(WHOSE_COLUMN)
    assert not dialog.share_button.isVisibleTo(dialog)
    assert not dialog.copy_button.isVisibleTo(dialog)
    form = dialog.add("Robots", "robots")
    assert not form.share_box.isVisibleTo(form)
    form.reject()
