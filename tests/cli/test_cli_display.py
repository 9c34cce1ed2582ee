"""What the command line prints of outside text reaches a terminal escaped: a crafted
digest's URL cannot set the terminal's title or clear its screen, and a file name holding a
newline cannot forge a line of the import report. JSON stays exact JSON."""

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.helpers.cli import RunCli
from tests.helpers.digests import DigestWriter, entries

# What a terminal obeys: C0 controls but the newline, DEL, C1 controls; and bidi controls.
TERMINAL_COMMANDS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SET_TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J\x1b[H"
CRAFTED = {
    "title": f"Title{CLEAR}",
    "url": f"https://arxiv.org/abs/2403.00001{SET_TITLE}",
    "author": "Ada\x9b31m Lovelace",
    "media_url": f"https://cdn.example.org/t.png{SET_TITLE}",
    "tag": "tag\x1b[5m",
    "note": f"line one\nline two{CLEAR}\u202eevil",
    "summary": f"bullet{CLEAR}",
}


@pytest.fixture
def crafted(run: RunCli, library_path: Path, digests: DigestWriter) -> None:
    """A library holding control characters in every field (as a crafted digest, another
    tool or an older version could leave them)."""
    run("import", str(digests.write("d.md", "2024-03-01", entries("2403.00001"))))
    with closing(sqlite3.connect(library_path)) as connection, connection:
        connection.execute(
            "UPDATE papers SET title = ?, url = ?, authors = ?, note = ?",
            (CRAFTED["title"], CRAFTED["url"], json.dumps([CRAFTED["author"]]), CRAFTED["note"]),
        )
        connection.execute(
            "UPDATE sightings SET media_url = ?, summary = ?",
            (CRAFTED["media_url"], json.dumps([CRAFTED["summary"]])),
        )
        connection.execute("INSERT INTO tags (id, name) VALUES (99, ?)", (CRAFTED["tag"],))
        connection.execute("INSERT INTO paper_tags (paper_id, tag_id) VALUES (1, 99)")
        connection.execute(
            "INSERT INTO saved_searches (name, query, created_at) VALUES (?, 'x', '2024-03-01')",
            (f"mine{SET_TITLE}",),
        )


def _assert_safe_for_a_terminal(out: str) -> None:
    assert not TERMINAL_COMMANDS.search(out), repr(out)


@pytest.mark.usefixtures("crafted")
@pytest.mark.parametrize(
    "args",
    [["show", "2403.00001"], ["list"], ["set", "2403.00001", "--status", "read"], ["saved"]],
)
def test_what_is_printed_for_people_is_escaped(run: RunCli, args: list[str]) -> None:
    code, out, _ = run(*args)
    assert code == 0
    _assert_safe_for_a_terminal(out)


@pytest.mark.usefixtures("crafted")
def test_show_escapes_every_field_and_keeps_the_rest(run: RunCli) -> None:
    out = run("show", "2403.00001")[1]
    assert "arXiv 2403.00001  https://arxiv.org/abs/2403.00001\\x1b]0;pwned\\x07" in out
    assert "Title\\x1b[2J\\x1b[H" in out.splitlines()[0]
    assert "Ada\\x9b31m Lovelace" in out and "t.png\\x1b]0;pwned\\x07" in out
    assert "tag\\x1b[5m" in out and "  - bullet\\x1b[2J" in out
    assert "  line one\n  line two\\x1b[2J\\x1b[H\\u202eevil" in out  # the note's lines stay


@pytest.mark.usefixtures("crafted")
def test_json_stays_exact_and_safe(run: RunCli) -> None:
    code, out, _ = run("show", "--json", "2403.00001")
    assert code == 0
    _assert_safe_for_a_terminal(out.replace("\n", ""))
    shown = json.loads(out)
    assert (shown["title"], shown["url"], shown["note"]) == (
        CRAFTED["title"],
        CRAFTED["url"],
        CRAFTED["note"],
    )
    assert shown["authors"] == [CRAFTED["author"]] and shown["tags"] == [CRAFTED["tag"]]
    listed = run("list", "--json")[1]
    assert json.loads(listed) == [shown]


def test_a_file_name_cannot_forge_a_report_line(run: RunCli, digests: DigestWriter) -> None:
    forged = "FAKE.md\nimported   FAKE.md  999 new papers, 999 new appearances\x1b[2K"
    good = digests.write("good.md", "2024-03-01", entries("2403.00001"))
    evil = digests.write(f"{forged}.md", "2024-03-02", entries("2403.00002"))

    code, out, _ = run("import", str(good), str(evil))

    lines = out.splitlines()
    assert code == 0 and [line.split()[0] for line in lines] == ["imported", "imported", "2"]
    assert "FAKE.md\\nimported   FAKE.md  999 new papers" in lines[1]
    _assert_safe_for_a_terminal(out)
    report = json.loads(run("import", "--json", str(evil))[1])
    assert report["files"][0]["path"] == str(evil)  # JSON keeps the name as it is
