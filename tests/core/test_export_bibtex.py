"""BibTeX text, checked without outside tools: what TeX and BibTeX would misread is escaped,
math kept, capitals braced, braces paired as BibTeX counts them. (test_export_tools.py runs
pdflatex, bibtex, biber and pandoc on the same papers.)"""

import re
from collections.abc import Callable

import pytest
from bibtexparser.entrypoint import parse_string
from bibtexparser.model import Entry
from pylatexenc.latex2text import LatexNodes2Text

from readinglist.core.bibtex import latex_text, latex_title
from readinglist.core.export import ExportFormat, export_papers
from tests.helpers.export_fixtures import (
    HARD_AUTHORS,
    HARD_TITLES,
    HardTitle,
    hard_papers,
    make_paper,
)


def test_a_lone_dollar_is_a_dollar_not_the_start_of_math() -> None:
    assert latex_title("Can Agents Earn $1 Million?") == r"{Can} {Agents} {Earn} {\$}1 {Million?}"
    assert latex_title("Pay $5 or $10") == r"{Pay} {\$}5 or {\$}10"


def test_math_by_pandocs_rule_stays_math_and_is_braced() -> None:
    assert latex_title("Sorting in $O(n^2)$ time") == r"{Sorting} in {$O(n^2)$} time"
    assert latex_title("M$^{2}$UGen and $x$") == r"{M$^{2}$UGen} and {$x$}"
    assert latex_title("$ 5 and 6 $") == r"{{\$}} 5 and 6 {\$}"  # spaces inside: not math
    assert latex_title("50% of $x%y#z$") == r"{50{\%}} of {$x\%y\#z$}"  # escaped inside too


def test_carets_and_the_other_specials_outside_math_are_pylatexencs_escapes() -> None:
    assert latex_title("CoRe^2") == r"{CoRe{\textasciicircum}2}"
    assert latex_text(r"a_b & 1% #2 ~ \x") == (
        r"a{\_}b {\&} 1{\%} {\#}2 {\textasciitilde} {\textbackslash}x"
    )


def test_every_word_with_a_capital_is_braced_and_each_that_starts_a_sentence() -> None:
    title = "rotary LLMs, GPT-4 and Russian poetry of iPhone users"
    assert latex_title(title) == "{rotary} {LLMs,} {GPT-4} and {Russian} poetry of {iPhone} users"
    assert latex_title("Eyes: from x? to y! be z. we") == "{Eyes:} {from} x? {to} y! {be} z. {we}"
    assert latex_text("Jürgen Müller") == "Jürgen Müller"  # names are not case-changed


def test_braces_that_pair_are_kept_as_text_and_the_others_left_out() -> None:
    assert latex_title("a {b} c") == r"{a} {\{}b{\}} c"
    assert latex_title("x } y { z") == "{x} y z"
    assert latex_title("x }{ y") == "{x} y"


@pytest.mark.parametrize("hard", HARD_TITLES, ids=lambda hard: hard.title[:24])
def test_braces_balance_as_bibtex_counts_them(hard: HardTitle) -> None:
    """BibTeX finds the end of a value by counting every brace, escaped or not."""
    depth = 0
    for char in latex_title(hard.title):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


def test_hangul_stays_utf8_emoji_are_left_out_greek_goes_to_math() -> None:
    assert latex_title("한국어 평가") == "{한국어} 평가"
    assert latex_title("🚀 Fast 🤗 Models ❤️ 👩‍💻") == "{Fast} {Models}"
    assert latex_title("μP and $ε$-Nets") == r"{{\ensuremath{\mu}}P} and {$\varepsilon$-Nets}"
    assert latex_title("$αx + β$") == r"{$\alpha x + \beta$}"  # a letter after it: a space
    assert latex_text("Über Naïve — “x” 37°C") == "Über Naïve — “x” 37°C"


def test_a_name_holding_the_word_and_is_one_name() -> None:
    names = ("Ada and Sons Ltd", "and Lei Bai", "Andrea Anderson", "Zeyu Lu")
    text = export_papers([make_paper(1, "T", names)], ExportFormat.BIBTEX)
    assert "author = {{Ada and Sons Ltd} and {and Lei Bai} and Andrea Anderson and Zeyu Lu}" in text


def test_control_characters_never_reach_the_bibtex() -> None:
    paper = make_paper(1, "Evil\x1b]0;title\x07 Paper\u202e", ("Ada\x00 Lovelace",))
    text = export_papers([paper], ExportFormat.BIBTEX)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)
    assert "title = {{Evil]0;title} {Paper}}" in text and "author = {Ada Lovelace}" in text


def test_every_hard_entry_parses_and_decodes_back() -> None:
    """bibtexparser finds every field; pylatexenc's LaTeX decoder reads the text back."""
    papers = hard_papers()
    parsed = parse_string(export_papers(papers, ExportFormat.BIBTEX))
    assert not parsed.failed_blocks and len(parsed.entries) == len(papers)
    decode = LatexNodes2Text(math_mode="verbatim").latex_to_text
    titles = [decode(entry.fields_dict["title"].value) for entry in parsed.entries]
    assert titles[0] == HARD_TITLES[0].title and titles[3] == HARD_TITLES[3].title
    assert titles[5] == HARD_TITLES[5].read_back and titles[6] == HARD_TITLES[6].title
    for entry in parsed.entries:
        assert all(name.strip("{}") in HARD_AUTHORS for name in _names(decode, entry))


def _names(decode: Callable[[str], str], entry: Entry) -> list[str]:
    value = entry.fields_dict["author"].value
    names = re.split(r" and (?![^{]*\})", value)  # not inside {Ada and Sons Ltd}
    return [decode(name) for name in names]
