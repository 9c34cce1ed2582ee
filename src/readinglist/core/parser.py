"""Reading a digest file: bytes in, a `Digest` or a `DigestError` out.

A single pass over the lines with cheap prefix checks. markdown-it-py would be the
obvious tool, but it parses about 50x slower than this scan and bulk import has to be
fast; it is used where it pays, to render one paper's summary and notes in the GUI.
"""

import ast
import codecs
import datetime as dt
import re
from collections.abc import Iterable

from readinglist.core.arxiv import arxiv_id_from_url
from readinglist.core.digest import Digest, DigestError, Entry, Media
from readinglist.core.text import clean_text

_HEADER = re.compile(r"##[ \t]+Daily Papers[ \t]*\((?P<date>[^)]*)\)[ \t]*")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<url>[^)\s>]+)")
_WATCH_VIDEO = re.compile(r"\[Watch Video\]\(?\s*(?P<url>[^)\s]+)", re.IGNORECASE)
_VIDEO_SRC = re.compile(r"""\bsrc\s*=\s*["'](?P<url>[^"']+)["']""", re.IGNORECASE)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_PREVIEW = 80
_MAX_VOTE_DIGITS = 18  # more would not fit the database's 64-bit integers


def parse_digest(data: bytes, source: str = "<digest>") -> Digest:
    """Parse one digest file; a `DigestError` names `source` (and the line) if it isn't one."""
    lines = _decode(data, source).split("\n")
    return _DigestReader(source).read(lines)


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise DigestError(source, None, "the file is empty")
    if data.startswith(_BOMS_UTF16):
        text = _decode_utf16(data, source)
    elif b"\x00" in data:
        raise DigestError(source, None, "this is a binary file, not a Markdown digest")
    else:
        text = _decode_utf8(data, source)
    if not text.strip():
        raise DigestError(source, None, "the file is empty")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode_utf8(data: bytes, source: str) -> str:
    # Not "utf-8-sig": its error offsets do not count the BOM, which would misplace the line.
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise _encoding_error(data, start + error.start, error.reason, source) from None


def _decode_utf16(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise DigestError(source, None, "the file says it is UTF-16 but is not") from None


def _encoding_error(data: bytes, offset: int, reason: str, source: str) -> DigestError:
    line = data.count(b"\n", 0, offset) + 1
    if reason == "unexpected end of data":
        return DigestError(source, line, "the file ends in the middle of a character: truncated?")
    return DigestError(
        source,
        line,
        f"not UTF-8 text (byte 0x{data[offset]:02X}); save the digest as UTF-8 and retry",
    )


class _DigestReader:
    """The state of one pass over a file's lines."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.date: dt.date | None = None
        self.header_line = 0
        self.header_count = 0
        self.entries: list[Entry] = []
        self.current: _EntryDraft | None = None

    def read(self, lines: list[str]) -> Digest:
        in_digest = False
        for number, line in enumerate(lines, 1):
            if not line:
                continue
            if line[0] == "#":
                in_digest = self._heading(line, number, in_digest)
            elif self.current is not None:
                self.current.feed(line)
        self._finish_entry()
        if self.date is None:
            raise DigestError(
                self.source, None, "not a digest: no '## Daily Papers (YYYY-MM-DD)' header"
            )
        return Digest(self.date, tuple(self.entries), self.header_count)

    def _heading(self, line: str, number: int, in_digest: bool) -> bool:
        """Handle a line starting with '#'; returns whether we are inside a digest after it."""
        level = len(line) - len(line.lstrip("#"))
        if level >= len(line) or line[level] not in " \t":
            if self.current is not None:  # '#hashtag' text, not a heading
                self.current.feed(line)
            return in_digest
        if level == 3 and in_digest:
            self._finish_entry()
            self.current = _EntryDraft.from_heading(line, number, self.source)
            return True
        if level <= 2:
            self._finish_entry()
            return self._header(line, number)
        if self.current is not None:
            self.current.feed(line)
        return in_digest

    def _header(self, line: str, number: int) -> bool:
        match = _HEADER.fullmatch(line.rstrip())
        if match is None:
            if line.lstrip("#").lstrip().lower().startswith("daily papers ("):
                raise DigestError(
                    self.source,
                    number,
                    "a digest header not written '## Daily Papers (YYYY-MM-DD)'",
                )
            return False  # any other heading ends the digest (README wrappers)
        date = _parse_date(match.group("date"), number, self.source)
        if self.date is not None and date != self.date:
            raise DigestError(
                self.source,
                number,
                f"a second digest, of {date}, in a file of {self.date} "
                f"(line {self.header_line}); import each day from its own file",
            )
        if self.date is None:
            self.date, self.header_line = date, number
        self.header_count += 1
        return True

    def _finish_entry(self) -> None:
        if self.current is not None:
            self.entries.append(self.current.build(len(self.entries) + 1))
            self.current = None


def _parse_date(text: str, line: int, source: str) -> dt.date:
    # Checked first: `date.fromisoformat` also takes 20240101 and week dates like 2024-W01-1.
    if _DATE.fullmatch(stripped := text.strip()):
        try:
            return dt.date.fromisoformat(stripped)
        except ValueError:
            pass
    raise DigestError(source, line, f"'{_cut(text)}' is not a date as YYYY-MM-DD")


class _EntryDraft:
    """An entry while its lines are being read."""

    __slots__ = ("arxiv_id", "authors", "bullets", "line", "media", "title", "url", "votes")

    def __init__(self, line: int, arxiv_id: str, url: str, title: str) -> None:
        self.line = line
        self.arxiv_id = arxiv_id
        self.url = url
        self.title = title
        self.media: Media | None = None
        self.votes: int | None = None
        self.authors: tuple[tuple[str, ...], bool] | None = None
        self.bullets: list[list[str]] = []  # each bullet's lines, joined at the end

    @classmethod
    def from_heading(cls, line: str, number: int, source: str) -> "_EntryDraft":
        body = line[3:].strip()
        if not body.startswith("["):
            raise DigestError(
                source, number, f"a '###' heading that is not a paper link: {_cut(body)}"
            )
        split = body.rfind("](")
        if split < 0 or not body.endswith(")"):
            raise DigestError(source, number, f"the paper heading is cut off: {_cut(body)}")
        title = clean_text(body[1:split])
        url = body[split + 2 : -1].strip().split(" ", 1)[0].strip("<>")
        arxiv_id = arxiv_id_from_url(url)
        if arxiv_id is None:
            raise DigestError(source, number, f"the paper link is not an arXiv link: {_cut(url)}")
        if not title:
            raise DigestError(source, number, "the paper heading has no title")
        return cls(number, arxiv_id, url, title)

    def feed(self, line: str) -> None:
        first = line[0]
        if first in "-*" and line[1:2] == " ":
            self.bullets.append([line[2:]])
        elif first == "!" and line.startswith("!["):
            self._media(_IMAGE.match(line), line)
        elif first == "[" and line.startswith("[Watch Video]"):
            self._media(_WATCH_VIDEO.match(line), line)
        elif first == "<" and "video" in line[:12]:
            self._media(_VIDEO_SRC.search(line), line)
        elif first == "V" and line.startswith(("Vote:", "Votes:")):
            self.votes = _parse_votes(line.partition(":")[2])
        elif first == "A" and self.authors is None and line.startswith("Authors:"):
            self.authors = _parse_authors(line[8:])
        else:
            self._text(line)

    def _media(self, match: re.Match[str] | None, line: str) -> None:
        """The first media line wins; later ones (the `<video>` repeating a `[Watch Video]`
        link, a second thumbnail) are dropped rather than read as summary text."""
        if match is None:
            self._text(line)
        elif self.media is None:
            self.media = Media.from_url(match.group("url"))

    def _text(self, line: str) -> None:
        """A line that is not a bullet: it continues the bullet above (or opens one)."""
        text = line.strip()
        if not text:
            return
        if self.bullets:
            self.bullets[-1].append(text)  # not `+=` on a str: quadratic on long runs of lines
        else:
            self.bullets.append([text])

    def build(self, position: int) -> Entry:
        authors, truncated = self.authors or ((), False)
        summary = tuple(text for text in (clean_text(" ".join(b)) for b in self.bullets) if text)
        return Entry(
            position=position,
            line=self.line,
            arxiv_id=self.arxiv_id,
            url=self.url,
            title=self.title,
            media=self.media,
            votes=self.votes,
            authors=authors,
            authors_truncated=truncated,
            summary=summary,
        )


def _parse_votes(text: str) -> int | None:
    """`1,234` → 1234; `-`, empty, absurdly long or anything else unreadable → None."""
    digits = text.strip().replace(",", "").replace("_", "")
    if digits.isdecimal() and len(digits) <= _MAX_VOTE_DIGITS:
        return int(digits)
    return None


def _parse_authors(text: str) -> tuple[tuple[str, ...], bool]:
    """Authors as written: comma-separated or a Python list. A `+` item, at the end (` +`)
    or in the middle (`…, +, …`), marks names left out: it sets the truncated flag."""
    text = clean_text(text)
    truncated = text == "+" or text.endswith((" +", ",+"))
    if truncated:
        text = text[:-1].rstrip().rstrip(",").rstrip()
    names = [clean_text(name) for name in _split_names(text)]
    unique = dict.fromkeys(name for name in names if name and name != "+")
    return tuple(unique), truncated or "+" in names


def _split_names(text: str) -> Iterable[str]:
    return _python_list(text) if text.startswith("[") else text.split(",")


def _python_list(text: str) -> Iterable[str]:
    if text.endswith("]"):
        try:
            value = ast.literal_eval(text)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):  # [{[]: 1}]
            value = None
        if isinstance(value, list) and all(isinstance(name, str) for name in value):
            return value
    inner = text.strip("[]")
    return (name.strip().strip("'\"") for name in inner.split(","))


def _cut(text: str) -> str:
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"
