"""The shared import's floor writes what the import wrote: the same rows, by COPY, in a
library with the same indexes and triggers."""

import sys
from pathlib import Path

from tests.helpers.paths import ROOT
from tests.helpers.postgres import PostgresServer, fresh_database

sys.path.insert(0, str(ROOT / "benchmarks"))

import shared_import
import synthetic


def test_the_floor_copies_the_rows_the_import_wrote(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    files = synthetic.write_corpus(tmp_path / "corpus", digests=6, entries_per_digest=4)
    with fresh_database(postgres_server) as database:
        assert shared_import.imported(database, files) > 0
        rows = shared_import.rows_written(database)
        written = shared_import.counts(database)
    with fresh_database(postgres_server) as database:
        assert shared_import.floor(database, files, rows) > 0
        copied = shared_import.counts(database)

    assert written["sightings"] == 24
    assert {t: n for t, n in written.items() if t != "changes"} == {
        t: n for t, n in copied.items() if t != "changes"
    }
    assert copied["changes"] > 0  # the floor's COPY fired the change log's triggers too
