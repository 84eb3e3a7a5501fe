"""``analyze(events)``: every technique × outcome × window, decided and worded.

Decision rules (STATISTICS.md), applied to every pair the engine examined:

- **finding** ("looks like it helps / worsens"): Benjamini–Hochberg q ≤ 0.025 over every
  claimable test of the circle, the 95% interval excludes 0, and the effect is at least 0.2 SD of
  the outcome's day-to-day variation; and (``confirm=True``, the default) it must also have held
  on the analysis of the log as it stood one week earlier: a result seen for the first time is
  "maybe — new this week" until it holds. The page is re-run every week and re-running is
  repeated peeking (STATISTICS.md); ``bedside analyze`` keeps the same rule so that it says what
  the page says. ``confirm=False`` is a single look (``bedside analyze --one-look``).
- **maybe — keep logging**: not a finding, but q ≤ 0.25, the interval excludes 0 and the size
  matters.
- **no clear effect yet**: estimated, neither of the above. The sentence gives the change the
  analysis would have noticed (80% power at the 5% level) and the weeks of logging that would
  tell, scaling the standard error as 1/√n.
- **too early to tell**: below the minimum data (8 weeks, 56 rated days, 14 days with and 14
  without); the sentence gives the days with and without so far.
- **can't tell apart**: locked to a weekday, to the slow trend, to another technique, to its own
  regular schedule — or a same-evening comparison from daily ratings, which reverse causation can
  fake. Those are never claimed and never enter the false-discovery control.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from scipy import stats

from bedside.interchange import Event

from .align import CircleData, align
from .model import (
    MIN_DAYS,
    MIN_SPAN,
    MIN_WITH,
    MIN_WITHOUT,
    WINDOW_LAGS,
    Estimate,
    fit_outcome,
    t_quantile,
)
from .paired import paired_estimate
from .wording import Say, caveat, lang, sentence

# Benjamini–Hochberg level for "looks like it helps". BH at level α keeps the *average* share of
# false findings per circle below α, but a circle usually has only one or two real effects, and
# then the share of all findings shown to families that are false runs at about 2α. At 2.5% the
# simulated population (bench/README.md) saw 3–9% of findings false and 0.2–2% of people with no
# real effect see one.
FDR_LEVEL = 0.025
MAYBE_LEVEL = 0.25
ALPHA = 0.05
POWER = 0.80
MEANINGFUL_SD = 0.2  # smallest effect worth showing, in SDs of the day-to-day variation
NOTICEABLE_SD = 0.5  # the size "more weeks would tell" aims to detect when the estimate is ~0
CONFIRM_DAYS = 7
PARTWAY_R2 = 0.5  # exposure this much explained by the trend: compared mostly before/after

LABEL_ORDER = ("finding", "maybe", "no_clear_effect", "too_early", "cant_tell_apart")


@dataclass(frozen=True)
class Finding:
    """One technique × outcome × window, as shown to the family and written to JSON."""

    intervention: str
    outcome: str
    lag_days: int
    window_days: int
    effect: float | None
    ci_low: float | None
    ci_high: float | None
    q_value: float | None
    days_with: int
    days_without: int | None
    finding: bool
    wording: str
    caveats: list[str]
    label: str
    window: str
    method: str
    p_value: float | None = None
    mde: float | None = None
    weeks_more: int | None = None
    unit: str = ""
    better: str | None = None
    mean_with: float | None = None
    mean_without: float | None = None
    caveat_codes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, float):
                out[key] = round(value, 6) if math.isfinite(value) else None
        return out


@dataclass(frozen=True)
class Analysis:
    findings: list[Finding]
    language: str = "en"
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    reason: str | None = None  # why nothing could be examined, when findings is empty

    def to_dict(self) -> dict[str, Any]:
        return {
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "language": self.language,
            "reason": self.reason,
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


REASONS = {
    "no_outcomes": (
        "The file has no ratings or measurements, so there is nothing to compare sessions against.",
        "Le fichier ne contient aucune note ni mesure : il n'y a rien à comparer aux séances.",
    ),
    "no_techniques": (
        "The file has no sessions, missed or skipped routines, so there is no technique to look at.",
        "Le fichier ne contient aucune séance, ni routine manquée ou sautée : aucune technique à examiner.",
    ),
}


def analyze(
    events: list[Event],
    *,
    day_boundary: dt.time = dt.time(4, 0),
    language: str = "en",
    as_of: dt.date | None = None,
    confirm: bool = True,
    fdr_level: float = FDR_LEVEL,
) -> Analysis:
    """Analyse one circle's events.

    Parameters
    ----------
    events : the circle's interchange events (sessions, missed, skipped, ratings, measurements).
    day_boundary : the circle's day boundary; orders times within a day (00:30 comes after 23:00).
    language : ``"en"`` or ``"fr"`` (``"fr-CA"`` accepted) for the sentences and caveats.
    as_of : analyse as if today were this date (events after it are ignored); default: the
        last event's date.
    confirm : require a finding to hold on the analysis one week earlier as well (the default,
        as on the "What helps" page, which is re-run as the log grows); False: one look.
    fdr_level : the Benjamini–Hochberg level of a finding (the benchmark varies it to compare
        methods at equal false-discovery rates; the product uses the default).

    Returns
    -------
    Analysis with one :class:`Finding` per technique × outcome × window examined.
    """
    language = lang(language)
    if as_of is not None:
        events = [e for e in events if e.date <= as_of]
    if not events:
        return Analysis([], language, reason=_reason("no_outcomes", language))
    data = align(events, day_boundary=day_boundary, as_of=as_of)
    last = data.date(data.days - 1)
    if not any(np.isfinite(o.y).any() for o in data.outcomes) and not data.paired:
        return Analysis([], language, data.start, last, _reason("no_outcomes", language))
    if not data.techniques:
        return Analysis([], language, data.start, last, _reason("no_techniques", language))
    estimates = _estimate(data)
    q = _q_values(estimates)
    previous: dict[tuple[str, ...], tuple[Estimate, float | None]] = {}
    if confirm and data.days > CONFIRM_DAYS:
        # The same alignment with the last week removed: the analysis as it stood a week ago.
        old = data.truncate(data.days - CONFIRM_DAYS)
        old_estimates = _estimate(old)
        old_q = _q_values(old_estimates)
        previous = {_key(old, e): (e, old_q.get(i)) for i, e in enumerate(old_estimates)}
    findings = [
        _decide(data, e, q.get(i), previous.get(_key(data, e)), confirm, language, fdr_level)
        for i, e in enumerate(estimates)
    ]
    findings.sort(
        key=lambda f: (
            LABEL_ORDER.index(f.label),
            f.q_value if f.q_value is not None else 2.0,
            f.outcome.lower(),
            f.intervention.lower(),
            f.lag_days,
        )
    )
    return Analysis(findings, language, data.start, last)


def _reason(code: str, language: str) -> str:
    return REASONS[code][1 if language == "fr" else 0]


def _estimate(data: CircleData) -> list[Estimate]:
    out: list[Estimate] = []
    for k in range(len(data.outcomes)):
        out.extend(fit_outcome(data, k).estimates)
    for j, k in sorted(data.paired):
        out.append(paired_estimate(data, j, k))
    return out


def claimable(e: Estimate) -> bool:
    """Whether a result may become a finding (and so enters the false-discovery control)."""
    if e.status != "estimated" or e.p_value is None:
        return False
    return not (e.method == "daily" and e.window == "same_evening")


def _q_values(estimates: list[Estimate]) -> dict[int, float]:
    """Benjamini–Hochberg over every claimable test of the circle."""
    index = [i for i, e in enumerate(estimates) if claimable(e)]
    if not index:
        return {}
    p = np.array([estimates[i].p_value for i in index], dtype=np.float64)
    q = stats.false_discovery_control(p, method="bh")
    return {i: float(v) for i, v in zip(index, q, strict=True)}


def _key(data: CircleData, e: Estimate) -> tuple[str, ...]:
    o = data.outcomes[e.outcome]
    return (data.techniques[e.technique].key, o.key, o.unit, e.window, e.method)


def _significant(e: Estimate, q: float | None, level: float = FDR_LEVEL) -> bool:
    """Survives the false-discovery control and the 95% interval excludes 0 (for the daily model
    the same as p < 0.05; a before/after p-value comes from the exact test, its range from t)."""
    if q is None or q > level or e.p_value is None or e.p_value >= ALPHA:
        return False
    ci = e.ci()
    return ci is not None and (ci[0] > 0 or ci[1] < 0)


def _decide(
    data: CircleData,
    e: Estimate,
    q: float | None,
    previous: tuple[Estimate, float | None] | None,
    confirm: bool,
    language: str,
    fdr_level: float = FDR_LEVEL,
) -> Finding:
    tech = data.techniques[e.technique]
    outcome = data.outcomes[e.outcome]
    lag, width = WINDOW_LAGS[e.window]
    codes: list[str] = []
    reasons: list[str] = list(e.reasons)
    ci = e.ci()
    sigma = e.sigma or 0.0
    mde: float | None = None
    weeks: int | None = None
    new_this_week = False
    if e.status == "too_early":
        label = "too_early"
        codes.append("too_few_days")
        if "columns" in e.reasons:
            codes.append("columns")
        weeks = _weeks_to_gates(e)
        mde = _mde_descriptive(e)
    elif e.status == "cant_tell_apart":
        label = "cant_tell_apart"
        codes.extend(r for r in e.reasons if r in ("weekday", "trend", "technique", "schedule"))
    elif not claimable(e):
        label = "cant_tell_apart"
        codes.append("reverse_causation")
        reasons.append("reverse_causation")
    else:
        assert e.effect is not None and e.se is not None and e.df is not None
        mde = _mde(e)
        big = abs(e.effect) >= MEANINGFUL_SD * sigma
        held = True
        if confirm:
            # It must have been a finding-sized result a week ago too (same sign); a result
            # seen for the first time this week is a "maybe" until next week's run.
            held = False
            if previous is not None and previous[0].status == "estimated":
                old, old_q = previous
                held = _significant(old, old_q, fdr_level) and (old.effect or 0.0) * e.effect > 0
        if _significant(e, q, fdr_level) and big and held:
            label = "finding"
        elif (
            q is not None
            and q <= MAYBE_LEVEL
            and e.p_value is not None
            and e.p_value < ALPHA
            and big
        ):
            label = "maybe"
            new_this_week = _significant(e, q, fdr_level) and not held
            if new_this_week:
                codes.append("new_this_week")
            weeks = _weeks_to_detect(e, abs(e.effect))
        else:
            label = "no_clear_effect"
            if e.p_value is not None and e.p_value < ALPHA and not big:
                codes.append("small")
            weeks = _weeks_to_detect(e, max(abs(e.effect), NOTICEABLE_SD * sigma))
    if e.trend_r2 >= PARTWAY_R2 and label in ("finding", "maybe", "no_clear_effect"):
        codes.append("partway")
    if tech.typical_minutes is not None and e.method == "daily":
        codes.append("dose")
    if e.method == "before_after":
        codes.append("before_after")
    if outcome.direction is None and label in ("finding", "maybe"):
        codes.append("unknown_direction")
    show_effect = label in ("finding", "maybe", "no_clear_effect") or "reverse_causation" in codes
    partner = data.techniques[e.partner].name if e.partner is not None else None
    say = Say(
        label=label,
        window=e.window,
        method=e.method,
        technique=tech.name,
        outcome=outcome.name,
        unit=outcome.unit,
        direction=outcome.direction,
        effect=e.effect if show_effect else None,
        ci=ci if show_effect else None,
        mde=mde,
        weeks=weeks,
        days_with=e.days_with,
        days_without=e.days_without,
        mean_with=e.mean_with,
        mean_without=e.mean_without,
        reasons=tuple(reasons),
        weekday=e.weekday,
        partner=partner,
        typical_minutes=tech.typical_minutes if e.method == "daily" else None,
        new_this_week=new_this_week,
    )
    return Finding(
        intervention=tech.name,
        outcome=outcome.name,
        lag_days=lag,
        window_days=width,
        effect=say.effect,
        ci_low=ci[0] if ci and show_effect else None,
        ci_high=ci[1] if ci and show_effect else None,
        q_value=q,
        days_with=e.days_with,
        days_without=e.days_without if e.method == "daily" else None,
        finding=label == "finding",
        wording=sentence(say, language),
        caveats=[caveat(c, say, language) for c in codes],
        label=label,
        window=e.window,
        method=e.method,
        p_value=e.p_value,
        mde=mde,
        weeks_more=weeks,
        unit=outcome.unit,
        better=outcome.direction,
        mean_with=e.mean_with,
        mean_without=e.mean_without,
        caveat_codes=codes,
    )


def _mde(e: Estimate) -> float:
    """The effect detected 80% of the time at the 5% level, given this standard error."""
    assert e.se is not None and e.df is not None
    return (t_quantile(1 - ALPHA / 2, e.df) + t_quantile(POWER, e.df)) * e.se


def _mde_descriptive(e: Estimate) -> float | None:
    """A rough change that would show up so far, before the model may run: the two-group
    standard error of "days with vs without" (or of the mean before/after change)."""
    sd = e.sigma
    if sd is None or not np.isfinite(sd) or sd <= 0:
        return None
    if e.method == "before_after":
        if e.days_with < 3:
            return None
        se = sd / math.sqrt(e.days_with)
        df = e.days_with - 1
    else:
        if e.days_with < 2 or e.days_without < 2:
            return None
        se = sd * math.sqrt(1 / e.days_with + 1 / e.days_without)
        df = e.days_with + e.days_without - 2
    return (t_quantile(1 - ALPHA / 2, df) + t_quantile(POWER, df)) * se


def _weeks_to_detect(e: Estimate, target: float) -> int | None:
    """Weeks of logging at the current pace until the MDE falls to ``target`` (SE ∝ 1/√n)."""
    mde = _mde(e)
    if mde <= target:
        return 0
    if target <= 0 or e.rows_rate <= 0:
        return None
    extra_rows = e.n * ((mde / target) ** 2 - 1)
    return math.ceil(extra_rows / e.rows_rate / 7)


def _weeks_to_gates(e: Estimate) -> int | None:
    """Weeks of logging at the current pace until the minimum-data gates are met (None: never)."""
    needs: list[float] = []
    if e.method == "before_after":
        if e.days_with == 0 or e.with_rate <= 0:
            return None
        needs.append((MIN_WITH - e.days_with) / e.with_rate)
    else:
        rows = max(MIN_DAYS, e.rows_needed)
        for have, rate, need in (
            (e.n, e.rows_rate, rows),
            (e.days_with, e.with_rate, MIN_WITH),
            (e.days_without, e.without_rate, MIN_WITHOUT),
        ):
            if have >= need:
                continue
            if rate <= 0:
                return None
            needs.append((need - have) / rate)
        needs.append(MIN_SPAN - e.span)
    days = max([0.0, *needs])
    return max(1, math.ceil(days / 7))
