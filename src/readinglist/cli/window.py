"""`readinglist [QT OPTIONS] [FILE...]`: the window, when no command is named."""

import argparse
from pathlib import Path

from readinglist import __version__
from readinglist.cli.opening import add_library_option
from readinglist.cli.output import UsageError
from readinglist.cli.registry import command_names


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readinglist",
        description="Open the readinglist window (and import FILEs into it). A library has "
        "one window: when it is already open, its window takes the FILEs and comes to the "
        "front, and this start exits. "
        f"Commands for scripts: {', '.join(command_names())} (readinglist COMMAND --help).",
        epilog="Qt's own options (-style NAME, -platform NAME, -platformtheme NAME, "
        "-stylesheet FILE, -reverse, -qwindowgeometry WxH+X+Y, -display HOST:N, ...) "
        "are passed to Qt.",
    )
    parser.add_argument("--version", action="version", version=f"readinglist {__version__}")
    add_library_option(parser, default=None)
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="render the window at 1280x800 to a PNG and exit",
    )
    parser.add_argument("--select", metavar="ARXIV_ID", help="the paper to select first")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this build works (offscreen, on a temporary library) and exit",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="digest files or folders to import"
    )
    return parser


# Qt's own options (QGuiApplication's and QApplication's), passed on to QApplication:
# `-style Fusion`, `-style=Fusion` or `--style Fusion`.
_QT_VALUE_OPTIONS = frozenset(
    {
        "display",
        "fontengine",
        "geometry",
        "name",
        "platform",
        "platformpluginpath",
        "platformtheme",
        "plugin",
        "qwindowgeometry",
        "qwindowicon",
        "qwindowtitle",
        "session",
        "style",
        "stylesheet",
        "title",
    }
)
_QT_FLAGS = frozenset({"dograb", "nograb", "reverse", "sync", "widgetcount"})
_QT_ONLY_WITH_EQUALS = frozenset({"dialogs", "qmljsdebugger"})


def _split_qt_options(arguments: list[str]) -> tuple[list[str], list[str]]:
    """Qt's options for the window (in order), and the rest of the arguments."""
    qt: list[str] = []
    rest: list[str] = []
    position = 0
    while position < len(arguments):
        token = arguments[position]
        name, _, value = token.lstrip("-").partition("=")
        takes = 2 if name in _QT_VALUE_OPTIONS and not value else 1
        is_qt = token.startswith("-") and token != "--" and _is_qt_option(name, value)
        if is_qt and position + takes <= len(arguments):
            qt += arguments[position : position + takes]
            position += takes
        else:
            rest.append(token)
            position += 1
    return qt, rest


def _is_qt_option(name: str, value: str) -> bool:
    if value:
        return name in _QT_VALUE_OPTIONS or name in _QT_ONLY_WITH_EQUALS
    return name in _QT_VALUE_OPTIONS or name in _QT_FLAGS


def run_window(arguments: list[str]) -> int:
    """The window, with Qt's options passed to Qt and FILEs imported."""
    from readinglist.core.arxiv import normalize_arxiv_id

    qt_arguments, rest = _split_qt_options(arguments)
    args = _build_parser().parse_args(rest)
    _refuse_unknown_words(args.files)
    select = args.select
    if select is not None and normalize_arxiv_id(select) is None:
        raise UsageError(f"'{select}' is not an arXiv id (like 2312.08723) or link")
    from readinglist.ui.startup.app import AppOptions, run_app

    options = AppOptions(
        library=args.library,
        files=list(args.files),
        screenshot=args.screenshot,
        select=normalize_arxiv_id(select) if select else None,
        self_test=args.self_test,
        qt_arguments=qt_arguments,
    )
    return run_app(options)


def _refuse_unknown_words(files: list[Path]) -> None:
    """The window imports FILEs; a word that names no file is a mistyped command."""
    for path in files:
        if not path.exists():
            import difflib

            word = str(path)
            close = difflib.get_close_matches(word, command_names(), n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise UsageError(
                f"'{word}' is neither a command nor an existing file (commands: "
                f"{', '.join(command_names())}; readinglist COMMAND --help){hint}"
            )
