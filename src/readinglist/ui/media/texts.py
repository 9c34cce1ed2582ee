"""What the media pane says, in words people read (translatable)."""

import html
import re

from readinglist.core.digest import Media, MediaKind
from readinglist.library.media_cache import MEGABYTE
from readinglist.ui.i18n import count_text, tr
from readinglist.ui.media.fetch import MAX_URL_CHARS, Problem, ProblemKind
from readinglist.ui.qt import QUrl

_KILOBYTE = 1024
_URL_SAMPLE_END = 1_000  # chars kept from each end of an address: more than a pane is wide
_TOOLTIP_LINE = 100  # an address in a tooltip, broken into lines this long ...
_TOOLTIP_LINES = 12  # ... and at most this many of them
_HOST_CHARS = 80  # what stands for the host in a sentence
ELLIPSIS = "…"
_SHARED_LIBRARY = re.compile(r"\b(lib[\w+.-]*?)\.so\.(\d+)\b")  # libpulse.so.0
_REGULAR_NAME = re.compile(r"lib[A-Za-z0-9+]+")


def loading_text(kind: MediaKind) -> str:
    return tr("Loading the video…") if kind is MediaKind.VIDEO else tr("Loading the image…")


def size_text(received: int, total: int) -> str:
    """'120 KB of 1.4 MB', or '120 KB' while the size is unknown."""
    if total <= 0:
        return _bytes(received)
    return tr("{received} of {total}").format(received=_bytes(received), total=_bytes(total))


def _bytes(count: int) -> str:
    if count >= MEGABYTE:
        return tr("{n} MB").format(n=f"{count / MEGABYTE:.1f}")
    return tr("{n} KB").format(n=max(1, round(count / _KILOBYTE)) if count else 0)


def url_sample(url: str) -> str:
    """The address, or its two ends when it is longer than a line can show: what is laid out
    and elided, since laying out all of a 100,000-character one froze the window 5.2 s."""
    if len(url) <= 2 * _URL_SAMPLE_END:
        return url
    return url[:_URL_SAMPLE_END] + ELLIPSIS + url[-_URL_SAMPLE_END:]


def url_tooltip(url: str) -> str:
    """The address in lines a tooltip can show, a very long one cut off; rich text always
    (Qt guesses otherwise), escaped, so a `<` in an address is shown, never obeyed."""
    shown = url[: _TOOLTIP_LINE * _TOOLTIP_LINES]
    lines = [shown[at : at + _TOOLTIP_LINE] for at in range(0, len(shown), _TOOLTIP_LINE)]
    cut = ELLIPSIS if len(url) > len(shown) else ""
    return "<qt>" + "<br>".join(html.escape(line) for line in lines) + cut + "</qt>"


def _host(url: str) -> str:
    """The host, to name in a sentence (the address's start when it has none)."""
    host = QUrl(url[:MAX_URL_CHARS]).host() or url
    return host if len(host) <= _HOST_CHARS else host[:_HOST_CHARS] + ELLIPSIS


def multimedia_missing_text(import_error: str) -> str:
    """Why no video plays, from QtMultimedia's ImportError: the library it lacks, and the
    package that holds it where Debian's naming rule tells (libpulse.so.0 is in libpulse0)."""
    found = _SHARED_LIBRARY.search(import_error)
    if found is None:
        return tr("Videos cannot play: Qt Multimedia could not load ({reason}).").format(
            reason=import_error
        )
    library, name, version = found.group(), *found.groups()
    if not _REGULAR_NAME.fullmatch(name):  # libgstreamer-1.0.so.0 is in libgstreamer1.0-0
        return tr(
            "Videos cannot play: Qt Multimedia could not load ({library} is missing). "
            "Install the package that provides it."
        ).format(library=library)
    package = name.lower() + ("-" if name[-1].isdigit() else "") + version
    return tr(
        "Videos cannot play: Qt Multimedia could not load ({library} is missing). "
        "Install {package}."
    ).format(library=library, package=package)


def problem_text(problem: Problem, media: Media) -> str:
    """Why there is no teaser to see, with Qt's or the server's own words where they help."""
    if problem.kind is ProblemKind.NO_MULTIMEDIA:
        return multimedia_missing_text(problem.detail)
    host = _host(media.url)
    detail = problem.detail
    if problem.kind is ProblemKind.URL_TOO_LONG:
        detail = count_text(int(detail))  # 1,000,027 (in the reader's locale)
    text = _problem_sentence(problem.kind, media.kind).format(host=host, detail=detail)
    if problem.detail and problem.kind in (ProblemKind.UNREACHABLE, ProblemKind.UNPLAYABLE):
        text += f"\n({problem.detail})"
    return text


def _problem_sentence(kind: ProblemKind, media_kind: MediaKind) -> str:
    video = media_kind is MediaKind.VIDEO
    sentences = {
        ProblemKind.UNSAFE_URL: tr(
            "This teaser is not on the web (only http and https addresses are loaded)."
        ),
        ProblemKind.URL_TOO_LONG: tr(
            "This teaser's address is too long to load ({detail} characters)."
        ),
        ProblemKind.UNREACHABLE: tr("Could not reach {host}. You may be offline."),
        ProblemKind.HTTP_ERROR: tr("{host} answered “{detail}”."),
        ProblemKind.TIMEOUT: tr("{host} did not answer in time."),
        ProblemKind.TOO_SLOW: tr(
            "{host} sent this teaser too slowly: it was given up after {detail} seconds."
        ),
        ProblemKind.TOO_LARGE: tr("This teaser is too large to download."),
        ProblemKind.REDIRECTS: tr("{host} redirected too many times."),
        ProblemKind.NOT_MEDIA: tr("{host} did not send a whole video.")
        if video
        else tr("{host} did not send a whole image."),
        ProblemKind.UNPLAYABLE: tr("This video cannot be played on this computer."),
        ProblemKind.NOT_LOADED: tr(
            "Remote media is not loaded automatically.\nThe teaser is on {host}."
        ),
    }
    return sentences[kind]
