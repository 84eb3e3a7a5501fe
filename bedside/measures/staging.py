"""King's and MiToS clinical stages estimated from one ALSFRS-R assessment.

Both need the 12 ALSFRS-R items: a total-only record or the older 10-item ALSFRS (no items 11
and 12) raises :class:`~bedside.measures.alsfrs.ALSFRSError`. Thresholds are applied to the
scores as recorded, so a half point (imported data) counts as it stands: 3.5 is "below 4",
1.5 is not "1 or less".

References
----------
.. [1] Roche JC, Rojas-Garcia R, Scott KM, et al. A proposed staging system for amyotrophic
   lateral sclerosis. Brain. 2012;135:847–852.
.. [2] Balendra R, Jones A, Jivraj N, et al. Estimating clinical stage of amyotrophic lateral
   sclerosis from the ALS Functional Rating Scale. Amyotroph Lateral Scler Frontotemporal
   Degener. 2014;15:279–284.
.. [3] Chiò A, Hammond ER, Mora G, Bonito V, Filippini G. Development and evaluation of a
   clinical staging system for amyotrophic lateral sclerosis. J Neurol Neurosurg Psychiatry.
   2015;86:38–44 (Table 1).
"""

from __future__ import annotations

from dataclasses import dataclass

from .alsfrs import ALSFRSError, Assessment, Instrument

# King's stages in order of severity: "0" < "1" < "2" < "3" < "4A" < "4B".
KINGS_STAGES: tuple[str, ...] = ("0", "1", "2", "3", "4A", "4B")
NO_REGION = "no region involved by the ALSFRS-R mapping"
# MiToS stage 5 is death; it cannot come from an assessment and is here for callers' records.
MITOS_DEATH = 5


def kings_rank(stage: str) -> int:
    """Position of a King's stage in order of severity (``"0"`` → 0 … ``"4B"`` → 5).

    Examples
    --------
    >>> kings_rank("3") < kings_rank("4A") < kings_rank("4B")
    True
    """
    try:
        return KINGS_STAGES.index(stage)
    except ValueError:
        raise ValueError(f"{stage!r} is not a King's stage; expected one of {KINGS_STAGES}")


def _require_items(assessment: Assessment, what: str) -> None:
    if not assessment.has_items:
        raise ALSFRSError(f"{what} needs the 12 ALSFRS-R items; this record holds only a total")
    if assessment.instrument is not Instrument.ALSFRS_R:
        raise ALSFRSError(
            f"{what} needs the 12 ALSFRS-R items; the older 10-item ALSFRS has no items 11 and 12"
        )


@dataclass(frozen=True)
class KingsStaging:
    """King's stage with the findings behind it.

    ``respiratory_4b`` and ``nutritional_4a`` are kept whatever the stage: a person in 4B
    with a gastrostomy has both flags set.
    """

    bulbar: bool
    upper_limb: bool
    lower_limb: bool
    nutritional_4a: bool
    respiratory_4b: bool

    @property
    def regions(self) -> int:
        """How many of bulbar, upper limb and lower limb are involved (0–3)."""
        return int(self.bulbar) + int(self.upper_limb) + int(self.lower_limb)

    @property
    def stage(self) -> str:
        """``"4B"`` first, then ``"4A"``, else the number of regions (``"0"``–``"3"``)."""
        if self.respiratory_4b:
            return "4B"
        if self.nutritional_4a:
            return "4A"
        return str(self.regions)

    @property
    def explanation(self) -> str:
        """One plain English sentence saying why this stage (the CLI prints it)."""
        if self.respiratory_4b:
            return "4B: respiratory involvement (dyspnea item 10 is 0 or respiratory insufficiency item 12 is below 4)"
        if self.nutritional_4a:
            return "4A: item 5 answered in its gastrostomy form (5b)"
        names = [
            name
            for name, involved in (
                ("bulbar", self.bulbar),
                ("upper limb", self.upper_limb),
                ("lower limb", self.lower_limb),
            )
            if involved
        ]
        if not names:
            return f"0: {NO_REGION}"
        count = ("one region", "two regions", "three regions")[len(names) - 1]
        return f"{len(names)}: {count} involved ({', '.join(names)})"


def kings(assessment: Assessment) -> KingsStaging:
    """King's stage from ALSFRS-R, with its flags and regions.

    Rules as implemented by the groups that published them (paper text *unverified*):

    1. 4B if item 10 (dyspnea) = 0 or item 12 (respiratory insufficiency) < 4;
    2. else 4A if item 5b (gastrostomy form) was answered;
    3. else the number of regions involved — bulbar if any of items 1–3 < 4, upper limb if
       item 4 < 4 or item 5a < 4, lower limb if item 8 < 4. Items 6, 7, 9 and 11 are not used,
       so a count of 0 is possible ("no region involved by the ALSFRS-R mapping").

    Parameters
    ----------
    assessment : Assessment
        An ALSFRS-R assessment with its 12 items.

    Returns
    -------
    KingsStaging
        ``stage`` ("0"–"3", "4A", "4B"), the region findings and both stage-4 flags.

    Raises
    ------
    ALSFRSError
        A total-only record or the older 10-item ALSFRS.

    References
    ----------
    Roche et al., Brain 2012; mapping by Balendra et al., ALS FTD 2014.

    Examples
    --------
    >>> k = kings(Assessment.from_items([3, 4, 4, 4, 4, 4, 4, 3, 2, 4, 4, 4]))
    >>> k.stage, k.bulbar, k.lower_limb
    ('2', True, True)
    >>> kings(Assessment.from_items([4, 4, 4, 4, 4, 4, 4, 4, 1, 4, 4, 4])).explanation
    '0: no region involved by the ALSFRS-R mapping'
    """
    _require_items(assessment, "King's staging")
    item = assessment.item
    gastrostomy = bool(assessment.gastrostomy)
    return KingsStaging(
        bulbar=any(item(n) < 4 for n in (1, 2, 3)),
        # Item 5 counts for the upper limb only in its 5a form: 5b is the 4A criterion instead.
        upper_limb=item(4) < 4 or (not gastrostomy and item("5a") < 4),
        lower_limb=item(8) < 4,
        nutritional_4a=gastrostomy,
        respiratory_4b=item(10) == 0 or item(12) < 4,
    )


def kings_stage(assessment: Assessment) -> str:
    """King's stage as a string: ``"0"``–``"3"``, ``"4A"`` or ``"4B"``; see :func:`kings`.

    Examples
    --------
    >>> kings_stage(Assessment.from_items([1, 2, 1, 3, 3, 3, 3, 3, 2, 3, 3, 4], item5="5b"))
    '4A'
    >>> kings_stage(Assessment.from_items([4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 3, 4], item5="5b"))
    '4B'
    """
    return kings(assessment).stage


@dataclass(frozen=True)
class MitosStaging:
    """MiToS: which of the four functional domains are lost."""

    movement: bool
    swallowing: bool
    communicating: bool
    breathing: bool

    @property
    def stage(self) -> int:
        """Number of domains lost, 0–4 (5, death, is never derived from an assessment)."""
        return sum((self.movement, self.swallowing, self.communicating, self.breathing))

    @property
    def lost(self) -> tuple[str, ...]:
        """Names of the lost domains, in Table 1 order."""
        return tuple(
            name
            for name, gone in (
                ("movement", self.movement),
                ("swallowing", self.swallowing),
                ("communicating", self.communicating),
                ("breathing", self.breathing),
            )
            if gone
        )


def mitos(assessment: Assessment) -> MitosStaging:
    """MiToS stage from ALSFRS-R (Chiò et al. 2015, Table 1).

    A domain is lost when:

    - movement: item 8 (walking) ≤ 1 **or** item 6 (dressing and hygiene) ≤ 1;
    - swallowing: item 3 ≤ 1;
    - communicating: item 1 (speech) ≤ 1 **and** item 4 (handwriting) ≤ 1 — several public
      implementations wrongly use OR;
    - breathing: item 10 (dyspnea) ≤ 1 **or** item 12 (respiratory insufficiency) ≤ 2.

    The stage is the number of domains lost (0–4); stage 5 (death, :data:`MITOS_DEATH`) is
    never derived from an assessment.

    Raises
    ------
    ALSFRSError
        A total-only record or the older 10-item ALSFRS.

    References
    ----------
    Chiò et al., J Neurol Neurosurg Psychiatry 2015;86:38–44.

    Examples
    --------
    >>> m = mitos(Assessment.from_items([1, 2, 1, 3, 3, 3, 3, 3, 2, 3, 3, 4], item5="5b"))
    >>> m.stage, m.lost
    (1, ('swallowing',))
    >>> mitos(Assessment.from_items([0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4])).communicating
    False
    """
    _require_items(assessment, "MiToS staging")
    item = assessment.item
    return MitosStaging(
        movement=item(8) <= 1 or item(6) <= 1,
        swallowing=item(3) <= 1,
        communicating=item(1) <= 1 and item(4) <= 1,
        breathing=item(10) <= 1 or item(12) <= 2,
    )


def mitos_stage(assessment: Assessment) -> int:
    """MiToS stage as an int, 0–4; see :func:`mitos`.

    Examples
    --------
    >>> mitos_stage(Assessment.from_items([4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 3, 4]))
    1
    """
    return mitos(assessment).stage
