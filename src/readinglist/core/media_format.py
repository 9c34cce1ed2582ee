"""What a downloaded teaser really is, judged from its bytes (Qt-free).

A server may answer a `.png` address with an HTML error page, or a connection may end early;
neither body may reach the cache, where it would spoil every later view. So a body counts as
media only when its first bytes name a known format of the promised kind and its ending shows
it arrived whole.
"""

from collections.abc import Callable
from enum import StrEnum

from readinglist.core.digest import MediaKind

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"  # the IEND chunk's type and CRC close every PNG
_ISO_BOXES = frozenset({b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot"})
_EBML_MAGIC = b"\x1a\x45\xdf\xa3"
_TAIL = 256  # bytes after the end marker that are still tolerated (padding)


class BodyFormat(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    WEBP = "webp"
    ISO_MEDIA = "iso-media"  # MP4, M4V, QuickTime (.mov, .qt)
    MATROSKA = "matroska"  # WebM, MKV

    @property
    def kind(self) -> MediaKind:
        videos = (BodyFormat.ISO_MEDIA, BodyFormat.MATROSKA)
        return MediaKind.VIDEO if self in videos else MediaKind.IMAGE


_SIGNATURES: tuple[tuple[Callable[[bytes], bool], BodyFormat], ...] = (
    (lambda data: data.startswith(_PNG_SIGNATURE), BodyFormat.PNG),
    (lambda data: data.startswith(b"\xff\xd8\xff"), BodyFormat.JPEG),
    (lambda data: data[:6] in (b"GIF87a", b"GIF89a"), BodyFormat.GIF),
    (lambda data: data[:4] == b"RIFF" and data[8:12] == b"WEBP", BodyFormat.WEBP),
    (lambda data: data[4:8] in _ISO_BOXES, BodyFormat.ISO_MEDIA),
    (lambda data: data.startswith(_EBML_MAGIC), BodyFormat.MATROSKA),
)


def sniff(data: bytes) -> BodyFormat | None:
    """The format the body's first bytes announce, or None for anything else (HTML, text)."""
    return next((found for matches, found in _SIGNATURES if matches(data)), None)


def is_complete(body_format: BodyFormat, data: bytes) -> bool:
    """Whether the body ends the way a whole file of that format ends (not cut short)."""
    match body_format:
        case BodyFormat.PNG:
            return _PNG_END in data[-(_TAIL + len(_PNG_END)) :]
        case BodyFormat.JPEG:
            return b"\xff\xd9" in data[-(_TAIL + 2) :]
        case BodyFormat.GIF:
            return data.rstrip(b"\x00").endswith(b";")
        case BodyFormat.WEBP:
            return int.from_bytes(data[4:8], "little") + 8 <= len(data)
        case BodyFormat.ISO_MEDIA:
            return _iso_boxes_fill(data)
        case BodyFormat.MATROSKA:
            return True  # streamed WebM may not state its length; the player judges it


def media_format(kind: MediaKind, data: bytes) -> BodyFormat | None:
    """The body's format when it is a whole file of the promised kind, else None."""
    found = sniff(data)
    if found is None or found.kind is not kind or not is_complete(found, data):
        return None
    return found


def _iso_boxes_fill(data: bytes) -> bool:
    """The top-level boxes tile the body exactly, and one is `moov` (the index players need)."""
    offset, seen = 0, set[bytes]()
    while offset < len(data):
        size, header = _iso_box_size(data, offset)
        if size < header:
            return False
        seen.add(data[offset + 4 : offset + 8])
        offset += size
    return offset == len(data) and b"moov" in seen


def _iso_box_size(data: bytes, offset: int) -> tuple[int, int]:
    """(size, header length) of the box at `offset`; a size of 0 means "to the end"."""
    if offset + 8 > len(data):
        return 0, 8
    size = int.from_bytes(data[offset : offset + 4], "big")
    if size == 1:
        if offset + 16 > len(data):
            return 0, 16
        return int.from_bytes(data[offset + 8 : offset + 16], "big"), 16
    return (len(data) - offset if size == 0 else size), 8
