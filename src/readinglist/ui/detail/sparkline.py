"""Votes over time: a paper's votes by date across its sightings, as a small line.

Every sighting keeps the votes its source gave; a day seen in several sources counts its
highest. Drawn with QPainter in the palette's own colours (the highlight for the line, the
text's for the ends), so it reads in light and dark themes alike; no QtCharts, which would
load megabytes at start-up for a line of a few points. Hidden below two voted days: one
point is no trend.
"""

import datetime as dt
import html

from readinglist.core.paper import Paper
from readinglist.ui.i18n import count_text, tr
from readinglist.ui.qt import (
    QHBoxLayout,
    QLabel,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPointF,
    QPolygonF,
    QSize,
    Qt,
    QWidget,
)

type Point = tuple[dt.date, int]

WIDTH, HEIGHT = 120, 22  # pixels at 1x: a word or two of the text around it
MARGIN = 3.0  # room for the end dots
TOOLTIP_POINTS = 30  # the latest days listed in the tooltip


def vote_points(paper: Paper) -> list[Point]:
    """(day, votes) in date order, one a day (its highest), for the sightings that gave votes."""
    by_day: dict[dt.date, int] = {}
    for seen in paper.digests:
        if seen.votes is not None:
            by_day[seen.date] = max(seen.votes, by_day.get(seen.date, seen.votes))
    return sorted(by_day.items())


def caption_text(points: list[Point]) -> str:
    """ "12 → 40 votes": the first and last points' votes, beside the line."""
    first, last = count_text(points[0][1]), count_text(points[-1][1])
    return tr("{first} → {last} votes").format(first=first, last=last)


def trend_text(points: list[Point]) -> str:
    """ "Votes: 12 on 2025-03-03 → 40 on 2025-03-07" (the first and last points)."""
    (first_day, first), (last_day, last) = points[0], points[-1]
    return tr("Votes: {first} on {first_day} → {last} on {last_day}").format(
        first=count_text(first),
        first_day=first_day.isoformat(),
        last=count_text(last),
        last_day=last_day.isoformat(),
    )


class Sparkline(QWidget):
    """The points as a line scaled to the widget: days along, votes up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votesSparkline")
        self.points: list[Point] = []
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, HEIGHT)

    def set_points(self, points: list[Point]) -> None:
        self.points = points
        self.update()

    def polygon(self) -> QPolygonF:
        """The points in the widget's coordinates (the first day at the left, the most
        votes at the top; equal votes throughout: a line across the middle)."""
        if len(self.points) < 2:
            return QPolygonF()
        start, end = self.points[0][0], self.points[-1][0]
        days = max((end - start).days, 1)
        low, high = min(v for _, v in self.points), max(v for _, v in self.points)
        width, height = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        polygon = QPolygonF()
        for day, votes in self.points:
            x = MARGIN + width * (day - start).days / days
            y = MARGIN + height * (0.5 if high == low else (high - votes) / (high - low))
            polygon.append(QPointF(x, y))
        return polygon

    def paintEvent(self, event: QPaintEvent) -> None:
        polygon = self.polygon()
        if polygon.isEmpty():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        line = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5)
        painter.setPen(line)
        painter.drawPolyline(polygon)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.WindowText))
        for end in (polygon.first(), polygon.last()):
            painter.drawEllipse(end, 2.0, 2.0)
        painter.end()


class VotesTrend(QWidget):
    """The sparkline and, after it, its first and last votes; the tooltip says their days
    and lists every day's votes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votesTrend")
        self.sparkline = Sparkline(self)
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)  # a narrow pane wraps it rather than widening
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sparkline, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.caption, 1)

    def show_paper(self, paper: Paper | None) -> None:
        """Shown for a paper with votes on two days or more; hidden otherwise."""
        points = vote_points(paper) if paper is not None else []
        self.sparkline.set_points(points)
        self.setVisible(len(points) >= 2)
        if len(points) < 2:
            self.caption.clear()
            return
        said = trend_text(points)
        self.caption.setText(html.escape(caption_text(points)))
        every = "<br>".join(
            html.escape(f"{day.isoformat()}: {count_text(votes)}")
            for day, votes in points[-TOOLTIP_POINTS:]
        )
        self.setToolTip(f"<qt>{html.escape(said)}<br>{every}</qt>")
