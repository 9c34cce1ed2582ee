"""What a command reads before it acts, on a shared library, never on the window's thread
(where a server far away or gone would hold the window): the last session's paper, looked
up at start with the list's ids; a tag's papers to rename or delete it; a month's papers to
mark them read. Such a read comes after the edits made before it are written, so a paper
tagged a moment ago is renamed too."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import parse_query
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.rules import Rule, add_rule
from readinglist.library.saved_searches import list_saved_searches
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.library.subscriptions import add_subscription
from readinglist.ui.imports.subscription_list import SubscriptionList
from readinglist.ui.live.updates import WINDOW_CLIENT
from readinglist.ui.rules.dialog import RulesDialog
from readinglist.ui.search.saved_searches import Ask
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.browser import fake_browser
from tests.helpers.gui import open_window, settle
from tests.helpers.postgres import PostgresDatabase, shut_out
from tests.helpers.shared_library import add_paper, transactions_asked_here

ARXIV_IDS = ["2403.00001", "2403.00002", "2403.00003"]
TODAY = dt.date.today()


@pytest.fixture
def library(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[Library]:
    """Alice's shared library: three papers, the first two tagged llm."""
    ids = [add_paper(shared, arxiv_id, title=f"Paper {arxiv_id}") for arxiv_id in ARXIV_IDS]
    library = open_shared(SharedAddress.parse(shared.url_as(members[0])), client=WINDOW_CLIENT)
    with library.writing() as connection:
        store.add_tags(connection, ids[:2], ["llm"])
    yield library
    library.close()


@pytest.fixture
def look(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[Library]:
    """The library as alice sees it, for the test's own reads."""
    library = open_shared(SharedAddress.parse(shared.url_as(members[0])))
    yield library
    library.close()


@pytest.fixture
def reads_here(library: Library, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each read or write transaction the window's thread asked for was asked, from
    the window's opening on."""
    return transactions_asked_here(library, monkeypatch)


@pytest.fixture
def window(
    qtbot: QtBot,
    library: Library,
    reads_here: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    """Alice's window, the last session's paper the second."""
    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    settings = tmp_path / "settings.ini"
    settings.write_text(f"[list]\ncurrentPaper={ARXIV_IDS[1]}\n")
    window = open_window(qtbot, library, settings)
    yield window
    window.close()


def tags_of(library: Library) -> dict[str, list[str]]:
    with library.reading() as connection:
        found = {}
        for arxiv_id in ARXIV_IDS:
            paper = store.load_paper(connection, arxiv_id)
            assert paper is not None
            found[arxiv_id] = sorted(paper.tags)
    return found


def test_the_last_sessions_paper_is_looked_up_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, reads_here: list[str]
) -> None:
    qtbot.waitUntil(lambda: window.list_pane.current_arxiv_id() == ARXIV_IDS[1])
    settle(qtbot, window)
    assert window.detail.title_label.text().endswith(f"Paper {ARXIV_IDS[1]}")
    assert reads_here == []


def test_a_tag_is_renamed_and_deleted_by_reads_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, look: Library, reads_here: list[str]
) -> None:
    window.triage.rename_tag("llm", "language models")
    qtbot.waitUntil(lambda: window.triage.undo_stack.count() == 1)
    assert window.triage.undo_stack.undoText() == "Rename tag llm to language models"
    qtbot.waitUntil(lambda: tags_of(look)[ARXIV_IDS[0]] == ["language models"])

    window.triage.delete_tag("language models")
    qtbot.waitUntil(lambda: tags_of(look)[ARXIV_IDS[1]] == [])
    assert reads_here == []


def test_a_tag_added_a_moment_before_a_rename_is_renamed_too(
    qtbot: QtBot, window: MainWindow, look: Library
) -> None:
    with look.reading() as connection:
        third = store.paper_id_for(connection, ARXIV_IDS[2])
    assert third is not None
    window.triage.tag_paper(third, "llm")  # queued for the writer thread
    window.triage.rename_tag("llm", "language models")  # its papers read after that

    qtbot.waitUntil(lambda: window.triage.undo_stack.count() == 2)
    renamed = {arxiv_id: ["language models"] for arxiv_id in ARXIV_IDS}
    qtbot.waitUntil(lambda: tags_of(look) == renamed)


def test_a_months_papers_are_marked_read_by_a_read_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, reads_here: list[str]
) -> None:
    window.triage.set_status_where(parse_query("tag:llm"), ReadingStatus.READ)
    qtbot.waitUntil(lambda: window.triage.undo_stack.count() == 1)
    assert window.triage.undo_stack.undoText() == "Mark 2 papers as read"
    assert reads_here == []


def test_a_command_whose_papers_cannot_be_read_says_why_and_does_nothing(
    qtbot: QtBot, window: MainWindow, shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    assert window.service is not None
    with shut_out(shared, members[0]), qtbot.waitSignal(window.service.read_failed) as failed:
        window.triage.rename_tag("llm", "language models")
    refused = ("the server cannot be reached", f'role "{members[0]}" is not permitted to log in')
    assert failed.args[0].startswith(refused), failed.args[0]  # words, not a class's name
    assert "postgresql://" in failed.args[0]  # the library named
    assert window.statusBar().currentMessage().startswith("Could not read the library: ")
    qtbot.waitUntil(lambda: not window.service.edits.is_answering())  # type: ignore[union-attr]
    assert window.triage.undo_stack.count() == 0


def test_a_saved_search_is_saved_renamed_and_deleted_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, look: Library, reads_here: list[str]
) -> None:
    actions = window.saved_searches
    assert actions is not None
    names = iter(["LLM", "LLM", "Language models"])
    actions.ask = Ask(text=lambda *_: next(names), yes=lambda *_: True)

    with qtbot.waitSignal(actions.saved) as saved:
        actions.save("tag:llm", "All papers")
    actions.save("tag:llm votes:>1", "All papers")  # the name is taken: replaced, once asked
    qtbot.waitUntil(lambda: _saved(look) == [("LLM", "tag:llm votes:>1")])
    actions.rename(saved.args[0], "LLM")
    qtbot.waitUntil(lambda: _saved(look) == [("Language models", "tag:llm votes:>1")])
    actions.delete(saved.args[0], "Language models")
    qtbot.waitUntil(lambda: _saved(look) == [])
    assert reads_here == []


def _saved(library: Library) -> list[tuple[str, str]]:
    with library.reading() as connection:
        return [(found.name, found.query_text) for found in list_saved_searches(connection)]


def test_a_papers_page_is_opened_with_no_read_on_the_windows_thread(
    qtbot: QtBot, window: MainWindow, reads_here: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = fake_browser(monkeypatch)
    qtbot.waitUntil(lambda: window.list_pane.current_arxiv_id() == ARXIV_IDS[1])
    window.triage.open_action.trigger()
    qtbot.waitUntil(lambda: browser.opened == [f"https://arxiv.org/abs/{ARXIV_IDS[1]}"])
    assert reads_here == []


def test_the_rules_dialog_reads_its_rules_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, look: Library, reads_here: list[str]
) -> None:
    with look.writing() as connection:
        add_rule(connection, Rule(0, "Robots", "robots", ("robotics",)), utc_now())
    window.menu_actions.rules.trigger()
    dialog = window.findChild(RulesDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: [rule.name for rule in dialog.rules()] == ["Robots"])
    assert reads_here == []


def test_preferences_list_the_subscriptions_off_the_windows_thread(
    qtbot: QtBot, window: MainWindow, look: Library, reads_here: list[str]
) -> None:
    with look.writing() as connection:
        add_subscription(
            connection,
            "daily",
            "http://127.0.0.1:9/{yyyy}-{mm}-{dd}.md",
            format_name=None,
            since=TODAY,
            now=utc_now(),
        )
    dialog = window.preferences.open()
    listed = dialog.findChild(SubscriptionList)
    assert listed is not None
    qtbot.waitUntil(lambda: listed.table.rowCount() == 1)
    assert reads_here == []
