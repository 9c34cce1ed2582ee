"""What the media pane says, in words people read (translatable)."""

from readinglist.core.digest import Media, MediaKind
from readinglist.media_cache import MEGABYTE
from readinglist.ui.media_fetch import Problem, ProblemKind
from readinglist.ui.qt import QCoreApplication, QUrl

_KILOBYTE = 1024


def _tr(text: str) -> str:
    return QCoreApplication.translate("MediaPane", text)


def loading_text(kind: MediaKind) -> str:
    return _tr("Loading the video…") if kind is MediaKind.VIDEO else _tr("Loading the image…")


def size_text(received: int, total: int) -> str:
    """'120 KB of 1.4 MB', or '120 KB' while the size is unknown."""
    if total <= 0:
        return _bytes(received)
    return _tr("{received} of {total}").format(received=_bytes(received), total=_bytes(total))


def _bytes(count: int) -> str:
    if count >= MEGABYTE:
        return _tr("{n} MB").format(n=f"{count / MEGABYTE:.1f}")
    return _tr("{n} KB").format(n=max(1, round(count / _KILOBYTE)) if count else 0)


def problem_text(problem: Problem, media: Media) -> str:
    """Why there is no teaser to see, with Qt's or the server's own words where they help."""
    host = QUrl(media.url).host() or media.url
    text = _problem_sentence(problem.kind, media.kind).format(host=host, detail=problem.detail)
    if problem.detail and problem.kind in (ProblemKind.UNREACHABLE, ProblemKind.UNPLAYABLE):
        text += f"\n({problem.detail})"
    return text


def _problem_sentence(kind: ProblemKind, media_kind: MediaKind) -> str:
    video = media_kind is MediaKind.VIDEO
    sentences = {
        ProblemKind.UNSAFE_URL: _tr(
            "This teaser is not on the web (only http and https addresses are loaded)."
        ),
        ProblemKind.UNREACHABLE: _tr("Could not reach {host}. You may be offline."),
        ProblemKind.HTTP_ERROR: _tr("{host} answered “{detail}”."),
        ProblemKind.TIMEOUT: _tr("{host} did not answer in time."),
        ProblemKind.TOO_SLOW: _tr(
            "{host} sent this teaser too slowly: it was given up after {detail} seconds."
        ),
        ProblemKind.TOO_LARGE: _tr("This teaser is too large to download."),
        ProblemKind.REDIRECTS: _tr("{host} redirected too many times."),
        ProblemKind.NOT_MEDIA: _tr("{host} did not send a whole video.")
        if video
        else _tr("{host} did not send a whole image."),
        ProblemKind.UNPLAYABLE: _tr("This video cannot be played on this computer."),
        ProblemKind.NOT_LOADED: _tr(
            "Remote media is not loaded automatically.\nThe teaser is on {host}."
        ),
    }
    return sentences[kind]
