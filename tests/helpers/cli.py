"""Running the command line in-process, for tests: exit code, stdout and stderr."""

from collections.abc import Callable
from pathlib import Path

import pytest

from readinglist.cli import main

RunCli = Callable[..., tuple[int, str, str]]


def cli_runner(library_path: Path | str, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """`readinglist --library LIBRARY_PATH ARGS...`, as a function of ARGS (a file's path or a
    shared library's address)."""

    def run_cli(*args: str) -> tuple[int, str, str]:
        code = main(["--library", str(library_path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_cli


def scribble_over(library_path: Path) -> None:
    """Damage the library beyond reading: no SQLite file any more, and no -wal to help."""
    library_path.write_bytes(b"scribbled over " * 1000)
    for side in ("-wal", "-shm"):
        library_path.with_name(library_path.name + side).unlink(missing_ok=True)
