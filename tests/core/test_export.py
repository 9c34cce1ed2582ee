"""Exports, each read back with a parser of its format and compared with the library."""

import csv
import io
import json
from pathlib import Path

import pytest
from bibtexparser.entrypoint import parse_string
from markdown_it import MarkdownIt
from markdown_it.token import Token
from pylatexenc.latex2text import LatexNodes2Text

from readinglist.cli import main
from readinglist.core.bibtex import arxiv_year
from readinglist.core.export import CSV_COLUMNS, ExportFormat, export_papers
from readinglist.core.paper import Paper, ReadingStatus
from readinglist.library import papers as store
from readinglist.library.database import Library, utc_now
from readinglist.library.importer import import_file
from tests.helpers.digests import DigestWriter, FakeEntry

ENTRIES = [
    FakeEntry(
        "2312.08723",
        title="StemGen: A music {generation} model & more at 100% #1",
        authors=("Julian D. Parker", "Janne Spijkervet", "Ada and Sons Ltd"),
    ),
    FakeEntry(
        "2401.00001",
        title="Unbalanced } braces, $x_2^{n}$ and snake_case",
        authors=("Jürgen Müller",),
        votes=None,
    ),
    FakeEntry("2402.00002", title="데이터셋 평가 [연구] *강조* `code`", authors=()),
    FakeEntry("hep-th/9901001", title="An Old Paper", authors=("Edward Witten",)),
    FakeEntry(
        "2312.00003",
        title="StemGen: A music {generation} model & more at 100% #1",
        authors=("J. Parker",),
    ),
]


@pytest.fixture
def papers(library: Library, digests: DigestWriter) -> list[Paper]:
    text = "\n".join(entry.markdown() for entry in ENTRIES)
    truncated = text.replace("Ada and Sons Ltd", "Ada and Sons Ltd, +")  # "and more"
    import_file(library, digests.write_text("d.md", "## Daily Papers (2024-03-01)\n\n" + truncated))
    with library.writing() as connection:
        ids = store.find_paper_ids(connection)
        store.set_starred(connection, ids[:2], True)
        store.set_status(connection, ids[1:3], ReadingStatus.READING, utc_now())
        store.set_status(connection, ids[3:4], ReadingStatus.READ, utc_now())
        store.add_tags(connection, ids[:2], ["music", "to share"])
        store.set_note(connection, ids[0], "Read with the demo.\n\n- **try** it", utc_now())
    with library.reading() as connection:
        return store.load_papers(connection, store.find_paper_ids(connection))


def test_the_fixture_has_what_the_exports_must_cope_with(papers: list[Paper]) -> None:
    assert len(papers) == 5
    assert papers[0].authors_truncated and papers[0].note and papers[1].votes is None
    assert papers[2].authors == ()


def test_json_is_the_command_lines_paper_shape(papers: list[Paper]) -> None:
    assert json.loads(export_papers(papers, ExportFormat.JSON)) == [p.to_json() for p in papers]


def test_csv_reads_back(papers: list[Paper]) -> None:
    rows = list(csv.DictReader(io.StringIO(export_papers(papers, ExportFormat.CSV))))
    assert len(rows) == len(papers)
    for row, paper in zip(rows, papers, strict=True):
        assert tuple(row) == CSV_COLUMNS
        assert row["arxiv_id"] == paper.arxiv_id and row["title"] == paper.title
        assert _items(row["authors"]) == list(paper.authors)
        assert row["authors_truncated"] == str(paper.authors_truncated).lower()
        assert (row["url"], row["first_seen"], row["last_seen"]) == (
            paper.url,
            paper.first_seen.isoformat(),
            paper.last_seen.isoformat(),
        )
        assert row["votes"] == ("" if paper.votes is None else str(paper.votes))
        assert _items(row["digests"]) == [d.date.isoformat() for d in paper.digests]
        assert row["starred"] == str(paper.starred).lower() and row["status"] == paper.status
        changed = paper.status_changed_at
        assert row["status_changed_at"] == ("" if changed is None else changed.isoformat())
        assert _items(row["tags"]) == list(paper.tags) and row["note"] == paper.note
        assert _items(row["summary"]) == list(paper.summary)


def _items(cell: str) -> list[str]:
    return cell.split("\n") if cell else []


def test_bibtex_reads_back_with_a_bibtex_parser(papers: list[Paper]) -> None:
    parsed = parse_string(export_papers(papers, ExportFormat.BIBTEX))

    assert not parsed.failed_blocks
    assert [entry.entry_type for entry in parsed.entries] == ["misc"] * len(papers)
    assert [entry.key for entry in parsed.entries] == [
        "parker2023stemgen",
        "muller2024unbalanced",
        "arxiv2024code",
        "witten1999old",
        "parker2023stemgenb",
    ]
    unpaired_dropped = {ENTRIES[1].title: "Unbalanced braces, $x_2^{n}$ and snake_case"}
    for entry, paper in zip(parsed.entries, papers, strict=True):
        fields = {name: field.value for name, field in entry.fields_dict.items()}
        assert _unlatex(fields["title"]) == unpaired_dropped.get(paper.title, paper.title)
        authors = _names(fields.get("author", ""))
        assert authors == [*paper.authors, *(["others"] if paper.authors_truncated else [])]
        assert fields["year"] == str(arxiv_year(paper))
        assert (fields["eprint"], fields["archivePrefix"]) == (paper.arxiv_id, "arXiv")
        assert fields["url"] == paper.url
        assert _unlatex(fields.get("keywords", "")) == ", ".join(paper.tags)


def _names(value: str) -> list[str]:
    """BibTeX's author list: split at " and " outside braces, each name's braces dropped."""
    names, depth, start = [], 0, 0
    for index, char in enumerate(value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and value.startswith(" and ", index):
            names.append(value[start:index])
            start = index + len(" and ")
    names.append(value[start:])
    return [name.strip("{}") for name in names if name]


def _unlatex(value: str) -> str:
    """The text of a LaTeX value, its $math$ as written (pylatexenc's decoder)."""
    text: str = LatexNodes2Text(math_mode="verbatim").latex_to_text(value)
    return text


def test_bibtex_keeps_math_and_balanced_braces(papers: list[Paper]) -> None:
    text = export_papers(papers, ExportFormat.BIBTEX)
    title = r"{StemGen:} {A} music {\{}generation{\}} model {\&} more at 100{\%} {\#}1"
    assert f"title = {{{title}}}," in text
    title = r"{Unbalanced} braces, {$x_2^{n}$} and snake{\_}case"  # the lone brace dropped
    assert f"title = {{{title}}}," in text
    authors = "Julian D. Parker and Janne Spijkervet and {Ada and Sons Ltd} and others"
    assert f"author = {{{authors}}}," in text
    assert "year = {1999}" in text and "keywords = {music, to share}" in text


def test_arxiv_years_come_from_the_id(papers: list[Paper]) -> None:
    assert [arxiv_year(paper) for paper in papers] == [2023, 2024, 2024, 1999, 2023]


def test_markdown_is_a_reading_list_by_status(papers: list[Paper]) -> None:
    text = export_papers(papers, ExportFormat.MARKDOWN)
    tokens = MarkdownIt().parse(text)

    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Reading list", "Unread (2)", "Reading (2)", "Read (1)"]
    by_status = sorted(papers, key=lambda paper: list(ReadingStatus).index(paper.status))
    assert _links(tokens) == [(paper.url, paper.title) for paper in by_status]
    assert [t.type for t in tokens].count("blockquote_open") == 1
    assert "  > Read with the demo.\n  >\n  > - **try** it\n" in text
    assert "- [x] [An Old Paper](https://arxiv.org/abs/hep-th/9901001)" in text
    assert text.startswith("# Reading list\n\n5 papers.\n") and "★" in text


def _links(tokens: list[Token]) -> list[tuple[str, str]]:
    """(address, text) of every link, in order."""
    found: list[tuple[str, str]] = []
    for token in tokens:
        href, text = None, ""
        for child in token.children or []:
            if child.type == "link_open":
                href, text = str(child.attrGet("href")), ""
            elif child.type == "link_close" and href is not None:
                found.append((href, text))
                href = None
            elif href is not None:
                text += child.content
    return found


def test_every_format_from_the_command_line(
    papers: list[Paper], library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for format in ExportFormat:
        assert main(["--library", str(library_path), "export", "--format", format.value]) == 0
        assert capsys.readouterr().out == export_papers(papers, format)

    target = tmp_path / "out" / "list.bib"
    target.parent.mkdir()
    args = ["export", "--format", "bibtex", "--output", str(target), "is:starred", "-music"]
    assert main(["--library", str(library_path), *args]) == 0
    assert capsys.readouterr().out == f"0 papers written to {target}\n"
    args = ["export", "--output", str(target), "--format", "csv", "is:starred", "--sort", "title"]
    assert main(["--library", str(library_path), *args]) == 0
    starred = sorted((p for p in papers if p.starred), key=lambda p: p.title.lower())
    assert target.read_bytes().decode("utf-8-sig") == export_papers(starred, ExportFormat.CSV)

    missing = tmp_path / "no" / "such" / "dir.bib"
    args = ["export", "--format", "json", "--output", str(missing)]
    code = main(["--library", str(library_path), *args])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("readinglist: cannot write") and "Traceback" not in err


def test_an_empty_export_is_still_well_formed() -> None:
    assert export_papers([], ExportFormat.JSON) == "[]\n"
    assert export_papers([], ExportFormat.CSV) == ",".join(CSV_COLUMNS) + "\n"
    assert export_papers([], ExportFormat.BIBTEX) == ""
    assert export_papers([], ExportFormat.MARKDOWN) == "# Reading list\n\n0 papers.\n"
