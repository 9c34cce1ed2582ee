"""How many columns a saved list header knew, read from the state Qt saved.

A header state is positional: Qt restores it onto a list with more columns by keeping every
saved column where it was and appending the new ones, at the saved default width and shown.
Knowing how many columns the state had, the pane gives the new ones their declared width
and hides those hidden by default (`ColumnFacts.shown_by_default`).

The layout is `QHeaderView::saveState`'s (the same in Qt 5 and 6): a QDataStream, big
endian, of the marker 0xff and version 0, then the orientation, the sort order and section
(ints), whether the sort shows (a byte), the visual and logical indexes (lists of ints), the
hidden sections (a bit array), the hidden sections' sizes (a hash of int to int), the
length and then the section count.
"""

import struct

_MARKER, _VERSION = 0xFF, 0


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def ints(self, count: int) -> tuple[int, ...]:
        if self.at + 4 * count > len(self.data):  # a count no state this long holds
            raise struct.error("the state ends before its last value")
        values = struct.unpack_from(f">{count}i", self.data, self.at)
        self.at += 4 * count
        return values

    def size(self) -> int:
        (count,) = struct.unpack_from(">I", self.data, self.at)
        self.at += 4
        return int(count)

    def skip(self, count: int) -> None:
        self.at += count


def saved_sections(state: bytes) -> int | None:
    """The number of columns the header state `state` holds; None for a state this does not
    read (damaged, or a layout Qt may use one day)."""
    reader = _Reader(state)
    try:
        marker, version, _orientation, _order, _sorted = reader.ints(5)
        if (marker, version) != (_MARKER, _VERSION):
            return None
        reader.skip(1)  # whether the sort indicator shows
        for _indexes in ("visual", "logical"):
            reader.ints(reader.size())
        reader.skip((reader.size() + 7) // 8)  # the hidden sections, a bit each
        reader.ints(2 * reader.size())  # the hidden sections' sizes
        _length, sections = reader.ints(2)
    except struct.error:  # shorter than it says
        return None
    return sections if sections >= 0 else None
