"""Starting the desktop app: the window first, then the library, then any files to import."""

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist import __version__
from readinglist.ui.qt import QApplication, QCoreApplication, QTimer

if TYPE_CHECKING:
    from readinglist.ui.main_window import MainWindow

SCREENSHOT_SIZE = (1280, 800)
SETTLE_MS = 300
MEDIA_WAIT_MS = 15_000  # the selected paper's teaser: loaded or failed by then, or not shown


@dataclass(frozen=True)
class AppOptions:
    library: Path | None = None
    files: list[Path] = field(default_factory=list)
    screenshot: Path | None = None
    select: str | None = None


def run_app(options: AppOptions) -> int:
    app = _application()
    from readinglist.ui.main_window import MainWindow
    from readinglist.ui.settings import open_settings

    window = MainWindow(open_settings())
    if options.screenshot is not None:
        return _screenshot(app, window, options)
    window.show()
    QTimer.singleShot(0, lambda: _attach(window, options))
    code = app.exec()
    if window.service is not None:
        window.service.library.close()
    return code


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("readinglist")
    QCoreApplication.setApplicationName("readinglist")
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(sys.argv[:1])


def _attach(window: "MainWindow", options: AppOptions) -> bool:
    """Open the library into the window; False (after telling the user) if it cannot be."""
    from readinglist.library.database import LibraryError, open_library
    from readinglist.ui.qt import QMessageBox
    from readinglist.ui.service import LibraryService

    try:
        library = open_library(options.library)
    except LibraryError as error:
        QMessageBox.critical(window, "readinglist", str(error))
        window.close()
        return False
    window.attach(LibraryService(library, window))
    window.import_paths(options.files)
    return True


def _screenshot(app: QApplication, window: "MainWindow", options: AppOptions) -> int:
    """Build the window at a fixed size, select a paper, let it settle, save a PNG."""
    assert options.screenshot is not None
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if not _attach(window, options):
        return 1
    if options.select and not window.select_paper(options.select):
        print(f"readinglist: no paper {options.select} in the library", file=sys.stderr)
        return 1
    _wait_for_media(app, window)
    _settle(app)
    saved = window.grab().save(str(options.screenshot))
    window.close()
    if window.service is not None:
        window.service.library.close()
    if not saved:
        print(f"readinglist: could not write {options.screenshot}", file=sys.stderr)
        return 1
    return 0


def _wait_for_media(app: QApplication, window: "MainWindow") -> None:
    """Until the media pane shows the teaser or says why it cannot (MEDIA_WAIT_MS at most)."""
    pane = window.media
    if pane.is_settled():
        return
    deadline = QTimer(singleShot=True, interval=MEDIA_WAIT_MS)
    deadline.timeout.connect(app.quit)
    pane.settled.connect(app.quit)
    deadline.start()
    app.exec()
    pane.settled.disconnect(app.quit)


def _settle(app: QApplication) -> None:
    waited = QTimer(singleShot=True, interval=SETTLE_MS)
    waited.timeout.connect(app.quit)
    waited.start()
    app.exec()
