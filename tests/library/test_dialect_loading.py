"""A library file never loads what a shared library needs: the PostgreSQL dialect and its
driver are imported when a shared library is used, not with the library layer."""

import subprocess
import sys

LIBRARY_LAYER = (
    "readinglist.library.sorting",
    "readinglist.library.user_edits",
    "readinglist.library.importer",
    "readinglist.library.browse",
)


def test_the_library_layer_loads_nothing_of_postgresql() -> None:
    code = (
        f"import sys, {', '.join(LIBRARY_LAYER)}; "
        "print(sorted(m for m in sys.modules if 'postgresql' in m or m.startswith('psycopg')))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
