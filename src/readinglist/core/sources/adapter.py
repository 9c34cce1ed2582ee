"""The one interface every source format implements: how sure it is that some bytes are its
format (from their content, never the file's name), and the bytes read as sightings."""

import codecs
import datetime as dt
from functools import lru_cache
from typing import Protocol

from readinglist.core.sources.sighting import Reading

SNIFF_BYTES = 1 << 16  # what the JSON and XML formats look at to say whether they are theirs


class SourceAdapter(Protocol):
    """A format of digest. `format` is its name for the command line (a contract: it never
    changes); `label` names it for people (declared with `QT_TR_NOOP`)."""

    @property
    def format(self) -> str: ...

    @property
    def label(self) -> str: ...

    def confidence(self, data: bytes) -> float:
        """How sure, from 0 to 1, that `data` is this format: cheap, never raises."""
        ...

    def read(
        self, data: bytes, source: str, *, day: dt.date | None = None, today: dt.date | None = None
    ) -> Reading:
        """The sightings of `data`, or a `DigestError` naming `source` (and the line).

        `day`: the day the caller knows the file is of (a subscription's date), for formats
        that do not say it; `today` (the local date if not given) bounds the days a file
        may be of, as the parser does.
        """
        ...


def head_text(data: bytes, size: int = SNIFF_BYTES) -> str:
    """The start of `data` as text for sniffing: UTF-16 when it starts with its byte-order
    mark, else UTF-8; a byte-order mark and leading whitespace left out, bad bytes replaced.

    Sniffing asks every format about the same bytes, and each asked for them as text: five
    decodings of every file took 7% of a 200,000-entry import. The last few are kept (the
    bytes hash once, then each lookup is an identity test)."""
    return _head_text(data, min(size, len(data)))


@lru_cache(maxsize=4)
def _head_text(data: bytes, size: int) -> str:
    head = data[: size * 2]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = head.decode("utf-16", errors="replace")
    else:
        decoded = head[:size].decode("utf-8", errors="replace")
    return decoded.lstrip("\ufeff \t\r\n")
