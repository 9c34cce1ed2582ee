"""Papers written out for other tools: BibTeX, CSV, JSON and a Markdown reading list.

Shared by `readinglist export` and the window's File → Export; pure functions of the
papers given, in the order given.
"""

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from readinglist.core.bibtex import write_bibtex
from readinglist.core.paper import Paper, ReadingStatus


class ExportFormat(StrEnum):
    BIBTEX = "bibtex"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"

    @property
    def suffix(self) -> str:
        return {"bibtex": ".bib", "csv": ".csv", "json": ".json", "markdown": ".md"}[self.value]


def export_papers(papers: Sequence[Paper], format: ExportFormat) -> str:
    writers = {
        ExportFormat.BIBTEX: to_bibtex,
        ExportFormat.CSV: to_csv,
        ExportFormat.JSON: to_json,
        ExportFormat.MARKDOWN: to_markdown,
    }
    return writers[format](papers)


def write_export(papers: Sequence[Paper], format: ExportFormat, path: Path) -> None:
    """Write the export to `path` whole or not at all: a failed write leaves what was there."""
    text = export_papers(papers, format)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())  # on disk before it takes the name
        temporary.chmod(0o644)  # mkstemp's 0600 would hide the file from other apps
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# --- JSON and CSV ----------------------------------------------------------------------------


def to_json(papers: Sequence[Paper]) -> str:
    """A list of the CLI's paper objects (`Paper.to_json`)."""
    return json.dumps([paper.to_json() for paper in papers], ensure_ascii=False, indent=2) + "\n"


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


def to_csv(papers: Sequence[Paper]) -> str:
    """One row per paper. Lists (authors, digest dates, tags, summary bullets) hold one item
    per line of their cell: no item can contain a line break, so none is ambiguous."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(paper) for paper in papers)
    return out.getvalue()


def _csv_row(paper: Paper) -> tuple[str, ...]:
    changed = paper.status_changed_at
    return (
        paper.arxiv_id,
        paper.title,
        "\n".join(paper.authors),
        _flag(paper.authors_truncated),
        paper.url,
        paper.first_seen.isoformat(),
        paper.last_seen.isoformat(),
        "" if paper.votes is None else str(paper.votes),
        "\n".join(digest.date.isoformat() for digest in paper.digests),
        _flag(paper.starred),
        paper.status.value,
        "" if changed is None else changed.isoformat(),
        "\n".join(paper.tags),
        paper.note,
        "\n".join(paper.summary),
    )


def _flag(value: bool) -> str:
    return "true" if value else "false"


# --- BibTeX ----------------------------------------------------------------------------------


def to_bibtex(papers: Sequence[Paper]) -> str:
    """BibTeX that pdflatex, biber and pandoc read as written (see `core.bibtex`)."""
    out = io.StringIO()
    write_bibtex(papers, out)
    return out.getvalue()


# --- Markdown --------------------------------------------------------------------------------


def to_markdown(papers: Sequence[Paper]) -> str:
    """A reading list by status (in the app's order), each paper a link, its note quoted."""
    count = f"{len(papers)} paper{'s' if len(papers) != 1 else ''}"
    lines = ["# Reading list", "", f"{count}."]
    for status in ReadingStatus:
        group = [paper for paper in papers if paper.status is status]
        if group:
            lines += ["", f"## {status.value.capitalize()} ({len(group)})", ""]
            lines += [line for paper in group for line in _markdown_item(paper)]
    return "\n".join(lines) + "\n"


def _markdown_item(paper: Paper) -> list[str]:
    box = "[x]" if paper.status is ReadingStatus.READ else "[ ]"
    url = paper.url if re.fullmatch(r"[^\s()<>]+", paper.url) else f"<{paper.url}>"
    facts = [f"arXiv {paper.arxiv_id}", f"first seen {paper.first_seen}"]
    if paper.authors:
        more = " and more" if paper.authors_truncated else ""
        facts.insert(0, _markdown_text(", ".join(paper.authors) + more))
    if paper.starred:
        facts.append("★")
    if paper.tags:
        facts.append("tags: " + _markdown_text(", ".join(paper.tags)))
    lines = [f"- {box} [{_markdown_text(paper.title)}]({url}) — " + " · ".join(facts)]
    if paper.note.strip():
        lines += ["", *(f"  > {line}".rstrip() for line in paper.note.splitlines()), ""]
    return lines


def _markdown_text(text: str) -> str:
    """Characters that Markdown would read as markup, escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)
