"""The detail pane shows all of a paper's header, however long, in a pane of any size: long
author lists fold into "and N more" (a click unfolds them), and what does not fit scrolls
rather than being cut mid-line (a tester saw a 100-author paper cut off)."""

from pytestqt.qtbot import QtBot

from readinglist.ui.detail.pane import DetailPane
from readinglist.ui.qt import QLabel
from tests.helpers.papers import LONG_TITLE, MANY_AUTHORS, paper


def shown_pane(qtbot: QtBot, width: int = 390, height: int = 420) -> DetailPane:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(width, height)
    with qtbot.waitExposed(pane):
        pane.show()
    return pane


def uncut(label: QLabel) -> bool:
    """A wrapping label is as tall as its text needs at its width."""
    return label.heightForWidth(label.width()) <= label.height()


def test_a_hundred_authors_fold_into_and_n_more_which_unfolds(qtbot: QtBot) -> None:
    pane = shown_pane(qtbot)
    pane.show_paper(paper(authors=MANY_AUTHORS, title=LONG_TITLE))

    text = pane.authors_label.text()
    assert "and 90 more" in text and MANY_AUTHORS[99] not in text
    header = (pane.title_label, pane.authors_label, pane.link_label, pane.digests_label)
    qtbot.waitUntil(lambda: all(uncut(label) for label in header))

    pane.authors_label.linkActivated.emit("readinglist:more-authors")
    unfolded = pane.authors_label.text()
    assert MANY_AUTHORS[30] in unfolded and "Show all 2,678 characters" in unfolded
    qtbot.waitUntil(lambda: all(uncut(label) for label in header))
    assert pane.header_area.verticalScrollBar().maximum() > 0  # the rest a scroll away


def test_the_next_paper_folds_its_authors_again(qtbot: QtBot) -> None:
    pane = shown_pane(qtbot)
    pane.show_paper(paper(authors=MANY_AUTHORS))
    pane.authors_label.linkActivated.emit("readinglist:more-authors")
    pane.show_paper(paper(2, authors=MANY_AUTHORS))
    assert "and 90 more" in pane.authors_label.text()


def test_a_long_title_has_its_whole_text_in_the_tooltip(qtbot: QtBot) -> None:
    pane = shown_pane(qtbot, width=300, height=300)
    pane.show_paper(paper(title=LONG_TITLE))
    assert LONG_TITLE in pane.title_label.toolTip()
    qtbot.waitUntil(lambda: uncut(pane.title_label))


def test_with_no_paper_nothing_looks_editable(qtbot: QtBot) -> None:
    pane = shown_pane(qtbot)
    editors = (pane.star_button, pane.status_box, pane.tags_edit, pane.note_tabs)
    assert not any(widget.isVisible() for widget in editors)
    assert pane.title_label.text() == "No paper selected"

    pane.show_paper(paper())
    assert all(widget.isVisible() and widget.isEnabled() for widget in editors)

    pane.show_paper(None)
    assert not any(widget.isVisible() for widget in editors)


def test_the_next_paper_opens_on_its_note_not_an_empty_preview(qtbot: QtBot) -> None:
    pane = shown_pane(qtbot)
    pane.show_paper(paper(note="**mine**"))
    pane.note_tabs.setCurrentWidget(pane.note_preview)
    assert "mine" in pane.note_preview.toPlainText()

    pane.show_paper(paper(2, note=""))
    assert pane.note_tabs.currentWidget() is pane.note_edit
