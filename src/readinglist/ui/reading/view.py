"""The Reading view: a picture of one's reading over the last weeks (issue 16).

A window of its own beside the main one, with the figures `readinglist stats` prints: papers
read and skipped per week, the queue at each week's end, queued papers by how long they have
waited, streaks, days from arrival to read, and the tags and authors of what was read. It
asks for its figures with `wanted(since)` and is given them (`show_stats`): the window runs
the query off the GUI thread.
"""

import datetime as dt

from readinglist.core.paper import ReadingStatus
from readinglist.core.stats import ReadingStats, week_start
from readinglist.ui.i18n import QT_TR_NOOP, count_text, tr
from readinglist.ui.qt import (
    QColor,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPalette,
    QVBoxLayout,
    QWidget,
    Signal,
)
from readinglist.ui.reading.charts import BarChart, LineChart, RankChart, Series

# The spans offered, in weeks (this week included), and their names.
SPANS = (
    (4, QT_TR_NOOP("Last 4 weeks")),
    (12, QT_TR_NOOP("Last 12 weeks")),
    (26, QT_TR_NOOP("Last 6 months")),
    (52, QT_TR_NOOP("Last year")),
)
_QUEUE_COLOR = QColor(208, 138, 46)  # amber: reads on light and dark backgrounds alike
_DEFAULT_SPAN = 1  # 12 weeks, as `readinglist stats`


class ReadingView(QDialog):
    wanted = Signal(object)  # dt.date: the first day of the figures asked for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Your Reading"))
        self.span = QComboBox()
        self.span.addItems([tr(name) for _, name in SPANS])
        self.span.setCurrentIndex(_DEFAULT_SPAN)
        self.summary = QLabel(tr("Loading…"))
        self.summary.setWordWrap(True)
        self.per_week = BarChart(tr("Read and skipped per week"), stacked=True)
        self.queue = LineChart(tr("Queued at the end of each week"))
        self.backlog = RankChart(tr("Queued papers by how long they have waited"), _QUEUE_COLOR)
        self.tags = RankChart(tr("Top tags of what you read"), self._accent())
        self.authors = RankChart(tr("Top authors of what you read"), self._accent())
        self._lay_out()
        self.span.currentIndexChanged.connect(lambda _: self.ask())
        self.resize(900, 640)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.span)
        charts = QGridLayout()
        charts.addWidget(self.per_week, 0, 0)
        charts.addWidget(self.queue, 0, 1)
        charts.addWidget(self.backlog, 1, 0)
        ranks = QHBoxLayout()
        ranks.addWidget(self.tags)
        ranks.addWidget(self.authors)
        charts.addLayout(ranks, 1, 1)
        charts.setRowStretch(0, 3)  # the plots over time get the room
        charts.setRowStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(charts, 1)

    def since(self, today: dt.date) -> dt.date:
        weeks = SPANS[self.span.currentIndex()][0]
        return week_start(today) - dt.timedelta(weeks=weeks - 1)

    def ask(self) -> None:
        """Ask for the figures of the span chosen (the window answers with `show_stats`)."""
        self.summary.setText(tr("Loading…"))
        self.wanted.emit(self.since(dt.date.today()))

    def show_stats(self, stats: ReadingStats) -> None:
        self.summary.setText(summary_text(stats))
        weeks = [week.start.strftime("%m-%d") for week in stats.weeks]
        read = tuple(float(week.read) for week in stats.weeks)
        skipped = tuple(float(week.skipped) for week in stats.weeks)
        self.per_week.set_data(
            weeks,
            [
                Series(tr(ReadingStatus.READ.look.label), read, self._accent()),
                Series(tr(ReadingStatus.SKIPPED.look.label), skipped, self._muted()),
            ],
        )
        queued = tuple(float(week.queued) for week in stats.weeks)
        self.queue.set_data(weeks, [Series(tr("Queued"), queued, _QUEUE_COLOR)])
        ages = [(tr(label), count) for label, count in stats.backlog]
        self.backlog.set_ranks(ages if stats.queued else [], tr("Nothing queued"))
        nothing = tr("Nothing read in this span")
        self.tags.set_ranks(stats.top_tags, nothing)
        self.authors.set_ranks(stats.top_authors, nothing)

    def show_failure(self, why: str) -> None:
        self.summary.setText(why)

    def _accent(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def _muted(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Mid)


def summary_text(stats: ReadingStats) -> str:
    """The figures that are one number each, in a sentence or two."""
    text = tr("{read} read, {skipped} skipped since {since}; {queued} queued now.").format(
        read=count_text(stats.read),
        skipped=count_text(stats.skipped),
        since=stats.since.isoformat(),
        queued=count_text(stats.queued),
    )
    text += " " + tr("Days in a row with something read: {n} (longest {longest}).").format(
        n=count_text(stats.current_streak), longest=count_text(stats.longest_streak)
    )
    median = stats.median_days_to_read
    if median is not None:
        half = tr("Half of what you read, you read within {days} days of its arrival.")
        text += " " + half.format(days=f"{median:.1f}")
    return text
