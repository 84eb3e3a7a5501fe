"""Reference values, as plain cited constants: joint range norms, breathing and voice findings.

These are **population findings from the cited studies, never a diagnosis**. A page that uses
them should say what the study found ("in that study, people who counted fewer than 41 … ") and
leave the judgement to the care team. The English ``finding`` texts are for the CLI and
docstrings; pages should key their own translated sentence on ``key``.

References
----------
.. [1] American Academy of Orthopaedic Surgeons. Joint Motion: Method of Measuring and
   Recording. 1965 (the "AAOS" norms; edition as quoted in CLINICAL.md, *unverified*).
.. [2] Klein et al. J Neuromuscul Dis. 2023 — single-breath count against FVC in ALS (as cited
   in CLINICAL.md; title and pages *unverified*).
.. [3] Tabor Gray et al. J Speech Lang Hear Res. 2023 — maximum phonation time in ALS (as cited
   in CLINICAL.md; title and pages *unverified*).
.. [4] Ball LJ, Beukelman DR, et al. — speaking rate and intelligibility in ALS (exact paper
   *unverified*).
.. [5] Peak cough flow cut-offs 270 and 160 L/min: widely used (often attributed to Bach and
   colleagues); primary source *unverified*.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RangeNorm:
    """A normal joint range by the neutral-zero method, in degrees (``low``–``high``)."""

    key: str
    joint: str
    movement: str
    low: float
    high: float
    source: str
    unit: str = "deg"


AAOS = "American Academy of Orthopaedic Surgeons (AAOS) classic norms"

# Neutral-zero method: anatomical position = 0°. Elbow extension's norm is 0° (no hyperextension).
JOINT_RANGE_NORMS: tuple[RangeNorm, ...] = (
    RangeNorm("elbow_flexion", "elbow", "flexion", 0, 150, AAOS),
    RangeNorm("elbow_extension", "elbow", "extension", 0, 0, AAOS),
    RangeNorm("shoulder_flexion", "shoulder", "flexion", 0, 180, AAOS),
    RangeNorm("knee_flexion", "knee", "flexion", 0, 135, AAOS),
    RangeNorm("ankle_dorsiflexion", "ankle", "dorsiflexion", 0, 20, AAOS),
    RangeNorm("ankle_plantarflexion", "ankle", "plantarflexion", 0, 50, AAOS),
)
JOINT_RANGE_BY_KEY: dict[str, RangeNorm] = {n.key: n for n in JOINT_RANGE_NORMS}


@dataclass(frozen=True)
class Threshold:
    """A value below which a study found something, stated as that study's finding.

    ``below`` is the cut-off: a measurement strictly less than it falls on the side the study
    describes in ``finding``.
    """

    key: str
    measure: str
    unit: str
    below: float
    finding: str
    source: str
    conditions: str = ""


SINGLE_BREATH_COUNT_FVC = Threshold(
    key="sbc_fvc80",
    measure="single-breath count",
    unit="count",
    below=41,
    finding="in that study, an upright count below 41 went with an FVC below 80% of predicted",
    source="Klein et al., J Neuromuscul Dis 2023",
    conditions="upright, counting aloud on one full breath; record the pace",
)
SINGLE_BREATH_COUNT_NIV = Threshold(
    key="sbc_niv",
    measure="single-breath count",
    unit="count",
    below=39,
    finding="in that study, a count below 39 went with breathing support (NIV) possibly being indicated",
    source="Klein et al., J Neuromuscul Dis 2023",
    conditions="upright, counting aloud on one full breath; record the pace",
)
PEAK_COUGH_FLOW_RISK = Threshold(
    key="pcf_risk",
    measure="peak cough flow",
    unit="L/min",
    below=270,
    finding="below 270 L/min is commonly reported as a raised risk of chest infection",
    source="widely used cut-off; primary source unverified",
)
PEAK_COUGH_FLOW_INEFFECTIVE = Threshold(
    key="pcf_ineffective",
    measure="peak cough flow",
    unit="L/min",
    below=160,
    finding="below 160 L/min is commonly reported as an ineffective cough",
    source="widely used cut-off; primary source unverified",
)
# Intelligibility falls sharply somewhere between 100 and 120 words/minute: we keep the upper
# end as the cut-off and say "about" in the finding, since the source gives a range.
SPEAKING_RATE_INTELLIGIBILITY = Threshold(
    key="speaking_rate",
    measure="speaking rate",
    unit="words/min",
    below=120,
    finding="in studies of ALS speech, intelligibility fell sharply below about 100–120 words a minute",
    source="Ball, Beukelman et al. (exact paper unverified)",
)
SPEAKING_RATE_RANGE: tuple[float, float] = (100, 120)

BREATHING_AND_VOICE: tuple[Threshold, ...] = (
    SINGLE_BREATH_COUNT_FVC,
    SINGLE_BREATH_COUNT_NIV,
    PEAK_COUGH_FLOW_RISK,
    PEAK_COUGH_FLOW_INEFFECTIVE,
    SPEAKING_RATE_INTELLIGIBILITY,
)

# No cut-off: maximum phonation time (sustained "ah", best of 3) tracks FVC and cough strength.
MAXIMUM_PHONATION_TIME_NOTE = (
    "maximum phonation time (best of 3 sustained 'ah' after a full breath) tracks FVC and "
    "cough strength in ALS (Tabor Gray et al., JSLHR 2023); no cut-off is given"
)


def findings_below(measure: str, value: float) -> tuple[Threshold, ...]:
    """The study findings a measurement falls under, most severe (lowest cut-off) first.

    Information to show with its source, never a diagnosis.

    Examples
    --------
    >>> [t.key for t in findings_below("single-breath count", 38)]
    ['sbc_niv', 'sbc_fvc80']
    >>> findings_below("peak cough flow", 300)
    ()
    """
    known = {t.measure for t in BREATHING_AND_VOICE}
    if measure not in known:
        raise ValueError(f"no reference values for {measure!r}; known: {', '.join(sorted(known))}")
    hits = [t for t in BREATHING_AND_VOICE if t.measure == measure and value < t.below]
    return tuple(sorted(hits, key=lambda t: t.below))
