"""URLs from digests: one visible token, nothing hidden, and still the same address."""

import sys
import unicodedata
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readinglist.core.text import clean_url

HIDDEN_CATEGORIES = ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp")


def is_hidden(char: str) -> bool:
    return unicodedata.category(char) in HIDDEN_CATEGORIES or char.isspace()


def test_every_hidden_character_of_this_unicode_is_encoded() -> None:
    """The list in core/text.py against this Python's Unicode database, code point by code
    point: a new Unicode version with new invisible characters fails here."""
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if is_hidden(char := chr(code)) and not _encoded_or_dropped(char)
    ]
    assert missed == []


def _encoded_or_dropped(char: str) -> bool:
    cleaned = clean_url(f"a{char}b")
    return (
        cleaned == "ab"
        or cleaned == "a" + "".join(f"%{byte:02X}" for byte in char.encode("utf-8")) + "b"
    )


@pytest.mark.parametrize(
    ("url", "cleaned"),
    [
        ("https://x.org/a.png", "https://x.org/a.png"),
        ("https://x.org/논문.png", "https://x.org/논문.png"),  # an IRI keeps its letters
        ("  https://x.org/a.png\n", "https://x.org/a.png"),
        ("https://x.org/a\nb.png", "https://x.org/ab.png"),
        ("https://x.org/a b.png", "https://x.org/a%20b.png"),
        ("https://x.org/\x1b[2J", "https://x.org/%1B[2J"),
        ("https://x.org/\u202egnp.exe", "https://x.org/%E2%80%AEgnp.exe"),
        ("https://x.org/\ud800a", "https://x.org/a"),
        ("\u200b\x00\u3000", ""),
    ],
)
def test_urls_are_cleaned(url: str, cleaned: str) -> None:
    assert clean_url(url) == cleaned


@settings(max_examples=300, deadline=None)
@given(st.text().map(lambda text: text.replace("%", "")))
def test_a_cleaned_url_hides_nothing_and_decodes_to_what_was_visible(url: str) -> None:
    """Without a `%` of its own, decoding every escape undoes exactly what cleaning did."""
    cleaned = clean_url(url)

    assert not any(is_hidden(char) for char in cleaned)
    assert clean_url(cleaned) == cleaned
    visible = [char for char in url if not is_hidden(char)]
    decoded = unquote(cleaned, errors="surrogatepass")
    assert [char for char in decoded if not is_hidden(char)] == visible


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("%0819AFaf\x00 \n\u200bx/")))
def test_a_url_s_own_escapes_are_kept_as_written(url: str) -> None:
    """`%80` or `%00` in a digest's URL is the address as written (the server decodes it, not
    us): a `%` is an ordinary visible character, even where what follows is no valid UTF-8."""
    stand_in = "\ue000"  # a private-use letter: visible, so never encoded
    assert clean_url(url) == clean_url(url.replace("%", stand_in)).replace(stand_in, "%")
