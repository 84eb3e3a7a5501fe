"""How fast function changes: ΔFS since onset, its banding, and the slope over a window.

Months are days / 30.44 (the mean Gregorian month, 365.25 / 12 rounded to two decimals) —
:data:`DAYS_PER_MONTH`. Papers differ on the month they use (some count calendar months), so a
ΔFS computed here can differ from a published one in the second decimal.

ALSFRS-R decline is faster early and not linear (CLINICAL.md): a slope always comes with the
window it was fitted on and the number of assessments in it.

References
----------
.. [1] Kimura F, Fujimura C, Ishida S, et al. Progression rate of ALSFRS-R at time of diagnosis
   predicts survival time in ALS. Neurology. 2006;66:265–267.
.. [2] Labra J, Menon P, Byth K, Morrison S, Vucic S. Rate of disease progression: a prognostic
   biomarker in ALS. J Neurol Neurosurg Psychiatry. 2016;87:628–632.
.. [3] Cedarbaum JM, et al. J Neurol Sci. 1999;169:13–21 (ALSFRS-R, maximum 48).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

DAYS_PER_MONTH = 30.44
ALSFRS_R_MAX = 48


class ProgressionError(ValueError):
    """A rate or slope that cannot be computed from the data given; the message says why."""


def months_between(start: date, end: date) -> float:
    """Months from ``start`` to ``end`` at 30.44 days a month (negative if ``end`` is earlier).

    Examples
    --------
    >>> round(months_between(date(2024, 1, 1), date(2025, 1, 1)), 3)
    12.024
    """
    return (end - start).days / DAYS_PER_MONTH


def delta_fs(total: float, onset: date, assessed: date) -> float:
    """ΔFS: ALSFRS-R points lost per month since symptom onset.

    ΔFS = (48 − total) / months from onset to the assessment (Kimura et al. 2006).

    Parameters
    ----------
    total : float
        ALSFRS-R total, 0–48.
    onset : date
        Date of the first symptom.
    assessed : date
        Date of the assessment; must be after ``onset``.

    Returns
    -------
    float
        Points per month (positive means function lost). Keep the number; band it with
        :func:`band_delta_fs` only for display.

    Raises
    ------
    ProgressionError
        A total outside 0–48, or an assessment on or before the onset date.

    References
    ----------
    Kimura et al., Neurology 2006;66:265–267.

    Examples
    --------
    >>> round(delta_fs(40, date(2024, 1, 1), date(2024, 11, 1)), 3)
    0.798
    """
    if isinstance(total, bool) or not 0 <= total <= ALSFRS_R_MAX:
        raise ProgressionError(f"the ALSFRS-R total is {total!r}; it must be between 0 and 48")
    if assessed <= onset:
        raise ProgressionError(
            f"the assessment ({assessed.isoformat()}) must come after symptom onset "
            f"({onset.isoformat()}) to give a rate"
        )
    return (ALSFRS_R_MAX - total) / months_between(onset, assessed)


@dataclass(frozen=True)
class Band:
    """One band of a ΔFS banding: values up to ``upper`` (inclusive or not) get ``label``."""

    label: str
    upper: float  # math.inf for the last band
    upper_inclusive: bool = False


@dataclass(frozen=True)
class Banding:
    """A named, cited set of ΔFS cut-offs. Bands are in increasing order."""

    key: str
    citation: str
    bands: tuple[Band, ...]
    note: str = ""


# Kimura: < 0.5 / 0.5–1.0 / ≥ 1.0. The labels are ours; the paper's group names are *unverified*.
KIMURA_2006 = Banding(
    key="kimura2006",
    citation="Kimura F, et al. Neurology. 2006;66:265–267",
    bands=(Band("slow", 0.5), Band("intermediate", 1.0), Band("fast", math.inf)),
    note="cut-offs < 0.5, 0.5 to < 1.0, ≥ 1.0 points/month; band names are ours",
)
# Labra: < 0.47 slow, 0.47–1.11 intermediate (1.11 included), > 1.11 fast.
LABRA_2016 = Banding(
    key="labra2016",
    citation="Labra J, et al. J Neurol Neurosurg Psychiatry. 2016;87:628–632",
    bands=(
        Band("slow", 0.47),
        Band("intermediate", 1.11, upper_inclusive=True),
        Band("fast", math.inf),
    ),
    note="< 0.47 slow, 0.47–1.11 intermediate, > 1.11 fast points/month",
)
BANDINGS: dict[str, Banding] = {b.key: b for b in (KIMURA_2006, LABRA_2016)}
DEFAULT_BANDING = KIMURA_2006


def band_delta_fs(value: float, banding: Banding | str = DEFAULT_BANDING) -> str:
    """The band label of a ΔFS value under a named banding.

    Parameters
    ----------
    value : float
        ΔFS in points per month.
    banding : Banding or str
        A :class:`Banding` or its key (``"kimura2006"``, ``"labra2016"``).

    Examples
    --------
    >>> band_delta_fs(1.0), band_delta_fs(1.0, "labra2016"), band_delta_fs(1.11, LABRA_2016)
    ('fast', 'intermediate', 'intermediate')
    >>> band_delta_fs(0.47, "labra2016"), band_delta_fs(0.46, "kimura2006")
    ('intermediate', 'slow')
    """
    if isinstance(banding, str):
        try:
            banding = BANDINGS[banding]
        except KeyError:
            raise ProgressionError(
                f"unknown ΔFS banding {banding!r}; choose one of {', '.join(sorted(BANDINGS))}"
            )
    if math.isnan(value):
        raise ProgressionError("ΔFS is not a number")
    for band in banding.bands:
        if value < band.upper or (band.upper_inclusive and value == band.upper):
            return band.label
    return banding.bands[-1].label


@dataclass(frozen=True)
class Slope:
    """A least-squares slope and what it was fitted on.

    ``start``/``end`` are the window (as asked, or the span of the data when not given);
    ``n`` is the number of assessments inside it.
    """

    points_per_month: float
    start: date
    end: date
    n: int


def slope(
    points: Iterable[tuple[date, float]],
    *,
    start: date | None = None,
    end: date | None = None,
) -> Slope:
    """Ordinary least-squares slope of scores against time, in points per month.

    Parameters
    ----------
    points : iterable of (date, float)
        Assessment dates and totals (any order; repeated dates allowed).
    start, end : date, optional
        The window, both ends included. Default: the first and last date given.

    Returns
    -------
    Slope
        ``points_per_month`` (negative when function declines), the window and ``n``.

    Raises
    ------
    ProgressionError
        Fewer than 2 assessments in the window, all on one day (zero time span), or
        ``start`` after ``end``.

    Examples
    --------
    >>> s = slope([(date(2024, 1, 1), 44), (date(2024, 3, 1), 42), (date(2024, 5, 1), 41)])
    >>> round(s.points_per_month, 3), s.n, s.start.isoformat(), s.end.isoformat()
    (-0.754, 3, '2024-01-01', '2024-05-01')
    """
    data = sorted(points)
    if start is not None and end is not None and start > end:
        raise ProgressionError(
            f"the window starts ({start.isoformat()}) after it ends ({end.isoformat()})"
        )
    if start is not None:
        data = [p for p in data if p[0] >= start]
    if end is not None:
        data = [p for p in data if p[0] <= end]
    if len(data) < 2:
        raise ProgressionError(
            f"a slope needs at least 2 assessments in the window; there {'is' if len(data) == 1 else 'are'} {len(data)}"
        )
    origin = data[0][0]
    xs = [months_between(origin, day) for day, _ in data]
    ys = [float(score) for _, score in data]
    x_mean = sum(xs) / len(xs)
    y_mean = sum(ys) / len(ys)
    sxx = sum((x - x_mean) ** 2 for x in xs)
    if sxx == 0:
        raise ProgressionError(
            "a slope needs assessments on at least 2 different days; all are on "
            f"{origin.isoformat()} (zero time span)"
        )
    sxy = sum((x - x_mean) * (y - y_mean) for x, y in zip(xs, ys, strict=True))
    return Slope(
        points_per_month=sxy / sxx,
        start=start if start is not None else data[0][0],
        end=end if end is not None else data[-1][0],
        n=len(data),
    )
