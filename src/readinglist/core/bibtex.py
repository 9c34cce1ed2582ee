"""BibTeX that pdflatex + bibtex, biblatex + biber and pandoc all read as the digest wrote it.

A title is cut into `$math$` (by pandoc's rule: a `$` followed by a non-space opens, one
preceded by a non-space and not followed by a digit closes, braces inside must pair) and text.
In text, what TeX or BibTeX would read as markup (`$ ^ _ & % # ~ \\ { } < >`) is written as
pylatexenc's LaTeX for it, in braces; a brace with no partner is left out, since BibTeX counts
every brace, escaped or not, to find where a value ends. Other characters stay UTF-8, which
LaTeX (since 2018), biber and pandoc all read, except:

- Greek letters and math symbols, which no text font encoding of pdflatex holds: written as
  pylatexenc's math for them (`{\\ensuremath{\\mu}}`, `\\mu` inside `$math$`); pandoc reads
  them back as TeX math;
- emoji and other pictographs, which no TeX font has and which stop a pdflatex build: left out
  (the other formats keep them).

Hangul stays UTF-8: pdflatex sets it once the document loads ko.TeX (`\\usepackage{kotex}`),
xelatex/lualatex with a Korean font; biber reads it as it reads any UTF-8.

TeX's own ligatures stay what they are, since arXiv's titles are TeX: "Part I -- MathPile"
and "`Constitutions'" print (and read in pandoc) with an en dash and curly quotes.

Every word of a title that holds a capital (or math) is braced, so that styles which lower-case
titles keep "LLMs", "GPT-4" and "Russian" as written, and so does pandoc, which lower-cases
unbraced capitalised words when it reads BibTeX. The digests' titles are the authors' own, in
their own case: braces keep it, whatever the style.
"""

import functools
import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TextIO

from readinglist.core.paper import Paper
from readinglist.core.text import clean_text


def write_bibtex(papers: Iterable[Paper], out: TextIO) -> int:
    """One `@misc` entry per paper, as arXiv itself exports them, keyed `lastname2023word`,
    written as each paper comes; returns how many were written."""
    used: set[str] = set()
    count = 0
    for paper in papers:
        out.write(("\n" if count else "") + _entry(paper, _unique(_citation_key(paper), used)))
        count += 1
    return count


def _entry(paper: Paper, key: str) -> str:
    authors = [_author(name) for name in paper.authors]
    if paper.authors_truncated:
        authors.append("others")
    fields = [
        ("title", latex_title(paper.title)),
        ("author", " and ".join(name for name in authors if name)),
        ("year", str(arxiv_year(paper))),
        ("eprint", paper.arxiv_id),
        ("archivePrefix", "arXiv"),
        ("url", _balanced(clean_text(paper.url))),
    ]
    if paper.tags:
        fields.append(("keywords", latex_text(", ".join(paper.tags))))
    lines = [f"  {name} = {{{value}}}," for name, value in fields if value]
    return "\n".join([f"@misc{{{key},", *lines, "}", ""])


def arxiv_year(paper: Paper) -> int:
    """The year the paper went on arXiv, from its id (2312.08723, hep-th/9901001)."""
    number = paper.arxiv_id.rpartition("/")[2]
    if re.fullmatch(r"[0-9]{4}\.[0-9]{4,5}", number) or re.fullmatch(r"[0-9]{7}", number):
        year = int(number[:2])
        return 1900 + year if year >= 91 else 2000 + year
    return paper.first_seen.year


def _author(name: str) -> str:
    """A name that holds the word "and" is braced, or BibTeX would take it for two (or, for
    "and Lei Bai", which a digest's "…, Zeyu Lu, and Lei Bai" gives, for an empty one)."""
    text = latex_text(name)
    return f"{{{text}}}" if re.search(r"\band\b", text, re.IGNORECASE) else text


def _balanced(text: str) -> str:
    """Braces must pair up in BibTeX; when they do not (in a URL), they are dropped."""
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    return text if depth == 0 else text.replace("{", "").replace("}", "")


# --- LaTeX text ------------------------------------------------------------------------------


def latex_title(text: str) -> str:
    """`text` as a BibTeX title: LaTeX as the module says, each word with a capital braced."""
    return _latex(text, protect=True)


def latex_text(text: str) -> str:
    """`text` as a BibTeX value (a name, keywords): LaTeX as the module says, case as it is."""
    return _latex(text, protect=False)


def _latex(text: str, protect: bool) -> str:
    words: list[str] = []
    for word in _words(text):
        starts = not words or words[-1].rstrip("}")[-1] in ".:?!"
        latex = _latex_word(word, protect, starts_a_sentence=starts)
        if latex:  # a word of emoji only is left out
            words.append(latex)
    return " ".join(words)


_Piece = tuple[str, bool]  # (text, is math)
# pandoc's TeX math: `$` + a non-space … a non-space + `$`, not followed by a digit.
_MATH = re.compile(r"\$([^\s$](?:[^$]*[^\s$])?)\$(?!\d)")


def _words(text: str) -> Iterator[list[_Piece]]:
    """The words of `text` (split at spaces outside math), each a list of its pieces."""
    word: list[_Piece] = []
    for piece, is_math in _pieces(unicodedata.normalize("NFC", clean_text(text))):
        if is_math:
            word.append((piece, True))
            continue
        first, *others = piece.split(" ")
        word.append((first, False))
        for part in others:
            yield word
            word = [(part, False)]
    yield word


def _pieces(text: str) -> Iterator[_Piece]:
    """Math and text, in order; the text without the braces that have no partner."""
    spans = [m.span() for m in _MATH.finditer(text) if _pairs_up(m.group(1))]
    unpaired = _unpaired_braces(text, spans) if "{" in text or "}" in text else set()
    start = 0
    for math_start, math_end in [*spans, (len(text), len(text))]:
        yield _slice_without(text, start, math_start, unpaired), False
        if math_start < math_end:
            yield text[math_start:math_end], True
        start = math_end


def _slice_without(text: str, start: int, end: int, left_out: set[int]) -> str:
    if not left_out:
        return text[start:end]
    return "".join(text[index] for index in range(start, end) if index not in left_out)


def _pairs_up(text: str) -> bool:
    return not _unpaired_braces(text, [])


def _unpaired_braces(text: str, skipped: list[tuple[int, int]]) -> set[int]:
    """Where the braces of `text` (outside the `skipped` spans) have no partner."""
    inside = {i for start, end in skipped for i in range(start, end)}
    opened: list[int] = []
    unpaired: set[int] = set()
    for index, char in enumerate(text):
        if index in inside:
            continue
        if char == "{":
            opened.append(index)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                unpaired.add(index)
    return unpaired | set(opened)


def _latex_word(word: list[_Piece], protect: bool, starts_a_sentence: bool) -> str:
    """The word in LaTeX; braced, when asked to `protect`, if it holds a capital or math, or
    starts a sentence (pandoc capitalises an unbraced word that comes first or after `: ? ! .`
    ("Eyes: from" → "Eyes: From"); BibTeX styles leave such a word as it is)."""
    latex = "".join(_latex_math(text) if is_math else _latex_plain(text) for text, is_math in word)
    capital = any(is_math or text != text.lower() for text, is_math in word)
    return f"{{{latex}}}" if protect and (capital or starts_a_sentence) and latex else latex


_SPECIAL = re.compile(r"[\\$^_&%#~{}<>]|[^\x00-\x7f]")


def _latex_plain(text: str) -> str:
    return _SPECIAL.sub(lambda match: _text_character(match.group()), text)


def _latex_math(text: str) -> str:
    """`$math$` as written, with what would break TeX inside it escaped or converted."""
    escaped = re.sub(r"(?<!\\)([%#&])", r"\\\1", text)
    return re.sub(r"[^\x00-\x7f](?=([A-Za-z]?))", _math_character, escaped)


@functools.cache
def _text_character(char: str) -> str:
    latex = _pylatexenc_latex(char)
    if char.isascii() or latex.startswith("\\ensuremath{"):
        return f"{{{latex}}}" if latex.startswith("\\") else char
    return char if latex or _has_a_glyph(char) else ""


def _math_character(match: re.Match[str]) -> str:
    char, letter_follows = match.group(), bool(match.group(1))
    latex = _pylatexenc_latex(char)
    if latex.startswith("\\ensuremath{") and latex.endswith("}"):
        return latex[len("\\ensuremath{") : -1] + (" " if letter_follows else "")
    return f"\\mbox{{{char}}}" if latex or _has_a_glyph(char) else ""


def _has_a_glyph(char: str) -> bool:
    """Letters, marks, digits and punctuation of any script (Hangul, CJK…): a document set up
    for the script sets them. Not symbols (emoji, pictographs), variation selectors, joiners."""
    category = unicodedata.category(char)
    return category[0] in "LMNPZ" and not unicodedata.name(char, "").startswith("VARIATION")


@functools.cache
def _uni2latex() -> dict[int, str]:
    """pylatexenc's table, loaded on the first BibTeX export (50 ms), not with the window."""
    from pylatexenc.latexencode import get_builtin_uni2latex_dict

    return dict(get_builtin_uni2latex_dict())


def _pylatexenc_latex(char: str) -> str:
    """pylatexenc's LaTeX for `char`; "" when it has none (Hangul, emoji) or for a straight
    quote, which it writes `''` (pandoc reads a closing quote) and BibTeX takes as it is."""
    latex = _uni2latex().get(ord(char), "")
    return latex if latex.startswith("\\") else ""


# --- citation keys ---------------------------------------------------------------------------

_STOP_WORDS = frozenset({"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "is"})


def _citation_key(paper: Paper) -> str:
    author = _ascii_word(paper.authors[0].split()[-1]) if paper.authors else ""
    words = (_ascii_word(word) for word in paper.title.split())
    title = next((word for word in words if word and word not in _STOP_WORDS), "")
    return f"{author or 'arxiv'}{arxiv_year(paper)}{title}"


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _unique(key: str, used: set[str]) -> str:
    """`key`, or `keyb`, `keyc`… when a paper before took it."""
    candidate, count = key, 1
    while candidate in used:
        count += 1
        candidate = key + (string.ascii_lowercase[count - 1] if count <= 26 else str(count))
    used.add(candidate)
    return candidate
