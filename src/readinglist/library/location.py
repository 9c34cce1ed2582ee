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
from readinglist.library.shared.address import display_url, looks_like_url

APP_NAME = "readinglist"
LIBRARY_ENV = "READINGLIST_LIBRARY"
CACHE_ENV = "READINGLIST_CACHE"


def library_path(text: str) -> Path:
    """The library file named by `text`.

    A URL (`postgresql://host/db`) is refused rather than taken for a folder named
    `postgresql:`: the window and the commands open library files only, so far
    (`readinglist init-shared URL` makes a shared library on PostgreSQL).
    """
    if looks_like_url(text):
        raise LibraryError(
            f"'{display_url(text)}' is a URL: readinglist opens library files only so far (a "
            "path like ~/papers/library.sqlite); shared libraries on PostgreSQL can be made "
            "(readinglist init-shared URL) but not yet opened"
        )
    return Path(text).expanduser()


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
