"""Export files as other programs find them: a CSV a spreadsheet opens with its Korean intact,
no control characters, the permissions the umask asks for, and no temporaries left behind by an
export that was killed."""

import csv
import io
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from readinglist.cli import main
from readinglist.core.export import ExportFormat, export_papers, write_export
from readinglist.core.export_file import STALE_AFTER_SECONDS, temporary_name_pattern
from readinglist.core.paper import Paper
from tests.helpers.export_fixtures import make_paper
from tests.helpers.paths import ROOT

BOM = b"\xef\xbb\xbf"


# --- CSV for spreadsheets --------------------------------------------------------------------


def test_a_csv_file_starts_with_a_byte_order_mark_and_stdout_does_not(tmp_path: Path) -> None:
    paper = make_paper(1, "대규모 언어 모델 평가", ("김철수",))
    target = tmp_path / "list.csv"
    write_export([paper], ExportFormat.CSV, target)

    data = target.read_bytes()
    assert data.startswith(BOM) and data.count(BOM) == 1  # Excel then reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["title"] == "대규모 언어 모델 평가" and rows[0]["authors"] == "김철수"
    assert not export_papers([paper], ExportFormat.CSV).startswith("\ufeff")  # stdout
    for format in (ExportFormat.BIBTEX, ExportFormat.JSON, ExportFormat.MARKDOWN):
        write_export([paper], format, tmp_path / f"list{format.suffix}")
        assert not (tmp_path / f"list{format.suffix}").read_bytes().startswith(BOM)


def test_the_command_line_writes_the_mark_to_a_file_only(
    library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.csv"
    assert main(["--library", str(library_path), "export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("arxiv_id,")
    args = ["export", "--format", "csv", "--output", str(target)]
    assert main(["--library", str(library_path), *args]) == 0
    assert target.read_bytes().startswith(BOM + b"arxiv_id,")


# --- control characters ----------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_paper() -> Paper:
    paper = make_paper(1, "Evil\x1b]0;pwned\x07 Title\u202e", ("Ada\x00 Lovelace",))
    return replace(
        paper,
        url="https://arxiv.org/abs/2403.00001\x1b[2J",
        tags=("to\x1bread",),
        note="First line\x1b[31m\n  - an item\x00\n\ttabbed\r\nlast\x9b",
        summary=("Bullet\x07 one",),
    )


@pytest.mark.parametrize("format", [ExportFormat.CSV, ExportFormat.MARKDOWN])
def test_control_characters_are_left_out_of_csv_and_markdown(format: ExportFormat) -> None:
    text = export_papers([hostile_paper()], format)

    assert not _CONTROL.search(text)
    assert "0;pwned Title" in text and "https://arxiv.org/abs/2403.00001[2J" in text
    assert "First line[31m" in text and "  - an item" in text  # the note keeps its lines


def test_the_csv_note_keeps_its_line_breaks_and_indentation() -> None:
    rows = list(csv.DictReader(io.StringIO(export_papers([hostile_paper()], ExportFormat.CSV))))
    assert rows[0]["note"] == "First line[31m\n  - an item\ntabbed\nlast"
    assert rows[0]["tags"] == "toread" and rows[0]["authors"] == "Ada Lovelace"


# --- permissions -----------------------------------------------------------------------------


@pytest.fixture
def umask() -> Iterator[None]:
    saved = os.umask(0o022)
    yield
    os.umask(saved)


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002, 0o027])
def test_a_new_export_gets_0666_less_the_umask(tmp_path: Path, mask: int) -> None:
    os.umask(mask)
    target = tmp_path / "list.bib"
    write_export([make_paper(1)], ExportFormat.BIBTEX, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("mode", [0o600, 0o664, 0o640])
def test_a_replaced_export_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "list.json"
    target.write_text("old")
    target.chmod(mode)
    write_export([make_paper(1)], ExportFormat.JSON, target)
    assert stat.S_IMODE(target.stat().st_mode) == mode and target.read_text() != "old"


# --- temporaries -----------------------------------------------------------------------------

_WRITER = """
import sys
from pathlib import Path
from readinglist.core.export import ExportFormat, write_export
from tests.helpers.export_fixtures import make_paper

def papers():
    yield make_paper(1)
    print("writing", flush=True)
    sys.stdin.readline()  # until the test says go on (or kills this process)
    yield make_paper(2)

print(write_export(papers(), ExportFormat.JSON, Path(sys.argv[1])), flush=True)
"""


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """An export to tmp_path/list.json, stopped after its first paper (see _WRITER)."""
    command = [sys.executable, "-c", _WRITER, str(tmp_path / "list.json")]
    with subprocess.Popen(
        command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        yield process
        process.kill()


def temporaries(target: Path) -> list[Path]:
    pattern = temporary_name_pattern(target)
    return [path for path in target.parent.iterdir() if pattern.fullmatch(path.name)]


def age(path: Path, seconds: float) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_the_temporary_a_killed_export_left_is_removed_by_the_next(
    writer: subprocess.Popen[str], tmp_path: Path
) -> None:
    target = tmp_path / "list.json"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    [left] = temporaries(target)
    age(left, STALE_AFTER_SECONDS + 1)

    assert write_export([make_paper(3)], ExportFormat.JSON, target) == 1
    assert temporaries(target) == [] and "2403.00003" in target.read_text()


def test_a_live_exports_temporary_is_left_alone_however_old(
    writer: subprocess.Popen[str], tmp_path: Path
) -> None:
    target = tmp_path / "list.json"
    [live] = temporaries(target)
    age(live, 10 * STALE_AFTER_SECONDS)

    write_export([make_paper(3)], ExportFormat.JSON, target)
    assert temporaries(target) == [live]
    out, _ = writer.communicate("go on\n", timeout=60)  # and it finishes its export
    assert writer.returncode == 0 and out == "2\n"
    assert temporaries(target) == [] and '"2403.00002"' in target.read_text()


def test_a_fresh_unlocked_temporary_and_look_alikes_are_left_alone(tmp_path: Path) -> None:
    """A temporary younger than a minute may be one whose writer has not locked it yet."""
    target = tmp_path / "list.bib"
    fresh = tmp_path / ".list.bib.0a1b2c3d"
    others = [tmp_path / ".list.bib.notours", tmp_path / ".other.bib.0a1b2c3d"]
    for path in [fresh, *others]:
        path.write_text("x")
    for path in others:
        age(path, 10 * STALE_AFTER_SECONDS)

    write_export([make_paper(1)], ExportFormat.BIBTEX, target)
    assert all(path.exists() for path in [fresh, *others])


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_text("old\n")

    def failing() -> Iterator[Paper]:
        yield make_paper(1)
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_export(failing(), ExportFormat.CSV, target)
    assert target.read_text() == "old\n" and temporaries(target) == []
