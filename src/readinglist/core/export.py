"""Papers written out for other tools: BibTeX, CSV, JSON and a Markdown reading list.

Shared by `readinglist export` and the window's File → Export; pure functions of the
papers given, in the order given.
"""

import csv
import io
import json
import os
import re
import string
import tempfile
import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

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
    """One `@misc` entry per paper, as arXiv itself exports them, keyed `lastname2023word`."""
    used: set[str] = set()
    return "\n".join(_bibtex_entry(paper, _unique(_citation_key(paper), used)) for paper in papers)


def _bibtex_entry(paper: Paper, key: str) -> str:
    authors = [_bibtex_author(name) for name in paper.authors]
    if paper.authors_truncated:
        authors.append("others")
    fields = [
        ("title", _bibtex_text(paper.title)),
        ("author", " and ".join(authors)),
        ("year", str(arxiv_year(paper))),
        ("eprint", paper.arxiv_id),
        ("archivePrefix", "arXiv"),
        ("url", _balanced(paper.url)),
    ]
    if paper.tags:
        fields.append(("keywords", _bibtex_text(", ".join(paper.tags))))
    lines = [f"  {name} = {{{value}}}," for name, value in fields if value]
    return "\n".join([f"@misc{{{key},", *lines, "}", ""])


def arxiv_year(paper: Paper) -> int:
    """The year the paper went on arXiv, from its id (2312.08723, hep-th/9901001)."""
    number = paper.arxiv_id.rpartition("/")[2]
    if re.fullmatch(r"[0-9]{4}\.[0-9]{4,5}", number) or re.fullmatch(r"[0-9]{7}", number):
        year = int(number[:2])
        return 1900 + year if year >= 91 else 2000 + year
    return paper.first_seen.year


_LATEX_SPECIALS = {"&": r"\&", "%": r"\%", "#": r"\#"}


def _bibtex_text(text: str) -> str:
    """`text` safe in a braced BibTeX value and in LaTeX: its $math$ kept, specials escaped."""
    parts = re.split(r"(\$[^$]*\$)", _balanced(text))
    for index in range(0, len(parts), 2):  # the parts outside $...$
        escaped = re.sub(r"(?<!\\)([&%#])", lambda m: _LATEX_SPECIALS[m.group(1)], parts[index])
        parts[index] = re.sub(r"(?<!\\)_", r"\\_", escaped)
    return "".join(parts)


def _bibtex_author(name: str) -> str:
    """A name that holds the word "and" is braced, or BibTeX would take it for two."""
    name = _bibtex_text(name)
    return f"{{{name}}}" if re.search(r"\sand\s", name, re.IGNORECASE) else name


def _balanced(text: str) -> str:
    """Braces must pair up in BibTeX; when they do not, they are dropped."""
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    return text if depth == 0 else text.replace("{", "").replace("}", "")


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
