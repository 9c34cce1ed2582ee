"""Korean text in every window, also on a machine with no Korean font.

The digests are mostly Korean, and a Linux desktop without a CJK font draws Hangul as empty
boxes. readinglist ships NanumGothic (SIL Open Font License, resources/fonts/OFL.txt) and,
only where the system has no Korean font of its own, puts it in the application font's
family list after the system UI family: Latin text keeps the desktop's look, and Qt takes
each Hangul glyph from NanumGothic. Where the system has a Korean font, its choice stands.
"""

from pathlib import Path

from readinglist.resources import korean_font
from readinglist.ui.qt import QApplication, QFontDatabase, QFontInfo

_loaded: dict[Path, str] = {}


class FontError(Exception):
    """A font file that Qt cannot read."""


def load_font(path: Path) -> str:
    """Register a font file with Qt (once); its family name."""
    if path not in _loaded:
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise FontError(f"Qt cannot read the font {path}")
        _loaded[path] = families[0]
    return _loaded[path]


def system_has_korean_font() -> bool:
    ours = set(_loaded.values())
    korean = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    return any(family not in ours for family in korean)


def install_korean_fallback(app: QApplication) -> str | None:
    """Make sure Hangul can be drawn; the bundled family now used for it, or None if the
    system's own fonts cover Korean. Safe to call again."""
    if system_has_korean_font():
        return None
    family = load_font(korean_font())
    font = app.font()
    if family not in font.families():
        font.setFamilies([QFontInfo(font).family(), family])
        app.setFont(font)
    return family
