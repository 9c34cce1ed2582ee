"""Cleaning the text of digests: control and invisible characters that crept in upstream."""

import re

# Whitespace-like characters become a plain space; other controls and invisible format
# characters (U+2062 INVISIBLE TIMES, zero-width space, BOM, soft hyphen, bidi controls)
# and lone surrogates are dropped. Zero-width (non-)joiners stay: emoji sequences and some
# scripts need them.
_AS_SPACE = "\t\n\x0b\x0c\r\xa0\u2007\u2028\u2029\u202f\u3000"
_DROPPED_RANGES = (
    (0x00, 0x09),
    (0x0E, 0x20),
    (0x7F, 0xA0),
    (0xAD, 0xAE),
    (0xD800, 0xE000),  # lone surrogates (from escapes in a Python-list author line)
    (0x200B, 0x200C),
    (0x200E, 0x2010),
    (0x202A, 0x202F),
    (0x2060, 0x2065),
    (0x2066, 0x2070),
    (0xFEFF, 0xFF00),
    (0xFFF9, 0xFFFC),
)


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for start, stop in _DROPPED_RANGES:
        table.update(dict.fromkeys(range(start, stop)))
    table.update({ord(c): " " for c in _AS_SPACE})
    return table


_TABLE = _build_table()


def _character_class(codes: list[int]) -> str:
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"\\U{start:08x}-\\U{stop:08x}" for start, stop in runs)


# str.translate with a dict is slow on non-ASCII text (~5 us a line of Korean); almost every
# line is clean, so a regex search for any character the table touches decides first.
_DIRTY = re.compile(f"[{_character_class(sorted(_TABLE))}]")


def clean_text(text: str) -> str:
    """Text with stray control characters removed and the ends trimmed."""
    return (text.translate(_TABLE) if _DIRTY.search(text) else text).strip()


def is_clean(text: str) -> bool:
    return clean_text(text) == text


# What a terminal or a one-line report must never receive raw: C0 and C1 controls (ESC starts
# a terminal command, a newline forges a report line), DEL, and the bidi controls that
# reorder what is shown (Trojan Source).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    return ascii(match.group())[1:-1]


def for_display(text: str) -> str:
    """`text` with every control character written as a visible escape (`\\n`, `\\x1b`,
    `\\u202e`): for file names, URLs and other outside text shown on one line or printed to a
    terminal. Printable text, Hangul included, is left as it is."""
    return _UNPRINTABLE.sub(_escape, text)


# What a URL may not hold as it is: whitespace of any script, controls, format characters
# (invisible, or reordering what is shown: Unicode 15.1's Cf) and lone surrogates.
# tests/test_text_urls.py checks the list against unicodedata.
_URL_UNSAFE_CLASS = (
    "\\s\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\ud800-\udfff"
)
_URL_UNSAFE = re.compile(f"[{_URL_UNSAFE_CLASS}]")
_URL_SAFE = re.compile(f"[^{_URL_UNSAFE_CLASS}]")
_URL_DROPPED = re.compile("[\t\n\r\ud800-\udfff]")


def _percent_encoded(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def clean_url(url: str) -> str:
    """`url` as one visible token that still leads where it did, the way a browser reads it
    (WHATWG URL standard): nothing hidden at the ends, tabs and line breaks removed, lone
    surrogates (which no encoding carries) dropped, and every other space, control or
    invisible character percent-encoded."""
    if url.isprintable() and " " not in url:  # nothing to clean: 0.1 us, not 3 us
        return url
    first, last = _URL_SAFE.search(url), _URL_SAFE.search(url[::-1])
    if first is None or last is None:
        return ""
    inner = url[first.start() : len(url) - last.start()]
    return _URL_UNSAFE.sub(_percent_encoded, _URL_DROPPED.sub("", inner))
