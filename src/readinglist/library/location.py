"""Where the library is: `--library`, `READINGLIST_LIBRARY`, or the app-data folder.

Light on purpose (no SQLAlchemy): the command line checks `--library` while it parses its
arguments, before the window's first paint.
"""

import os
import re
from pathlib import Path

from readinglist.library.errors import LibraryError

LIBRARY_ENV = "READINGLIST_LIBRARY"
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def library_path(text: str) -> Path:
    """The library file named by `text`.

    A URL (`postgresql://host/db`) is refused rather than taken for a folder named
    `postgresql:`: libraries are SQLite files for now.
    """
    if _URL.match(text):
        raise LibraryError(
            f"'{text}' is a URL: readinglist opens library files only (a path like "
            "~/papers/library.sqlite); database servers are not supported yet"
        )
    return Path(text).expanduser()


def default_library_path() -> Path:
    """`READINGLIST_LIBRARY`, or library.sqlite in the platform's app-data folder."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return library_path(override)
    from platformdirs import user_data_path

    return user_data_path("readinglist", appauthor=False) / "library.sqlite"
