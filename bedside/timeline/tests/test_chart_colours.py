"""Chart colours keep at least 3:1 contrast on the page and card backgrounds, light and dark."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bedside.timeline import svg

CSS = Path(__file__).resolve().parents[1] / "static/timeline/timeline.css"
SITE_CSS = Path(__file__).resolve().parents[2] / "web/static/web/bedside.css"


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def variables(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """Custom properties of the first ``:root`` block (light) and of the dark-mode one."""
    light_block = css[css.index(":root") : css.index("}", css.index(":root"))]
    dark_start = css.index("prefers-color-scheme: dark")
    dark_block = css[dark_start : css.index("}", dark_start)]

    def read(block: str) -> dict[str, str]:
        return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", block))

    return read(light_block), read(dark_block)


@pytest.mark.parametrize("mode", [0, 1], ids=["light", "dark"])
def test_series_and_marker_colours_stand_out_from_the_backgrounds(mode):
    ours = variables(CSS.read_text())[mode]
    site = variables(SITE_CSS.read_text())[mode]
    names = ["--tl-series", "--tl-grid", *[f"--tl-m{i}" for i in range(svg.SHAPES)]]
    assert set(names) <= set(ours)
    for background in ("--bg", "--card"):
        for name in names:
            ratio = contrast(ours[name], site[background])
            assert ratio >= 3.0, f"{name} on {background}: {ratio:.2f}"


def test_every_marker_shape_has_a_colour_class():
    css = CSS.read_text()
    for i in range(svg.SHAPES):
        assert f".marker.m{i} {{ fill: var(--tl-m{i}); }}" in css
