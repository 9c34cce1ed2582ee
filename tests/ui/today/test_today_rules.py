"""Rules at import, through the window: a paper a rule hides stays out of Today, a rule's
"first" puts its papers at the top in the Rules-first order, the summary says what each rule
caught, and a rejected file beside them changes nothing."""

from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library, utc_now
from readinglist.library.rules import Rule, add_rule
from readinglist.ui.sidebar.pane import TODAY_KEY
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.gui import import_by_drop, row_titles, settle


def test_rules_hide_and_put_first_what_a_drop_brings(
    qtbot: QtBot, window: MainWindow, library: Library, digests: DigestWriter
) -> None:
    with library.writing() as connection:
        add_rule(connection, Rule(0, "Quiet", "votes:<3", status=ReadingStatus.SKIPPED), utc_now())
        add_rule(connection, Rule(0, "Robots", "robots", first=True), utc_now())
    papers = [
        FakeEntry("2403.00001", title="Speech at scale", votes=12),
        FakeEntry("2403.00002", title="A quiet survey", votes=1),
        FakeEntry("2403.00003", title="Robots fold cranes", votes=5),
    ]
    rejected = digests.write_text("notes.md", "not a digest")
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers), rejected])
    box = window.today.bar.order_box

    window.sidebar.select_key(TODAY_KEY)
    box.setCurrentIndex(box.findData("rules"))
    box.activated.emit(box.currentIndex())
    settle(qtbot, window)

    assert row_titles(window) == ["Robots fold cranes", "Speech at scale"]
    said = window.import_status.label.text()
    assert "1 file rejected" in said
    assert "rule Quiet: 1 paper" in said and "rule Robots: 1 paper" in said
