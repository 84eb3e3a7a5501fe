"""Body regions for the body map: large areas, front and back, each with a translated label.

Shapes are rectangles on a 200×440 figure (x, y, width, height) — big enough to hit with a head
pointer. The same list drives the map and its equivalent plain list of toggle buttons.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Region:
    key: str
    label: Promise
    view: str  # "front" or "back"
    box: tuple[int, int, int, int]


REGION_LIST: tuple[Region, ...] = (
    Region("head", _("Head and face"), "front", (70, 0, 60, 50)),
    Region("neck", _("Neck"), "back", (75, 50, 50, 25)),
    Region("chest", _("Chest and ribs"), "front", (55, 75, 90, 70)),
    Region("abdomen", _("Abdomen"), "front", (60, 145, 80, 55)),
    Region("upper-back", _("Upper back and shoulders"), "back", (55, 75, 90, 70)),
    Region("lower-back", _("Lower back"), "back", (60, 145, 80, 55)),
    Region("left-arm", _("Left arm"), "front", (145, 75, 40, 110)),
    Region("right-arm", _("Right arm"), "front", (15, 75, 40, 110)),
    Region("left-hand", _("Left hand"), "front", (150, 185, 40, 40)),
    Region("right-hand", _("Right hand"), "front", (10, 185, 40, 40)),
    Region("hips", _("Hips and buttocks"), "back", (55, 200, 90, 40)),
    Region("left-thigh", _("Left thigh"), "front", (100, 240, 45, 80)),
    Region("right-thigh", _("Right thigh"), "front", (55, 240, 45, 80)),
    Region("left-calf", _("Left calf"), "back", (55, 320, 45, 80)),
    Region("right-calf", _("Right calf"), "back", (100, 320, 45, 80)),
    Region("left-foot", _("Left foot"), "front", (100, 400, 45, 40)),
    Region("right-foot", _("Right foot"), "front", (55, 400, 45, 40)),
)

REGIONS: dict[str, Region] = {r.key: r for r in REGION_LIST}


def region_labels(keys: list[str]) -> list[str]:
    return [str(REGIONS[k].label) if k in REGIONS else k for k in keys]
