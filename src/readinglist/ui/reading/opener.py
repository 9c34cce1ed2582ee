"""View → Reading…: opens the Reading view (one, made when first asked for) and answers its
requests with figures read off the GUI thread; while it is open, an edit refreshes it."""

import datetime as dt
from typing import TYPE_CHECKING

from readinglist.ui.i18n import tr
from readinglist.ui.qt import QAction, QObject, QWidget

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.stats import ReadingStats
    from readinglist.ui.data.queries import QueryRunner
    from readinglist.ui.reading.view import ReadingView

CHANNEL = "reading"


class ReadingViews(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._queries: QueryRunner | None = None
        self.view: ReadingView | None = None
        self.action = QAction(tr("Rea&ding…"), window)
        self.action.setEnabled(False)  # until the library is open
        self.action.triggered.connect(self.open)

    def attach(self, queries: "QueryRunner") -> None:
        self._queries = queries
        self.action.setEnabled(True)

    def open(self) -> None:
        if self.view is None:
            from readinglist.ui.reading.view import ReadingView

            self.view = ReadingView(self._window)
            self.view.wanted.connect(self._load)
        self.view.show()
        self.view.activateWindow()
        self.view.ask()

    def refresh(self) -> None:
        """The figures again, when the view is open (a status changed)."""
        if self.view is not None and self.view.isVisible():
            self.view.ask()

    def _load(self, since: dt.date) -> None:
        view, queries = self.view, self._queries
        if view is None or queries is None:
            return
        now = dt.datetime.now().astimezone()

        def figures(connection: "Connection") -> "ReadingStats":
            from readinglist.library.stats import library_stats

            assert now.tzinfo is not None
            return library_stats(connection, since, now, now.tzinfo)

        queries.submit(CHANNEL, figures, view.show_stats, failed=view.show_failure)
