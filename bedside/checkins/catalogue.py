"""The trackables every new circle starts with. Labels are translated; keys are stable."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DefaultTrackable:
    key: str
    label: Promise
    kind: str  # "rating" or "measurement"
    unit: str
    min_value: float
    max_value: float
    direction: str  # "higher", "lower" or "neutral"
    in_checkin: bool = True


R, M = "rating", "measurement"

DEFAULTS: tuple[DefaultTrackable, ...] = (
    DefaultTrackable("stiffness", _("Stiffness"), R, "0-10", 0, 10, "lower"),
    DefaultTrackable("pain", _("Pain"), R, "0-10", 0, 10, "lower"),
    DefaultTrackable("sleep-quality", _("Sleep quality"), R, "0-10", 0, 10, "higher"),
    DefaultTrackable("breathing-ease", _("Breathing ease"), R, "0-10", 0, 10, "higher"),
    DefaultTrackable("voice-strength", _("Voice strength"), R, "0-10", 0, 10, "higher"),
    DefaultTrackable("energy", _("Energy (battery)"), R, "0-10", 0, 10, "higher"),
    DefaultTrackable("headache", _("Headache"), R, "0-10", 0, 10, "lower"),
    DefaultTrackable("swelling", _("Swelling"), R, "0-10", 0, 10, "lower"),
    DefaultTrackable("mood", _("Mood"), R, "0-10", 0, 10, "higher"),
    DefaultTrackable(
        "left-calf-circumference", _("Left calf circumference"), M, "cm", 15, 70, "neutral", False
    ),
    DefaultTrackable(
        "right-calf-circumference",
        _("Right calf circumference"),
        M,
        "cm",
        15,
        70,
        "neutral",
        False,
    ),
    DefaultTrackable("elbow-extension", _("Elbow extension"), M, "deg", -30, 180, "higher", False),
    DefaultTrackable("weight", _("Weight"), M, "kg", 25, 250, "neutral", False),
    DefaultTrackable("ventilator-hours", _("Ventilator hours"), M, "h", 0, 24, "neutral", False),
)

TRACKABLES: dict[str, DefaultTrackable] = {t.key: t for t in DEFAULTS}
