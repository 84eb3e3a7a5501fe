"""The trackables every new circle starts with. Labels are translated; keys are stable.

The check-in asks the ratings in this order. Symptoms where less is better come first and the
"higher is better" ratings after them, so that on an ordinary day consecutive answers sit near
each other on the 0–10 row: a head-pointer user moves less between questions (fewer bits per
click, see ACCESSIBILITY.md T5) than with the two kinds interleaved.
"""

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
    # What the two ends of a rating scale mean ("0 = no pain", "10 = worst pain").
    low: Promise | None = None
    high: Promise | None = None

    @property
    def name(self) -> str:
        """The stored name of the built-in (its label is translated at display time)."""
        return self.key.replace("-", " ")


R, M = "rating", "measurement"

DEFAULTS: tuple[DefaultTrackable, ...] = (
    DefaultTrackable(
        "stiffness",
        _("Stiffness"),
        R,
        "0-10",
        0,
        10,
        "lower",
        low=_("not stiff"),
        high=_("as stiff as can be"),
    ),
    DefaultTrackable(
        "pain",
        _("Pain"),
        R,
        "0-10",
        0,
        10,
        "lower",
        low=_("no pain"),
        high=_("worst pain"),
    ),
    DefaultTrackable(
        "headache",
        _("Headache"),
        R,
        "0-10",
        0,
        10,
        "lower",
        low=_("no headache"),
        high=_("worst headache"),
    ),
    DefaultTrackable(
        "swelling",
        _("Swelling"),
        R,
        "0-10",
        0,
        10,
        "lower",
        low=_("no swelling"),
        high=_("worst swelling"),
    ),
    DefaultTrackable(
        "sleep-quality",
        _("Sleep quality"),
        R,
        "0-10",
        0,
        10,
        "higher",
        low=_("very bad sleep"),
        high=_("very good sleep"),
    ),
    DefaultTrackable(
        "breathing-ease",
        _("Breathing ease"),
        R,
        "0-10",
        0,
        10,
        "higher",
        low=_("very hard to breathe"),
        high=_("easy breathing"),
    ),
    DefaultTrackable(
        "voice-strength",
        _("Voice strength"),
        R,
        "0-10",
        0,
        10,
        "higher",
        low=_("no voice"),
        high=_("strong voice"),
    ),
    DefaultTrackable(
        "energy",
        _("Energy (battery)"),
        R,
        "0-10",
        0,
        10,
        "higher",
        low=_("battery empty"),
        high=_("battery full"),
    ),
    DefaultTrackable(
        "mood",
        _("Mood"),
        R,
        "0-10",
        0,
        10,
        "higher",
        low=_("very low"),
        high=_("very good"),
    ),
    DefaultTrackable(
        "left-calf-circumference", _("Left calf circumference"), M, "cm", 15, 70, "neutral", False
    ),
    DefaultTrackable(
        "right-calf-circumference", _("Right calf circumference"), M, "cm", 15, 70, "neutral", False
    ),
    DefaultTrackable("elbow-extension", _("Elbow extension"), M, "deg", -30, 180, "higher", False),
    DefaultTrackable("weight", _("Weight"), M, "kg", 25, 250, "neutral", False),
    DefaultTrackable("ventilator-hours", _("Ventilator hours"), M, "h", 0, 24, "neutral", False),
)

TRACKABLES: dict[str, DefaultTrackable] = {t.key: t for t in DEFAULTS}
