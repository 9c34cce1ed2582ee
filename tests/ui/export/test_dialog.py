"""The export dialog's first choice: what Export… and Export Selected… offer first."""

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.export import ExportFormat
from readinglist.ui.export.dialog import ExportDialog, ExportScope


@pytest.mark.parametrize(
    ("selected", "listed", "scope", "first"),
    [
        (1, 12, None, ExportScope.LIST),  # Export… with one paper: the list
        (3, 12, None, ExportScope.SELECTION),  # several: the selection
        (1, 12, ExportScope.SELECTION, ExportScope.SELECTION),  # Export Selected…
        (0, 12, ExportScope.SELECTION, ExportScope.LIST),  # nothing selected to offer
        (1, 0, ExportScope.LIST, ExportScope.SELECTION),  # no list to offer
    ],
)
def test_the_dialog_offers_first_what_it_is_asked_to_when_it_can(
    qtbot: QtBot, selected: int, listed: int, scope: ExportScope | None, first: ExportScope
) -> None:
    dialog = ExportDialog(selected, listed, ExportFormat.CSV, scope=scope)
    qtbot.addWidget(dialog)
    assert dialog.choice().scope is first
