"""Papers written out for other tools: BibTeX, CSV, JSON and a Markdown reading list.

Shared by `readinglist export` and the window's File → Export; functions of the papers given,
in the order given. The writers take any iterable of papers and write each as it comes, so that
a caller reading the library a chunk at a time (`library.export_source.stream_papers`) never
holds every paper at once: a JSON export of 59,403 synthetic papers peaked at 744 MB when it did,
and at 52 MB streamed.
"""

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from readinglist.core.bibtex import write_bibtex
from readinglist.core.export_file import write_atomically
from readinglist.core.paper import Paper, ReadingStatus
from readinglist.core.text import clean_text
from readinglist.core.translatable import QT_TR_NOOP

Writer = Callable[[Iterable[Paper], TextIO], int]


class ExportFormat(StrEnum):
    """The formats, each described once in `FORMATS` (below): the command line's choices and
    the window's list are made from that table."""

    BIBTEX = "bibtex"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"

    @property
    def facts(self) -> "FormatFacts":
        return FORMATS[self]

    @property
    def suffix(self) -> str:
        return self.facts.suffix


@dataclass(frozen=True, slots=True)
class FormatFacts:
    label: str  # what the window lists, translated where it is shown
    suffix: str
    write: Writer
    byte_order_mark: bool = False  # a file of it starts with one (never standard output)


def write_papers(papers: Iterable[Paper], format: ExportFormat, out: TextIO) -> int:
    """Write the export to `out` as the papers come; returns how many were written."""
    return format.facts.write(papers, out)


def export_papers(papers: Iterable[Paper], format: ExportFormat) -> str:
    """The export as one text (what `readinglist export` prints: no byte order mark)."""
    out = io.StringIO()
    write_papers(papers, format, out)
    return out.getvalue()


def write_export(papers: Iterable[Paper], format: ExportFormat, path: Path) -> int:
    """Write the export to `path` whole or not at all (a failed write leaves what was there);
    returns how many papers it holds. A CSV file starts with a UTF-8 byte order mark: without
    one, Excel reads the file in the system's legacy code page and shows Korean as mojibake."""

    def write(out: TextIO) -> int:
        return write_papers(papers, format, out)

    return write_atomically(path, write, byte_order_mark=format.facts.byte_order_mark)


# --- JSON and CSV ----------------------------------------------------------------------------


def write_json(papers: Iterable[Paper], out: TextIO) -> int:
    """A list of the CLI's paper objects (`Paper.to_json`), written element by element: the
    same text as `json.dumps(list, ensure_ascii=False, indent=2)`."""
    count = 0
    for paper in papers:
        element = json.dumps(paper.to_json(), ensure_ascii=False, indent=2)
        out.write(("[\n  " if count == 0 else ",\n  ") + element.replace("\n", "\n  "))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


CSV_COLUMNS = (
    "arxiv_id",
    "title",
    "authors",
    "authors_truncated",
    "url",
    "first_seen",
    "last_seen",
    "votes",
    "digests",
    "starred",
    "status",
    "status_changed_at",
    "tags",
    "note",
    "summary",
)


def write_csv(papers: Iterable[Paper], out: TextIO) -> int:
    """One row per paper. Lists (authors, digest dates, tags, summary bullets) hold one item
    per line of their cell: no item can contain a line break, so none is ambiguous. Control
    characters are left out (a spreadsheet shows them as boxes, a terminal obeys them)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for paper in papers:
        writer.writerow(_csv_row(paper))
        count += 1
    return count


def _csv_row(paper: Paper) -> tuple[str, ...]:
    changed = paper.status_changed_at
    return (
        paper.arxiv_id,
        clean_text(paper.title),
        _lines(paper.authors),
        _flag(paper.authors_truncated),
        clean_text(paper.url),
        paper.first_seen.isoformat(),
        paper.last_seen.isoformat(),
        "" if paper.votes is None else str(paper.votes),
        "\n".join(digest.date.isoformat() for digest in paper.digests),
        _flag(paper.starred),
        paper.status.value,
        "" if changed is None else changed.isoformat(),
        _lines(paper.tags),
        _clean_note(paper.note),
        _lines(paper.summary),
    )


def _lines(items: Iterable[str]) -> str:
    return "\n".join(clean_text(item) for item in items)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _clean_note(note: str) -> str:
    """A note's lines, each cleaned as `clean_text` cleans one line but with its indentation
    kept, so that a list in a note stays a list."""
    lines = note.splitlines()
    return "\n".join(line[: len(line) - len(line.lstrip(" "))] + clean_text(line) for line in lines)


# --- Markdown --------------------------------------------------------------------------------


def write_markdown(papers: Iterable[Paper], out: TextIO) -> int:
    """A reading list by status (in the app's order), each paper a link, its note quoted.
    The count heads the list and the groups follow the app's order of statuses, so the
    items are held until the end, as text, not as papers: 17 MB for 59,403 papers, which
    peak at 89 MB exported (390 MB when they were held as papers)."""
    groups: dict[ReadingStatus, list[str]] = {status: [] for status in ReadingStatus}
    for paper in papers:
        groups[paper.status].append(_markdown_item(paper))
    count = sum(len(group) for group in groups.values())
    out.write(f"# Reading list\n\n{count} paper{'s' if count != 1 else ''}.\n")
    for status, items in groups.items():
        if items:
            out.write(f"\n## {status.value.capitalize()} ({len(items)})\n\n")
            out.writelines(items)
    return count


def _markdown_item(paper: Paper) -> str:
    box = "[x]" if paper.status is ReadingStatus.READ else "[ ]"
    url = clean_text(paper.url)
    url = url if re.fullmatch(r"[^\s()<>]+", url) else f"<{url}>"
    facts = [f"arXiv {paper.arxiv_id}", f"first seen {paper.first_seen}"]
    if paper.authors:
        more = " and more" if paper.authors_truncated else ""
        facts.insert(0, markdown_text(", ".join(paper.authors)) + more)
    if paper.starred:
        facts.append("★")
    if paper.tags:
        facts.append("tags: " + markdown_text(", ".join(paper.tags)))
    lines = [f"- {box} [{markdown_text(paper.title)}]({url}) — " + " · ".join(facts)]
    note = _clean_note(paper.note)
    if note.strip():
        lines += ["", *(f"  > {line}".rstrip() for line in note.splitlines()), ""]
    return "\n".join(lines) + "\n"


def markdown_text(text: str) -> str:
    """One line, without control characters; what Markdown would read as markup, escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", clean_text(text))


FORMATS = {
    ExportFormat.BIBTEX: FormatFacts(QT_TR_NOOP("BibTeX (.bib)"), ".bib", write_bibtex),
    # Without a byte order mark, Excel reads a CSV file in the system's legacy code page.
    ExportFormat.CSV: FormatFacts(QT_TR_NOOP("CSV (.csv)"), ".csv", write_csv, True),
    ExportFormat.JSON: FormatFacts(QT_TR_NOOP("JSON (.json)"), ".json", write_json),
    ExportFormat.MARKDOWN: FormatFacts(
        QT_TR_NOOP("Markdown reading list (.md)"), ".md", write_markdown
    ),
}
