"""The files readinglist ships beside its code: icons, the Korean font, the sample digest.

They live in `resources/` at the top of the source tree. build.spec copies the ones the app
reads into the bundle under the same relative paths, below the folder PyInstaller unpacks to
(`sys._MEIPASS`), so one relative path finds each file in both. Qt-free, like the core.
"""

import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SAMPLE_DIGEST = "sample/daily-papers-sample.md"
KOREAN_FONT = "fonts/NanumGothic.ttf"
KOREAN_FONT_LICENCE = "fonts/OFL.txt"
TRANSLATIONS = "translations"  # readinglist_<lang>.ts sources; the Makefile builds the .qm beside


class ResourceMissing(FileNotFoundError):
    """A shipped file is not where it should be: a broken install or bundle."""


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(relative: str) -> Path:
    """The path of a shipped file; `ResourceMissing`, naming where it looked, if it is not there."""
    path = resources_dir() / relative
    if not path.is_file():
        raise ResourceMissing(f"readinglist is missing its file {relative} (looked for {path})")
    return path


def sample_digest() -> Path:
    """A small digest in the real format, for a first look at the app and for --self-test."""
    return resource(SAMPLE_DIGEST)


def translations_dir() -> Path:
    """Where the compiled translations (`readinglist_<lang>.qm`) are: a language without its
    file is shown in English, so this is not checked like the other resources."""
    return resources_dir() / TRANSLATIONS


def korean_font() -> Path:
    return resource(KOREAN_FONT)


def app_icon_files() -> list[Path]:
    """The app icon rendered at each size (from resources/icons/readinglist.svg)."""
    return [resource(f"icons/readinglist-{size}.png") for size in ICON_SIZES]
