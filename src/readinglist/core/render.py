"""Markdown (summaries, notes) to safe HTML for the detail pane, and what of a field is shown.

Raw HTML in a digest or a note (`<video>`, `<script>`, `<think>`) is shown as text, never
interpreted; links survive only with http, https or mailto targets; images become their
alt text, so rendering never fetches anything. The output is plain text, so it can be made
on a worker thread.

A field of any length can come from a digest the importer accepts (a 20 MB title froze the
window 104 s): panes show `clip`ped text, with the whole reachable on request.
"""

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")


@cache
def _markdown() -> "MarkdownIt":
    from markdown_it import MarkdownIt  # on first use: the window shows before it loads

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = _is_safe_link  # type: ignore[method-assign]
    md.add_render_rule("image", _image_as_text)
    return md


def prepare() -> None:
    """Load the parser now (40-80 ms of imports and regexes), before the first summary needs it."""
    _markdown()


def _is_safe_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_LINK_SCHEMES)


def _image_as_text(self: Any, tokens: Sequence[Any], index: int, options: Any, env: Any) -> str:
    token = tokens[index]
    alt = str(self.renderInline(token.children or [], options, env))
    return f"[{alt or 'image'}]"


def markdown_to_html(text: str) -> str:
    return str(_markdown().render(text))


def bullets_to_html(bullets: Sequence[str]) -> str:
    """A summary's bullets as one rendered Markdown list."""
    if not bullets:
        return ""
    return markdown_to_html("\n".join(f"- {' '.join(b.split())}" for b in bullets))


def is_safe_link(url: str) -> bool:
    """Whether the GUI may hand `url` to the browser: only http and https."""
    return url.strip().lower().startswith(("http://", "https://"))


def clip(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"


def clip_bullets(bullets: Sequence[str], limit: int) -> list[str]:
    """The first bullets, `limit` characters in all at most (the last one clipped)."""
    kept: list[str] = []
    room = limit
    for bullet in bullets:
        if room <= 0:
            break
        kept.append(clip(bullet, room))
        room -= len(bullet)
    return kept
