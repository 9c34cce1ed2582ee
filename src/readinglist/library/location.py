"""Where readinglist keeps its files: an environment variable, else the platform's folder.

The library (`--library`, `READINGLIST_LIBRARY`, or the app-data folder) and the teaser cache
(`READINGLIST_CACHE`, or the cache folder) are both found by `place`. Light on purpose (no
SQLAlchemy): the command line checks `--library` while it parses its arguments, before the
window's first paint.
"""

import os
from collections.abc import Callable
from pathlib import Path

from readinglist.library.errors import LibraryError
from readinglist.library.shared.address import SharedAddress, display_url, looks_like_url

APP_NAME = "readinglist"
LIBRARY_ENV = "READINGLIST_LIBRARY"
CACHE_ENV = "READINGLIST_CACHE"


def library_path(text: str) -> Path:
    """The library file named by `text`. A URL (`postgresql://host/db`) is refused rather
    than taken for a folder named `postgresql:`: what asks for a file needs one."""
    if looks_like_url(text):
        raise LibraryError(
            f"'{display_url(text)}' is a URL: a library file is needed here (a path like "
            "~/papers/library.sqlite)"
        )
    return Path(text).expanduser()


type LibraryPlace = Path | SharedAddress  # a library file, or a shared library's address


def library_place(text: str) -> LibraryPlace:
    """The library `text` names: a shared library when it is a URL (refused, saying why,
    when it is not a PostgreSQL one), else a library file."""
    if looks_like_url(text):
        return SharedAddress.parse(text)
    return Path(text).expanduser()


def default_library_place() -> LibraryPlace:
    """`READINGLIST_LIBRARY` (a file or a shared library's URL), or library.sqlite in the
    platform's app-data folder."""
    override = os.environ.get(LIBRARY_ENV)
    if override and looks_like_url(override):
        return SharedAddress.parse(override)
    return default_library_path()


def place(variable: str, platform_folder: Callable[[], Path], name: str) -> Path:
    """`$variable` when it is set (a path, `~` expanded), else `name` in the platform folder."""
    override = os.environ.get(variable)
    if override:
        return Path(override).expanduser()
    return platform_folder() / name


def _data_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def _cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def default_library_path() -> Path:
    """`READINGLIST_LIBRARY`, or library.sqlite in the platform's app-data folder."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        library_path(override)  # a URL is refused before a path would fold its `//`
    return place(LIBRARY_ENV, _data_folder, "library.sqlite")


def default_cache_folder() -> Path:
    """`READINGLIST_CACHE`, or `media` in the platform's cache folder."""
    return place(CACHE_ENV, _cache_folder, "media")
