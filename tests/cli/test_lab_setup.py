"""The README's "Setting one up", run as written against the tests' server (its names made
this test's own, `server` its socket): the library is owned by a role that is not a
superuser, and a member made as the README says opens it, imports into it and keeps a
status of their own that another member does not see."""

import os
import re
import shlex
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from readinglist.cli import main
from tests.helpers.digests import DigestWriter, entries
from tests.helpers.postgres import SUPERUSER, PostgresServer

README = Path(__file__).resolve().parents[2] / "README.md"


def setup_commands() -> list[str]:
    """The shell lines of the README's "Setting one up", comments left out."""
    section = README.read_text(encoding="utf-8").split("### Setting one up", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


class Lab:
    """The README's names (labadmin, alice, the database `readinglist`) as this test's own,
    on the tests' server."""

    def __init__(self, server: PostgresServer) -> None:
        suffix = uuid.uuid4().hex[:8]
        self.server = server
        self.roles = {name: f"{name}_{suffix}" for name in ("labadmin", "alice", "bob")}
        self.database = f"readinglist_{suffix}"

    def url(self, role: str) -> str:
        return self.server.url(self.database, self.roles[role])

    def ours(self, line: str) -> str:
        line = line.replace(
            "@server/readinglist", f"@/{self.database}?host={self.server.socket_dir}"
        )
        line = re.sub(r"(-d|--owner \S+) readinglist\b(?!_)", rf"\1 {self.database}", line)
        for name, role in self.roles.items():
            line = re.sub(rf"\b{name}\b", role, line)
        return line

    def run(self, line: str) -> None:
        """A line as the server's administrator would run it: readinglist's own in-process."""
        words = shlex.split(self.ours(line))
        if words[0] == "readinglist":
            assert main(words[1:]) == 0, line
            return
        tool = self.server.bin_dir / words[0]
        env = {**os.environ, "PGHOST": str(self.server.socket_dir), "PGUSER": SUPERUSER}
        done = subprocess.run(
            [str(tool), *words[1:]], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, (line, done.stderr)

    def admin(self, database: str = "postgres") -> "psycopg.Connection[tuple[object, ...]]":
        return psycopg.connect(self.server.url(database), autocommit=True)


@pytest.fixture
def lab(postgres_server: PostgresServer) -> Iterator[Lab]:
    made = Lab(postgres_server)
    yield made
    with made.admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {made.database} WITH (FORCE)".encode())
        for role in made.roles.values():
            admin.execute(f"DROP ROLE IF EXISTS {role}".encode())


def test_the_readmes_setup_makes_a_library_a_member_can_use(
    lab: Lab, digests: DigestWriter
) -> None:
    commands = setup_commands()
    assert [command.split()[0] for command in commands] == [
        "createuser",
        "createdb",
        "readinglist",
        "psql",
    ]
    for command in commands:
        lab.run(command)
    lab.run('psql -d readinglist -c "CREATE ROLE bob LOGIN; GRANT readinglist_member TO bob"')

    day = digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    assert main(["--library", lab.url("alice"), "import", str(day)]) == 0
    assert main(["--library", lab.url("alice"), "set", "2403.00001", "--status", "read"]) == 0

    with lab.admin(lab.database) as admin:
        owner = admin.execute(
            "SELECT rolname, rolsuper FROM pg_class JOIN pg_roles ON pg_roles.oid = relowner "
            "WHERE relname = 'paper_records'"
        ).fetchone()
    assert owner == (lab.roles["labadmin"], False)
    with psycopg.connect(lab.url("alice")) as alice, psycopg.connect(lab.url("bob")) as bob:
        statuses = [
            reader.execute("SELECT arxiv_id, status FROM papers ORDER BY arxiv_id").fetchall()
            for reader in (alice, bob)
        ]
    assert statuses == [
        [("2403.00001", "read"), ("2403.00002", "unread")],
        [("2403.00001", "unread"), ("2403.00002", "unread")],
    ]
