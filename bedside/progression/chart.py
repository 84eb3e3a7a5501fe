"""Coordinates for the small SVG chart of ALSFRS-R totals (drawn by the template, no script).

The chart is a picture of the history table next to it; the table and the chart's own
description are its text alternative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 240
LEFT = 44  # room for the score labels
RIGHT = 16
TOP = 12
BOTTOM = 36  # room for the date labels


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    day: dt.date
    value: float


@dataclass(frozen=True)
class GridLine:
    y: float
    value: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: tuple[Point, ...]
    grid: tuple[GridLine, ...]
    left: int
    right: int
    bottom: float

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def first(self) -> Point | None:
        return self.points[0] if self.points else None

    @property
    def last(self) -> Point | None:
        return self.points[-1] if self.points else None


def total_chart(values: Sequence[tuple[dt.date, float]], maximum: int = 48) -> Chart:
    """Place (day, total) pairs on a 0–``maximum`` scale, time along the bottom."""
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    ordered = sorted(values)
    points: list[Point] = []
    if ordered:
        first, last = ordered[0][0], ordered[-1][0]
        span = max((last - first).days, 1)
        for day, value in ordered:
            x = LEFT + (plot_w / 2 if first == last else (day - first).days / span * plot_w)
            y = TOP + plot_h * (1 - value / maximum)
            points.append(Point(x, y, day, value))
    grid = tuple(GridLine(TOP + plot_h * (1 - v / maximum), v) for v in range(0, maximum + 1, 12))
    return Chart(WIDTH, HEIGHT, tuple(points), grid, LEFT, WIDTH - RIGHT, TOP + plot_h)
