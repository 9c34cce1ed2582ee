"""Reading a digest file: bytes in, a `Digest` or a `DigestError` out.

A single pass over the lines with cheap prefix checks. markdown-it-py would be the
obvious tool, but it parses about 50x slower than this scan and bulk import has to be
fast; it is used where it pays, to render one paper's summary and notes in the GUI.
"""

import ast
import codecs
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from readinglist.core.arxiv import abs_url, arxiv_id_from_url
from readinglist.core.digest import (
    EARLIEST_DATE,
    MAX_AUTHOR_CHARS,
    MAX_AUTHORS,
    MAX_DAYS_AHEAD,
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    MAX_URL_CHARS,
    Digest,
    DigestError,
    Entry,
    Media,
    Warnings,
)
from readinglist.core.text import clean_text, clean_url, for_display
from readinglist.core.translatable import QT_TR_NOOP, Message

_HEADER = re.compile(r"##[ \t]+Daily Papers[ \t]*\((?P<date>[^)]*)\)[ \t]*")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<url>[^)\s>]+)")
_WATCH_VIDEO = re.compile(r"\[Watch Video\]\(?\s*(?P<url>[^)\s]+)", re.IGNORECASE)
_VIDEO_SRC = re.compile(r"""\bsrc\s*=\s*["'](?P<url>[^"']+)["']""", re.IGNORECASE)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_PREVIEW = 80
_MAX_VOTE_DIGITS = 18  # more would not fit the database's 64-bit integers
_LINES_BLOCK = 1 << 20  # characters split into lines at a time
# An author line written as a Python list is read by `ast.literal_eval` up to this length;
# its syntax tree takes about 50 times the text. A longer one is split at its commas.
_MAX_AUTHOR_LIST_CHARS = 200_000

type Warn = Callable[[Message], None]

EMPTY = QT_TR_NOOP("the file is empty")
NOT_A_DIGEST = QT_TR_NOOP("not a digest: no '## Daily Papers (YYYY-MM-DD)' header")


def parse_digest(data: bytes, source: str = "<digest>", today: dt.date | None = None) -> Digest:
    """Parse one digest file; a `DigestError` names `source` (and the line) if it isn't one.

    `today` (the local date if not given) bounds the digest's date: see `MAX_DAYS_AHEAD`.
    """
    text = decode_text(data, source)
    return _DigestReader(source, today or dt.date.today()).read(_lines(text))


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, split a block at a time: a list of them all costs 8 bytes a
    line, 128 MB for a 16 MB file of empty lines. Chained in C: a Python generator of
    lines cost 0.1 us a line more to iterate (measured on the largest real digest)."""
    return itertools.chain.from_iterable(_line_blocks(text))


def _line_blocks(text: str) -> Iterator[list[str]]:
    start = 0
    while start < len(text):
        end = text.find("\n", start + _LINES_BLOCK)
        if end < 0:
            end = len(text)
        yield text[start:end].split("\n")
        start = end + 1


def decode_text(data: bytes, source: str) -> str:
    """A file's text: UTF-8 (a BOM allowed) or UTF-16 with a BOM, line breaks made `\n`;
    a `DigestError` for an empty or binary file, or one in another encoding."""
    if not data.strip():
        raise DigestError(source, None, Message(EMPTY))
    if data.startswith(_BOMS_UTF16):
        text = _decode_utf16(data, source)
    elif b"\x00" in data:
        binary = QT_TR_NOOP("this is a binary file, not a Markdown digest")
        raise DigestError(source, None, Message(binary))
    else:
        text = _decode_utf8(data, source)
    if not text.strip():
        raise DigestError(source, None, Message(EMPTY))
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
        not_utf16 = QT_TR_NOOP("the file says it is UTF-16 but is not")
        raise DigestError(source, None, Message(not_utf16)) from None


def _encoding_error(data: bytes, offset: int, reason: str, source: str) -> DigestError:
    line = data.count(b"\n", 0, offset) + 1
    if reason == "unexpected end of data":
        truncated = QT_TR_NOOP("the file ends in the middle of a character: truncated?")
        return DigestError(source, line, Message(truncated))
    not_utf8 = QT_TR_NOOP("not UTF-8 text (byte 0x{byte:02X}); save the digest as UTF-8 and retry")
    return DigestError(source, line, Message(not_utf8, byte=data[offset]))


class _DigestReader:
    """The state of one pass over a file's lines."""

    def __init__(self, source: str, today: dt.date) -> None:
        self.source = source
        self.today = today
        self.date: dt.date | None = None
        self.header_line = 0
        self.header_count = 0
        self.entries: list[Entry] = []
        self.current: _EntryDraft | None = None
        self.warnings = Warnings()

    def read(self, lines: Iterable[str]) -> Digest:
        in_digest = False
        for number, line in enumerate(lines, 1):
            if not line:
                continue
            if line[0] == "#":
                in_digest = self._heading(line, number, in_digest)
            elif self.current is not None:
                self.current.feed(line, number)
        self._finish_entry()
        if self.date is None:
            raise DigestError(self.source, None, Message(NOT_A_DIGEST))
        return Digest(self.date, tuple(self.entries), self.header_count, self.warnings.all())

    def _heading(self, line: str, number: int, in_digest: bool) -> bool:
        """Handle a line starting with '#'; returns whether we are inside a digest after it."""
        level = len(line) - len(line.lstrip("#"))
        if level >= len(line) or line[level] not in " \t":
            if self.current is not None:  # '#hashtag' text, not a heading
                self.current.feed(line, number)
            return in_digest
        if level == 3 and in_digest:
            self._finish_entry()
            self.current = _EntryDraft.from_heading(line, number, self.source, self.warnings)
            return True
        if level <= 2:
            self._finish_entry()
            return self._header(line, number)
        if self.current is not None:
            self.current.feed(line, number)
        return in_digest

    def _header(self, line: str, number: int) -> bool:
        match = _HEADER.fullmatch(line.rstrip())
        if match is None:
            if line.lstrip("#").lstrip().lower().startswith("daily papers ("):
                misspelt = QT_TR_NOOP("a digest header not written '## Daily Papers (YYYY-MM-DD)'")
                raise DigestError(self.source, number, Message(misspelt))
            return False  # any other heading ends the digest (README wrappers)
        date = parse_date(match.group("date"), number, self.source)
        check_possible_date(date, self.today, number, self.source)
        if self.date is not None and date != self.date:
            second = QT_TR_NOOP(
                "a second digest, of {date}, in a file of {file_date} (line {line}); "
                "import each day from its own file"
            )
            reason = Message(second, date=date, file_date=self.date, line=self.header_line)
            raise DigestError(self.source, number, reason)
        if self.date is None:
            self.date, self.header_line = date, number
        self.header_count += 1
        return True

    def _finish_entry(self) -> None:
        if self.current is not None:
            self.entries.append(self.current.build(len(self.entries) + 1))
            self.current = None


def parse_date(text: str, line: int | None, source: str) -> dt.date:
    """A digest's `YYYY-MM-DD` date; a `DigestError` naming the file and line otherwise."""
    # Checked first: `date.fromisoformat` also takes 20240101 and week dates like 2024-W01-1.
    if _DATE.fullmatch(stripped := text.strip()):
        try:
            return dt.date.fromisoformat(stripped)
        except ValueError:
            pass
    not_a_date = QT_TR_NOOP("'{text}' is not a date as YYYY-MM-DD")
    raise DigestError(source, line, Message(not_a_date, text=_cut(text)))


def check_possible_date(date: dt.date, today: dt.date, line: int | None, source: str) -> None:
    """A `DigestError` unless `date` is a day a digest may be of (see `MAX_DAYS_AHEAD`)."""
    if date < EARLIEST_DATE or (date - today).days > MAX_DAYS_AHEAD:
        impossible = QT_TR_NOOP(
            "'{date}' is not a possible digest date: digests are dated from {earliest} "
            "(when arXiv began) to {days} days after today ({today})"
        )
        reason = Message(
            impossible, date=date, earliest=EARLIEST_DATE, days=MAX_DAYS_AHEAD, today=today
        )
        raise DigestError(source, line, reason)


class _EntryDraft:
    """An entry while its lines are being read."""

    __slots__ = (
        "arxiv_id",
        "authors",
        "bullets",
        "line",
        "media",
        "media_seen",
        "summary_chars",
        "summary_full",
        "title",
        "url",
        "votes",
        "warnings",
    )

    def __init__(self, line: int, arxiv_id: str, url: str, title: str, warnings: Warnings) -> None:
        self.line = line
        self.arxiv_id = arxiv_id
        self.url = url
        self.title = title
        self.warnings = warnings
        self.media: Media | None = None
        self.media_seen = False
        self.votes: int | None = None
        self.authors: tuple[tuple[str, ...], bool] | None = None
        self.bullets: list[list[str]] = []  # each bullet's lines, joined at the end
        self.summary_chars = 0
        self.summary_full = False  # past MAX_SUMMARY_CHARS: later lines are not kept

    @classmethod
    def from_heading(cls, line: str, number: int, source: str, warnings: Warnings) -> "_EntryDraft":
        body = line[3:].strip()
        if not body.startswith("["):
            not_a_link = QT_TR_NOOP("a '###' heading that is not a paper link: {text}")
            raise DigestError(source, number, Message(not_a_link, text=_cut(body)))
        split = body.rfind("](")
        if split < 0 or not body.endswith(")"):
            cut_off = QT_TR_NOOP("the paper heading is cut off: {text}")
            raise DigestError(source, number, Message(cut_off, text=_cut(body)))
        title = clean_text(body[1:split])
        url = clean_url(body[split + 2 : -1].strip().split(" ", 1)[0].strip("<>"))
        arxiv_id = arxiv_id_from_url(url)
        if arxiv_id is None:
            not_arxiv = QT_TR_NOOP("the paper link is not an arXiv link: {url}")
            raise DigestError(source, number, Message(not_arxiv, url=_cut(url)))
        if not title:
            untitled = QT_TR_NOOP("the paper heading has no title")
            raise DigestError(source, number, Message(untitled))
        if len(url) > MAX_URL_CHARS:
            too_long = QT_TR_NOOP(
                "the paper link is {length:,} characters long (at most {limit:,}): kept as {url}"
            )
            length, url = len(url), abs_url(arxiv_id)
            warnings.add(number, Message(too_long, length=length, limit=MAX_URL_CHARS, url=url))
        if len(title) > MAX_TITLE_CHARS:
            long_title = QT_TR_NOOP(
                "the title is {length:,} characters long: kept its first {limit:,}"
            )
            warnings.add(number, Message(long_title, length=len(title), limit=MAX_TITLE_CHARS))
            title = _cut_to(title, MAX_TITLE_CHARS)
        return cls(number, arxiv_id, url, title, warnings)

    def feed(self, line: str, number: int) -> None:
        first = line[0]
        if first in "-*" and line[1:2] == " ":
            self._summary(line[2:], number, True)
        elif first == "!" and line.startswith("!["):
            self._media(_IMAGE.match(line), line, number)
        elif first == "[" and line.startswith("[Watch Video]"):
            self._media(_WATCH_VIDEO.match(line), line, number)
        elif first == "<" and "video" in line[:12]:
            self._media(_VIDEO_SRC.search(line), line, number)
        elif first == "V" and line.startswith(("Vote:", "Votes:")):
            self.votes = _parse_votes(line.partition(":")[2])
        elif first == "A" and self.authors is None and line.startswith("Authors:"):
            self.authors = _parse_authors(line[8:], lambda text: self.warnings.add(number, text))
        elif text := line.strip():  # a line that is not a bullet continues the one above
            self._summary(text, number, False)

    def _media(self, match: re.Match[str] | None, line: str, number: int) -> None:
        """The first media line wins; later ones (the `<video>` repeating a `[Watch Video]`
        link, a second thumbnail) are dropped rather than read as summary text."""
        if match is None:
            if text := line.strip():
                self._summary(text, number, False)
            return
        if self.media_seen:
            return
        self.media_seen = True
        url = clean_url(match.group("url"))
        if len(url) > MAX_URL_CHARS:
            too_long = QT_TR_NOOP(
                "the teaser link is {length:,} characters long (at most {limit:,}): not kept"
            )
            self.warnings.add(number, Message(too_long, length=len(url), limit=MAX_URL_CHARS))
        elif url:
            self.media = Media.from_url(url)

    def _summary(self, text: str, number: int, new_bullet: bool) -> None:
        """Keeps summary lines up to the first past `MAX_SUMMARY_CHARS` (counted before
        cleaning, which only shortens them); the text is cut to size in `build`."""
        if self.summary_full:
            return
        if new_bullet or not self.bullets:
            self.bullets.append([text])
        else:
            self.bullets[-1].append(text)  # not `+=` on a str: quadratic on long runs of lines
        self.summary_chars += len(text)
        if self.summary_chars > MAX_SUMMARY_CHARS:
            self.summary_full = True
            too_long = QT_TR_NOOP(
                "the summary is longer than {limit:,} characters: kept its first {limit:,}"
            )
            self.warnings.add(number, Message(too_long, limit=MAX_SUMMARY_CHARS))

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
            summary=_cut_summary(summary) if self.summary_full else summary,
        )


def _cut_to(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters, the last an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cut_summary(summary: tuple[str, ...]) -> tuple[str, ...]:
    """The bullets that fit in `MAX_SUMMARY_CHARS`, the last of them cut to fit."""
    kept: list[str] = []
    room = MAX_SUMMARY_CHARS
    for bullet in summary:
        if len(bullet) >= room:
            kept.append(_cut_to(bullet, room))
            break
        kept.append(bullet)
        room -= len(bullet)
    return tuple(kept)


def _parse_votes(text: str) -> int | None:
    """`1,234` → 1234; `-`, empty, absurdly long or anything else unreadable → None."""
    digits = text.strip().replace(",", "").replace("_", "")
    if digits.isdecimal() and len(digits) <= _MAX_VOTE_DIGITS:
        return int(digits)
    return None


def _parse_authors(text: str, warn: Warn) -> tuple[tuple[str, ...], bool]:
    """Authors as written: comma-separated or a Python list. A `+` item, at the end (` +`)
    or in the middle (`…, +, …`), marks names left out: it sets the truncated flag, as
    more than `MAX_AUTHORS` names do."""
    text = clean_text(text)
    truncated = text == "+" or text.endswith((" +", ",+"))
    if truncated:
        text = text[:-1].rstrip().rstrip(",").rstrip()
    split = _split_names(text)
    too_many = len(split) > MAX_AUTHORS
    if too_many:
        warn(
            Message(
                QT_TR_NOOP("more than {limit:,} authors: kept the first {limit:,}"),
                limit=MAX_AUTHORS,
            )
        )
        del split[MAX_AUTHORS:]
    names = [clean_text(name) for name in split]
    if max(map(len, names), default=0) > MAX_AUTHOR_CHARS:
        names = _cut_names(names, warn)
    unique = dict.fromkeys(name for name in names if name and name != "+")
    return tuple(unique), truncated or too_many or "+" in names


def _cut_names(names: list[str], warn: Warn) -> list[str]:
    """The names cut to `MAX_AUTHOR_CHARS`, and one warning for the line."""
    long_names = [name for name in names if len(name) > MAX_AUTHOR_CHARS]
    if len(long_names) == 1:
        long_name = QT_TR_NOOP(
            "an author's name is {length:,} characters long: kept its first {limit:,}"
        )
        warn(Message(long_name, length=len(long_names[0]), limit=MAX_AUTHOR_CHARS))
    else:
        long_names_cut = QT_TR_NOOP(
            "{count:,} authors' names are longer than {limit:,} characters: "
            "kept the first {limit:,} of each"
        )
        warn(Message(long_names_cut, count=len(long_names), limit=MAX_AUTHOR_CHARS))
    return [_cut_to(name, MAX_AUTHOR_CHARS) for name in names]


def _split_names(text: str) -> list[str]:
    """At most `MAX_AUTHORS` + 1 names: one more says there are too many."""
    if not text.startswith("["):
        return text.split(",", MAX_AUTHORS)
    if text.endswith("]") and len(text) <= _MAX_AUTHOR_LIST_CHARS:
        try:
            value = ast.literal_eval(text)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):  # [{[]: 1}]
            value = None
        if isinstance(value, list) and all(isinstance(name, str) for name in value):
            return value[: MAX_AUTHORS + 1]
    inner = text.strip("[]")
    return [name.strip().strip("'\"") for name in inner.split(",", MAX_AUTHORS)]


def _cut(text: str) -> str:
    """A preview of the file's text for a message, its controls made visible."""
    return for_display(text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…")
