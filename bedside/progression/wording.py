"""Translated sentences for the progression pages and reports, keyed on values, not on text.

:mod:`bedside.measures` explains itself in English for the command line; here every sentence
is our own, chosen by stage value, band label or threshold key, so French is complete. Numbers
are formatted for the active language (« 0,8 »).

Cited findings are worded as what a study found — information, never a diagnosis.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bedside.measures import KingsStaging, MitosStaging
from bedside.measures.norms import BREATHING_AND_VOICE, RangeNorm, Threshold

from .breathing import SPECS
from .joints import Joint, Motion, joint_label
from .summaries import (
    SWELLING_CM,
    SWELLING_RATIO,
    SWELLING_WINDOW_DAYS,
    ALSFRSHistory,
    AssessmentSummary,
    JointRangeTrend,
    RangePoint,
    SwellingAlert,
)


def num(value: float, places: int = 1) -> str:
    """A number as people write it in the active language: 20, 0.8 / 0,8 — no trailing zero."""
    rounded = round(float(value), places)
    if rounded == 0:
        return "0"
    if rounded.is_integer():
        return str(int(rounded))
    text = number_format(rounded, decimal_pos=places, use_l10n=True)
    return text.rstrip("0").rstrip(".,") if places > 1 else text


def signed(value: float, places: int = 1) -> str:
    """+2.5, −1, 0 (with a real minus sign)."""
    text = num(abs(value), places)
    if round(value, places) > 0:
        return f"+{text}"
    if round(value, places) < 0:
        return f"−{text}"
    return text


def day_text(day: dt.date) -> str:
    return date_format(day, "DATE_FORMAT")


def when_text(earlier: dt.date, later: dt.date) -> str:
    """How to point back at ``earlier`` from ``later``: "on March 12", "in March", "in March 2024".

    The same month: the day; an earlier month of the same year: the month; else month and year.
    """
    if (earlier.year, earlier.month) == (later.year, later.month):
        return _("on %(day)s") % {"day": date_format(earlier, "MONTH_DAY_FORMAT")}
    if earlier.year == later.year:
        return _("in %(month)s") % {"month": date_format(earlier, "F")}
    return _("in %(month)s") % {"month": date_format(earlier, "F Y")}


# --- ALSFRS-R ---------------------------------------------------------------------------------

_REGION_NAMES: dict[str, Promise] = {
    "bulbar": gettext_lazy("bulbar"),
    "upper_limb": gettext_lazy("arms"),
    "lower_limb": gettext_lazy("legs"),
}
_MITOS_NAMES: dict[str, Promise] = {
    "movement": gettext_lazy("moving about"),
    "swallowing": gettext_lazy("swallowing"),
    "communicating": gettext_lazy("communicating"),
    "breathing": gettext_lazy("breathing"),
}
BAND_LABELS: dict[str, Promise] = {
    "slow": gettext_lazy("slow progression"),
    "intermediate": gettext_lazy("intermediate progression"),
    "fast": gettext_lazy("fast progression"),
}
KINGS_SOURCE = "Roche et al., Brain 2012; Balendra et al., ALS FTD 2014"
MITOS_SOURCE = "Chiò et al., J Neurol Neurosurg Psychiatry 2015"


def kings_text(staging: KingsStaging) -> str:
    """Why this King's stage, keyed on the stage and its flags."""
    if staging.respiratory_4b:
        text = _(
            "King's stage 4B: breathing is involved (short of breath at rest scored 0, or "
            "breathing support in use)."
        )
        if staging.nutritional_4a:
            text += " " + _("Item 5 was also answered in its feeding-tube form (4A).")
        return text
    if staging.nutritional_4a:
        return _("King's stage 4A: item 5 was answered in its feeding-tube form.")
    regions = [
        str(_REGION_NAMES[name])
        for name, on in (
            ("bulbar", staging.bulbar),
            ("upper_limb", staging.upper_limb),
            ("lower_limb", staging.lower_limb),
        )
        if on
    ]
    if not regions:
        return _("King's stage 0: no region involved by the ALSFRS-R mapping.")
    return ngettext(
        "King's stage %(stage)s: %(count)d region involved (%(regions)s).",
        "King's stage %(stage)s: %(count)d regions involved (%(regions)s).",
        len(regions),
    ) % {"stage": staging.stage, "count": len(regions), "regions": ", ".join(regions)}


def mitos_text(staging: MitosStaging) -> str:
    lost = [str(_MITOS_NAMES[name]) for name in staging.lost]
    if not lost:
        return _("MiToS stage 0: no domain lost.")
    return ngettext(
        "MiToS stage %(stage)d: %(count)d domain lost (%(domains)s).",
        "MiToS stage %(stage)d: %(count)d domains lost (%(domains)s).",
        len(lost),
    ) % {"stage": staging.stage, "count": len(lost), "domains": ", ".join(lost)}


def band_text(label: str) -> str:
    return str(BAND_LABELS.get(label, label))


def delta_fs_text(row: AssessmentSummary, history: ALSFRSHistory) -> str:
    """ "ΔFS 0.8 points a month since first symptoms: intermediate progression (Kimura…)."""
    assert row.delta_fs is not None and row.delta_fs_band is not None
    return _(
        "ΔFS %(value)s points a month from first symptoms to %(day)s: %(band)s in the bands of "
        "%(citation)s."
    ) % {
        "value": num(row.delta_fs, 2),
        "day": day_text(row.day),
        "band": band_text(row.delta_fs_band),
        "citation": history.banding.citation,
    }


def slope_text(history: ALSFRSHistory) -> str:
    """The slope with the window it was fitted on (CLINICAL.md: always state the window)."""
    window = history.window
    if window.months:
        span = ngettext(
            "the last %(months)d month", "the last %(months)d months", window.months
        ) % {"months": window.months}
    else:
        span = _("all assessments")
    if history.slope is None:
        return ngettext(
            "No slope over %(span)s: %(count)d ALSFRS-R assessment in it, at least 2 on "
            "different days are needed.",
            "No slope over %(span)s: %(count)d ALSFRS-R assessments in it, at least 2 on "
            "different days are needed.",
            history.in_window,
        ) % {"span": span, "count": history.in_window}
    fitted = history.slope
    return ngettext(
        "%(slope)s points a month over %(span)s (%(start)s to %(end)s, %(count)d assessment).",
        "%(slope)s points a month over %(span)s (%(start)s to %(end)s, %(count)d assessments).",
        fitted.n,
    ) % {
        "slope": signed(fitted.points_per_month, 2),
        "span": span,
        "start": day_text(window.start or fitted.start),
        "end": day_text(window.end),
        "count": fitted.n,
    }


def stage_change_text(system: str, before: str, after: str, day: dt.date) -> str:
    if system == "kings":
        return _("King's stage %(before)s → %(after)s on %(day)s") % {
            "before": before,
            "after": after,
            "day": day_text(day),
        }
    return _("MiToS stage %(before)s → %(after)s on %(day)s") % {
        "before": before,
        "after": after,
        "day": day_text(day),
    }


# --- joint range --------------------------------------------------------------------------------


def range_text(point: RangePoint) -> str:
    """ "20–140°" (neutral-zero), with a real minus sign for hyperextension."""
    return f"{signed(point.start, 1).lstrip('+')}–{signed(point.end, 1).lstrip('+')}°"


def norm_text(norm: RangeNorm | None, trend: JointRangeTrend) -> str:
    if norm is None:
        return ""
    if trend.measures_extension and trend.joint == Joint.ELBOW:
        return _("AAOS norm: %(low)s–%(high)s°, full extension at 0°.") % {
            "low": num(norm.low),
            "high": num(norm.high),
        }
    return _("AAOS norm: %(low)s–%(high)s°.") % {"low": num(norm.low), "high": num(norm.high)}


def trend_title(trend: JointRangeTrend) -> str:
    """ "Left elbow, flexion" — the series' name."""
    return capfirst(
        _("%(joint)s, %(motion)s")
        % {"joint": joint_label(trend.joint, trend.side), "motion": Motion(trend.motion).label}
    )


def rom_text(trend: JointRangeTrend) -> str:
    """The trend in one sentence: "Left elbow lacks 20° of extension, was 35° in March."

    Elbow, knee and finger flexion records speak of the lack of extension (their start); other
    movements give the range now and before.
    """
    joint = joint_label(trend.joint, trend.side)
    latest, previous = trend.latest, trend.previous
    when = when_text(previous.day, latest.day) if previous else ""
    if trend.measures_extension:
        now = trend.extension_lack(latest)
        before = trend.extension_lack(previous) if previous else None
        values = {
            "joint": joint,
            "now": num(now),
            "before": num(before) if before is not None else "",
            "when": when,
        }
        if before is None:
            text = (
                _("%(joint)s lacks %(now)s° of extension.")
                if now
                else _("%(joint)s reaches full extension.")
            )
        elif now and before:
            text = _("%(joint)s lacks %(now)s° of extension, was %(before)s° %(when)s.")
        elif now:
            text = _("%(joint)s lacks %(now)s° of extension; it reached full extension %(when)s.")
        elif before:
            text = _("%(joint)s reaches full extension; it lacked %(before)s° %(when)s.")
        else:
            text = _("%(joint)s reaches full extension, as it did %(when)s.")
        return capfirst(text % values)
    values = {
        "joint": joint,
        "motion": Motion(trend.motion).label,
        "range": range_text(latest),
        "before": range_text(previous) if previous else "",
        "when": when,
    }
    if previous is None:
        return capfirst(_("%(joint)s %(motion)s: %(range)s.") % values)
    return capfirst(_("%(joint)s %(motion)s: %(range)s, was %(before)s %(when)s.") % values)


# --- breathing and voice ------------------------------------------------------------------------

FINDINGS: dict[str, Promise] = {
    "sbc_fvc80": gettext_lazy(
        "In a study of people with ALS, an upright count below 41 went with an FVC below 80% of "
        "predicted (Klein et al. 2023)."
    ),
    "sbc_niv": gettext_lazy(
        "In a study of people with ALS, a count below 39 went with breathing support (NIV) "
        "possibly being indicated (Klein et al. 2023)."
    ),
    "pcf_risk": gettext_lazy(
        "A peak cough flow below 270 L/min is widely reported as a raised risk of chest "
        "infection (a common cut-off; its original source is not verified here)."
    ),
    "pcf_ineffective": gettext_lazy(
        "A peak cough flow below 160 L/min is widely reported as an ineffective cough (a "
        "common cut-off; its original source is not verified here)."
    ),
    "speaking_rate": gettext_lazy(
        "In studies of speech in ALS, being understood became much harder below about 100 to "
        "120 words a minute (Ball, Beukelman and colleagues)."
    ),
}
MPT_NOTE = gettext_lazy(
    "Maximum phonation time follows FVC and cough strength in ALS (Tabor Gray et al. 2023); "
    "that study gives no cut-off."
)
FVC_NOTE = gettext_lazy(
    "Home spirometry is feasible and roughly agrees with clinic values (Helleman et al. 2022)."
)
NOT_A_DIAGNOSIS = gettext_lazy(
    "These are findings from studies, shown for information: they are not a diagnosis. Talk "
    "them over with the care team."
)


def finding_text(threshold: Threshold) -> str:
    return str(FINDINGS[threshold.key])


def thresholds_for(kind: str) -> list[Threshold]:
    """Every cited threshold for a test kind, lowest cut-off last (shown as reference)."""
    measure = SPECS[kind].measure
    return [t for t in BREATHING_AND_VOICE if t.measure == measure]


def below_text(kind: str, value: float, threshold: Threshold) -> str:
    """ "The latest result, 38, is below 39." """
    return _("The latest result, %(value)s, is below %(cutoff)s.") % {
        "value": num(value),
        "cutoff": num(threshold.below),
    }


# --- swelling -----------------------------------------------------------------------------------

SWELLING_ADVICE = gettext_lazy(
    "New one-sided swelling, warmth or pain: get a medical review before any massage of that limb."
)
_SIDED_SITES: dict[tuple[str, str], Promise] = {
    ("calf", "left"): gettext_lazy("left calf"),
    ("calf", "right"): gettext_lazy("right calf"),
}


def site_text(site_key: str, site_name: str, side: str) -> str:
    label = _SIDED_SITES.get((site_key, side))
    if label is not None:
        return str(label)
    if side == "left":
        return _("%(site)s, left") % {"site": site_name}
    return _("%(site)s, right") % {"site": site_name}


def swelling_text(alert: SwellingAlert) -> str:
    """ "Left calf: +2.5 cm (+7%) from May 1 to May 8; right calf +0.2 cm." """
    other = "right" if alert.side == "left" else "left"
    return capfirst(
        _(
            "%(site)s: %(rise)s cm (%(ratio)s%%) from %(since)s to %(day)s; %(other_site)s "
            "%(other)s cm over the same days."
        )
        % {
            "site": site_text(alert.site_key, alert.site_name, alert.side),
            "rise": signed(alert.rise_cm),
            "ratio": signed(alert.rise_ratio * 100, 0),
            "since": date_format(alert.since, "MONTH_DAY_FORMAT"),
            "day": date_format(alert.day, "MONTH_DAY_FORMAT"),
            "other_site": site_text(alert.site_key, alert.site_name, other),
            "other": signed(alert.other_rise_cm),
        }
    )


def swelling_rule_text() -> str:
    return _(
        "An alert is shown when, within %(days)d days, one side grows at least %(cm)s cm or "
        "%(percent)s%% more than the other side over the same days (and by at least half of that "
        "itself). Both sides must be measured on the same days."
    ) % {"days": SWELLING_WINDOW_DAYS, "cm": num(SWELLING_CM), "percent": num(SWELLING_RATIO * 100)}


def chart_text(points: list[tuple[dt.date, float]]) -> str:
    """The chart's text alternative: first and last totals and how many assessments."""
    if not points:
        return ""
    (first_day, first), (last_day, last) = points[0], points[-1]
    if len(points) == 1:
        return _("One assessment: %(total)s on %(day)s.") % {
            "total": num(first),
            "day": day_text(first_day),
        }
    return _(
        "From %(first)s on %(first_day)s to %(last)s on %(last_day)s (%(count)d assessments)."
    ) % {
        "first": num(first),
        "first_day": day_text(first_day),
        "last": num(last),
        "last_day": day_text(last_day),
        "count": len(points),
    }
