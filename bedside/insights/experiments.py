"""Home experiments: randomized schedules, how long to run them, and the randomization test.

Pure Python with numpy and scipy (no Django), so a schedule can be designed and a finished
experiment re-analysed from plain data.

Two designs (STATISTICS.md, "Randomized experiments"):

- **Randomized pairs** (``"pairs"``), for effects seen the next day: the nights go in
  consecutive pairs; in each pair one night is ON (do the technique) and the other OFF, in an
  order drawn at random. The response to a night is the outcome rated the day after it. The
  statistic is the mean over complete pairs of (ON − OFF); its reference distribution is the
  2^m sign flips of the m complete pairs — every order the randomization could have drawn.
- **On/off blocks** (``"blocks"``), for effects that last about a week: blocks of ``block_days``
  (14) days, at least 6, half of them ON, chosen at random among every balanced assignment. In an
  ON block the technique is given every ``every_days`` days from the block's first evening. The
  first ``washout_days`` (7) days of each block are a wash-out (the previous block's effect may
  still be fading in or out) and are not analysed. The statistic is the ON − OFF difference of
  the analysed ratings after a straight line (the slow change of ALS) is taken out of them; its
  reference distribution is every assignment of the blocks that have ratings with as many ON
  blocks as were observed (with complete randomization of the blocks, that conditional set is
  uniform too, so an experiment stopped early is still analysed exactly).

The randomization test is exact when the reference set is small enough to enumerate (pairs: up to
2^16 orders; blocks: up to 20,000 assignments) and otherwise Monte Carlo with a fixed seed
(p = (1 + hits) / (1 + draws), which keeps it valid). The effect's range is the set of constant
shifts the test does not reject at 5% (test inversion), so estimate, range and p-value agree.

How long: an analytic power calculation (t approximation, checked against
:func:`simulate_power`, which runs the actual test on simulated AR(1) logs). For pairs, the
standard deviation of a pair's difference is that of the change between two consecutive days'
ratings, which :func:`outcome_noise` measures directly from the circle's log; pairs with a
missing rating are lost (``rated_share²`` of pairs are complete), and a night not done as
scheduled dilutes the effect by ``2·adherence − 1``. With ρ = 0, 80% of mornings rated and full
adherence this gives the reference figures of STATISTICS.md for a 0.8 SD effect (about 35% at 4
weeks, 60% at 8, 80% at 12, 92% at 17).

References
----------
Edgington, E. S. & Onghena, P. (2007). Randomization Tests, 4th ed. Chapman & Hall/CRC.
Kravitz, R. L., Duan, N., eds. (2014). Design and Implementation of N-of-1 Trials: A User's
Guide. AHRQ Publication No. 13(14)-EHC122-EF.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from scipy import stats

FloatArray = npt.NDArray[np.float64]

PAIRS: Final = "pairs"
BLOCKS: Final = "blocks"
KINDS: Final = (PAIRS, BLOCKS)

ALPHA: Final = 0.05
TARGET_POWER: Final = 0.80
BLOCK_DAYS: Final = 14
WASHOUT_DAYS: Final = 7
MIN_BLOCKS: Final = 6
# The smallest number of complete pairs whose exact two-sided p-value can fall below 5%
# (2 / 2**6 = 0.031); with fewer, no result can be called clear.
MIN_PAIRS: Final = 6
PLAN_MIN_PAIRS: Final = 7  # two weeks: every weekday is ON and OFF about equally often
MAX_WEEKS: Final = 26
EXACT_PAIRS: Final = 16  # enumerate 2**16 = 65,536 orders; beyond that, Monte Carlo
EXACT_BLOCKS: Final = 20_000  # enumerate up to this many assignments of the blocks
MC_DRAWS: Final = 20_000
DEFAULT_ADHERENCE: Final = 0.95
# When the log has too few ratings to measure the day-to-day variation: a typical 0–10 rating
# in simulated and demo logs (SD about 1.3 points, lag-one correlation about 0.5).
DEFAULT_SD: Final = 1.3
DEFAULT_RHO: Final = 0.5
DEFAULT_RATED_SHARE: Final = 0.8
MIN_NOISE_DAYS: Final = 14


# --- schedules -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Night:
    """One evening of an experiment."""

    day: dt.date
    unit: int  # pair or block number, from 0
    on: bool  # the condition of the pair night / the block
    session: bool  # the technique is to be given this evening


@dataclass(frozen=True)
class Response:
    """One rated day the analysis reads: which unit, which condition."""

    unit: int
    on: bool
    day: dt.date


@dataclass(frozen=True)
class Design:
    """A randomized schedule.

    ``order[i]`` is, for pairs, whether the first night of pair ``i`` is ON; for blocks, whether
    block ``i`` is ON.
    """

    kind: str
    start: dt.date
    order: tuple[bool, ...]
    seed: int
    block_days: int = BLOCK_DAYS
    every_days: int = 1
    washout_days: int = WASHOUT_DAYS

    @property
    def units(self) -> int:
        return len(self.order)

    @property
    def days(self) -> int:
        return 2 * self.units if self.kind == PAIRS else self.units * self.block_days

    @property
    def end(self) -> dt.date:
        """The last evening of the schedule."""
        return self.start + dt.timedelta(days=self.days - 1)

    def nights(self) -> list[Night]:
        out: list[Night] = []
        for i in range(self.days):
            day = self.start + dt.timedelta(days=i)
            if self.kind == PAIRS:
                unit, second = divmod(i, 2)
                on = self.order[unit] != bool(second)
                out.append(Night(day, unit, on, on))
            else:
                unit, offset = divmod(i, self.block_days)
                on = self.order[unit]
                out.append(Night(day, unit, on, on and offset % self.every_days == 0))
        return out

    def responses(self) -> list[Response]:
        """The rated days the analysis reads, in order."""
        if self.kind == PAIRS:
            return [Response(n.unit, n.on, n.day + dt.timedelta(days=1)) for n in self.nights()]
        return [
            Response(n.unit, n.on, n.day)
            for i, n in enumerate(self.nights())
            if i % self.block_days >= self.washout_days
        ]

    def units_through(self, last_night: dt.date) -> int:
        """How many whole pairs or blocks had all their evenings by ``last_night``."""
        if last_night < self.start:
            return 0
        days = (last_night - self.start).days + 1
        size = 2 if self.kind == PAIRS else self.block_days
        return min(self.units, days // size)


def design_pairs(start: dt.date, pairs: int, *, seed: int) -> Design:
    """Randomized pairs: in each consecutive pair of nights one is ON, in a random order.

    Examples
    --------
    >>> d = design_pairs(dt.date(2026, 3, 2), 3, seed=1)
    >>> [n.on for n in d.nights()].count(True)
    3
    """
    if pairs < 1:
        raise ValueError("an experiment needs at least one pair of nights")
    rng = np.random.default_rng(seed)
    order = tuple(bool(b) for b in rng.integers(0, 2, size=pairs))
    return Design(PAIRS, start, order, seed)


def design_blocks(
    start: dt.date,
    blocks: int,
    *,
    seed: int,
    block_days: int = BLOCK_DAYS,
    every_days: int = 1,
    washout_days: int = WASHOUT_DAYS,
) -> Design:
    """On/off blocks: an even number (≥ 6) of ``block_days``-day blocks, half ON at random."""
    if blocks < MIN_BLOCKS or blocks % 2:
        raise ValueError(f"a block design needs an even number of blocks, at least {MIN_BLOCKS}")
    if not 0 <= washout_days < block_days or every_days < 1:
        raise ValueError("the wash-out must be shorter than a block and sessions at least daily")
    rng = np.random.default_rng(seed)
    flags = np.array([True] * (blocks // 2) + [False] * (blocks // 2))
    order = tuple(bool(b) for b in rng.permutation(flags))
    return Design(BLOCKS, start, order, seed, block_days, every_days, washout_days)


# --- how noisy is the outcome --------------------------------------------------------------


@dataclass(frozen=True)
class Noise:
    """The outcome's day-to-day variation, as the power calculation needs it."""

    sd: float  # residual SD around the slow trend, in outcome units
    sd_change: float  # SD of the change between two consecutive days' ratings
    rho: float  # lag-one correlation implied by the two
    rated_share: float  # share of days with a rating
    days: int  # rated days the figures come from
    assumed: bool = False  # True when the log had too few ratings: typical values were used

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_noise(sd: float = DEFAULT_SD) -> Noise:
    rho = DEFAULT_RHO
    return Noise(sd, sd * math.sqrt(2 * (1 - rho)), rho, DEFAULT_RATED_SHARE, 0, True)


def outcome_noise(values: Mapping[dt.date, float], *, last_days: int = 120) -> Noise:
    """Measure the day-to-day variation of an outcome from its daily values.

    Uses the last ``last_days`` days that have values: the residual SD around a straight line
    (ALS drifts), the SD of the change between consecutive rated days, and the share of days
    rated. Falls back to :func:`default_noise` with fewer than 14 rated days.
    """
    if not values:
        return default_noise()
    last = max(values)
    first = last - dt.timedelta(days=last_days - 1)
    days = sorted(d for d in values if d >= first)
    if len(days) < MIN_NOISE_DAYS:
        return default_noise()
    t = np.array([(d - first).days for d in days], dtype=np.float64)
    y = np.array([values[d] for d in days], dtype=np.float64)
    z = np.column_stack([np.ones_like(t), t])
    beta, *_ = np.linalg.lstsq(z, y, rcond=None)
    residual = y - z @ beta
    sd = float(np.sqrt(residual @ residual / max(len(y) - 2, 1)))
    consecutive = np.diff(t) == 1
    changes = np.diff(y)[consecutive]
    if changes.size >= MIN_NOISE_DAYS // 2:
        sd_change = float(np.std(changes, ddof=1))
    else:
        sd_change = sd * math.sqrt(2 * (1 - DEFAULT_RHO))
    if sd <= 0 or sd_change <= 0:
        return default_noise()
    rho = min(max(1 - sd_change**2 / (2 * sd**2), 0.0), 0.95)
    span = int(t[-1] - t[0]) + 1
    return Noise(sd, sd_change, rho, len(days) / span, len(days))


# --- power and length ----------------------------------------------------------------------


def _t_power(ncp: float, df: float, alpha: float) -> float:
    if df < 1:
        return 0.0
    crit = float(stats.t.ppf(1 - alpha / 2, df))
    upper = float(stats.nct.sf(crit, df, ncp))
    lower = float(stats.nct.cdf(-crit, df, ncp))
    total = upper + lower
    if not math.isfinite(total):  # scipy's noncentral t gives up far in the tail
        total = 1.0 if ncp > crit else 0.0
    return min(max(total, 0.0), 1.0)


def _dilution(adherence: float) -> float:
    """ON nights not done and OFF nights done anyway shrink the ON − OFF difference."""
    return max(2 * min(max(adherence, 0.5), 1.0) - 1, 0.0)


def power_pairs(
    *,
    effect: float,
    noise: Noise,
    pairs: int,
    adherence: float = DEFAULT_ADHERENCE,
    alpha: float = ALPHA,
) -> float:
    """Chance that ``pairs`` randomized pairs show an effect of ``effect`` (outcome units).

    Examples
    --------
    >>> n = Noise(1.0, math.sqrt(2), 0.0, 0.8, 0)
    >>> round(power_pairs(effect=0.8, noise=n, pairs=42, adherence=1.0), 2)
    0.81
    """
    complete = pairs * noise.rated_share**2
    if math.floor(complete) < MIN_PAIRS or noise.sd_change <= 0:
        return 0.0
    delta = abs(effect) * _dilution(adherence)
    ncp = delta / noise.sd_change * math.sqrt(complete)
    return _t_power(ncp, complete - 1, alpha)


def _block_variance(noise: Noise, block_days: int, washout_days: int) -> float:
    """Variance of one block's mean rating over its analysed days (AR(1) within the block)."""
    m = max(block_days - washout_days, 1)
    rho = noise.rho
    inflation = 1 + 2 * sum((1 - k / m) * rho**k for k in range(1, m))
    return noise.sd**2 * inflation / m / max(noise.rated_share, 0.05)


def power_blocks(
    *,
    effect: float,
    noise: Noise,
    blocks: int,
    adherence: float = DEFAULT_ADHERENCE,
    alpha: float = ALPHA,
    block_days: int = BLOCK_DAYS,
    washout_days: int = WASHOUT_DAYS,
) -> float:
    """Chance that ``blocks`` on/off blocks show an effect of ``effect`` (outcome units).

    Zero when even the most extreme assignment could not reach ``alpha`` (6 blocks: 20
    assignments, smallest two-sided p 0.10), so the plan always asks for 8 or more.
    """
    if blocks < MIN_BLOCKS:
        return 0.0
    # The test can only say p = k/N; an assignment and its complement are equally extreme, so k
    # is even. Its real level is the largest even k/N below alpha (8 blocks: 2/70 = 0.029).
    count = math.comb(blocks, blocks // 2)
    level = 2 * math.floor((alpha * count - 1e-9) / 2) / count
    se = math.sqrt(4 * _block_variance(noise, block_days, washout_days) / blocks)
    if level <= 0 or se <= 0:
        return 0.0
    ncp = abs(effect) * _dilution(adherence) / se
    return _t_power(ncp, blocks - 3, level)  # the line takes one more degree of freedom


def power(
    kind: str,
    *,
    effect: float,
    noise: Noise,
    units: int,
    adherence: float = DEFAULT_ADHERENCE,
    alpha: float = ALPHA,
    block_days: int = BLOCK_DAYS,
    washout_days: int = WASHOUT_DAYS,
) -> float:
    if kind == PAIRS:
        return power_pairs(
            effect=effect, noise=noise, pairs=units, adherence=adherence, alpha=alpha
        )
    return power_blocks(
        effect=effect,
        noise=noise,
        blocks=units,
        adherence=adherence,
        alpha=alpha,
        block_days=block_days,
        washout_days=washout_days,
    )


@dataclass(frozen=True)
class LengthPlan:
    """How long an experiment should run to show the target effect."""

    kind: str
    units: int  # pairs or blocks
    days: int
    power: float
    reached: bool  # the target power is reached within MAX_WEEKS
    curve: tuple[tuple[int, float], ...]  # (units, power) at a few lengths, for the family

    @property
    def weeks(self) -> int:
        return math.ceil(self.days / 7)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["weeks"] = self.weeks
        return out


def unit_range(kind: str, *, max_weeks: int = MAX_WEEKS, block_days: int = BLOCK_DAYS) -> range:
    """Every length the planner considers: pairs from two weeks, even block counts from 6."""
    if kind == PAIRS:
        return range(PLAN_MIN_PAIRS, max_weeks * 7 // 2 + 1)
    top = max_weeks * 7 // block_days
    return range(MIN_BLOCKS, max(top, MIN_BLOCKS) + 1, 2)


def plan_length(
    kind: str,
    *,
    effect: float,
    noise: Noise,
    target: float = TARGET_POWER,
    adherence: float = DEFAULT_ADHERENCE,
    alpha: float = ALPHA,
    max_weeks: int = MAX_WEEKS,
    block_days: int = BLOCK_DAYS,
    washout_days: int = WASHOUT_DAYS,
) -> LengthPlan:
    """The shortest design that reaches ``target`` power (or the longest one considered).

    Examples
    --------
    >>> n = Noise(1.0, math.sqrt(2), 0.0, 0.8, 0)
    >>> plan_length(PAIRS, effect=0.8, noise=n, adherence=1.0).weeks
    12
    """
    if kind not in KINDS:
        raise ValueError(f"unknown design {kind!r}")
    lengths = unit_range(kind, max_weeks=max_weeks, block_days=block_days)

    def p(units: int) -> float:
        return power(
            kind,
            effect=effect,
            noise=noise,
            units=units,
            adherence=adherence,
            alpha=alpha,
            block_days=block_days,
            washout_days=washout_days,
        )

    chosen, reached = lengths[-1], False
    for units in lengths:
        if p(units) >= target:
            chosen, reached = units, True
            break
    size = 2 if kind == PAIRS else block_days
    if kind == PAIRS:
        marks = sorted({u for u in (14, 28, 42, 60, lengths[-1], chosen) if u in lengths})
    else:
        marks = sorted({u for u in (6, 8, 10, 12, lengths[-1], chosen) if u in lengths})
    curve = tuple((u, round(p(u), 3)) for u in marks)
    return LengthPlan(kind, chosen, chosen * size, p(chosen), reached, curve)


def detectable_effect(
    kind: str,
    *,
    noise: Noise,
    units: int,
    target: float = TARGET_POWER,
    adherence: float = DEFAULT_ADHERENCE,
    alpha: float = ALPHA,
    block_days: int = BLOCK_DAYS,
    washout_days: int = WASHOUT_DAYS,
) -> float | None:
    """The smallest effect that ``units`` pairs or blocks would show ``target`` of the time.

    ``None`` when no effect could (too few units for the test to reach ``alpha``).
    """

    def p(effect: float) -> float:
        return power(
            kind,
            effect=effect,
            noise=noise,
            units=units,
            adherence=adherence,
            alpha=alpha,
            block_days=block_days,
            washout_days=washout_days,
        )

    high = 20 * max(noise.sd, noise.sd_change)
    if p(high) < target:
        return None
    low = 0.0
    for _ in range(60):
        mid = (low + high) / 2
        if p(mid) >= target:
            high = mid
        else:
            low = mid
    return high


# --- the randomization test ----------------------------------------------------------------


@dataclass(frozen=True)
class TestResult:
    """The analysis of one experiment (effect = ON minus OFF, in outcome units)."""

    __test__ = False  # not a pytest class

    kind: str
    effect: float | None
    ci_low: float | None  # None: the data cannot bound the effect on that side
    ci_high: float | None
    p_value: float | None
    units_planned: int
    units_used: int  # complete pairs, or blocks with ratings
    units_on: int
    units_off: int
    exact: bool
    reference_size: int  # assignments enumerated (exact) or drawn (Monte Carlo)
    mean_on: float | None
    mean_off: float | None
    days_on: int
    days_off: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Reference:
    """The statistic over a reference set of assignments, for any constant shift δ."""

    exact: bool
    size: int
    observed_index: int

    def stats(self, delta: float) -> FloatArray:  # pragma: no cover - interface
        raise NotImplementedError

    def p_value(self, delta: float = 0.0) -> float:
        values = self.stats(delta)
        observed = abs(values[self.observed_index])
        hits = int(np.count_nonzero(np.abs(values) >= observed - 1e-9 * max(1.0, observed)))
        # Exact: the share of all assignments at least as extreme. Monte Carlo: the observed
        # assignment is one of the rows, so this is (1 + hits among draws) / (1 + draws).
        return hits / values.size


class _PairsReference(_Reference):
    def __init__(self, diffs: FloatArray, *, draws: int, seed: int) -> None:
        m = diffs.size
        self.diffs = diffs
        if m <= EXACT_PAIRS:
            codes = np.arange(2**m, dtype=np.int64)
            bits = (codes[:, None] >> np.arange(m, dtype=np.int64)[None, :]) & 1
            self.signs = (1 - 2 * bits).astype(np.float64)  # code 0: the observed signs
            self.exact = True
        else:
            rng = np.random.default_rng(seed)
            drawn = rng.choice(np.array([-1.0, 1.0]), size=(draws, m))
            self.signs = np.vstack([np.ones((1, m)), drawn])
            self.exact = False
        self.size = self.signs.shape[0] - (0 if self.exact else 1)
        self.observed_index = 0

    def stats(self, delta: float) -> FloatArray:
        result: FloatArray = self.signs @ (self.diffs - delta) / self.diffs.size
        return result


class _BlocksReference(_Reference):
    """ON − OFF difference of the ratings after a straight line is taken out of them.

    The line is fitted to the ratings alone (not to the assignment), so every assignment's
    statistic has the same spread under the null; fitting ``y ~ 1 + day + ON`` instead makes
    assignments that run with time (all ON blocks late) look extreme, which costs most of the
    power of a 6–10 block design. Shifted by δ (ON days lowered by δ), the statistic is linear
    in δ, and the estimate is the δ at which the observed statistic is zero.
    """

    def __init__(
        self,
        y: FloatArray,
        t: FloatArray,
        block: npt.NDArray[np.int64],
        observed: npt.NDArray[np.bool_],
        *,
        draws: int,
        seed: int,
    ) -> None:
        blocks = observed.size
        on = int(observed.sum())
        n = y.size
        z = np.column_stack([np.ones(n), t - t.mean()])
        resid = np.eye(n) - z @ np.linalg.solve(z.T @ z, z.T)
        d = np.zeros((n, blocks))
        d[np.arange(n), block] = 1.0
        a_obs = observed.astype(np.float64)
        # Per block: the sums of the detrended ratings and of the detrended observed ON flag.
        self.w = d.T @ (resid @ y)
        self.v = d.T @ (resid @ (d @ a_obs))
        self.counts = d.sum(axis=0)
        count = math.comb(blocks, on)
        if count <= EXACT_BLOCKS:
            rows = np.zeros((count, blocks))
            for i, chosen in enumerate(itertools.combinations(range(blocks), on)):
                rows[i, list(chosen)] = 1.0
            self.exact = True
            self.observed_index = int(np.flatnonzero((rows == a_obs).all(axis=1))[0])
        else:
            rng = np.random.default_rng(seed)
            drawn = np.array([rng.permutation(a_obs) for _ in range(draws)], dtype=np.float64)
            rows = np.vstack([a_obs[None, :], drawn])
            self.exact = False
            self.observed_index = 0
        self.rows = rows
        self.size = rows.shape[0] - (0 if self.exact else 1)
        n_on = rows @ self.counts
        n_off = self.counts.sum() - n_on
        # stat(a; δ) = Σ_days c_a · (My − δ·Mx_obs), c_a = +1/n_on on ON days, −1/n_off on OFF.
        self.coef = (rows / n_on[:, None]) - ((1 - rows) / n_off[:, None])

    def stats(self, delta: float) -> FloatArray:
        result: FloatArray = self.coef @ (self.w - delta * self.v)
        return result

    def estimate(self) -> float:
        c = self.coef[self.observed_index]
        slope = float(c @ self.v)
        return float(c @ self.w) / slope if abs(slope) > 1e-12 else 0.0


def _interval(
    ref: _Reference, estimate: float, scale: float, alpha: float
) -> tuple[float | None, float | None]:
    """Shifts not rejected at ``alpha``: where the p-value crosses ``alpha`` on each side."""

    def bound(direction: float) -> float | None:
        inner, outer = estimate, estimate + direction * max(scale, 1e-6)
        for _ in range(60):  # widen until rejected
            if ref.p_value(outer) <= alpha:
                break
            inner, outer = outer, estimate + 2 * (outer - estimate)
        else:
            return None
        if ref.p_value(outer) > alpha:
            return None
        for _ in range(50):
            mid = (inner + outer) / 2
            if ref.p_value(mid) > alpha:
                inner = mid
            else:
                outer = mid
        return (inner + outer) / 2

    return bound(-1.0), bound(1.0)


def randomization_test(
    design: Design,
    outcome: Mapping[dt.date, float],
    *,
    alpha: float = ALPHA,
    draws: int = MC_DRAWS,
    seed: int | None = None,
    interval: bool = True,
) -> TestResult:
    """Analyse an experiment by the randomization actually used.

    Parameters
    ----------
    design : the schedule that was randomized (and followed, as far as the family could).
    outcome : the outcome's value per day (days without a rating are simply absent).
    alpha : the level of the range (95% for 0.05).
    draws, seed : Monte Carlo draws when the reference set is too large to enumerate; the seed
        defaults to the design's, so the same data always give the same p-value.
    interval : also compute the range by test inversion.

    Returns
    -------
    TestResult with the ON − OFF effect, its range, the two-sided p-value and what was used.
    An experiment stopped early is analysed the same way: units without data drop out.
    """
    seed = design.seed + 1 if seed is None else seed
    responses = [r for r in design.responses() if r.day in outcome]
    values_on = [outcome[r.day] for r in responses if r.on]
    values_off = [outcome[r.day] for r in responses if not r.on]
    mean_on = float(np.mean(values_on)) if values_on else None
    mean_off = float(np.mean(values_off)) if values_off else None
    ref: _Reference | None = None
    estimate: float | None = None
    scale = 1.0
    units_on = units_off = 0
    if design.kind == PAIRS:
        by_unit: dict[int, dict[bool, float]] = {}
        for r in responses:
            by_unit.setdefault(r.unit, {})[r.on] = outcome[r.day]
        diffs = np.array(
            [v[True] - v[False] for _, v in sorted(by_unit.items()) if len(v) == 2],
            dtype=np.float64,
        )
        used = units_on = units_off = int(diffs.size)
        if diffs.size:
            estimate = float(diffs.mean())
            scale = float(np.std(diffs)) + abs(estimate) + 1e-3
            ref = _PairsReference(diffs, draws=draws, seed=seed)
    else:
        blocks_with_data = sorted({r.unit for r in responses})
        used = len(blocks_with_data)
        index = {b: i for i, b in enumerate(blocks_with_data)}
        observed = np.array([design.order[b] for b in blocks_with_data], dtype=np.bool_)
        units_on, units_off = int(observed.sum()), int((~observed).sum())
        if units_on and units_off:
            y = np.array([outcome[r.day] for r in responses], dtype=np.float64)
            t = np.array([(r.day - design.start).days for r in responses], dtype=np.float64)
            block = np.array([index[r.unit] for r in responses], dtype=np.int64)
            blocks_ref = _BlocksReference(y, t, block, observed, draws=draws, seed=seed)
            estimate = blocks_ref.estimate()
            scale = float(np.std(y)) + abs(estimate) + 1e-3
            ref = blocks_ref
    if ref is None or estimate is None:
        return TestResult(
            design.kind,
            estimate,
            None,
            None,
            None,
            design.units,
            used,
            units_on,
            units_off,
            True,
            0,
            mean_on,
            mean_off,
            len(values_on),
            len(values_off),
        )
    low, high = _interval(ref, estimate, scale, alpha) if interval else (None, None)
    return TestResult(
        design.kind,
        estimate,
        low,
        high,
        ref.p_value(0.0),
        design.units,
        used,
        units_on,
        units_off,
        ref.exact,
        ref.size,
        mean_on,
        mean_off,
        len(values_on),
        len(values_off),
    )


# --- simulation (checks the analytic power) ------------------------------------------------


def _ar1(rng: np.random.Generator, n: int, rho: float) -> FloatArray:
    e = np.empty(n)
    e[0] = rng.normal()
    scale = math.sqrt(1 - rho * rho)
    for i in range(1, n):
        e[i] = rho * e[i - 1] + scale * rng.normal()
    return e


def simulate_power(
    kind: str,
    *,
    effect_sd: float,
    units: int,
    rho: float = 0.0,
    rated_share: float = DEFAULT_RATED_SHARE,
    adherence: float = 1.0,
    sims: int = 400,
    seed: int = 0,
    alpha: float = ALPHA,
    draws: int = 999,
    every_days: int = 1,
) -> float:
    """Share of simulated experiments whose randomization test gives p < ``alpha``.

    Each simulated log: AR(1) noise with SD 1 and lag-one correlation ``rho``, a slow decline
    (1 SD over half a year), each day rated with probability ``rated_share``, each evening done
    as scheduled with probability ``adherence``. Pairs: a session lowers the next day's rating by
    ``effect_sd``; blocks: every day of an adherent ON block after its wash-out is lowered.
    """
    rng = np.random.default_rng(seed)
    start = dt.date(2026, 1, 5)
    hits = 0
    for i in range(sims):
        if kind == PAIRS:
            design = design_pairs(start, units, seed=seed * 100_003 + i)
        else:
            design = design_blocks(start, units, seed=seed * 100_003 + i, every_days=every_days)
        n = design.days + 1
        y = _ar1(rng, n, rho) - np.arange(n) / 182.0
        followed = rng.random(n) < adherence
        if kind == PAIRS:
            for k, night in enumerate(design.nights()):
                done = night.session == bool(followed[k])
                if done:
                    y[k + 1] -= effect_sd
        else:
            block_followed = rng.random(design.units) < adherence
            for k, night in enumerate(design.nights()):
                active = night.on == bool(block_followed[night.unit])
                if active and k % design.block_days >= design.washout_days:
                    y[k] -= effect_sd
        rated = rng.random(n) < rated_share
        outcome = {start + dt.timedelta(days=k): float(y[k]) for k in range(n) if rated[k]}
        result = randomization_test(
            design, outcome, alpha=alpha, draws=draws, seed=seed + i, interval=False
        )
        if result.p_value is not None and result.p_value < alpha:
            hits += 1
    return hits / sims
