"""`readinglist --self-test`: does this build hold everything the app needs?

PyInstaller decides what goes into a bundle by following imports and links, and build.spec
then leaves out what the app does not use, so a bundle can lack a file that only matters at
run time. CI therefore runs this from the bundle in a bare environment (no Python, venv or
PYTHONPATH): each check proves one such thing is there and works (the shipped files, Qt's
platform and image plugins, QtMultimedia's FFmpeg backend, the Korean font, SQLite with FTS5),
and then the window does what a new user does: it imports the sample digest into a temporary
library and shows its papers. One line per check; exit 0, or 1 with what failed. What the app
can do without (QtMultimedia, when a system library it needs is missing: only videos do not
play) is a warning line, not a failure.

The window opens offscreen unless QT_QPA_PLATFORM names another platform (xcb under Xvfb,
say). Nothing is written outside a temporary folder.
"""

import base64
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cmp_to_key
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from readinglist import __version__
from readinglist.core.digest import Digest
from readinglist.core.parser import parse_digest
from readinglist.resources import KOREAN_FONT_LICENCE, app_icon_files, korean_font, resource
from readinglist.resources import sample_digest as sample_digest_path
from readinglist.ui import qt
from readinglist.ui.media.texts import multimedia_missing_text
from readinglist.ui.qt import (
    QApplication,
    QBuffer,
    QByteArray,
    QCollator,
    QCoreApplication,
    QEventLoop,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageReader,
    QImageWriter,
    QIODevice,
    QLibrary,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QRawFont,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    QWidget,
    multimedia_problem,
    qInstallMessageHandler,
    qVersion,
)
from readinglist.ui.startup.fonts import load_font
from readinglist.ui.startup.identity import set_identity

if TYPE_CHECKING:
    from readinglist.library.database import Library
    from readinglist.library.importer import ImportReport
    from readinglist.ui.window.main_window import MainWindow

IMPORT_TIMEOUT_MS = 30_000
SETTLE_MS = 200
SEARCH_WORD = "트랜스포머"  # "transformer": in two of the sample's papers
IMAGE_FORMATS = (b"png", b"jpeg", b"webp")  # written and read back; GIF is read-only in Qt
# A 1x1 GIF: teasers are often animated GIFs.
TINY_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
# Qt messages that say nothing about the build: optional system libraries QtMultimedia
# looks for (PipeWire, VA-API), and a remark the offscreen platform makes for every window.
HARMLESS_MESSAGES = re.compile(r"^qt\.multimedia\.symbolsresolver:|propagateSizeHints")


class CheckFailed(Exception):
    """A check's reason for failing, for people."""


class CheckWarning(Exception):
    """Something optional is missing: the app works without it, and people should know."""


@dataclass
class Run:
    """What the checks share: the app, a temporary folder, and what earlier checks made."""

    app: QApplication
    folder: Path
    digest: Digest | None = None
    library: "Library | None" = None
    window: "MainWindow | None" = None
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the names of the checks that warned


Check = Callable[[Run], str]


def run_self_test(make_app: Callable[[], QApplication], out: TextIO = sys.stdout) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    app = make_app()
    print(_banner(), file=out)
    with tempfile.TemporaryDirectory(prefix="readinglist-self-test-") as folder:
        run = Run(app, Path(folder))
        with _qt_messages(run.messages):
            failed = _run_checks(run, out)
            _close(run)
        failed += _run_checks(run, out, [("qt messages", _check_messages)])
    seconds = time.perf_counter() - started
    if failed:
        print(f"readinglist self-test FAILED: {', '.join(failed)}", file=out)
        return 1
    print(f"readinglist self-test passed in {seconds:.1f} s{_warned(run.warnings)}", file=out)
    return 0


def _warned(warnings: list[str]) -> str:
    """', with 1 warning (multimedia)', or nothing."""
    if not warnings:
        return ""
    count = f"{len(warnings)} warning" + ("s" if len(warnings) > 1 else "")
    return f", with {count} ({', '.join(warnings)})"


def _banner() -> str:
    from readinglist.library.health import sqlite_version

    where = "bundle" if getattr(sys, "frozen", False) else "source"
    return (
        f"readinglist {__version__} self-test ({where}; Python {sys.version.split()[0]}, "
        f"Qt {qVersion()}, SQLite {sqlite_version()}, "
        f"platform {QGuiApplication.platformName()})"
    )


def _run_checks(
    run: Run, out: TextIO, checks: "list[tuple[str, Check]] | None" = None
) -> list[str]:
    """Run each check, printing a line for each; the names of those that failed."""
    failed: list[str] = []
    for name, check in checks if checks is not None else CHECKS:
        try:
            detail = check(run)
        except CheckWarning as warning:
            print(f"  warn  {name:<12} {warning}", file=out)
            run.warnings.append(name)
        except Exception as error:  # a check's failure is a result to report, whatever it is
            reason = str(error) if isinstance(error, CheckFailed) else _describe(error)
            print(f"  FAIL  {name:<12} {reason}", file=out)
            failed.append(name)
        else:
            print(f"  ok    {name:<12} {detail}", file=out)
    return failed


@contextmanager
def _qt_messages(messages: list[str]) -> Iterator[None]:
    """Collect Qt's warnings (and worse) while the checks run."""

    def handle(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            messages.append(f"{context.category}: {text}" if context.category else text)

    previous = qInstallMessageHandler(handle)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


# --- the checks ------------------------------------------------------------------------------


def _check_resources(run: Run) -> str:
    run.digest = parse_digest(sample_digest_path().read_bytes(), "the sample digest")
    icons = app_icon_files()
    resource(KOREAN_FONT_LICENCE)
    return (
        f"sample digest ({len(run.digest.entries)} papers), {len(icons)} icon sizes, "
        f"{korean_font().name} and its licence"
    )


def _check_platform(run: Run) -> str:
    platform = QGuiApplication.platformName()
    if not platform:
        raise CheckFailed("Qt started without a platform plugin")
    folders = [Path(folder) / "platforms" for folder in QCoreApplication.libraryPaths()]
    plugins = {
        file.name: file for folder in folders if folder.is_dir() for file in folder.iterdir()
    }
    if sys.platform.startswith("linux"):
        _load_x11_plugin(plugins)
    return f"running on {platform}; platform plugins: {', '.join(sorted(plugins))}"


def _load_x11_plugin(plugins: dict[str, Path]) -> None:
    """What people double-click on Linux runs on X11 (or XWayland): its plugin must load,
    with the libraries it links, even when this test runs offscreen."""
    xcb = next((path for name, path in plugins.items() if "qxcb" in name), None)
    if xcb is None:
        raise CheckFailed(f"no X11 (xcb) platform plugin among {sorted(plugins)}")
    library = QLibrary(str(xcb))
    if not library.load():
        raise CheckFailed(f"the X11 platform plugin does not load: {library.errorString()}")


def _check_images(run: Run) -> str:
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkBlue)
    for name in IMAGE_FORMATS:
        data = QByteArray()
        writer = QBuffer(data)
        writer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not QImageWriter(writer, QByteArray(name)).write(image):
            raise CheckFailed(f"cannot write a {name.decode().upper()} image")
        if _read_image(data, name).size() != image.size():
            raise CheckFailed(f"cannot read a {name.decode().upper()} image")
    if _read_image(QByteArray(TINY_GIF), b"gif").isNull():
        raise CheckFailed("cannot read a GIF image")
    readable = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    written = ", ".join(f.decode().upper() for f in IMAGE_FORMATS)
    return f"GIF, {written} work; readable: {' '.join(readable)}"


def _check_multimedia(run: Run) -> str:
    """Where QtMultimedia loads, its FFmpeg backend must be there (a bundle that lost it is
    broken); where it cannot load for want of a system library, only videos do not play."""
    problem = multimedia_problem()
    if problem is not None:
        raise CheckWarning(multimedia_missing_text(problem))
    player = qt.QMediaPlayer()
    available = player.isAvailable()
    player.deleteLater()
    formats = qt.QMediaFormat
    decodable = formats().supportedFileFormats(formats.ConversionMode.Decode)
    if not available or formats.FileFormat.MPEG4 not in decodable:
        raise CheckFailed("QtMultimedia has no backend (the FFmpeg plugin did not load)")
    names = sorted(formats.fileFormatName(f) for f in decodable)
    return f"FFmpeg backend decodes {', '.join(names)}"


def _check_collation(run: Run) -> str:
    """Qt sorts text with ICU, whose data build.spec trims: Korean order, numbers in names."""
    korean = QCollator(QLocale("ko_KR"))
    words = ["하나", "Apple", "가방", "나무"]
    ordered = sorted(words, key=cmp_to_key(korean.compare))
    if ordered != ["가방", "나무", "하나", "Apple"]:
        raise CheckFailed(f"Korean collation sorts {ordered}")
    numeric = QCollator(QLocale("en_US"))
    numeric.setNumericMode(True)
    if numeric.compare("digest 2", "digest 10") >= 0:
        raise CheckFailed("numeric collation puts 'digest 10' before 'digest 2'")
    return "ICU sorts Korean (Hangul first) and numbers in names"


def _check_translations(run: Run) -> str:
    """Each UI language's .qm and Qt's own strings for it (the bundle keeps only those)."""
    from readinglist.resources import translations_dir

    folder = translations_dir()
    languages = sorted(qm.stem.removeprefix("readinglist_") for qm in folder.glob("*.qm"))
    if not languages:
        raise CheckFailed(f"no translations in {folder}")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in languages:
        for name, where in (("readinglist", str(folder)), ("qtbase", qt_folder)):
            if not QTranslator().load(f"{name}_{language}", where):
                raise CheckFailed(f"cannot load {name}_{language}.qm from {where}")
    return f"{', '.join(languages)}: the app's and Qt's own strings load"


def _check_korean(run: Run) -> str:
    hangul = _hangul(run)
    bundled = load_font(korean_font())
    missing = _uncovered(QRawFont(str(korean_font()), 12), hangul)
    if missing:
        raise CheckFailed(f"the bundled font {bundled} lacks {missing}")
    set_identity(run.app)
    if run.app.windowIcon().isNull():
        raise CheckFailed("the window icon did not load")
    used = QRawFont.fromFont(run.app.font(), QFontDatabase.WritingSystem.Korean)
    missing = _uncovered(used, hangul)
    if missing:
        raise CheckFailed(f"the window's font has no glyph for {missing}: Hangul shows as boxes")
    return (
        f"bundled {bundled} covers the sample's {len(hangul)} Hangul syllables; "
        f"the window draws them with {used.familyName()}"
    )


def _check_import(run: Run) -> str:
    from readinglist.library.database import open_library
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.window.main_window import MainWindow

    digest = _digest(run)
    run.library = open_library(run.folder / "library.sqlite")
    settings = QSettings(str(run.folder / "settings.ini"), QSettings.Format.IniFormat)
    run.window = window = MainWindow(settings)
    window.resize(1280, 800)
    window.show()
    window.attach(LibraryService(run.library, window))
    assert window.imports is not None
    report: ImportReport | None = _wait_for_import(window, sample_digest_path())
    if report is None:
        raise CheckFailed(f"importing the sample digest took over {IMPORT_TIMEOUT_MS} ms")
    if report.papers_new != len(digest.entries):
        raise CheckFailed(
            f"the sample digest gave {report.papers_new} papers, not {len(digest.entries)}"
        )
    _wait_for_reads(window)
    rows = window.list_pane.model.rowCount()
    if rows != len(digest.entries):
        raise CheckFailed(f"the list shows {rows} papers, not {len(digest.entries)}")
    return f"the window imported the sample digest: {rows} papers in the list"


def _check_panes(run: Run) -> str:
    window = _window(run)
    first = _digest(run).entries[0].arxiv_id
    if not window.select_paper(first):
        raise CheckFailed(f"cannot select {first} in the list")
    _wait_for_reads(window)
    _settle(run.app)
    if window.detail.paper_id() is None:
        raise CheckFailed(f"the detail pane does not show {first}")
    panes = {"list": window.list_pane, "detail": window.detail, "media": window.media}
    blank = [name for name, pane in panes.items() if not _has_ink(pane)]
    if blank:
        raise CheckFailed(f"blank when rendered: {', '.join(blank)} pane")
    return f"{first} selected; list, detail and media panes rendered"


def _check_search(run: Run) -> str:
    """The library's full-text index (FTS5, built at import) finds a Korean word however its
    particles end it, through the query language the search box uses."""
    from readinglist.core.query import parse_query
    from readinglist.library.papers import find_paper_ids, load_papers

    library = run.library
    if library is None:
        raise CheckFailed("needs the imported library")
    entries = _digest(run).entries
    word = re.compile(rf"(?<!\w){SEARCH_WORD}")
    expected = {e.arxiv_id for e in entries if any(word.search(s) for s in e.summary)}
    with library.reading() as connection:
        ids = find_paper_ids(connection, parse_query(SEARCH_WORD))
        found = {paper.arxiv_id for paper in load_papers(connection, ids)}
    if not expected or found != expected:
        raise CheckFailed(f"search found {sorted(found)} for {SEARCH_WORD}, not {sorted(expected)}")
    return f"the library's search finds {SEARCH_WORD!r} in {len(found)} papers"


def _check_messages(run: Run) -> str:
    unexpected = [m for m in run.messages if not HARMLESS_MESSAGES.search(m)]
    if unexpected:
        raise CheckFailed("Qt warned: " + " | ".join(unexpected[:5]))
    return f"no Qt warnings ({len(run.messages)} harmless ones about optional libraries)"


CHECKS: list[tuple[str, Check]] = [
    ("resources", _check_resources),
    ("platform", _check_platform),
    ("images", _check_images),
    ("multimedia", _check_multimedia),
    ("collation", _check_collation),
    ("korean", _check_korean),
    ("translations", _check_translations),
    ("import", _check_import),
    ("panes", _check_panes),
    ("search", _check_search),
]


# --- helpers ---------------------------------------------------------------------------------


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


def _digest(run: Run) -> Digest:
    if run.digest is None:
        raise CheckFailed("needs the sample digest")
    return run.digest


def _window(run: Run) -> "MainWindow":
    if run.window is None:
        raise CheckFailed("needs the window")
    return run.window


def _hangul(run: Run) -> str:
    text = sample_digest_path().read_text(encoding="utf-8")
    return "".join(sorted({c for c in text if "\uac00" <= c <= "\ud7a3"}))


def _uncovered(font: QRawFont, text: str) -> str:
    missing = [c for c in text if not font.supportsCharacter(ord(c))]
    return "".join(missing[:10]) + ("…" if len(missing) > 10 else "")


def _wait_for_import(window: "MainWindow", path: Path) -> "ImportReport | None":
    assert window.imports is not None
    loop = QEventLoop()
    reports: list[ImportReport] = []

    def finished(report: "ImportReport") -> None:
        reports.append(report)
        loop.quit()

    window.imports.finished.connect(finished)
    QTimer.singleShot(IMPORT_TIMEOUT_MS, loop.quit)
    window.import_paths([path])
    if not reports:
        loop.exec()
    return reports[0] if reports else None


def _wait_for_reads(window: "MainWindow") -> None:
    """Until the window's reader threads have answered (the list's ids, the counts)."""
    if window.queries is None or window.is_settled():
        return
    loop = QEventLoop()
    window.queries.settled.connect(loop.quit)
    QTimer.singleShot(IMPORT_TIMEOUT_MS, loop.quit)
    loop.exec()
    window.queries.settled.disconnect(loop.quit)


def _read_image(data: QByteArray, name: bytes) -> QImage:
    buffer = QBuffer(data)  # `data` outlives it: QBuffer does not own it
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return QImageReader(buffer, QByteArray(name)).read()


def _settle(app: QApplication) -> None:
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()


def _has_ink(widget: QWidget) -> bool:
    """Whether the widget renders to more than a flat background."""
    image = widget.grab().toImage().scaled(64, 64)
    if image.isNull():
        return False
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    return len(colours) > 2


def _close(run: Run) -> None:
    if run.window is not None:
        run.window.close()
        run.window.deleteLater()
        run.window = None
    if run.library is not None:
        run.library.close()
