"""Every format readinglist reads, declared once, in the order that breaks ties: the
command line's `--format` choices and the window's will be derived from `ADAPTERS`."""

import datetime as dt

from readinglist.core.digest import DigestError
from readinglist.core.sources.adapter import SourceAdapter
from readinglist.core.sources.arxiv_feed import ArxivFeed
from readinglist.core.sources.arxiv_ids import ArxivIds
from readinglist.core.sources.gbdata365 import Gbdata365
from readinglist.core.sources.hugging_face import HuggingFaceDaily
from readinglist.core.sources.markdown import DailyPapersMarkdown
from readinglist.core.sources.sighting import Reading
from readinglist.core.translatable import QT_TR_NOOP, Message

ADAPTERS: tuple[SourceAdapter, ...] = (
    DailyPapersMarkdown(),
    HuggingFaceDaily(),
    Gbdata365(),
    ArxivFeed(),
    ArxivIds(),  # last: it takes any text that names a paper
)
FORMATS = tuple(adapter.format for adapter in ADAPTERS)
THRESHOLD = 0.1  # below it a format is no claim at all
NOT_A_DIGEST = QT_TR_NOOP("not a digest in any format readinglist reads")


def adapter_named(name: str) -> SourceAdapter:
    """The adapter of a FORMAT name; `KeyError` for a name that is not one of `FORMATS`."""
    for adapter in ADAPTERS:
        if adapter.format == name:
            return adapter
    raise KeyError(name)


def sniff(data: bytes, source: str = "<digest>") -> SourceAdapter:
    """The adapter most sure that `data` is its format (the first declared, of equally sure
    ones); a `DigestError` naming `source` when none is at least `THRESHOLD` sure."""
    best, best_confidence = None, THRESHOLD
    for adapter in ADAPTERS:
        if (confidence := adapter.confidence(data)) > best_confidence or (
            best is None and confidence == best_confidence
        ):
            best, best_confidence = adapter, confidence
    if best is None:
        raise DigestError(source, None, Message(NOT_A_DIGEST))
    return best


def read_source(
    data: bytes,
    source: str,
    *,
    format_name: str | None = None,
    day: dt.date | None = None,
    today: dt.date | None = None,
) -> Reading:
    """A file's sightings in the format named (`--format`), else the one sniffed: what the
    importer, a watched folder and a subscription will call. A `DigestError` names `source`
    when no format claims it or the format's reader refuses it; `KeyError` for a name that
    is not a format (the caller checked it against `FORMATS`)."""
    adapter = adapter_named(format_name) if format_name else sniff(data, source)
    return adapter.read(data, source, day=day, today=today)
