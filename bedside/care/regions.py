"""Body regions for the body map: large areas, front and back, each with a translated label.

Shapes are rectangles on a 200×440 figure (x, y, width, height) — big enough to hit with a head
pointer (the smallest, a hand, is 40 units: ≥ 48 CSS px at the map's drawn size). The same list
drives the map, its generated stylesheet (:mod:`bedside.care.bodymap`) and the equivalent plain
list of checkboxes. On the front figure the person faces you, so their left is on your right.
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

    @property
    def center(self) -> tuple[float, float]:
        x, y, w, h = self.box
        return x + w / 2, y + h / 2


REGION_LIST: tuple[Region, ...] = (
    Region("head", _("Head and face"), "front", (70, 0, 60, 50)),
    Region("neck", _("Neck"), "back", (65, 35, 70, 40)),
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
FIGURE_WIDTH, FIGURE_HEIGHT = 200, 440
VIEWS = ("front", "back")


def region_labels(keys: list[str]) -> list[str]:
    return [str(REGIONS[k].label) if k in REGIONS else k for k in keys]


def unknown_regions(keys: list[str]) -> list[str]:
    """The keys that name no region (services refuse them)."""
    return [k for k in keys if k not in REGIONS]


def ordered(keys: list[str]) -> list[str]:
    """Known keys without repeats, in the map's order (head to feet)."""
    chosen = set(keys)
    return [r.key for r in REGION_LIST if r.key in chosen]
