"""Charts drawn as SVG text, in pure Python (no Django, no plotting library).

One chart: daily values as points joined by a line that breaks wherever a day has no value
(missing days are shown as gaps, never interpolated), the y scale's ends and round steps
labelled, dates along the x axis, and care sessions as marker lanes under the plot — one lane,
shape and colour per technique, so the markers can be told apart without colour.

Colours come from CSS classes (``bedside/timeline/static/timeline/timeline.css``) so they
follow light and dark mode; the page's CSP forbids ``style`` attributes. Every piece of text is
escaped: technique and trackable names are typed by users.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from .series import DayValue, value_ticks

SHAPES = 6  # marker shapes (and colour classes m0…m5) before they repeat


@dataclass(frozen=True)
class Marker:
    """Sessions of one technique on one day: ``kind`` is the lane (index into the kinds)."""

    day: dt.date
    kind: int
    count: int = 1
    label: str = ""


@dataclass(frozen=True)
class Chart:
    """Everything needed to draw one chart. Strings arrive already translated."""

    chart_id: str
    title: str
    description: str
    start: dt.date
    end: dt.date
    lo: float
    hi: float
    values: Sequence[DayValue]
    y_label: str = ""
    x_ticks: Sequence[tuple[dt.date, str]] = ()
    markers: Sequence[Marker] = ()
    kinds: Sequence[str] = ()
    number: Callable[[float], str] = field(default=lambda v: f"{v:g}")
    point_label: Callable[[DayValue], str] | None = None
    width: int = 720
    plot_height: int = 220
    compact: bool = False


def _num(value: float) -> str:
    """Coordinates with at most two decimals: small files, stable output."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def marker_path(shape: int, x: float, y: float, size: float = 6) -> str:
    """The outline of marker ``shape`` (0–5) centred on (x, y)."""
    s = size
    n = _num
    match shape % SHAPES:
        case 0:  # triangle up
            return f"M{n(x)} {n(y - s)}L{n(x + s)} {n(y + s)}L{n(x - s)} {n(y + s)}Z"
        case 1:  # square
            return f"M{n(x - s)} {n(y - s)}h{n(2 * s)}v{n(2 * s)}h{n(-2 * s)}Z"
        case 2:  # diamond
            return f"M{n(x)} {n(y - s)}L{n(x + s)} {n(y)}L{n(x)} {n(y + s)}L{n(x - s)} {n(y)}Z"
        case 3:  # circle
            return f"M{n(x - s)} {n(y)}a{n(s)} {n(s)} 0 1 0 {n(2 * s)} 0a{n(s)} {n(s)} 0 1 0 {n(-2 * s)} 0Z"
        case 4:  # triangle down
            return f"M{n(x - s)} {n(y - s)}L{n(x + s)} {n(y - s)}L{n(x)} {n(y + s)}Z"
        case _:  # upright bar
            return f"M{n(x - s / 3)} {n(y - s)}h{n(2 * s / 3)}v{n(2 * s)}h{n(-2 * s / 3)}Z"


def swatch(kind: int) -> str:
    """A small stand-alone marker for a legend (decorative: the legend text names it)."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="-8 -8 16 16" '
        'width="16" height="16" aria-hidden="true" focusable="false">'
        f'<path class="marker m{kind % SHAPES}" d="{marker_path(kind, 0, 0)}"/></svg>'
    )


class _Frame:
    """Where things go: the plot box, the marker lanes under it and the date labels."""

    LEFT, RIGHT, TOP = 64, 20, 16
    LANE = 18

    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.left = self.LEFT if not chart.compact else 48
        self.right = chart.width - self.RIGHT
        self.top = self.TOP if not chart.compact else 10
        self.bottom = self.top + chart.plot_height
        self.lanes = len(chart.kinds) if chart.markers else 0
        self.lanes_top = self.bottom + (8 if self.lanes else 0)
        self.labels_y = self.lanes_top + self.lanes * self.LANE + 20
        self.height = self.labels_y + 10
        self.days = max((chart.end - chart.start).days + 1, 1)

    def x(self, day: dt.date) -> float:
        step = (self.right - self.left) / self.days
        return self.left + ((day - self.chart.start).days + 0.5) * step

    def y(self, value: float) -> float:
        lo, hi = self.chart.lo, self.chart.hi
        share = (value - lo) / (hi - lo) if hi > lo else 0.5
        share = min(max(share, 0.0), 1.0)  # out-of-scale values sit on the edge
        return self.bottom - share * (self.bottom - self.top)

    def lane_y(self, kind: int) -> float:
        return self.lanes_top + kind * self.LANE + self.LANE / 2


def _segments(values: Sequence[DayValue]) -> list[list[DayValue]]:
    """Runs of consecutive days: the line is drawn within a run and broken between runs."""
    runs: list[list[DayValue]] = []
    for value in values:
        if runs and (value.day - runs[-1][-1].day).days == 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return runs


def _grid_and_axes(chart: Chart, f: _Frame) -> list[str]:
    n = _num
    parts = ['<g class="grid">']
    ticks = value_ticks(chart.lo, chart.hi) if not chart.compact else [chart.lo, chart.hi]
    for value in ticks:
        y = f.y(value)
        parts.append(f'<line x1="{n(f.left)}" y1="{n(y)}" x2="{n(f.right)}" y2="{n(y)}"/>')
    parts.append("</g>")
    parts.append('<g class="axis y-axis">')
    for value in ticks:
        parts.append(
            f'<text x="{n(f.left - 8)}" y="{n(f.y(value) + 5)}" text-anchor="end">'
            f"{escape(chart.number(value))}</text>"
        )
    if chart.y_label and not chart.compact:
        mid = (f.top + f.bottom) / 2
        parts.append(
            f'<text class="axis-label" x="14" y="{n(mid)}" text-anchor="middle" '
            f'transform="rotate(-90 14 {n(mid)})">{escape(chart.y_label)}</text>'
        )
    parts.append("</g>")
    parts.append('<g class="axis x-axis">')
    parts.append(
        f'<line x1="{n(f.left)}" y1="{n(f.bottom)}" x2="{n(f.right)}" y2="{n(f.bottom)}"/>'
    )
    last = len(chart.x_ticks) - 1
    for i, (day, label) in enumerate(chart.x_ticks):
        x = f.x(day)
        anchor = "start" if i == 0 and last > 0 else "end" if i == last and last > 0 else "middle"
        parts.append(f'<line x1="{n(x)}" y1="{n(f.bottom)}" x2="{n(x)}" y2="{n(f.bottom + 5)}"/>')
        parts.append(
            f'<text x="{n(x)}" y="{n(f.labels_y)}" text-anchor="{anchor}">{escape(label)}</text>'
        )
    parts.append("</g>")
    return parts


def _series(chart: Chart, f: _Frame) -> list[str]:
    n = _num
    values = [v for v in chart.values if chart.start <= v.day <= chart.end]
    parts = ['<g class="series">']
    for run in _segments(values):
        if len(run) > 1:
            d = "".join(
                f"{'M' if i == 0 else 'L'}{n(f.x(v.day))} {n(f.y(v.value))}"
                for i, v in enumerate(run)
            )
            parts.append(f'<path class="line" d="{d}"/>')
    radius = 3 if chart.compact or f.days > 120 else 4
    for v in values:
        label = chart.point_label(v) if chart.point_label else ""
        title = f"<title>{escape(label)}</title>" if label else ""
        parts.append(
            f'<circle class="point" cx="{n(f.x(v.day))}" cy="{n(f.y(v.value))}" r="{radius}" '
            f'data-day="{v.day.isoformat()}" data-value="{_attr(repr(float(v.value)))}">'
            f"{title}</circle>"
        )
    parts.append("</g>")
    return parts


def _markers(chart: Chart, f: _Frame) -> list[str]:
    if not f.lanes:
        return []
    n = _num
    parts = ['<g class="markers">']
    for kind in range(f.lanes):
        y = f.lane_y(kind)
        parts.append(
            f'<line class="lane" x1="{n(f.left)}" y1="{n(y)}" x2="{n(f.right)}" y2="{n(y)}"/>'
        )
    size = 6 if f.days <= 120 else 4.5
    for m in chart.markers:
        if not (chart.start <= m.day <= chart.end) or not 0 <= m.kind < f.lanes:
            continue
        title = f"<title>{escape(m.label)}</title>" if m.label else ""
        parts.append(
            f'<path class="marker m{m.kind % SHAPES}" d="{marker_path(m.kind, f.x(m.day), f.lane_y(m.kind), size)}" '
            f'data-day="{m.day.isoformat()}" data-kind="{m.kind}" data-count="{m.count}">{title}</path>'
        )
    parts.append("</g>")
    return parts


def render(chart: Chart) -> str:
    """The chart as an ``<svg role="img">`` element with ``<title>`` and ``<desc>``."""
    f = _Frame(chart)
    cid = _attr(chart.chart_id)
    classes = "chart compact" if chart.compact else "chart"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{classes}" id="{cid}" '
        f'viewBox="0 0 {chart.width} {f.height}" width="{chart.width}" height="{f.height}" '
        f'role="img" aria-labelledby="{cid}-title {cid}-desc">',
        f'<title id="{cid}-title">{escape(chart.title)}</title>',
        f'<desc id="{cid}-desc">{escape(chart.description)}</desc>',
        *_grid_and_axes(chart, f),
        *_series(chart, f),
        *_markers(chart, f),
        "</svg>",
    ]
    return "".join(parts)
