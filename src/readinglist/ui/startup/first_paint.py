"""A switch for benchmarks/package_bench.py: when READINGLIST_EXIT_AFTER_FIRST_PAINT is set,
the app prints `first-paint` as soon as its window has painted once, then quits.

The benchmark times the line from outside (start of the process to the line), so the same
measure applies to `python -m readinglist` and to both bundles, unpacking included.
"""

import os

from readinglist.ui.qt import QApplication, QEvent, QObject, QTimer

FIRST_PAINT_ENV = "READINGLIST_EXIT_AFTER_FIRST_PAINT"
FIRST_PAINT_LINE = "first-paint"


class _FirstPaintWatcher(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            QTimer.singleShot(0, self._report)  # after this paint pass reaches the screen
        return False

    def _report(self) -> None:
        print(FIRST_PAINT_LINE, flush=True)
        self._app.removeEventFilter(self)
        self._app.quit()


def exit_after_first_paint_if_asked(app: QApplication) -> None:
    if os.environ.get(FIRST_PAINT_ENV):
        app.installEventFilter(_FirstPaintWatcher(app))
