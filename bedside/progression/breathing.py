"""Breathing and voice tests: units, plausible ranges, and which cited findings apply.

Plausible ranges refuse typing slips (a peak cough flow of 3,000), not unusual people: they are
wide on purpose. The thresholds come from :mod:`bedside.measures.norms` and are shown as what a
study found, never as a diagnosis.

- FVC % predicted: 5–150 %.
- Maximum phonation time (best of 3 sustained "ah" after a full breath): 0–60 s.
- Single-breath count (counting aloud on one full breath): 0–120; pace 0.2–6 counts a second.
- Peak cough flow: 0–900 L/min (healthy adults reach roughly 300–700).
- Speaking rate: 0–300 words a minute.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class TestSpec:
    kind: str
    unit: str  # as stored and exported
    unit_label: Promise  # as shown
    low: float
    high: float
    step: float
    measure: str | None  # the name in bedside.measures.norms, when thresholds exist
    help: Promise


SPECS: dict[str, TestSpec] = {
    "fvc": TestSpec(
        "fvc",
        "%",
        _("% of predicted"),
        5,
        150,
        1,
        None,
        _("Forced vital capacity from a spirometer, as a percentage of the predicted value."),
    ),
    "mpt": TestSpec(
        "mpt",
        "s",
        _("seconds"),
        0,
        60,
        0.1,
        None,
        _("After a full breath, hold “ah” as long as possible; the best of 3 tries."),
    ),
    "sbc": TestSpec(
        "sbc",
        "count",
        _("counted"),
        0,
        120,
        1,
        "single-breath count",
        _("After a full breath, count aloud at an even pace on that one breath. Note the pace."),
    ),
    "pcf": TestSpec(
        "pcf",
        "L/min",
        _("L/min"),
        0,
        900,
        1,
        "peak cough flow",
        _("Cough as hard as possible into a peak flow meter; the best of 3."),
    ),
    "speaking_rate": TestSpec(
        "speaking_rate",
        "words/min",
        _("words a minute"),
        0,
        300,
        1,
        "speaking rate",
        _("Words read aloud in one minute from an ordinary text."),
    ),
}
PACE_LOW = 0.2
PACE_HIGH = 6.0
