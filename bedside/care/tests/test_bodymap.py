"""The body map: front and back figures whose large regions toggle the same checkboxes as the
plain list; works without JavaScript, no hover-only behaviour, no inline styles (CSP)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from bedside.care.bodymap import CSS_PATH, bodymap_css, figures
from bedside.care.regions import FIGURE_HEIGHT, FIGURE_WIDTH, REGION_LIST

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = Path(__file__).resolve().parent.parent / "static"


def test_generated_stylesheet_matches_the_regions():
    assert CSS_PATH.read_text(encoding="utf-8") == bodymap_css(), (
        "run: .venv/bin/python -m bedside.care.bodymap"
    )


def test_every_region_is_on_exactly_one_figure_and_inside_it():
    on_figures = [r.key for f in figures() for r in f.regions]
    assert sorted(on_figures) == sorted(r.key for r in REGION_LIST)
    for r in REGION_LIST:
        x, y, w, h = r.box
        assert 0 <= x and x + w <= FIGURE_WIDTH and 0 <= y and y + h <= FIGURE_HEIGHT, r.key


def test_regions_are_large_enough_for_a_head_pointer():
    # The figure is drawn 260 px wide (care.css): 1.3 px per unit; every region ≥ 48 px a side.
    scale = 260 / FIGURE_WIDTH
    for r in REGION_LIST:
        assert min(r.box[2], r.box[3]) * scale >= 48, r.key


def test_regions_on_one_figure_do_not_overlap():
    for figure in figures():
        boxes = [r.box for r in figure.regions]
        for i, (x, y, w, h) in enumerate(boxes):
            for x2, y2, w2, h2 in boxes[i + 1 :]:
                assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


def test_no_hover_only_behaviour_no_drag_no_inline_styles_in_care_templates():
    for path in list(TEMPLATES.rglob("*.html")) + list(STATIC.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        assert " style=" not in text and "<style" not in text, path
        assert "<script" not in text and "hx-on" not in text, path
        assert "draggable" not in text and 'type="range"' not in text, path
        assert "dblclick" not in text and "mouseover" not in text, path
        # hover may change colour but never reveal anything
        for rule in re.findall(r"[^{}]*:hover[^{]*\{[^}]*\}", text):
            assert "display" not in rule and "visibility" not in rule, (path, rule)


@pytest.mark.datalayer
def test_map_and_list_update_the_same_field(personas, client_for):
    text = (
        client_for(personas.therapist)
        .get(reverse("care:routine_new", args=["theo"]))
        .content.decode()
    )
    for r in REGION_LIST:
        box_id = f"id_regions-{r.key}"
        # exactly one checkbox per region (the form field) …
        assert text.count(f'id="{box_id}"') == 1
        assert f'<input type="checkbox" name="regions" value="{r.key}" id="{box_id}"' in text
        # … labelled by its list entry and by the region's shape on the map
        assert text.count(f'for="{box_id}"') == 2
        assert f'class="bodymap-shape bodymap-shape-{r.key}"' in text
    # the figures only repeat the list for pointers; screen readers read the list once
    assert '<div class="bodymap-figures" aria-hidden="true">' in text
    assert "care/bodymap.css" in text
