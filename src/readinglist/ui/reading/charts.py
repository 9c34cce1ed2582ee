"""Small charts painted with QPainter: bars (grouped or stacked), a line, and a ranking.

Drawn in the widget's own palette, so they read in light and dark themes, and in its font,
so Korean labels show; no chart library (QtCharts would add its libraries to the bundle for
five plain pictures). Each chart has a title, a value axis with a few round ticks, category
labels (thinned when they would collide) and a legend when it has several series.
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from readinglist.ui.qt import (
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QWidget,
)

_MARGIN = 8
_TICKS = 4
_BAR_GAP = 0.25  # of a category's width, left between bars


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: tuple[float, ...]
    color: QColor


def nice_top(largest: float) -> float:
    """The axis's top: the smallest round number (1, 2 or 5 times a power of ten, for whole
    ticks) at or above `largest`; 1 for an empty chart."""
    step, factors = 1.0, itertools.cycle((2, 2.5, 2))  # steps 1, 2, 5, 10, 20, 50 ...
    while step * _TICKS < largest:
        step *= next(factors)
    return step * _TICKS


class _Chart(QWidget):
    """A titled plot area with a value axis; subclasses paint inside `plot`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._categories: tuple[str, ...] = ()
        self._series: tuple[Series, ...] = ()
        self.setMinimumSize(QSize(240, 160))

    def set_data(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        self._categories, self._series = tuple(categories), tuple(series)
        self.setToolTip("\n".join(self.summary_lines()))
        self.update()

    def summary_lines(self) -> list[str]:
        """What the chart shows, in words (its tooltip)."""
        lines = [self._title]
        for index, category in enumerate(self._categories):
            values = ", ".join(f"{s.label} {s.values[index]:g}" for s in self._series)
            lines.append(f"{category}: {values}")
        return lines

    def largest(self) -> float:
        return max((max(s.values, default=0) for s in self._series), default=0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_color)
        line = metrics.height()
        painter.drawText(_MARGIN, _MARGIN + metrics.ascent(), self._title)
        top = nice_top(self.largest())
        axis_width = metrics.horizontalAdvance(f"{top:g}") + _MARGIN
        legend = line if len(self._series) > 1 else line // 2  # room for the top tick
        plot = QRectF(
            _MARGIN + axis_width,
            _MARGIN + line + legend + 4,
            self.width() - 2 * _MARGIN - axis_width,
            self.height() - 2 * _MARGIN - 2 * line - legend - 8,
        )
        if plot.width() < 10 or plot.height() < 10:
            return
        self._paint_axis(painter, plot, top, metrics)
        self._paint_legend(painter, QPointF(_MARGIN + axis_width, _MARGIN + line + 2), metrics)
        self._paint_categories(painter, plot, metrics)
        self.paint_plot(painter, plot, top)
        painter.end()

    def _paint_axis(
        self, painter: QPainter, plot: QRectF, top: float, metrics: QFontMetrics
    ) -> None:
        grid = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        grid.setAlpha(50)
        for tick in range(_TICKS + 1):
            y = plot.bottom() - plot.height() * tick / _TICKS
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            label = f"{top * tick / _TICKS:g}"
            x = plot.left() - 4 - metrics.horizontalAdvance(label)
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), label)

    def _paint_legend(self, painter: QPainter, at: QPointF, metrics: QFontMetrics) -> None:
        if len(self._series) < 2:
            return
        x = at.x()
        for series in self._series:
            box = metrics.ascent() - 2
            painter.fillRect(QRectF(x, at.y() + 2, box, box), series.color)
            painter.drawText(QPointF(x + box + 4, at.y() + metrics.ascent()), series.label)
            x += box + 16 + metrics.horizontalAdvance(series.label)

    def _paint_categories(self, painter: QPainter, plot: QRectF, metrics: QFontMetrics) -> None:
        count = len(self._categories)
        if not count:
            return
        width = plot.width() / count
        widest = max(metrics.horizontalAdvance(c) for c in self._categories) + 6
        every = max(1, int(widest // width) + (widest % width > 0))  # labels that fit
        for index in range(0, count, every):
            label = self._categories[index]
            x = plot.left() + width * (index + 0.5) - metrics.horizontalAdvance(label) / 2
            painter.drawText(QPointF(x, plot.bottom() + metrics.ascent() + 4), label)

    def paint_plot(self, painter: QPainter, plot: QRectF, top: float) -> None:
        raise NotImplementedError


class BarChart(_Chart):
    """Bars per category: one per series side by side, or `stacked` in one."""

    def __init__(self, title: str, stacked: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._stacked = stacked

    def largest(self) -> float:
        if not self._stacked:
            return super().largest()
        sums = (sum(values) for values in zip(*(s.values for s in self._series), strict=True))
        return max(sums, default=0)

    def paint_plot(self, painter: QPainter, plot: QRectF, top: float) -> None:
        width = plot.width() / max(1, len(self._categories))
        bars = 1 if self._stacked else max(1, len(self._series))
        bar = width * (1 - _BAR_GAP) / bars
        for index in range(len(self._categories)):
            left, base = plot.left() + width * (index + _BAR_GAP / 2), plot.bottom()
            for number, series in enumerate(self._series):
                height = plot.height() * series.values[index] / top
                x = left if self._stacked else left + bar * number
                painter.fillRect(QRectF(x, base - height, bar, height), series.color)
                if self._stacked:
                    base -= height


class LineChart(_Chart):
    """One line through each series' values, a point at each category."""

    def paint_plot(self, painter: QPainter, plot: QRectF, top: float) -> None:
        width = plot.width() / max(1, len(self._categories))
        for series in self._series:
            points = [
                QPointF(plot.left() + width * (i + 0.5), plot.bottom() - plot.height() * v / top)
                for i, v in enumerate(series.values)
            ]
            painter.setPen(QPen(series.color, 2))
            for start, end in itertools.pairwise(points):
                painter.drawLine(start, end)
            painter.setBrush(series.color)
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)


class RankChart(QWidget):
    """Names with a bar each for their count, in the order given (top tags and authors,
    most first; the backlog's ages, youngest first)."""

    def __init__(self, title: str, color: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title, self._color = title, color
        self._ranks: tuple[tuple[str, int], ...] = ()
        self._empty = ""
        self.setMinimumSize(QSize(240, 160))

    def set_ranks(self, ranks: Sequence[tuple[str, int]], empty: str) -> None:
        self._ranks, self._empty = tuple(ranks), empty
        self.setToolTip("\n".join([self._title, *(f"{n}: {c}" for n, c in self._ranks)]))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        line = metrics.height() + 4
        painter.drawText(_MARGIN, _MARGIN + metrics.ascent(), self._title)
        if not self._ranks:
            painter.drawText(_MARGIN, _MARGIN + line + metrics.ascent(), self._empty)
            return
        widest = max(metrics.horizontalAdvance(name) for name, _ in self._ranks) + 2
        names = min(self.width() // 2, widest)
        most = max(1, *(count for _, count in self._ranks))
        room = self.width() - 3 * _MARGIN - names - metrics.horizontalAdvance(f" {most}")
        for row, (name, count) in enumerate(self._ranks):
            y = _MARGIN + line * (row + 1)
            if y + line > self.height():
                break
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, names)
            painter.drawText(_MARGIN, int(y + metrics.ascent()), shown)
            bar = QRectF(2 * _MARGIN + names, y + 2, room * count / most, metrics.height() - 4)
            if count:
                painter.fillRect(bar, self._color)
            painter.drawText(QPointF(bar.right() + 4, y + metrics.ascent()), str(count))
        painter.end()
