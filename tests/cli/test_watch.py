"""`readinglist watch`: add, list, remove and scan, a contract like every command's."""

import json
from pathlib import Path

import pytest

from tests.helpers.cli import RunCli, cli_runner
from tests.helpers.digests import DigestWriter, entries


@pytest.fixture
def run(library_path: Path, capsys: pytest.CaptureFixture[str]) -> RunCli:
    return cli_runner(library_path, capsys)


def test_add_list_and_remove(run: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "clone"
    folder.mkdir()

    assert run("watch", "add", str(folder))[:2] == (0, f"watching {folder.resolve()}\n")
    assert run("watch", "add", str(folder))[1] == f"already watching {folder.resolve()}\n"
    code, out, _ = run("watch", "list")
    assert code == 0
    assert out.splitlines() == [f"{folder.resolve()}  0 files, not scanned yet", "1 watched folder"]
    code, out, _ = run("watch", "remove", str(folder))
    assert (code, out) == (0, f"stopped watching {folder.resolve()}\n")
    assert run("watch", "list")[1] == "0 watched folders\n"


def test_only_folders_are_watched_and_only_watched_ones_removed(
    run: RunCli, tmp_path: Path
) -> None:
    code, _, err = run("watch", "add", str(tmp_path / "nowhere"))
    assert (code, err) == (1, f"readinglist: {tmp_path / 'nowhere'} is not a folder\n")
    code, _, err = run("watch", "remove", str(tmp_path))
    assert (code, err) == (1, f"readinglist: {tmp_path} is not a watched folder\n")


def test_scan_reports_like_import_and_reads_each_file_once(
    run: RunCli, digests: DigestWriter
) -> None:
    good = digests.write("2024/03/01.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    bad = digests.write_text("notes.md", "# Just notes\n")
    digests.write_text("2024/03/02.md.part", "half a digest")
    run("watch", "add", str(digests.folder))

    code, out, _ = run("watch", "scan", "--json")

    assert code == 1  # a file rejected, as `import` says
    files = json.loads(out)["files"]
    assert [(Path(f["path"]).name, f["status"]) for f in files] == [
        ("01.md", "imported"),
        ("notes.md", "rejected"),
    ]
    assert Path(files[0]["path"]) == good.resolve() and files[0]["papers_new"] == 2
    assert Path(files[1]["path"]) == bad.resolve()
    code, out, _ = run("watch", "scan")
    assert (code, out) == (
        0,
        "0 files: 0 imported, 0 unchanged, 0 rejected; 0 new papers, 0 new appearances\n",
    )


def test_a_missing_folder_is_reported_and_kept(
    run: RunCli, digests: DigestWriter, tmp_path: Path
) -> None:
    digests.write("01.md", "2024-03-01", entries("2403.00001"))
    run("watch", "add", str(digests.folder))
    digests.folder.rename(tmp_path / "unplugged")

    code, out, _ = run("watch", "scan")
    assert code == 1
    assert out.startswith(f"missing    {digests.folder.resolve()}  the watched folder is not there")
    code, out, _ = run("watch", "scan", "--json")
    assert json.loads(out) == {"files": [], "missing": [str(digests.folder.resolve())]}

    code, out, _ = run("watch", "list", "--json")
    (listed,) = json.loads(out)["folders"]
    assert listed["missing"] is True and listed["missing_since"] is not None
    assert "missing since" in run("watch", "list")[1]
