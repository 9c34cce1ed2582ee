"""The detail pane says which rules acted on the paper shown (here: at its import, by a drop),
and says nothing of rules for a paper none caught."""

from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library, utc_now
from readinglist.library.rules import Rule, add_rule
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import import_by_drop

ROBOTS = FakeEntry("2403.00031", title="Robots fold cranes", media=None)
LONG = FakeEntry("2403.00032", title="Robots read long context", media=None)
SPEECH = FakeEntry("2403.00033", title="Speech at scale", media=None)


def shown(qtbot: QtBot, window: MainWindow, entry: FakeEntry) -> None:
    assert window.select_paper(entry.arxiv_id)
    qtbot.waitUntil(lambda: window.detail.title_label.text().startswith(entry.title))
    qtbot.waitUntil(window.detail.is_settled)


def test_the_rules_that_caught_a_paper_at_import_are_named_under_its_facts(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    with library.writing() as connection:
        add_rule(connection, Rule(0, "Robots", "robots", ("robotics",)), utc_now())
        add_rule(
            connection, Rule(0, "Long context", "context", status=ReadingStatus.QUEUED), utc_now()
        )
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-05", [ROBOTS, LONG, SPEECH])])
    label = window.detail.rules_label

    shown(qtbot, window, LONG)
    assert label.isVisibleTo(window)
    assert "Rules: Robots · Long context" in label.text()  # in the order they run

    shown(qtbot, window, ROBOTS)
    assert "Rules: Robots<" in label.text()

    shown(qtbot, window, SPEECH)
    assert label.text() == ""
    assert not label.isVisibleTo(window)
