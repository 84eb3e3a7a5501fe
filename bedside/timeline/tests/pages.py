"""Reading the timeline's pages back in tests: the chart SVG and the data table as XML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from django.urls import reverse

SVG = {"s": "http://www.w3.org/2000/svg"}


def timeline_url(slug: str = "theo") -> str:
    return reverse("timeline:timeline", args=[slug])


def charts_url(slug: str = "theo") -> str:
    return reverse("timeline:charts", args=[slug])


def chart_url(trackable_id: int, slug: str = "theo") -> str:
    return reverse("timeline:chart", args=[slug, trackable_id])


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def chart_svgs(page: str) -> list[ET.Element]:
    """Every chart on the page, parsed (legend swatches are separate, smaller SVGs)."""
    found = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart.*?</svg>', page, re.S)
    return [ET.fromstring(text) for text in found]


def data_table(page: str) -> ET.Element:
    match = re.search(r'<table class="chart-data">.*?</table>', page, re.S)
    assert match, "no data table on the page"
    return ET.fromstring(match.group(0))


def table_rows(page: str) -> dict[str, tuple[str, str]]:
    """``{day: (value, sessions)}`` from the data table."""
    rows = {}
    for tr in data_table(page).iter("tr"):
        if tr.get("data-day"):
            cells = tr.findall("td")
            value = "".join(cells[0].itertext()).strip()
            rows[tr.get("data-day")] = (value, "".join(cells[1].itertext()).strip())
    return rows


def points(svg: ET.Element) -> dict[str, float]:
    return {
        p.get("data-day"): float(p.get("data-value"))
        for p in svg.findall(".//s:circle[@class='point']", SVG)
    }


def markers(svg: ET.Element) -> list[tuple[str, str, str]]:
    return [
        (m.get("data-day"), m.get("data-kind"), m.get("data-count"))
        for m in svg.findall(".//s:g[@class='markers']/s:path", SVG)
    ]


def messages_region(page: str) -> str:
    match = re.search(r'<div id="announce" role="status"[^>]*>(.*?)</div>', page, re.S)
    return match.group(1) if match else ""
