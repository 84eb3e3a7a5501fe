"""Small SVG charts for "What helps": the days with and without, or the change right after.

Pure Python (no Django), text escaped, colours from CSS classes (``helps.css``) so they follow
dark mode; the two rows use different marker shapes (from the timeline's marker set) so they
can be told apart without colour. Each chart has a ``<title>`` and ``<desc>``; the page also
shows the same numbers as text next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from bedside.timeline.svg import marker_path

WIDTH = 360
ROW = 34
TOP = 8
LEFT = 12
RIGHT = 12
AXIS = 26


@dataclass(frozen=True)
class Row:
    label: str  # already translated, with the value: "After a session: 4.1 (64 days)"
    value: float
    low: float | None = None  # a range around the value (the change right after)
    high: float | None = None
    shape: int = 3  # marker shape (timeline.svg): 3 circle, 1 square
    css: str = "with"


def _n(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def comparison_svg(
    *,
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence[Row],
    lo: float,
    hi: float,
    ticks: Sequence[tuple[float, str]],
    zero: bool = False,
) -> str:
    """One track per row from ``lo`` to ``hi`` with a marker at the value (and its range)."""
    if hi <= lo:
        hi = lo + 1
    span = WIDTH - LEFT - RIGHT

    def x(value: float) -> float:
        return LEFT + (min(max(value, lo), hi) - lo) / (hi - lo) * span

    height = TOP + ROW * len(rows) + AXIS
    parts = [
        f'<svg class="helps-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t" focusable="false">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
    ]
    axis_y = TOP + ROW * len(rows) + 2
    if zero and lo < 0 < hi:
        parts.append(
            f'<line class="helps-zero" x1="{_n(x(0))}" y1="{TOP}" x2="{_n(x(0))}" '
            f'y2="{_n(axis_y)}"/>'
        )
    for i, row in enumerate(rows):
        y_text = TOP + ROW * i + 12
        y = TOP + ROW * i + 24
        parts.append(
            f'<text class="helps-label" x="{LEFT}" y="{_n(y_text)}">{escape(row.label)}</text>'
        )
        parts.append(
            f'<line class="helps-track" x1="{LEFT}" y1="{_n(y)}" x2="{WIDTH - RIGHT}" '
            f'y2="{_n(y)}"/>'
        )
        if row.low is not None and row.high is not None:
            parts.append(
                f'<line class="helps-range helps-{row.css}" x1="{_n(x(row.low))}" y1="{_n(y)}" '
                f'x2="{_n(x(row.high))}" y2="{_n(y)}"/>'
            )
        parts.append(
            f'<path class="helps-mark helps-{row.css}" d="{marker_path(row.shape, x(row.value), y, 6)}"/>'
        )
    for value, text in ticks:
        anchor = "start" if value <= lo else "end" if value >= hi else "middle"
        parts.append(
            f'<text class="helps-tick" x="{_n(x(value))}" y="{_n(axis_y + 16)}" '
            f'text-anchor="{anchor}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
