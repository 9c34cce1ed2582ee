"""The command line on a library in a temporary folder."""

from pathlib import Path

import pytest

from tests.helpers.cli import RunCli, cli_runner
from tests.helpers.digests import DigestWriter, entries


@pytest.fixture
def run(library_path: Path, capsys: pytest.CaptureFixture[str]) -> RunCli:
    return cli_runner(library_path, capsys)


@pytest.fixture
def filled(run: RunCli, digests: DigestWriter) -> None:
    """The library holds two papers of one digest (2403.00001 and 2403.00002)."""
    path = digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    assert run("import", str(path))[0] == 0
