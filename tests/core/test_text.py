"""Outside text shown on one line or printed to a terminal: controls become visible escapes."""

import pytest

from readinglist.core.text import for_display


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain name.md", "plain name.md"),
        ("한국어 논문 2023.md", "한국어 논문 2023.md"),
        ("FAKE.md\nimported", "FAKE.md\\nimported"),
        ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),
        ("tab\there", "tab\\there"),
        ("\x9b31m", "\\x9b31m"),
        ("abc\u202edcba", "abc\\u202edcba"),
        ("\x7f", "\\x7f"),
    ],
)
def test_controls_are_shown_as_escapes(raw: str, shown: str) -> None:
    assert for_display(raw) == shown
