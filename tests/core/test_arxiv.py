"""arXiv ids from the links digests use and from what people type."""

import pytest

from readinglist.core.arxiv import PAGES, PaperPage, arxiv_id_from_url, normalize_arxiv_id


@pytest.mark.parametrize(
    ("url", "arxiv_id"),
    [
        ("https://arxiv.org/abs/2401.01234", "2401.01234"),
        ("https://arxiv.org/abs/2401.01234v2", "2401.01234"),
        ("http://arxiv.org/abs/2401.01234/", "2401.01234"),
        ("https://www.arxiv.org/abs/2401.01234", "2401.01234"),
        ("https://export.arxiv.org/abs/2401.01234", "2401.01234"),
        ("https://arxiv.org/pdf/2401.01234", "2401.01234"),
        ("https://arxiv.org/pdf/2401.01234.pdf", "2401.01234"),
        ("https://arxiv.org/pdf/2401.01234v3.pdf", "2401.01234"),
        ("https://arxiv.org/abs/2401.01234?context=cs", "2401.01234"),
        ("https://arxiv.org/abs/2401.01234#section", "2401.01234"),
        ("https://huggingface.co/papers/2401.01234", "2401.01234"),
        ("https://huggingface.co/papers/2401.01234v1", "2401.01234"),
        ("  https://arxiv.org/abs/2401.01234  ", "2401.01234"),
        ("HTTPS://ARXIV.ORG/ABS/2401.01234", "2401.01234"),
        ("https://arxiv.org/abs/1412.6980", "1412.6980"),  # four digits before 2015
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001"),
        ("https://arxiv.org/pdf/math.AG/0601001v1.pdf", "math.AG/0601001"),
        ("https://arxiv.org/abs/MATH.ag/0601001", "math.AG/0601001"),
        ("https://arxiv.org/abs/cond-mat/0102536", "cond-mat/0102536"),
    ],
)
def test_arxiv_id_from_url(url: str, arxiv_id: str) -> None:
    assert arxiv_id_from_url(url) == arxiv_id


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://arxiv.org/ab",
        "https://arxiv.org/abs/",
        "https://arxiv.org/abs/2401.012345",
        "https://arxiv.org/abs/2401.123",
        "https://arxiv.org/list/cs.CL/recent",
        "https://example.com/abs/2401.01234",
        "https://arxiv.org.evil.com/abs/2401.01234",
        "https://huggingface.co/datasets/2401.01234",
        "https://github.com/org/repo",
        "https://arxiv.org/abs/2401.01234 trailing",
        "https://arxiv.org/abs/٢٤٠١.٠١٢٣٤",  # Arabic-Indic digits are not an id
        "https://arxiv.org/abs/2401.０１２３４",  # nor are full-width ones
        "https://arxiv.org/abs/\u212aep-th/9901001",  # KELVIN SIGN folds to k, but no
        "https://arxiv.org/abs/hep-th/990100",
    ],
)
def test_not_arxiv_links(url: str) -> None:
    assert arxiv_id_from_url(url) is None


@pytest.mark.parametrize(
    ("text", "arxiv_id"),
    [
        ("2401.01234", "2401.01234"),
        ("2401.01234v7", "2401.01234"),
        (" arXiv:2401.01234 ", "2401.01234"),
        ("ARXIV:2401.01234v2", "2401.01234"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/abs/2401.01234v2", "2401.01234"),
        ("https://huggingface.co/papers/2401.01234", "2401.01234"),
        ("2401.1234", "2401.1234"),
        ("2401.012345", None),
        ("٢٤٠١.٠١٢٣٤", None),
        ("paper", None),
        ("", None),
    ],
)
def test_normalize_arxiv_id(text: str, arxiv_id: str | None) -> None:
    assert normalize_arxiv_id(text) == arxiv_id


@pytest.mark.parametrize(
    ("page", "url"),
    [
        (PaperPage.ARXIV, "https://arxiv.org/abs/2401.01234"),
        (PaperPage.PDF, "https://arxiv.org/pdf/2401.01234"),
        (PaperPage.HUGGING_FACE, "https://huggingface.co/papers/2401.01234"),
    ],
)
def test_a_papers_pages_are_built_from_its_id(page: PaperPage, url: str) -> None:
    assert page.url("2401.01234") == url
    assert arxiv_id_from_url(url) == "2401.01234"  # and read back as the same paper


def test_every_page_is_declared_once_with_its_own_key() -> None:
    assert set(PAGES) == set(PaperPage)
    assert len({page.facts.key for page in PaperPage}) == len(PaperPage)
    assert PaperPage.PDF.url("hep-th/9901001") == "https://arxiv.org/pdf/hep-th/9901001"
