"""The command line: a contract that scripts rely on (names, exit codes, JSON shapes)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readinglist import __version__
from readinglist.cli import main
from tests.helpers.cli import RunCli, cli_runner
from tests.helpers.digests import DigestWriter, FakeEntry, digest_text, entries
from tests.helpers.paths import ROOT

PAPER_KEYS = {
    "arxiv_id",
    "title",
    "url",
    "authors",
    "authors_truncated",
    "votes",
    "first_seen",
    "digests",
    "media",
    "summary",
    "starred",
    "status",
    "tags",
    "note",
    "sightings",  # v6: schema 6's sightings, with the paper's abstract and links
    "abstract",
    "links",
    "seen_count",  # v7: how often it was seen, and the votes it gained lately
    "rising",
    "shared_notes",  # a shared library's notes shared by their authors (empty on a file)
}


@pytest.fixture
def run(library_path: Path, capsys: pytest.CaptureFixture[str]) -> RunCli:
    return cli_runner(library_path, capsys)


def test_version_is_printed_by_the_installed_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "readinglist", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"readinglist {__version__}"


def test_import_json_reports_each_file(run: RunCli, digests: DigestWriter) -> None:
    good = digests.write("good.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    bad = digests.write_text("bad.md", "# Just notes\n\nNothing here.\n")

    code, out, _ = run("import", "--json", str(good), str(bad))

    assert code == 1
    assert json.loads(out) == {
        "files": [
            {
                "path": str(good),
                "status": "imported",
                "papers_new": 2,
                "appearances_new": 2,
                "error": None,
            },
            {
                "path": str(bad),
                "status": "rejected",
                "papers_new": 0,
                "appearances_new": 0,
                "error": {
                    "line": None,
                    "message": "not a digest: no '## Daily Papers (YYYY-MM-DD)' header",
                },
            },
        ]
    }
    code, out, _ = run("import", "--json", str(good))
    assert code == 0 and json.loads(out)["files"][0]["status"] == "unchanged"


def test_import_for_people_is_aligned_with_counts(run: RunCli, digests: DigestWriter) -> None:
    good = digests.write("a-long-name.md", "2024-03-01", entries("2403.00001"))
    cut = digests.write_text("b.md", digest_text("2024-03-02", []) + "### [T](https://arxiv.org/a")

    code, out, _ = run("import", str(good), str(cut))

    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("imported ") and "1 new papers, 1 new appearances" in lines[0]
    assert lines[1].startswith("rejected ") and "line 3: the paper heading is cut off" in lines[1]
    assert lines[0].index(str(good)) == lines[1].index(str(cut))
    assert (
        lines[2] == "2 files: 1 imported, 0 unchanged, 1 rejected; 1 new papers, 1 new appearances"
    )


def test_show_json_has_the_contract_shape(run: RunCli, digests: DigestWriter) -> None:
    video = "https://cdn.example.org/v/teaser.mp4"
    entry = FakeEntry("2403.00001", title="A [Bracketed] $x^2$ Title", votes=1234, media=video)
    run("import", str(digests.write("d.md", "2024-03-01", [entry])))

    code, out, _ = run("show", "--json", "arXiv:2403.00001v3")

    shown = json.loads(out)
    assert code == 0 and set(shown) == PAPER_KEYS
    assert shown["title"] == "A [Bracketed] $x^2$ Title"
    assert shown["media"] == {"kind": "video", "url": video}
    assert shown["digests"] == [{"date": "2024-03-01", "votes": 1234}]
    assert (shown["seen_count"], shown["rising"]) == (1, None)  # seen once: nothing gained
    assert (shown["first_seen"], shown["votes"], shown["status"], shown["note"]) == (
        "2024-03-01",
        1234,
        "unread",
        "",
    )


def test_set_then_list_with_queries(run: RunCli, digests: DigestWriter) -> None:
    run("import", str(digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))))

    code, out, _ = run(
        "set",
        "2403.00001",
        "--star",
        "--status",
        "Reading",
        "--tag",
        "llm",
        "--tag",
        "to  share",
        "--note",
        "**good**",
    )
    assert code == 0 and "2403.00001" in out

    def listed(*query: str) -> list[str]:
        code, out, _ = run("list", "--json", *query)
        assert code == 0
        return [paper["arxiv_id"] for paper in json.loads(out)]

    assert listed() == ["2403.00001", "2403.00002"]
    assert listed("is:starred") == listed("tag:LLM") == listed("status:reading") == ["2403.00001"]
    assert listed("tag:to share") == []  # a tag with a space is quoted
    assert listed('tag:"to share"') == ["2403.00001"]
    assert listed("is:unread") == ["2403.00002"]
    assert listed("paper", "2403.00002") == ["2403.00002"]
    shown = json.loads(run("show", "--json", "2403.00001")[1])
    assert (shown["starred"], shown["status"], shown["tags"], shown["note"]) == (
        True,
        "reading",
        ["llm", "to share"],
        "**good**",
    )

    run("set", "2403.00001", "--unstar", "--untag", "LLM", "--note", "")
    shown = json.loads(run("show", "--json", "2403.00001")[1])
    assert (shown["starred"], shown["tags"], shown["note"]) == (False, ["to share"], "")


def test_set_takes_many_papers_all_or_none(run: RunCli, digests: DigestWriter) -> None:
    ids = ["2403.00001", "2403.00002", "2403.00003"]
    run("import", str(digests.write("d.md", "2024-03-01", entries(*ids))))

    code, out, _ = run("set", ids[0], ids[2], "--status", "skipped", "--tag", "later")
    assert code == 0 and [line.split(":")[0] for line in out.splitlines()] == [ids[0], ids[2]]
    assert run("list", "--json", "status:skipped tag:later")[1].count("arxiv_id") == 2

    code, _, err = run("set", ids[1], "2401.99999", "--star")  # one unknown: none set
    assert code == 1 and "no paper 2401.99999" in err
    assert json.loads(run("list", "--json", "is:starred")[1]) == []


def test_list_for_people(run: RunCli, digests: DigestWriter) -> None:
    run("import", str(digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))))
    run("set", "2403.00002", "--star")

    code, out, _ = run("list")

    lines = out.splitlines()
    assert code == 0 and lines[-1] == "2 papers"
    assert lines[0].startswith("2403.00001  2024-03-01       10  unread    Paper 2403.00001")
    assert lines[1].startswith("2403.00002  2024-03-01  *    10  unread    Paper 2403.00002")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["list", "status:bogus"], 2, "unknown status 'bogus'"),
        (["list", "is:lost"], 2, "unknown 'is:lost'"),
        (["show", "not-an-id"], 2, "is not an arXiv id"),
        (["show", "2401.99999"], 1, "no paper 2401.99999 in the library"),
        (["set", "2401.99999"], 2, "nothing to set"),
        (["set", "2401.99999", "--status", "done"], 2, "unknown status 'done'"),
        (["set", "2401.99999", "--star"], 1, "no paper 2401.99999"),
        (["set", "2401.99999", "--tag", "  "], 2, "a tag cannot be empty"),
        (["set", "2401.99998", "2401.99999", "--note", "x"], 2, "one paper's note"),
    ],
)
def test_errors_exit_with_a_message_not_a_traceback(
    run: RunCli, args: list[str], code: int, message: str
) -> None:
    got, out, err = run(*args)
    assert (got, out) == (code, "")
    assert err.startswith("readinglist: ") and message in err and "Traceback" not in err


def test_usage_errors_exit_2(library_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--library", str(library_path), "import"])
    assert exit_info.value.code == 2


def test_check_says_plainly_whether_the_library_is_sound(
    run: RunCli, library_path: Path, digests: DigestWriter
) -> None:
    run("import", str(digests.write("d.md", "2024-03-01", entries("2403.00001"))))
    code, out, _ = run("check")
    assert code == 0 and out.startswith(f"The library {library_path} is sound: 1 papers")

    missing = library_path.parent / "none.sqlite"
    assert main(["--library", str(missing), "check"]) == 1
    assert not missing.exists()


def test_the_environment_variable_picks_the_library(tmp_path: Path, digests: DigestWriter) -> None:
    library = tmp_path / "env" / "lib.sqlite"
    env = {**os.environ, "READINGLIST_LIBRARY": str(library)}
    path = digests.write("d.md", "2024-03-01", entries("2403.00001"))
    subprocess.run(
        [sys.executable, "-m", "readinglist", "import", str(path)],
        env=env,
        check=True,
        capture_output=True,
    )
    assert library.is_file()


def test_a_library_from_a_newer_release_is_refused_by_every_command(
    run: RunCli, library_path: Path
) -> None:
    import sqlite3
    from contextlib import closing

    run("list")
    with closing(sqlite3.connect(library_path)) as connection:
        connection.execute("PRAGMA user_version = 999")
    code, _, err = run("list")
    assert code == 1 and "newer readinglist" in err


def test_the_version_is_the_one_in_pyproject() -> None:
    import tomllib

    from readinglist import __version__

    pyproject = ROOT / "pyproject.toml"
    assert tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"] == __version__


def test_list_reads_the_whole_query_language(run: RunCli, digests: DigestWriter) -> None:
    papers = [
        FakeEntry("2403.00001", title="Video Diffusion", votes=80),
        FakeEntry("2403.00002", title="Language Agents", votes=20, summary=("데이터셋을 만든다",)),
        FakeEntry("2403.00003", title="A Survey of Video", votes=None),
    ]
    run("import", str(digests.write("d.md", "2024-03-01", papers)))
    run("set", "2403.00003", "--status", "read", "--tag", "survey")

    def listed(*args: str) -> list[str]:
        code, out, err = run("list", "--json", *args)
        assert (code, err) == (0, "")
        return [paper["arxiv_id"] for paper in json.loads(out)]

    assert listed("video", "-survey") == ["2403.00001"]  # an exclusion is not an option
    assert listed("-tag:survey", "--sort", "votes") == ["2403.00001", "2403.00002"]
    assert listed("video OR 데이터셋", "-is:read") == ["2403.00001", "2403.00002"]
    assert listed("votes:>=20", "--sort", "votes", "--reverse") == ["2403.00002", "2403.00001"]
    assert listed("--sort", "title", "--limit", "2") == ["2403.00003", "2403.00002"]
    assert listed("--sort", "relevance", "video") == ["2403.00001", "2403.00003"]
    assert listed("date:2024-03", "digest:2024-03-01", "status:unread,read") == listed()
    assert listed("--", "-video") == ["2403.00002"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "(video"], "bad query: at character 1: this '(' is never closed"),
        (["list", "video", 'title:"x'], "bad query: at character 13: this quote is never closed"),
        (["export", "--format", "csv", "votes:lots"], "'votes:' takes a whole number"),
        (["list", "--sort", "relevance", "is:starred"], "needs words to rank the papers by"),
        (["saved", "add", "x", "tga:y"], "unknown field 'tga:'"),
    ],
)
def test_a_malformed_query_exits_2_naming_the_place(
    run: RunCli, args: list[str], message: str
) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.startswith("readinglist: ") and message in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_saved_searches_from_the_command_line(run: RunCli, digests: DigestWriter) -> None:
    run("import", str(digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))))
    run("set", "2403.00002", "--star")

    assert run("saved", "add", "Stars", "is:starred") == (0, "saved Stars: is:starred\n", "")
    assert run("saved", "add", "all", "paper", "-is:read")[0] == 0
    code, out, _ = run("saved")
    assert [line.split() for line in out.splitlines()] == [
        ["all", "2", "paper", "-is:read"],
        ["Stars", "1", "is:starred"],
        ["2", "saved", "searches"],
    ]
    code, out, _ = run("list", "--json", "--saved", "stars")
    assert [paper["arxiv_id"] for paper in json.loads(out)] == ["2403.00002"]
    code, out, _ = run("list", "--json", "--saved", "all", "2403.00001")
    assert [paper["arxiv_id"] for paper in json.loads(out)] == ["2403.00001"]
    assert run("saved", "rename", "stars", "Starred")[1] == "renamed Stars to Starred\n"
    assert run("saved", "delete", "all")[1] == "deleted all\n"
    code, _, err = run("saved", "add", "STARRED", "x")
    assert code == 1 and "already a saved search named 'Starred'" in err
    code, _, err = run("list", "--saved", "nothing")
    assert code == 1 and "there is no saved search named 'nothing'" in err


def test_check_notices_a_search_index_out_of_step_and_rebuilds_it(
    run: RunCli, library_path: Path, digests: DigestWriter
) -> None:
    import sqlite3
    from contextlib import closing

    run("import", str(digests.write("d.md", "2024-03-01", entries("2403.00001"))))
    with closing(sqlite3.connect(library_path)) as connection, connection:
        connection.execute("DROP TRIGGER paper_search_note")  # what another tool might do
        connection.execute("UPDATE papers SET note = 'written elsewhere'")

    code, out, _ = run("check")
    assert code == 1 and "search index is out of step" in out and "--reindex" in out
    code, out, _ = run("check", "--reindex")
    assert code == 0 and out.startswith(f"The library {library_path} is sound")
    assert json.loads(run("list", "--json", "elsewhere")[1])[0]["arxiv_id"] == "2403.00001"
