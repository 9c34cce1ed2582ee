"""Exports written as the papers come: a writer never asks for the next paper before the one it
has is on its way out, and the library is read a thousand papers at a time."""

import io
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import Connection

from readinglist.core.export import ExportFormat, export_papers, write_export, write_papers
from readinglist.core.paper import Paper
from readinglist.library import export_source
from readinglist.library.database import Library
from readinglist.library.papers import find_paper_ids, load_papers
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.export_fixtures import hard_papers, make_paper


def one_at_a_time(papers: list[Paper], out: io.StringIO) -> Iterator[Paper]:
    """`papers`, each given only once `out` holds the one before."""
    for index, paper in enumerate(papers):
        if index:
            assert papers[index - 1].arxiv_id in out.getvalue(), "the writer held a paper back"
        yield paper


@pytest.mark.parametrize("format", [ExportFormat.BIBTEX, ExportFormat.CSV, ExportFormat.JSON])
def test_each_paper_is_written_before_the_next_is_read(format: ExportFormat) -> None:
    papers = [make_paper(number) for number in range(1, 6)]
    out = io.StringIO()

    assert write_papers(one_at_a_time(papers, out), format, out) == len(papers)
    assert out.getvalue() == export_papers(papers, format)


def test_the_markdown_list_reads_the_papers_once_and_keeps_their_text() -> None:
    """Its count and its groups by status come first, so it holds what it writes until the
    end: the items' text, from one pass over the papers."""
    papers = hard_papers()

    text = export_papers(iter(papers), ExportFormat.MARKDOWN)
    assert text.startswith(f"# Reading list\n\n{len(papers)} papers.\n")
    assert all(paper.arxiv_id in text for paper in papers)


def test_the_json_is_what_json_dumps_of_the_whole_list_writes() -> None:
    papers = hard_papers()
    expected = json.dumps([p.to_json() for p in papers], ensure_ascii=False, indent=2) + "\n"

    assert export_papers(iter(papers), ExportFormat.JSON) == expected
    assert export_papers(iter([]), ExportFormat.JSON) == "[]\n"


def test_write_export_takes_a_list_or_an_iterator_and_counts(tmp_path: Path) -> None:
    papers = hard_papers()
    assert write_export(papers, ExportFormat.JSON, tmp_path / "a.json") == len(papers)
    assert write_export(iter(papers), ExportFormat.JSON, tmp_path / "b.json") == len(papers)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_the_library_is_read_a_thousand_papers_at_a_time(
    library: Library, digests: DigestWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readinglist.library.importer import import_file

    import_file(library, digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002")))
    reads: list[int] = []

    def counted(connection: Connection, ids: Sequence[int]) -> list[Paper]:
        reads.append(len(ids))
        return load_papers(connection, ids)

    monkeypatch.setattr(export_source, "load_papers", counted)
    with library.reading() as connection:
        first, second = find_paper_ids(connection)
        ids = [second, *range(first + 10, first + 2_010), first]  # the middle ones: no papers
        papers = export_source.stream_papers(connection, ids)
        assert next(papers).id == second and reads == [1_000]
        assert [paper.id for paper in papers] == [first]
    assert reads == [1_000, 1_000, 2]
