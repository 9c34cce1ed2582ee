"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder, reached
only through a Unix socket in that folder, gone when the test session ends.

The server binaries come from the Debian package `postgresql` (tools/system-deps test
installs it), which keeps them in /usr/lib/postgresql/<major>/bin, off PATH. initdb and
pg_ctl refuse to run as root; as root (CI is) they run as `nobody`, in a folder that user
owns under the system's temporary folder (pytest's own is root's alone). The test process,
as root, reaches the socket whatever its mode.
"""

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

import psycopg
import pytest
from psycopg.rows import TupleRow

REQUIRE_ENV = "READINGLIST_REQUIRE_POSTGRES"
DEBIAN_BIN_DIRS = Path("/usr/lib/postgresql")
START_TIMEOUT_S = 60.0
POLL_S = 0.05  # between two connection attempts; the deadline is what bounds the wait
SUPERUSER = "postgres"
# Durability is not what a throwaway cluster is for: these cut its start and writes.
_FAST = (
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "shared_buffers=32MB",
    "max_wal_size=256MB",
)
# A lab's server as PostgreSQL and Debian's package configure one: 128 MB of shared_buffers
# (the tests' 32 MB start a throwaway cluster faster, and hold less than a 200,000-paper
# library's words: each search then reads them from the OS's cache). Benchmarks of what a
# member waits for run on it (benchmarks/shared_search.py); writes as fast as the tests'.
STOCK_MEMORY = tuple(
    "shared_buffers=128MB" if setting.startswith("shared_buffers") else setting for setting in _FAST
)
# A server that is crashed on purpose keeps what it committed: each commit's log is written
# before it returns (the machine does not crash: fsync may stay off).
CRASHABLE = tuple(setting for setting in _FAST if not setting.startswith("synchronous_commit"))


class ServerMissing(Exception):
    """No initdb and pg_ctl on this machine."""


@dataclass
class StartTimes:
    """How long the cluster took to make (initdb) and to start accepting connections."""

    initdb_s: float = 0.0
    start_s: float = 0.0

    def __str__(self) -> str:
        total = self.initdb_s + self.start_s
        return f"initdb {self.initdb_s:.2f} s + start {self.start_s:.2f} s = {total:.2f} s"


@dataclass
class PostgresServer:
    """A running cluster: `url()` connects to one of its databases as one of its roles."""

    bin_dir: Path
    root: Path  # the temporary folder holding data/, socket/ and server.log
    times: StartTimes = field(default_factory=StartTimes)
    settings: tuple[str, ...] = _FAST

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """`postgresql://user@/database?host=SOCKET_DIR`: libpq's form for a Unix socket."""
        return f"postgresql://{user}@/{database}?host={quote(str(self.socket_dir), safe='/')}"

    def log_tail(self, lines: int = 20) -> str:
        if not self.log_file.is_file():
            return "(no server log)"
        return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])


@dataclass(frozen=True)
class PostgresDatabase:
    """A database of its own for one test, on the session's server."""

    server: PostgresServer
    name: str

    @property
    def url(self) -> str:
        return self.server.url(self.name)

    def url_as(self, role: str) -> str:
        return self.server.url(self.name, role)


@contextmanager
def two_connections(
    database: PostgresDatabase,
) -> Iterator[tuple[psycopg.Connection[TupleRow], psycopg.Connection[TupleRow]]]:
    """Two sessions on `database`: the first commits each statement, the second only when
    told (as two people's windows would)."""
    with (
        psycopg.connect(database.url, autocommit=True) as first,
        psycopg.connect(database.url) as second,
    ):
        yield first, second


def find_bin_dir() -> Path:
    """The folder of initdb and pg_ctl: PATH's, else Debian's of the highest major version."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    candidates = [
        folder
        for folder in DEBIAN_BIN_DIRS.glob("*/bin")
        if folder.parent.name.isdigit() and (folder / "initdb").is_file()
    ]
    if not candidates:
        raise ServerMissing(
            "no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in "
            f"{DEBIAN_BIN_DIRS}/*/bin: install the Debian package postgresql "
            "(`tools/system-deps test` does)"
        )
    return max(candidates, key=lambda folder: int(folder.parent.name))


def server_required() -> bool:
    """Whether a missing server fails the tests that need one (CI) instead of skipping them."""
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return ci or os.environ.get(REQUIRE_ENV) == "1"


def missing_server(reason: str) -> NoReturn:
    """Fail (under CI) or skip the test at hand, saying why."""
    if server_required():
        pytest.fail(f"PostgreSQL tests need a server: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason}")


@contextmanager
def running_server(settings: tuple[str, ...] = _FAST) -> Iterator[PostgresServer]:
    """A new cluster, started and accepting connections; stopped and removed afterwards,
    whatever happened in between."""
    bin_dir = find_bin_dir()
    root = Path(tempfile.mkdtemp(prefix="readinglist-pg-"))
    server = PostgresServer(bin_dir, root, settings=settings)
    try:
        server.socket_dir.mkdir()
        _hand_over(root)
        _init_cluster(server)
        _start(server)
        yield server
    finally:
        _stop(server)
        shutil.rmtree(root, ignore_errors=True)


def crash(server: PostgresServer) -> None:
    """Stop the server at once, as a power cut would (no checkpoint, clients cut off)."""
    _stop(server)


def start_again(server: PostgresServer) -> None:
    """Start a stopped server on its cluster; it accepts connections when this returns."""
    _start(server)


@contextmanager
def fresh_database(server: PostgresServer) -> Iterator[PostgresDatabase]:
    """A new, empty database with a unique name; dropped afterwards, with any connection
    a test left open."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PostgresDatabase(server, name)
    finally:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _as_server_user() -> list[str]:
    """The prefix that runs a command as `nobody` when we are root, else nothing."""
    if os.geteuid() != 0:
        return []
    nobody = pwd.getpwnam("nobody")
    return [
        "setpriv",
        f"--reuid={nobody.pw_uid}",
        f"--regid={nobody.pw_gid}",
        "--clear-groups",
        "--",
    ]


def _hand_over(root: Path) -> None:
    """As root, give the server's folder to `nobody`, who runs the server."""
    if os.geteuid() != 0:
        return
    nobody = pwd.getpwnam("nobody")
    for path in (root, root / "socket"):
        os.chown(path, nobody.pw_uid, nobody.pw_gid)


def _run(server: PostgresServer, *command: str) -> None:
    """Run a server program as the server's user; its output in the error if it fails."""
    done = subprocess.run(
        [*_as_server_user(), str(server.bin_dir / command[0]), *command[1:]],
        cwd=server.root,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{command[0]} failed ({done.returncode}) in {server.root}:\n"
            f"{done.stdout}{done.stderr}\n{server.log_tail()}"
        )


def _init_cluster(server: PostgresServer) -> None:
    began = time.perf_counter()
    _run(
        server,
        "initdb",
        "--pgdata",
        str(server.data_dir),
        "--auth=trust",
        f"--username={SUPERUSER}",
        "--no-sync",
        "--encoding=UTF8",
        # Korean is a letter under C.UTF-8's character classes (pg_trgm's trigrams need
        # that), while sorting stays by code point, as SQLite's does.
        "--locale=C.UTF-8",
    )
    server.times.initdb_s = time.perf_counter() - began


def _start(server: PostgresServer) -> None:
    """Start the server on the Unix socket alone (no TCP port), and wait until it accepts
    a connection."""
    options = [
        "-c listen_addresses=''",
        f"-c unix_socket_directories='{server.socket_dir}'",
        *(f"-c {setting}" for setting in server.settings),
    ]
    began = time.perf_counter()
    _run(
        server,
        "pg_ctl",
        "start",
        "--no-wait",
        f"--pgdata={server.data_dir}",
        f"--log={server.log_file}",
        f"--options={' '.join(options)}",
    )
    _wait_for_connections(server, began + START_TIMEOUT_S)
    server.times.start_s = time.perf_counter() - began


def _wait_for_connections(server: PostgresServer, deadline: float) -> None:
    while True:
        try:
            with psycopg.connect(server.url(), connect_timeout=2):
                return
        except psycopg.OperationalError as error:
            if _failed_to_start(server) or time.perf_counter() > deadline:
                raise RuntimeError(
                    f"the PostgreSQL server in {server.root} did not start, or did not accept "
                    f"connections within {START_TIMEOUT_S:.0f} s ({error}):\n{server.log_tail()}"
                ) from error
        time.sleep(POLL_S)


_NOT_YET = ("starting up", "not yet accepting connections")  # a client's, while it starts


def _failed_to_start(server: PostgresServer) -> bool:
    """Whether the server logged a fatal error of its own since it was last started (a
    client's "the database system is starting up", or not yet accepting connections after
    a crash, is not one)."""
    lines = server.log_tail(lines=50).splitlines()
    starts = [n for n, line in enumerate(lines) if "starting PostgreSQL" in line]
    since = lines[starts[-1] :] if starts else lines
    return any("FATAL:" in line and not any(n in line for n in _NOT_YET) for line in since)


def _stop(server: PostgresServer) -> None:
    """Stop at once (no checkpoint: the cluster is thrown away); nothing if it never ran.
    A pg_ctl that does not return in time (a loaded machine) is given up on, and the
    postmaster killed: a teardown never fails the session."""
    pid_file = server.data_dir / "postmaster.pid"
    if not pid_file.exists():
        return
    command = [
        *_as_server_user(),
        str(server.bin_dir / "pg_ctl"),
        "stop",
        "--mode=immediate",
        f"--pgdata={server.data_dir}",
    ]
    try:
        subprocess.run(
            command, cwd=server.root, capture_output=True, timeout=START_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        with suppress(OSError, ValueError, IndexError):
            os.kill(int(pid_file.read_text().splitlines()[0]), signal.SIGKILL)


@contextmanager
def password_required(database: PostgresDatabase, role: str, password: str) -> Iterator[None]:
    """`role` (a member) given `password`, and the server asking it for that password over
    its socket (a `pg_hba.conf` line of its own, first; every other role is still trusted);
    the line taken out again afterwards. Each waits until a new connection sees it (the
    server reloads its configuration on a signal, after `pg_reload_conf()` returns)."""
    hba = database.server.data_dir / "pg_hba.conf"
    before = hba.read_text()
    with psycopg.connect(database.url, autocommit=True) as admin:
        admin.execute(f"ALTER ROLE {role} PASSWORD '{password}'".encode())
        hba.write_text(f"local all {role} scram-sha-256\n{before}")
        admin.execute("SELECT pg_reload_conf()")
        _wait_until_trusted(database.url_as(role), trusted=False)
        try:
            yield
        finally:
            hba.write_text(before)
            admin.execute("SELECT pg_reload_conf()")
            _wait_until_trusted(database.url_as(role), trusted=True)


def _wait_until_trusted(url: str, *, trusted: bool, within_s: float = 30.0) -> None:
    """Until a connection to `url` with no password is let in (`trusted`) or refused."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            psycopg.connect(url).close()
            let_in = True
        except psycopg.OperationalError:
            let_in = False
        if let_in == trusted:
            return
        time.sleep(0.01)  # a poll of the server's state, not a wait for time to pass
    raise AssertionError(f"the server did not reload its pg_hba.conf within {within_s} s")


@contextmanager
def shut_out(database: PostgresDatabase, role: str) -> Iterator[None]:
    """The server drops `role`'s connections and refuses new ones for the block (as a
    server gone away would, at once)."""
    with psycopg.connect(database.url, autocommit=True) as admin:
        admin.execute(f"ALTER ROLE {role} NOLOGIN".encode())
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", [role]
        )
        try:
            yield
        finally:
            admin.execute(f"ALTER ROLE {role} LOGIN".encode())
