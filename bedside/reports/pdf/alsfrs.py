"""ALSFRS-R records inside a report's period, scored and staged by :mod:`bedside.measures`.

The progression app's summaries cover the whole history with a slope window counted back from
today; a report needs the records of a chosen period and the slope fitted on exactly that
period, so this module applies the same pure functions (``summarise_assessment``,
``stage_changes``, :func:`bedside.measures.slope`) to the period's rows.
"""

from __future__ import annotations

from typing import Any

from bedside.circles.models import Circle, User
from bedside.measures import BANDINGS, ALSFRSError, ProgressionError, slope
from bedside.progression import selectors as progression
from bedside.progression.alsfrs_items import item_for
from bedside.progression.summaries import AssessmentSummary, stage_changes, summarise_assessment
from bedside.progression.wording import (
    band_text,
    kings_text,
    mitos_text,
    signed,
    stage_change_text,
)

from .forms import Period

RESPIRATORY_ITEMS = (10, 11, 12)


def summaries_in(circle: Circle, viewer: User, period: Period) -> list[AssessmentSummary]:
    """The period's records that the scale can score, oldest first."""
    settings = progression.settings_for(circle=circle, viewer=viewer)
    banding = BANDINGS.get(settings.delta_fs_banding, BANDINGS["kimura2006"])
    rows = []
    for row in progression.assessments_for(circle=circle, viewer=viewer):
        if row.day not in period:
            continue
        try:
            rows.append(summarise_assessment(row, onset=circle.symptom_onset, banding=banding))
        except ALSFRSError:
            continue  # a row the database allowed but the scale cannot score: not reported
    return rows


def _row(s: AssessmentSummary) -> dict[str, Any]:
    items: dict[int, dict[str, Any]] = {}
    if s.items and s.is_alsfrs_r:
        for number in RESPIRATORY_ITEMS:
            score = s.items[number - 1]
            items[number] = {"score": score, "text": item_for(number).answer_text(score)}
    return {
        "pk": s.pk,
        "day": s.day,
        "total": s.total,
        "max": s.max_total,
        "is_alsfrs_r": s.is_alsfrs_r,
        "has_items": s.has_items,
        "item5_form": s.item5_form,
        "bulbar": s.domains.bulbar if s.domains else None,
        "fine_motor": s.domains.fine_motor if s.domains else None,
        "gross_motor": s.domains.gross_motor if s.domains else None,
        "respiratory": s.domains.respiratory if s.domains else None,
        "kings": s.kings_stage,
        "mitos": s.mitos_stage,
        "kings_text": kings_text(s.kings) if s.kings else "",
        "mitos_text": mitos_text(s.mitos) if s.mitos else "",
        "delta_fs": s.delta_fs,
        "band": band_text(s.delta_fs_band) if s.delta_fs_band else "",
        "proxy": s.proxy,
        "by": s.by_name,
        "respiratory_items": items,
    }


def assessments_in(circle: Circle, viewer: User, period: Period) -> list[dict[str, Any]]:
    return [_row(s) for s in summaries_in(circle, viewer, period)]


def alsfrs_section(circle: Circle, viewer: User, period: Period) -> dict[str, Any]:
    """Rows, change, slope over the period (with its window) and stage changes."""
    summaries = summaries_in(circle, viewer, period)
    rows = [_row(s) for s in summaries]
    revised = [r for r in rows if r["is_alsfrs_r"]]
    fitted = None
    try:
        fitted = slope([(r["day"], float(r["total"])) for r in revised])
    except ProgressionError:
        fitted = None  # fewer than 2 records on different days: no slope, said in words
    settings = progression.settings_for(circle=circle, viewer=viewer)
    banding = BANDINGS.get(settings.delta_fs_banding, BANDINGS["kimura2006"])
    change = (revised[-1]["total"] - revised[0]["total"]) if len(revised) > 1 else None
    return {
        "rows": rows,
        "count": len(rows),
        "first_total": revised[0]["total"] if revised else None,
        "last_total": revised[-1]["total"] if revised else None,
        "first_day": revised[0]["day"] if revised else None,
        "last_day": revised[-1]["day"] if revised else None,
        "change": change,
        "change_text": signed(change) if change is not None else "",
        "slope": fitted.points_per_month if fitted else None,
        "slope_text": signed(fitted.points_per_month, 2) if fitted else "",
        "slope_n": fitted.n if fitted else len(revised),
        "slope_start": fitted.start if fitted else None,
        "slope_end": fitted.end if fitted else None,
        "stage_changes": [
            stage_change_text(c.system, c.before, c.after, c.day) for c in stage_changes(summaries)
        ],
        "latest": rows[-1] if rows else None,
        "onset": circle.symptom_onset,
        "banding": banding.citation,
    }
