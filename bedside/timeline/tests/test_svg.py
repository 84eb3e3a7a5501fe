"""The pure SVG builder: parsed back with xml.etree, no database."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from bedside.timeline.series import DayValue
from bedside.timeline.svg import SHAPES, Chart, Marker, marker_path, render, swatch

NS = {"s": "http://www.w3.org/2000/svg"}
START = dt.date(2026, 3, 1)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def chart(**overrides: object) -> Chart:
    spec: dict[str, object] = {
        "chart_id": "c1",
        "title": "Stiffness, last 10 days",
        "description": "Stiffness from 4 to 6.",
        "start": START,
        "end": day(9),
        "lo": 0.0,
        "hi": 10.0,
        "values": [DayValue(day(0), 4.0), DayValue(day(1), 5.0), DayValue(day(4), 6.0)],
        "y_label": "Stiffness (0–10)",
        "x_ticks": [(START, "March 1"), (day(9), "March 10")],
    }
    spec.update(overrides)
    return Chart(**spec)  # type: ignore[arg-type]


def parse(svg_text: str) -> ET.Element:
    return ET.fromstring(svg_text)


def test_chart_is_an_image_with_title_and_description() -> None:
    root = parse(render(chart()))
    assert root.get("role") == "img"
    assert root.find("s:title", NS).text == "Stiffness, last 10 days"
    assert root.find("s:desc", NS).text == "Stiffness from 4 to 6."
    assert root.get("aria-labelledby") == "c1-title c1-desc"


def test_every_day_value_becomes_a_point_higher_values_drawn_higher() -> None:
    root = parse(render(chart()))
    points = root.findall(".//s:circle[@class='point']", NS)
    assert [(p.get("data-day"), float(p.get("data-value"))) for p in points] == [
        ("2026-03-01", 4.0),
        ("2026-03-02", 5.0),
        ("2026-03-05", 6.0),
    ]
    heights = [float(p.get("cy")) for p in points]
    assert heights[0] > heights[1] > heights[2]  # SVG y grows downwards
    xs = [float(p.get("cx")) for p in points]
    assert xs[0] < xs[1] < xs[2]


def test_missing_days_break_the_line_instead_of_joining_it() -> None:
    root = parse(render(chart()))
    lines = root.findall(".//s:path[@class='line']", NS)
    # Days 0 and 1 are joined; day 4 stands alone after a three-day gap: one segment only.
    assert len(lines) == 1
    assert lines[0].get("d").count("L") == 1


def test_values_outside_the_scale_stay_inside_the_plot() -> None:
    root = parse(render(chart(values=[DayValue(day(0), 14.0), DayValue(day(1), -3.0)])))
    top, bottom = [float(p.get("cy")) for p in root.findall(".//s:circle", NS)]
    assert top >= 0
    assert bottom <= float(root.get("height"))


def test_scale_ends_and_unit_are_labelled() -> None:
    root = parse(render(chart(number=lambda v: f"{v:g}")))
    labels = [t.text for t in root.findall(".//s:g[@class='axis y-axis']/s:text", NS)]
    assert "0" in labels and "10" in labels
    assert "Stiffness (0–10)" in labels
    dates = [t.text for t in root.findall(".//s:g[@class='axis x-axis']/s:text", NS)]
    assert dates == ["March 1", "March 10"]


def test_session_markers_sit_in_one_lane_and_shape_per_technique() -> None:
    markers = [Marker(day(0), 0, 1, "massage"), Marker(day(1), 1, 2, "stretch"), Marker(day(2), 0)]
    root = parse(render(chart(markers=markers, kinds=["Hand massage", "Stretching"])))
    drawn = root.findall(".//s:g[@class='markers']/s:path", NS)
    assert [(m.get("data-day"), m.get("data-kind"), m.get("data-count")) for m in drawn] == [
        ("2026-03-01", "0", "1"),
        ("2026-03-02", "1", "2"),
        ("2026-03-03", "0", "1"),
    ]
    assert drawn[0].get("class") == "marker m0"
    assert drawn[1].get("class") == "marker m1"
    lanes = root.findall(".//s:g[@class='markers']/s:line[@class='lane']", NS)
    assert len(lanes) == 2
    # Each marker is centred on its lane, under the plot.
    lane_y = [float(lane.get("y1")) for lane in lanes]
    _x, top = re.match(r"M([\d.]+) ([\d.]+)", drawn[0].get("d")).groups()
    assert abs(float(top) + 6 - lane_y[0]) < 0.01  # a triangle's tip, 6 above the lane
    assert min(lane_y) > max(float(p.get("cy")) for p in root.findall(".//s:circle", NS))


def test_markers_outside_the_period_or_without_a_lane_are_left_out() -> None:
    markers = [Marker(day(-1), 0), Marker(day(20), 0), Marker(day(3), 5)]
    root = parse(render(chart(markers=markers, kinds=["Hand massage"])))
    assert root.findall(".//s:g[@class='markers']/s:path", NS) == []


def test_text_from_users_is_escaped() -> None:
    nasty = 'Massage <script>alert("x")</script> & "friends"'
    svg_text = render(
        chart(
            title=nasty,
            description=nasty,
            y_label=nasty,
            x_ticks=[(START, nasty)],
            markers=[Marker(day(0), 0, 1, nasty)],
            kinds=[nasty],
            chart_id='x" onload="evil',
        )
    )
    assert "<script>" not in svg_text
    root = parse(svg_text)  # still well-formed XML
    assert root.find("s:title", NS).text == nasty
    assert root.get("id") == 'x" onload="evil'
    assert root.get("onload") is None


def test_an_empty_chart_still_draws_its_axes() -> None:
    root = parse(render(chart(values=[], markers=[])))
    assert root.findall(".//s:circle", NS) == []
    assert root.findall(".//s:path[@class='line']", NS) == []
    assert root.find(".//s:g[@class='grid']/s:line", NS) is not None


def test_compact_chart_is_smaller_and_labels_only_the_scale_ends() -> None:
    big = parse(render(chart()))
    small = parse(render(chart(compact=True, width=360, plot_height=90)))
    assert float(small.get("height")) < float(big.get("height"))
    labels = [t.text for t in small.findall(".//s:g[@class='axis y-axis']/s:text", NS)]
    assert labels == ["0", "10"]


def test_no_style_attributes_for_the_content_security_policy() -> None:
    svg_text = render(chart(markers=[Marker(day(0), 0)], kinds=["A"]))
    assert "style=" not in svg_text
    assert "<style" not in svg_text


def test_each_shape_is_different_and_swatches_are_hidden_from_screen_readers() -> None:
    paths = {marker_path(i, 10, 10) for i in range(SHAPES)}
    assert len(paths) == SHAPES
    legend = ET.fromstring(swatch(7))
    assert legend.get("aria-hidden") == "true"
    assert legend.find("s:path", NS).get("class") == "marker m1"
