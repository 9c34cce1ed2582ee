"""Starting the desktop app: the window first, then the library, then any files to import.

A start on a library that already has a window hands its files to that window and exits
(`single_instance`); `--screenshot` and `--self-test` are one-shot and never take part.
"""

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist import __version__
from readinglist.ui.qt import (
    QApplication,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QWidget,
)

if TYPE_CHECKING:
    from readinglist.library.database import Library
    from readinglist.library.location import LibraryPlace
    from readinglist.ui.startup.single_instance import Instance
    from readinglist.ui.window.main_window import MainWindow

EXIT_FAILED = 1
SCREENSHOT_SIZE = (1280, 800)
SETTLE_MS = 300
LOAD_LIMIT_S = 30
FIRST_PAINT_LIMIT_MS = 1_000
MEDIA_WAIT_MS = 15_000  # the selected paper's teaser: loaded or failed by then, or not shown


@dataclass(frozen=True)
class AppOptions:
    library: "LibraryPlace | None" = None
    files: list[Path] = field(default_factory=list)
    screenshot: Path | None = None
    select: str | None = None
    self_test: bool = False
    qt_arguments: list[str] = field(default_factory=list)  # -style Fusion, -reverse, ...


def run_app(options: AppOptions) -> int:
    """The window until it is closed: its exit code, or EXIT_FAILED when the library could
    not be opened (after the dialog that says why)."""
    if options.self_test:
        from readinglist.ui.startup.self_test import run_self_test

        return run_self_test(lambda: _application(options.qt_arguments))
    app = _application(options.qt_arguments, dressed=False)
    if options.screenshot is not None:  # one-shot: never the library's window
        _dress(app)
        return _screenshot(app, _new_window(), options)
    instance = _join_library(options)
    if instance is None:
        return 0  # the window already open on this library took the files
    _dress(app)  # only a start that shows a window loads its language, theme and fonts
    try:
        return _run_window(app, _new_window(), options, instance)
    finally:
        instance.release()


def _new_window() -> "MainWindow":
    from readinglist.ui.settings import open_settings
    from readinglist.ui.window.main_window import MainWindow

    return MainWindow(open_settings())


def _join_library(options: AppOptions) -> "Instance | None":
    """This start as the library's one window, or None when a window already open on it
    took the files (see `single_instance`)."""
    from readinglist.library.errors import LibraryError
    from readinglist.library.location import default_library_place
    from readinglist.ui.startup.single_instance import Instance, join

    try:
        library = options.library or default_library_place()
    except LibraryError:  # READINGLIST_LIBRARY is not a library: opening it says so
        return Instance.alone()
    return join(library, options.files)


def _run_window(
    app: QApplication, window: "MainWindow", options: AppOptions, instance: "Instance"
) -> int:
    window.show()
    opened = True

    def attach() -> None:
        nonlocal opened
        opened = _attach(window, options)
        if opened:  # QtNetwork loads with TLS, after the first reads
            _after_first_reads(window, lambda: instance.serve(window, window.import_paths))

    _after_first_paint(window, attach)
    code = app.exec()
    instance.release()  # a later start finds no window here, rather than a closing one
    window.close()  # however the loop ended: saves the note and layout, stops the readers
    if window.service is not None:
        window.service.library.close()
    if window.next_library is not None and not open_next(window.next_library, options):
        return EXIT_FAILED
    return code if opened else EXIT_FAILED


def open_next(library: "LibraryPlace", options: AppOptions) -> bool:
    """File → Open Library…: a new start on `library`; when none could be started, the user
    is told (the window has closed: otherwise readinglist would just vanish)."""
    if start_on_library(library, options.qt_arguments):
        return True
    from readinglist.ui.i18n import tr
    from readinglist.ui.qt import QMessageBox

    text = tr("readinglist could not be started again to open {library}.")
    QMessageBox.critical(None, "readinglist", text.format(library=library))
    return False


class _FirstPaint(QObject):
    """Runs `then` once the window has painted: opening the library imports SQLAlchemy
    (0.4 s), and the user should see the window, not wait for it."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], object] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_LIMIT_MS, self._run)  # a window that never paints

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._run)  # after this paint reaches the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None and self._window.isVisible():  # not once the window has closed
            self._window.removeEventFilter(self)
            then()


def _after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    _FirstPaint(window, then)


def _application(qt_arguments: Sequence[str] = (), *, dressed: bool = True) -> QApplication:
    """The QApplication, given Qt's own options from the command line (`-style Fusion`);
    `dressed`: with the UI's language, theme and identity (`_dress`)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("readinglist")
    QCoreApplication.setApplicationName("readinglist")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication([*sys.argv[:1], *qt_arguments])
    if dressed:
        _dress(app)
    return app


def _dress(app: QApplication) -> None:
    """The translators, the colour scheme, the icon and Korean font, before any widget."""
    install_language(app)  # before any widget takes its texts
    install_theme(app)  # before the window shows
    from readinglist.ui.startup.first_paint import exit_after_first_paint_if_asked
    from readinglist.ui.startup.identity import set_identity

    set_identity(app)  # icon, desktop entry, Korean font
    exit_after_first_paint_if_asked(app)


def install_language(app: QCoreApplication, system: QLocale | None = None) -> list[str]:
    """The translators for the `ui/language` setting's language, or the system's when it is
    empty (`system`: QLocale.system() by default); the files loaded."""
    from readinglist.ui.i18n import install_translators, ui_locale
    from readinglist.ui.settings import LANGUAGE, open_settings

    return install_translators(app, ui_locale(LANGUAGE.read(open_settings()), system))


def install_theme(app: QApplication) -> None:
    """The `ui/theme` setting's colour scheme ("system": the OS's; see `preferences.theme`)."""
    from readinglist.ui.preferences.theme import apply_theme
    from readinglist.ui.settings import THEME, open_settings

    apply_theme(app, THEME.read(open_settings()))


def start_on_library(library: "LibraryPlace", qt_arguments: Sequence[str] = ()) -> bool:
    """Start readinglist again, detached, on `library` (File → Open Library…, once this
    window has closed and released its own library); False when it could not be started.
    A shared library's password goes in the environment the new start inherits (PGPASSWORD:
    this process ends next), never on its command line, where any process list shows it."""
    from readinglist.library.shared.address import PASSWORD_ENV
    from readinglist.ui.qt import QProcess

    if getattr(sys, "frozen", False):  # the packaged app: its executable is the command
        program, arguments = sys.executable, []
    else:
        program, arguments = sys.executable, ["-m", "readinglist"]
    arguments += [*qt_arguments, "--library", _argument(library)]
    password = None if isinstance(library, Path) else library.password
    if password is not None:
        os.environ[PASSWORD_ENV] = password  # libpq reads it
    started, _ = QProcess.startDetached(program, arguments)
    return bool(started)


def _argument(library: "LibraryPlace") -> str:
    return str(library) if isinstance(library, Path) else library.without_password().url


def _attach(window: "MainWindow", options: AppOptions) -> bool:
    """The library into the window, today's backup once it has settled, then the files."""
    if not attach_library(window, options.library):
        return False
    _after_first_reads(window, window.back_up_daily)  # a copy of the whole library: 1 GB
    if window.watching is not None:  # what arrived in the watched folders while closed
        _after_first_reads(window, window.watching.start)
    window.import_paths(options.files)
    return True


def attach_library(window: "MainWindow", place: "LibraryPlace | None") -> bool:
    """Open the library into the window, as the app does once the window has painted;
    False (after telling the user) if it cannot be opened.

    What the first rows do not need waits for them. While SQLite reads the list's ids (0.1 s
    at 200k papers, the GIL released) the Markdown parser the first summary needs loads;
    once the list and the sidebar have their data, TLS does (see `prepare_tls`).
    """
    from readinglist.core.render import prepare
    from readinglist.library.database import LibraryError
    from readinglist.ui.data.service import LibraryService
    from readinglist.ui.imports.sharing import freeze_what_is_alive
    from readinglist.ui.media.fetch import prepare_tls
    from readinglist.ui.qt import QMessageBox

    try:
        library = _open_asking_for_password(window, place)
    except LibraryError as error:
        QMessageBox.critical(window, "readinglist", str(error))
        window.close()
        return False
    if library is None:  # the user cancelled the password
        window.close()
        return False
    window.attach(LibraryService(library, window))
    QTimer.singleShot(0, prepare)
    _after_first_reads(window, prepare_tls)
    _after_first_reads(window, freeze_what_is_alive)  # the collector's pauses, see there
    return True


def _open_asking_for_password(
    window: "MainWindow", place: "LibraryPlace | None"
) -> "Library | None":
    """The library at `place`, as `_open`; a shared library whose server refuses the
    password given (or none) asks for one, again while it is refused; None if the user
    cancels."""
    from readinglist.library.location import default_library_place
    from readinglist.library.shared.address import SharedAddress
    from readinglist.library.shared.setup import PasswordRefused
    from readinglist.ui.preferences.connect import ask_for_password

    place = place or default_library_place()
    while True:
        try:
            return _open(place)
        except PasswordRefused as refused:
            assert isinstance(place, SharedAddress)  # only a server asks for one
            chosen = ask_for_password(window, place, str(refused))
            if chosen is None:
                return None
            place = chosen


def _open(place: "LibraryPlace | None") -> "Library":
    """The library at `place` (the default's when None); a file's daily copy is made later,
    off the GUI thread."""
    from readinglist.library.database import open_library
    from readinglist.library.location import default_library_place
    from readinglist.library.shared.opening import open_shared
    from readinglist.ui.live.updates import WINDOW_CLIENT

    place = place or default_library_place()
    if isinstance(place, Path):
        return open_library(place, daily_backup=False)
    return open_shared(place, client=WINDOW_CLIENT)


def _after_first_reads(window: "MainWindow", then: Callable[[], object]) -> None:
    queries = window.queries
    if queries is None or not queries.is_busy():
        then()
    else:
        queries.settled.connect(then, Qt.ConnectionType.SingleShotConnection)


def _screenshot(app: QApplication, window: "MainWindow", options: AppOptions) -> int:
    """Build the window at a fixed size, select a paper, let it settle, save a PNG."""
    assert options.screenshot is not None
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if not _attach(window, options):
        return EXIT_FAILED
    if options.select and not window.select_paper(options.select):
        print(f"readinglist: no paper {options.select} in the library", file=sys.stderr)
        window.close()  # ends the window's reader thread
        return EXIT_FAILED
    _wait_for_reads(app, window)
    _wait_for_media(window)
    _settle()
    saved = window.grab().save(str(options.screenshot))
    window.close()
    if window.service is not None:
        window.service.library.close()
    if not saved:
        print(f"readinglist: could not write {options.screenshot}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _wait_for_reads(app: QApplication, window: "MainWindow") -> None:
    """Until the list's ids and the sidebar's counts have arrived (LOAD_LIMIT_S at most)."""
    deadline = time.monotonic() + LOAD_LIMIT_S
    while not window.is_settled() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _wait_for_media(window: "MainWindow") -> None:
    """Until the media pane shows the teaser or says why it cannot (MEDIA_WAIT_MS at most)."""
    pane = window.media
    if pane.is_settled():
        return
    loop = QEventLoop()  # a loop of its own: a stray app.quit() cannot end it early
    pane.settled.connect(loop.quit)
    QTimer.singleShot(MEDIA_WAIT_MS, loop.quit)
    loop.exec()
    pane.settled.disconnect(loop.quit)


def _settle() -> None:
    """A moment for the panes to lay out and paint what just arrived."""
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()
