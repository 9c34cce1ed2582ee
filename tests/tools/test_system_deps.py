"""tools/system-deps, which `make run` and `make test` call before anything else: it installs
the missing Debian packages where it can do so without a password, and otherwise stops with the
one command to run. Run against stand-ins for dpkg-query, apt-get, id and sudo on PATH."""

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT

SCRIPT = ROOT / "tools" / "system-deps"
INSTALLED = ("libgl1", "libegl1", "xvfb")


def _stand_in(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path: Path) -> Path:
    """A Debian machine on which only INSTALLED are installed; apt-get logs what it is asked."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    log = tmp_path / "apt.log"
    installed = " ".join(INSTALLED)
    _stand_in(
        bin_folder,
        "dpkg-query",
        "for last; do :; done\n"  # the package is the last argument
        f"for p in {installed}; do\n"
        '  [ "$last" = "$p" ] && echo "install ok installed" && exit 0\n'
        "done\nexit 1",
    )
    _stand_in(bin_folder, "apt-get", f'echo "$@" >> {log}')
    _stand_in(bin_folder, "uname", "echo Linux")
    return bin_folder


def _run(
    machine: Path, profile: str, *, uid: int, sudo: bool | None
) -> "subprocess.CompletedProcess[str]":
    _stand_in(machine, "id", f"echo {uid}")
    if sudo is None:
        (machine / "sudo").unlink(missing_ok=True)
    else:
        _stand_in(
            machine,
            "sudo",
            'if [ "$1" = -n ]; then shift; fi\n' + ('exec "$@"' if sudo else "exit 1"),
        )
    env = {k: v for k, v in os.environ.items() if k != "READINGLIST_SYSTEM_DEPS"}
    env["PATH"] = f"{machine}:/usr/bin:/bin"
    return subprocess.run(
        ["sh", str(SCRIPT), profile], capture_output=True, text=True, env=env, check=False
    )


def _apt_calls(machine: Path) -> list[str]:
    log = machine.parent / "apt.log"
    return log.read_text().splitlines() if log.exists() else []


def test_root_installs_what_is_missing(machine: Path) -> None:
    done = _run(machine, "run", uid=0, sudo=None)
    assert done.returncode == 0, done.stderr
    (call,) = _apt_calls(machine)
    asked = call.split()
    assert "install" in asked
    assert {"libpulse0", "libxcb-cursor0", "libxkbcommon0"} <= set(asked)
    assert not set(INSTALLED) & set(asked)
    assert "xvfb" not in asked  # a test tool, not the app's


def test_the_test_profile_adds_the_test_tools(machine: Path) -> None:
    assert _run(machine, "test", uid=0, sudo=None).returncode == 0
    (call,) = _apt_calls(machine)
    assert {"xauth", "desktop-file-utils", "libpulse0"} <= set(call.split())


def test_sudo_without_a_password_is_used(machine: Path) -> None:
    done = _run(machine, "run", uid=1000, sudo=True)
    assert done.returncode == 0, done.stderr
    assert len(_apt_calls(machine)) == 1


def test_without_root_or_sudo_it_stops_naming_the_command(machine: Path) -> None:
    for sudo in (None, False):
        done = _run(machine, "run", uid=1000, sudo=sudo)
        assert done.returncode == 1
        assert not _apt_calls(machine)
        commands = [line.strip() for line in done.stderr.splitlines() if "apt-get" in line]
        assert len(commands) == 1
        assert commands[0].startswith("sudo apt-get install -y ")
        assert "libpulse0" in commands[0]


def test_nothing_missing_installs_nothing(machine: Path) -> None:
    everything = "install ok installed"
    _stand_in(machine, "dpkg-query", f'echo "{everything}"')
    done = _run(machine, "test", uid=1000, sudo=None)
    assert done.returncode == 0
    assert done.stdout == done.stderr == ""
    assert not _apt_calls(machine)


def test_it_can_be_skipped(machine: Path) -> None:
    _stand_in(machine, "id", "echo 1000")
    env = {"PATH": f"{machine}:/usr/bin:/bin", "READINGLIST_SYSTEM_DEPS": "skip"}
    done = subprocess.run(["sh", str(SCRIPT), "run"], env=env, capture_output=True, check=False)
    assert done.returncode == 0
    assert not _apt_calls(machine)


def test_the_makefile_checks_before_it_makes_the_venv() -> None:
    """`make -n` on a clone without .venv: the check comes before the venv is created."""
    root = ROOT
    plan = subprocess.run(
        ["make", "-n", "-C", str(root), "test", "VENV=/nonexistent/venv"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    check = next(i for i, line in enumerate(plan) if "tools/system-deps test" in line)
    venv = next(i for i, line in enumerate(plan) if "-m venv" in line)
    assert check < venv
