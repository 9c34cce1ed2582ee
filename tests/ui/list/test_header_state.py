"""Reading how many columns a saved list header knew, from the bytes Qt saved."""

import pytest

from readinglist.ui.list.columns import Column
from readinglist.ui.list.header_state import saved_sections
from readinglist.ui.qt import QTableWidget


@pytest.mark.parametrize("columns", [1, 7, len(Column), 12])
def test_the_saved_column_count_is_read_from_any_header_state(columns: int) -> None:
    table = QTableWidget(1, columns)
    header = table.horizontalHeader()
    header.setSectionHidden(0, True)
    if columns > 2:
        header.moveSection(2, 0)
    assert saved_sections(bytes(header.saveState().data())) == columns


@pytest.mark.parametrize("state", [b"", b"not a header state", b"\x00\x00\x00\xff" + b"\xff" * 64])
def test_a_state_it_cannot_read_gives_no_count(state: bytes) -> None:
    assert saved_sections(state) is None
