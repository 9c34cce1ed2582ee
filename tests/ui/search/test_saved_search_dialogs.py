"""The save-search question says what is saved (the sidebar entry's name and the query), and
the edit-query dialog is as wide as its query (a tester saw a few words at a time)."""

from typing import cast

from pytestqt.qtbot import QtBot

from readinglist.core.query import parse_query
from readinglist.ui.data.service import LibraryService
from readinglist.ui.qt import QLineEdit, QWidget
from readinglist.ui.search.saved_searches import Ask, SavedSearchActions, text_dialog

LONG_QUERY = 'status:unread (tag:"diffusion models" OR tag:robotics) votes:>50 date:<30d'
LONGEST_QUERY = LONG_QUERY + ' author:"Kim Minji" -title:survey note:"read again"' * 20


def test_saving_says_which_entry_and_query_are_saved() -> None:
    labels: list[str] = []

    def cancel(title: str, label: str, initial: str) -> str | None:
        labels.append(label)
        return None  # the user cancels: nothing is saved

    actions = SavedSearchActions(cast(LibraryService, None), Ask(cancel, lambda *_: False))
    actions.save_view(parse_query("status:unread"), "video -survey", "Unread")

    (label,) = labels
    assert "“Unread”" in label
    assert "status:unread video -survey" in label


def test_the_edit_dialog_is_wide_enough_for_its_query(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = text_dialog(parent, "Edit saved search", "Query:", LONG_QUERY)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()

    field = dialog.findChild(QLineEdit)
    assert field is not None and field.text() == LONG_QUERY
    assert field.fontMetrics().horizontalAdvance(LONG_QUERY) < field.width()


def test_a_very_long_query_keeps_the_dialog_on_the_screen(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = text_dialog(parent, "Edit saved search", "Query:", LONGEST_QUERY)
    qtbot.addWidget(dialog)
    assert dialog.width() <= parent.screen().availableGeometry().width()
