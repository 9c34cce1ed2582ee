"""Copy formats: the exact text each puts on the clipboard, for one paper and several."""

from dataclasses import replace

import pytest
from markdown_it import MarkdownIt

from readinglist.core.copy_formats import COPY_FORMATS, CopyFormat, copy_text
from readinglist.core.export import ExportFormat, export_papers
from readinglist.core.paper import Paper
from tests.helpers.export_fixtures import make_paper

TWO = ("Ada Lovelace", "Alan Turing")
THREE = ("Ada Lovelace", "Alan Turing", "Grace Hopper")
MANY = ("Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones")
KOREAN = "대규모 언어 모델(LLM)의 한국어 평가"


def text(format: CopyFormat, *papers: Paper) -> str:
    return copy_text(list(papers), format)


def test_every_format_is_declared_once_with_a_label() -> None:
    assert set(COPY_FORMATS) == set(CopyFormat)
    assert all(format.facts.label.startswith("Copy") for format in CopyFormat)


def test_a_link_is_the_arxiv_page_one_a_line_in_the_order_given() -> None:
    first, second = make_paper(1), replace(make_paper(2), url="https://huggingface.co/papers/x")
    assert text(CopyFormat.LINK, first) == "https://arxiv.org/abs/2403.00001"
    assert text(CopyFormat.LINK, second, first) == (
        "https://arxiv.org/abs/2403.00002\nhttps://arxiv.org/abs/2403.00001"
    )
    assert text(CopyFormat.LINK) == ""


def test_a_markdown_link_escapes_what_markdown_would_read_as_markup() -> None:
    paper = make_paper(7, "[Re] *Bold* Claims about_snake `code` <b>")
    expected = (
        r"[\[Re\] \*Bold\* Claims about\_snake \`code\` \<b\>](https://arxiv.org/abs/2403.00007)"
    )
    assert text(CopyFormat.MARKDOWN, paper) == expected
    tokens = MarkdownIt().parseInline(expected)[0].children or []
    assert [t.type for t in tokens] == ["link_open", "text", "link_close"]
    assert tokens[1].content == paper.title  # rendered, the title reads as written


def test_a_markdown_link_keeps_korean_and_puts_one_paper_a_line() -> None:
    papers = [make_paper(1, KOREAN), make_paper(2, "Second")]
    assert text(CopyFormat.MARKDOWN, *papers) == (
        "[대규모 언어 모델(LLM)의 한국어 평가](https://arxiv.org/abs/2403.00001)\n"
        "[Second](https://arxiv.org/abs/2403.00002)"
    )


def test_bibtex_is_what_the_export_writes_without_the_last_line_break() -> None:
    papers = [make_paper(1, "Attention Is All You Need", MANY), make_paper(2, KOREAN, ())]
    copied = text(CopyFormat.BIBTEX, *papers)
    assert copied + "\n" == export_papers(papers, ExportFormat.BIBTEX)
    assert copied.startswith("@misc{vaswani2024attention,\n  title = {{Attention} {Is} {All}")
    korean = "@misc{arxiv2024llm,\n  title = {{대규모} 언어 {모델(LLM)의} 한국어 평가},"
    assert f"}}\n\n{korean}" in copied  # a blank line between entries
    assert copied.endswith("  url = {https://arxiv.org/abs/2403.00002},\n}")


def test_bibtex_keys_stay_unique_among_the_papers_copied() -> None:
    papers = [make_paper(1, "Agents", TWO), make_paper(2, "Agents", TWO)]
    copied = text(CopyFormat.BIBTEX, *papers)
    assert "@misc{lovelace2024agents," in copied and "@misc{lovelace2024agentsb," in copied


@pytest.mark.parametrize(
    ("authors", "truncated", "named"),
    [
        (("Ada Lovelace",), False, "Ada Lovelace"),
        (TWO, False, "Ada Lovelace and Alan Turing"),
        (THREE, False, "Ada Lovelace, Alan Turing, and Grace Hopper"),
        (MANY, False, "Ashish Vaswani et al."),
        (TWO, True, "Ada Lovelace et al."),  # the digest cut the list
        (("Zeyu Lu", "and Lei Bai"), False, "Zeyu Lu and Lei Bai"),  # "…, Zeyu Lu, and Lei Bai"
        (("김철수", "Jürgen Müller"), False, "김철수 and Jürgen Müller"),
    ],
)
def test_a_citation_names_up_to_three_authors_then_et_al(
    authors: tuple[str, ...], truncated: bool, named: str
) -> None:
    paper = replace(make_paper(3, "A Title", authors), authors_truncated=truncated)
    assert text(CopyFormat.CITATION, paper) == f"{named} (2024). A Title. arXiv:2403.00003."


def test_a_citation_without_authors_starts_with_the_title() -> None:
    assert text(CopyFormat.CITATION, make_paper(4, KOREAN)) == (
        "대규모 언어 모델(LLM)의 한국어 평가. (2024). arXiv:2403.00004."
    )


def test_a_citation_adds_no_full_stop_after_a_question_and_leaves_controls_out() -> None:
    question = make_paper(5, "Is Attention\x1b All You Need?", ("Ada\u202e Lovelace",))
    assert text(CopyFormat.CITATION, question) == (
        "Ada Lovelace (2024). Is Attention All You Need? arXiv:2403.00005."
    )


def test_an_old_style_id_gives_the_year_it_holds() -> None:
    old = replace(make_paper(6, "An Old Paper", ("Edward Witten",)), arxiv_id="hep-th/9901001")
    assert text(CopyFormat.CITATION, old) == (
        "Edward Witten (1999). An Old Paper. arXiv:hep-th/9901001."
    )
    assert text(CopyFormat.LINK, old) == "https://arxiv.org/abs/hep-th/9901001"


def test_several_citations_are_one_a_line() -> None:
    papers = [make_paper(1, "One", TWO), make_paper(2, "Two", MANY)]
    assert text(CopyFormat.CITATION, *papers) == (
        "Ada Lovelace and Alan Turing (2024). One. arXiv:2403.00001.\n"
        "Ashish Vaswani et al. (2024). Two. arXiv:2403.00002."
    )
