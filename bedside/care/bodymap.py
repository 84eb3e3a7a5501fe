"""The body map: figures for the template and the generated per-region stylesheet.

The map works without JavaScript. Each region's checkbox lives in the plain list (the one form
field, and what keyboards and screen readers use); over each shape of the SVG figures lies a
``<label for=…>`` of the same checkbox, so clicking the body toggles the same box. CSS ``:has()``
colours the chosen shapes, ticks them, and rings the shape whose checkbox has keyboard focus.
Positions and those per-region rules cannot come from ``style=`` attributes (the CSP forbids
them), so they are generated from :mod:`bedside.care.regions` into ``static/care/bodymap.css``::

    .venv/bin/python -m bedside.care.bodymap

``tests/test_bodymap.py`` fails when the file and ``regions.py`` disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .regions import FIGURE_HEIGHT, FIGURE_WIDTH, REGION_LIST, VIEWS, Region

CSS_PATH = Path(__file__).parent / "static" / "care" / "bodymap.css"


@dataclass(frozen=True)
class Figure:
    view: str
    regions: tuple[Region, ...]  # clickable on this figure
    outline: tuple[Region, ...]  # the rest of the body, drawn faintly for orientation


def figures() -> tuple[Figure, ...]:
    return tuple(
        Figure(
            view,
            tuple(r for r in REGION_LIST if r.view == view),
            tuple(r for r in REGION_LIST if r.view != view),
        )
        for view in VIEWS
    )


def _pct(value: int, total: int) -> str:
    return f"{100 * value / total:.4g}%"


def bodymap_css() -> str:
    lines = [
        "/* Generated from bedside/care/regions.py by `python -m bedside.care.bodymap`.",
        "   Do not edit by hand. Per-region positions of the click targets over the figures,",
        "   and the chosen / keyboard-focused look of each shape (see bedside/care/bodymap.py). */",
    ]
    for r in REGION_LIST:
        x, y, w, h = r.box
        key = r.key
        lines += [
            f".bodymap-hit-{key} {{ left: {_pct(x, FIGURE_WIDTH)}; top: {_pct(y, FIGURE_HEIGHT)}; "
            f"width: {_pct(w, FIGURE_WIDTH)}; height: {_pct(h, FIGURE_HEIGHT)}; }}",
            f'.bodymap:has(input[value="{key}"]:checked) .bodymap-shape-{key} '
            "{ fill: var(--selected); stroke: var(--selected); }",
            f'.bodymap:has(input[value="{key}"]:checked) .bodymap-tick-{key} '
            "{ visibility: visible; }",
            f'.bodymap:has(input[value="{key}"]:focus) .bodymap-shape-{key} '
            "{ stroke: var(--focus); stroke-width: 6; }",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    CSS_PATH.parent.mkdir(parents=True, exist_ok=True)
    CSS_PATH.write_text(bodymap_css(), encoding="utf-8")
    print(f"wrote {CSS_PATH}")
