"""What the command line takes before any library is opened: a mistyped command is a usage
error, not files for the window; a URL for a library is refused, creating nothing; Qt's own
options reach QApplication."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from readinglist.cli import main
from readinglist.cli.registry import command_names
from readinglist.library.shared.address import SharedAddress
from readinglist.ui.startup import app
from readinglist.ui.startup.app import AppOptions
from tests.helpers.processes import app_environment, at_first_paint


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder, the current one: where a URL taken for a path would make folders."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[AppOptions]:
    """The window's options, each time the command line would start it."""
    calls: list[AppOptions] = []

    def run_app(options: AppOptions) -> int:
        calls.append(options)
        return 0

    monkeypatch.setattr(app, "run_app", run_app)
    return calls


@pytest.mark.parametrize(
    ("words", "suggestion"),
    [(["lsit"], "did you mean 'list'?"), (["sync-team", "lab"], ""), (["chekc"], "'check'")],
)
@pytest.mark.usefixtures("folder")
def test_an_unknown_command_is_a_usage_error_not_files_for_the_window(
    started: list[AppOptions],
    capsys: pytest.CaptureFixture[str],
    words: list[str],
    suggestion: str,
) -> None:
    assert main(words) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"readinglist: '{words[0]}' is neither a command nor an existing file")
    assert ", ".join(command_names()) in err and suggestion in err and err.count("\n") == 1
    assert started == []


def test_existing_files_open_the_window_to_import_them(
    started: list[AppOptions], tmp_path: Path
) -> None:
    digest = tmp_path / "2024-03-01.md"
    digest.write_text("## Daily Papers (2024-03-01)\n", encoding="utf-8")
    assert main([str(digest), str(tmp_path)]) == 0
    assert started[0].files == [digest, tmp_path]


URL = "postgresql://reader@db.example.org/papers"


UNREACHABLE = "postgresql://reader@/papers?host=/nonexistent-socket-dir"


def test_a_library_url_opens_the_window_on_a_shared_library(
    started: list[AppOptions], folder: Path
) -> None:
    assert main(["--library", URL]) == 0
    assert started[0].library == SharedAddress.parse(URL)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "case",
    [
        (["--library", "https://db.example.org/papers"], 2, "is not a PostgreSQL address"),
        (["check", "--library", URL], 1, f"{URL} is a shared library: `check` works on"),
        (["--library", UNREACHABLE, "list"], 1, f"readinglist: {UNREACHABLE}: "),
    ],
)
def test_a_library_url_opens_a_shared_library_and_creates_nothing(
    started: list[AppOptions],
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    case: tuple[list[str], int, str],
) -> None:
    args, code, said = case
    try:
        returned = main(args)
    except SystemExit as exit_info:
        returned = int(exit_info.code or 0)
    assert returned == code
    assert said in capsys.readouterr().err
    assert list(folder.iterdir()) == [] and started == []


def test_a_library_url_in_the_environment_names_a_shared_library_too(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINGLIST_LIBRARY", UNREACHABLE)
    assert main(["list"]) == 1
    assert f"readinglist: {UNREACHABLE}: " in capsys.readouterr().err
    monkeypatch.setenv("READINGLIST_LIBRARY", URL)
    assert main(["check"]) == 1
    assert f"{URL} is a shared library" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_qt_options_go_to_the_window(started: list[AppOptions], tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    arguments = ["-style", "Fusion", "-reverse", "--library", str(library), "-qwindowtitle=Mine"]
    assert main([*arguments, "--platformtheme", "gtk3"]) == 0
    assert started[0].qt_arguments == [
        "-style",
        "Fusion",
        "-reverse",
        "-qwindowtitle=Mine",
        "--platformtheme",
        "gtk3",
    ]
    assert started[0].library == library and started[0].files == []


def test_an_option_of_a_command_is_never_taken_for_qts(
    started: list[AppOptions], library_path: Path
) -> None:
    """`list --reverse` is the list's option, not Qt's -reverse."""
    assert main(["--library", str(library_path), "list", "--reverse"]) == 0
    assert started == []


def test_qapplication_is_given_qts_options() -> None:
    probe = (
        "from readinglist.ui.startup.app import _application\n"
        "app = _application(['-style', 'Fusion', '-reverse'])\n"
        "print(app.style().name(), app.isRightToLeft())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["fusion", "True"]


def test_qts_options_on_the_command_line_reach_the_window(tmp_path: Path) -> None:
    """`readinglist -style Fusion -reverse -platform offscreen`, the whole way: QT_QPA_PLATFORM
    unset, so only `-platform` keeps Qt off a display this machine may not have."""
    env = app_environment(tmp_path)
    del env["QT_QPA_PLATFORM"]
    report = (
        "(QApplication.instance().style().name(), QApplication.instance().isRightToLeft(), "
        "QApplication.platformName())"
    )
    arguments = ["-style", "Fusion", "-reverse", "-platform", "offscreen"]

    seen = at_first_paint(report, [*arguments, "--library", str(tmp_path / "lib.sqlite")], env)

    assert seen == "('fusion', True, 'offscreen')"
