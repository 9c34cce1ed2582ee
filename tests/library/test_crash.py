"""A process killed in the middle of a large import leaves a sound library of whole files."""

import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from readinglist.library.health import check_library
from tests.helpers.digests import DigestWriter, entries

FILES, ENTRIES = 60, 300

CHILD = """
import sys
from pathlib import Path
from readinglist.library.importer import import_paths
from readinglist.library.database import open_library

with open_library(Path(sys.argv[1])) as library:
    import_paths(library, [Path(sys.argv[2])],
                 progress=lambda done, total, _: print(done, flush=True))
"""


def write_large_corpus(digests: DigestWriter) -> None:
    for day in range(FILES):
        date = f"2023-{1 + day // 28:02d}-{1 + day % 28:02d}"
        ids = [f"23{day:02d}.{n:05d}" for n in range(ENTRIES)]
        digests.write(f"{day:03d}.md", date, entries(*ids))


@pytest.mark.slow
def test_sigkill_mid_import_leaves_only_whole_files(tmp_path: Path, digests: DigestWriter) -> None:
    write_large_corpus(digests)
    library_path = tmp_path / "library.sqlite"
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(library_path), str(digests.folder)],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        while int(child.stdout.readline() or FILES) < FILES // 3:
            pass
        time.sleep(0.013)  # land somewhere inside a later file's transaction
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    assert check_library(library_path).sound
    with closing(sqlite3.connect(library_path)) as connection:
        stored = connection.execute(
            "SELECT d.date, count(a.id), f.sightings_new FROM digests d "
            "JOIN digest_files f ON f.content_hash = d.content_hash "
            "LEFT JOIN sightings a ON a.digest_id = d.id GROUP BY d.id"
        ).fetchall()
        papers = connection.execute("SELECT count(*) FROM papers").fetchone()[0]
    assert FILES // 3 <= len(stored) < FILES
    assert all(count == ENTRIES == recorded for _, count, recorded in stored)
    assert papers == ENTRIES * len(stored)
