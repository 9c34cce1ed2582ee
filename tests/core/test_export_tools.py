"""The BibTeX export read by the tools people feed it to: pdflatex + bibtex (plain style),
pdflatex + biblatex + biber, and pandoc. Each test skips, saying which Debian package brings
it, only when a tool is not installed.

One combined .bib of the hard cases is compiled once per toolchain (1 s with bibtex, 3 s with
biber), and the shared corpus, when it sits beside the repository, as one more .bib.

The documents load `fontenc` T1 with Latin Modern (the letters of Polish, Czech, Croatian…
names; without them pdflatex has only the 1970s OT1 encoding) and ko.TeX, which lets pdflatex
set Hangul; with those, every title and name must come through without a single error.
"""

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from readinglist.core.bibtex import arxiv_year
from readinglist.core.export import ExportFormat, export_papers
from readinglist.core.paper import Paper
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.library.papers import find_paper_ids, load_papers
from tests.helpers.export_fixtures import HARD_TITLES, hard_papers

_PACKAGES = {
    "pdflatex": "texlive-latex-base",
    "bibtex": "texlive-latex-base",
    "biber": "biber",
    "pandoc": "pandoc",
    "kpsewhich": "texlive-latex-base",
}
_STYLES = {
    "kotex.sty": "texlive-lang-korean",
    "lmodern.sty": "lmodern",
    "biblatex.sty": "texlive-bibtex-extra",
    "etoolbox.sty": "texlive-latex-recommended",
}
_PREAMBLE = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usepackage{kotex}
"""
_PLAIN = (
    _PREAMBLE
    + r"""\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{papers}
\end{document}
"""
)
_BIBLATEX = (
    _PREAMBLE
    + r"""\usepackage[backend=biber]{biblatex}
\addbibresource{papers.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""
)


def need(*tools: str) -> None:
    """Skip unless every tool (a program, or a LaTeX package `x.sty`) is installed."""
    for tool in tools:
        if tool.endswith(".sty"):
            need("kpsewhich")
            if not run(Path.cwd(), "kpsewhich", tool).stdout.strip():
                pytest.skip(f"the LaTeX package {tool} is not installed ({_STYLES[tool]})")
        elif shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian package {_PACKAGES[tool]})")


def run(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=folder,
        check=False,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=600,
    )


def write_bib(folder: Path, papers: list[Paper]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "papers.bib"
    path.write_text(export_papers(papers, ExportFormat.BIBTEX), encoding="utf-8")
    return path


def copy_bib(bib: Path, folder: Path) -> Path:
    """A folder of its own for one toolchain's run, holding a copy of `bib`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(bib, folder / bib.name)
    return folder


def latex(folder: Path) -> str:
    """pdflatex on document.tex; its errors (a `!` line and the two after it), if any."""
    command = ["pdflatex", "-interaction=nonstopmode", "-no-shell-escape", "document.tex"]
    result = run(folder, *command)
    log = (folder / "document.log").read_text(encoding="utf-8", errors="replace")
    errors = re.findall(r"^!.*\n.*\n.*", log, re.MULTILINE)
    assert result.returncode == 0 or errors, result.stdout[-3000:]
    return "\n".join(errors)


def compile_with_bibtex(folder: Path) -> str:
    """pdflatex, bibtex, pdflatex: the bibliography as bibtex wrote it (the .bbl)."""
    need("pdflatex", "bibtex", "kotex.sty", "lmodern.sty")
    (folder / "document.tex").write_text(_PLAIN, encoding="utf-8")
    assert latex(folder) == ""
    bibtex = run(folder, "bibtex", "document")
    assert bibtex.returncode == 0, bibtex.stdout  # 1: warnings, 2: errors
    assert latex(folder) == ""
    return (folder / "document.bbl").read_text(encoding="utf-8")


def compile_with_biber(folder: Path) -> str:
    need("pdflatex", "biber", "kotex.sty", "lmodern.sty", "biblatex.sty", "etoolbox.sty")
    (folder / "document.tex").write_text(_BIBLATEX, encoding="utf-8")
    assert latex(folder) == ""
    biber = run(folder, "biber", "document")
    assert biber.returncode == 0 and "WARN" not in biber.stdout, biber.stdout
    assert latex(folder) == ""
    return (folder / "document.bbl").read_text(encoding="utf-8")


def read_with_pandoc(bib: Path) -> list[dict[str, Any]]:
    need("pandoc")
    result = run(bib.parent, "pandoc", "--from", "bibtex", "--to", "csljson", bib.name)
    assert result.returncode == 0 and not result.stderr, result.stderr
    entries: list[dict[str, Any]] = json.loads(result.stdout)
    return entries


def csl_name(name: dict[str, str]) -> str:
    """A CSL name as one string, in the order BibTeX read it."""
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return name.get("literal") or " ".join(name[part] for part in parts if part in name)


_TEX_LIGATURES = (("---", "—"), ("--", "–"), ("``", '"'), ("''", '"'))
_QUOTES = str.maketrans(dict.fromkeys("‘’“”`'", '"'))


def as_read(text: str) -> str:
    """`text` with TeX's dash and quote ligatures, which arXiv titles use (Part I -- MathPile,
    `Constitutions') and which pandoc reads as TeX does, and every quote mark as `"`: pandoc
    curls straight ones and writes CSL's own (“” outside, ‘’ inside) in place of the title's."""
    text = unicodedata.normalize("NFC", text)
    for ligature, character in _TEX_LIGATURES:
        text = text.replace(ligature, character)
    return text.translate(_QUOTES)


@pytest.fixture(scope="module")
def hard_bib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_bib(tmp_path_factory.mktemp("hard"), hard_papers())


# --- the hard cases ----------------------------------------------------------------------


def test_pdflatex_and_bibtex_set_every_hard_title(hard_bib: Path, tmp_path: Path) -> None:
    bibliography = compile_with_bibtex(copy_bib(hard_bib, tmp_path))

    assert bibliography.count(r"\bibitem") == len(HARD_TITLES)
    for kept in ("{LLMs,} {GPT-4} and {Russian}", "{CoRe{\\textasciicircum}2}", "{\\$}1 {Million}"):
        assert kept in bibliography  # plain.bst lower-cases titles: the braces kept these
    assert "한국어 평가" in bibliography


def test_biblatex_and_biber_set_every_hard_title(hard_bib: Path, tmp_path: Path) -> None:
    bibliography = compile_with_biber(copy_bib(hard_bib, tmp_path))

    assert bibliography.count(r"\entry{") == len(HARD_TITLES)
    assert "한국어 평가" in bibliography and "Łukasz" in bibliography  # biber's UTF-8 input


def test_pandoc_reads_back_every_title_author_and_year(hard_bib: Path) -> None:
    entries = read_with_pandoc(hard_bib)

    papers = hard_papers()
    assert len(entries) == len(papers)
    for entry, paper, hard in zip(entries, papers, HARD_TITLES, strict=True):
        assert as_read(entry["title"]) == as_read(hard.read_back)
        assert [as_read(csl_name(name)) for name in entry["author"]] == [
            as_read(name) for name in paper.authors
        ]
        assert entry["issued"]["date-parts"] == [[arxiv_year(paper)]]


# --- the shared corpus -------------------------------------------------------------------


@pytest.mark.slow
def test_the_whole_corpus_compiles_and_reads_back(
    shared_corpus: Path, library: Library, tmp_path: Path
) -> None:
    """pdflatex + bibtex set every paper of the shared corpus, and pandoc reads back every
    author and year as they were, and every title as it was but for math (`$…$`, Greek
    letters), which comes back as its TeX: there, every other word as it was. (biber is
    left to the hard cases: it takes 20 s of CPU for the corpus's 1,150 papers, bibtex 0.2.)"""
    import_paths(library, [shared_corpus])
    with library.reading() as connection:
        papers = load_papers(connection, find_paper_ids(connection))
    bib = write_bib(tmp_path, papers)

    by_bibtex = compile_with_bibtex(copy_bib(bib, tmp_path / "bibtex"))
    assert by_bibtex.count(r"\bibitem") == len(papers)
    entries = read_with_pandoc(bib)
    assert len(entries) == len(papers)
    for entry, paper in zip(entries, papers, strict=True):
        names = [as_read(csl_name(name)) for name in entry.get("author", [])]
        others = ["others"] if paper.authors_truncated else []  # BibTeX's "and others"
        assert names == [as_read(name) for name in paper.authors] + others
        assert entry["issued"]["date-parts"] == [[arxiv_year(paper)]]
        assert_title_read_back(as_read(entry["title"]), as_read(paper.title))


def assert_title_read_back(title: str, original: str) -> None:
    if re.search("[$\u0370-\u03ff]", original):
        words = [word for word in original.split() if re.fullmatch("[ -#%-~]+", word)]
        assert all(word in title for word in words), (title, words)
    else:
        assert title == " ".join(original.split())
