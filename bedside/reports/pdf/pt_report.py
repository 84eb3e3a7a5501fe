"""The report for the physical therapist, as a plain context of numbers for its template.

Sections: care given (by technique, by body region, by person), the home programme's adherence
(done, missed, skipped), joint range and limb circumference trends, pain and stiffness, what the
family asks for, and a maintenance-therapy section that lays out sequential objective
measurements and the caregiver-delivered programme the way the Medicare skilled-maintenance
standard asks a PT to document them (Jimmo v. Sebelius settlement, 2013; CMS Medicare Benefit
Policy Manual, ch. 15 §220.2) — labelled as family-reported material for the clinician's review.

Reads go through the scoped selectors (404 for outsiders); the caller has checked the role.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.utils import formats
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.care import selectors as care
from bedside.care.models import Occurrence, Routine, Session
from bedside.care.regions import REGION_LIST, REGIONS, region_labels
from bedside.checkins.models import Trackable
from bedside.circles.access import require
from bedside.circles.days import today
from bedside.circles.models import Circle, User
from bedside.circles.roles import Role
from bedside.progression import selectors as progression
from bedside.progression.joints import METHOD_SHORT, Position
from bedside.progression.summaries import (
    find_swelling_alerts,
    group_joint_ranges,
    pair_sites,
)
from bedside.progression.wording import (
    SWELLING_ADVICE,
    norm_text,
    range_text,
    rom_text,
    swelling_text,
    trend_title,
)
from bedside.reports.models import ReportNote

from . import common
from .alsfrs import assessments_in
from .forms import Period
from .notes import REPORT_ACTION, report_notes_for

SYMPTOM_KEYS = ("pain", "stiffness")


# --- care given ---------------------------------------------------------------------------------


def _minutes(sessions: list[Session]) -> int:
    return sum(s.minutes or 0 for s in sessions)


def sessions_summary(sessions: list[Session]) -> dict[str, Any]:
    """Sessions by technique, by body region and by who gave them."""
    by_technique: dict[int, list[Session]] = defaultdict(list)
    by_region: dict[str, list[Session]] = defaultdict(list)
    by_person: dict[str, list[Session]] = defaultdict(list)
    roles: dict[str, str] = {}
    for s in sessions:
        by_technique[s.technique_id].append(s)
        for key in s.regions or []:
            by_region[key].append(s)
        name = common.member_name(s.performed_by, s.by_name)
        by_person[name].append(s)
        roles.setdefault(name, common.role_label(s.performed_by))
    techniques = []
    for rows in by_technique.values():
        regions: Counter[str] = Counter(k for s in rows for k in (s.regions or []))
        givers: Counter[str] = Counter(common.member_name(s.performed_by, s.by_name) for s in rows)
        techniques.append(
            {
                "label": rows[0].technique.label,
                "count": len(rows),
                "minutes": _minutes(rows),
                "regions": [
                    {"label": str(r.label), "count": regions[r.key]}
                    for r in REGION_LIST
                    if r.key in regions
                ],
                "givers": [{"name": n, "count": c} for n, c in givers.most_common()],
            }
        )
    techniques.sort(key=lambda t: (-t["count"], t["label"].casefold()))
    order = {r.key: i for i, r in enumerate(REGION_LIST)}
    return {
        "count": len(sessions),
        "minutes": _minutes(sessions),
        "days": len({s.day for s in sessions}),
        "by_technique": techniques,
        "by_region": [
            {
                "key": key,
                "label": str(REGIONS[key].label) if key in REGIONS else key,
                "count": len(rows),
                "minutes": _minutes(rows),
            }
            for key, rows in sorted(by_region.items(), key=lambda kv: order.get(kv[0], 99))
        ],
        "by_person": sorted(
            (
                {"name": name, "role": roles[name], "count": len(rows), "minutes": _minutes(rows)}
                for name, rows in by_person.items()
            ),
            key=lambda p: (-p["count"], p["name"].casefold()),
        ),
    }


# --- the home programme -------------------------------------------------------------------------


def schedule_text(routine: Routine) -> str:
    """ "every day", "Tue, Thu", "every 14 days" — with the time of day."""
    if routine.schedule == Routine.Schedule.WEEKDAYS:
        days = ", ".join(str(WEEKDAYS_ABBR[d]) for d in sorted(routine.weekdays or []))
    elif routine.schedule == Routine.Schedule.EVERY_N_DAYS and routine.every_n_days:
        days = ngettext("every %(n)d day", "every %(n)d days", routine.every_n_days) % {
            "n": routine.every_n_days
        }
    elif routine.schedule == Routine.Schedule.DAILY:
        days = str(Routine.Schedule.DAILY.label)
    else:  # a schedule added later: its own label
        days = str(routine.get_schedule_display())
    return _("%(days)s at %(time)s") % {
        "days": days,
        "time": formats.time_format(routine.time_of_day, "TIME_FORMAT"),
    }


def assignee_text(routine: Routine) -> str:
    if routine.assignee is not None and routine.assignee.revoked_at is None:
        return _("%(name)s (%(role)s)") % {
            "name": routine.assignee.name,
            "role": Role(routine.assignee.role).label,
        }
    if routine.assignee_role:
        return _("anyone with the role %(role)s") % {"role": Role(routine.assignee_role).label}
    return _("anyone")


def _percent(done: int, closed: int) -> float | None:
    return round(100 * done / closed, 1) if closed else None


def _counts(rows: list[Occurrence]) -> dict[str, Any]:
    status = Counter(o.status for o in rows)
    done, missed, skipped = status["done"], status["missed"], status["skipped"]
    closed = done + missed + skipped
    return {
        "done": done,
        "missed": missed,
        "skipped": skipped,
        "open": status["due"],
        "planned": len(rows),
        "percent": _percent(done, closed),
    }


def adherence(
    occurrences: list[Occurrence], routines: list[Routine], sessions: list[Session]
) -> dict[str, Any]:
    """Done, missed and skipped per routine of the plan, and in all, over the period.

    The share done counts closed occurrences only (done + missed + skipped): tonight's item that
    is still due is neither kept nor missed yet. Missed and skipped rows imported without a
    routine are grouped by technique, marked as not on the plan.
    """
    by_routine: dict[int, list[Occurrence]] = defaultdict(list)
    loose: dict[int, list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        if o.routine_id is not None:
            by_routine[o.routine_id].append(o)
        else:
            loose[o.technique_id].append(o)
    known = {r.pk: r for r in routines}
    rows = []
    for pk, items in by_routine.items():
        routine = known.get(pk) or items[0].routine
        assert routine is not None
        rows.append(
            {
                "routine": routine.pk,
                "technique": routine.technique.label,
                "regions": region_labels(routine.regions or []),
                "who": assignee_text(routine),
                "schedule": schedule_text(routine),
                "minutes": routine.target_minutes,
                "in_plan": True,
                **_counts(items),
            }
        )
    for items in loose.values():
        rows.append(
            {
                "routine": None,
                "technique": items[0].technique.label,
                "regions": [],
                "who": "",
                "schedule": _("not on the plan"),
                "minutes": None,
                "in_plan": False,
                **_counts(items),
            }
        )
    rows.sort(key=lambda r: (not r["in_plan"], r["technique"].casefold(), r["schedule"]))
    reasons: Counter[str] = Counter(
        (o.reason or _("no reason given")) for o in occurrences if o.status == "skipped"
    )
    return {
        "rows": rows,
        **_counts(occurrences),
        "reasons": [{"reason": r, "count": c} for r, c in reasons.most_common()],
        "unplanned_sessions": sum(1 for s in sessions if s.occurrence_id is None),
    }


# --- joint range and circumference --------------------------------------------------------------


def joint_ranges(circle: Circle, viewer: User, period: Period) -> list[dict[str, Any]]:
    rows = common.in_period(progression.joint_ranges_for(circle=circle, viewer=viewer), period)
    trends = []
    for trend in group_joint_ranges(rows):
        first, latest = trend.points[0], trend.latest
        trends.append(
            {
                "title": trend_title(trend),
                "method": str(METHOD_SHORT.get(trend.method, trend.method)),
                "passive": trend.tracks_contracture,
                "sentence": rom_text(trend),
                "norm": norm_text(trend.norm, trend),
                "points": [
                    {
                        "day": p.day,
                        "start": p.start,
                        "end": p.end,
                        "arc": p.end - p.start,
                        "text": range_text(p),
                        "position": str(Position(p.position).label)
                        if p.position in Position.values
                        else p.position,
                        "by": p.by_name,
                    }
                    for p in trend.points
                ],
                "first_arc": first.end - first.start,
                "last_arc": latest.end - latest.start,
                "arc_change": (latest.end - latest.start) - (first.end - first.start),
                "extension_lack": trend.extension_lack(latest)
                if trend.measures_extension
                else None,
            }
        )
    return trends


def circumferences(circle: Circle, viewer: User, period: Period) -> dict[str, Any]:
    """Left and right per site (cm), the change over the period, and one-sided jumps in it."""
    rows = common.in_period(progression.length_measurements(circle=circle, viewer=viewer), period)
    sites = []
    alerts: list[str] = []
    for site in pair_sites(rows):
        left, right = dict(site.left), dict(site.right)
        days = sorted(set(left) | set(right))
        sites.append(
            {
                "name": _("Calf") if site.key == "calf" else capfirst(site.name),
                "rows": [{"day": d, "left": left.get(d), "right": right.get(d)} for d in days],
                "left_first": site.left[0][1],
                "left_last": site.left[-1][1],
                "left_change": site.left[-1][1] - site.left[0][1],
                "right_first": site.right[0][1],
                "right_last": site.right[-1][1],
                "right_change": site.right[-1][1] - site.right[0][1],
            }
        )
        alerts += [swelling_text(a) for a in find_swelling_alerts(site) if a.day in period]
    return {"sites": sites, "alerts": alerts, "advice": str(SWELLING_ADVICE)}


# --- maintenance therapy --------------------------------------------------------------------------


def routines_in(circle: Circle, viewer: User, period: Period) -> list[Routine]:
    """Routines of the plan in force on at least one day of the period."""
    rows = list(care.routines_for(circle=circle, viewer=viewer)) + list(
        care.routines_for(circle=circle, viewer=viewer, ended=True)
    )
    return sorted(
        (
            r
            for r in rows
            if r.start_date <= period.end and (r.end_date is None or r.end_date >= period.start)
        ),
        key=lambda r: (r.time_of_day, r.pk),
    )


def measurement_log(
    rom: list[dict[str, Any]],
    circumference: dict[str, Any],
    degrees: list[dict[str, Any]],
    assessments: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Every objective measurement of the period in date order (the Jimmo "sequential" record)."""
    log: list[dict[str, Any]] = []
    for trend in rom:
        for p in trend["points"]:
            what = _("%(title)s (%(method)s), %(position)s") % {
                "title": trend["title"],
                "method": trend["method"],
                "position": p["position"],
            }
            log.append({"day": p["day"], "what": what, "value": p["text"], "by": p["by"]})
    for site in circumference["sites"]:
        for row in site["rows"]:
            values = [
                _("%(side)s %(value)s") % {"side": side, "value": common.with_unit(v, "cm")}
                for side, v in ((_("left"), row["left"]), (_("right"), row["right"]))
                if v is not None
            ]
            what = _("%(site)s circumference") % {"site": site["name"]}
            log.append({"day": row["day"], "what": what, "value": ", ".join(values), "by": ""})
    for trend in degrees:
        for day, value in trend["points"]:
            log.append(
                {
                    "day": day,
                    "what": trend["label"],
                    "value": common.with_unit(value, "deg"),
                    "by": "",
                }
            )
    for a in assessments:
        if a["fine_motor"] is None:
            value = _("total %(total)s") % {"total": common.number(a["total"])}
        else:
            value = _("total %(total)s; fine motor %(fine)s/12; gross motor %(gross)s/12") % {
                "total": common.number(a["total"]),
                "fine": common.number(a["fine_motor"]),
                "gross": common.number(a["gross_motor"]),
            }
        log.append({"day": a["day"], "what": _("ALSFRS-R"), "value": value, "by": a["by"]})
    return sorted(log, key=lambda row: row["day"])


def programme(
    routines: list[Routine], adherence_rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The caregiver-delivered programme: each routine with who gives it, how often, and how much
    of it was kept in the period — what the family delivers first, the therapists' own after."""
    kept = {row["routine"]: row for row in adherence_rows if row["routine"] is not None}
    rows = []
    for r in routines:
        counts = kept.get(r.pk, {})
        rows.append(
            {
                "technique": r.technique.label,
                "regions": region_labels(r.regions or []),
                "schedule": schedule_text(r),
                "minutes": r.target_minutes,
                "who": assignee_text(r),
                "by_family": (r.assignee.role if r.assignee else r.assignee_role) != Role.THERAPIST,
                "since": r.start_date,
                "until": r.end_date,
                "instructions": r.technique.instruction_texts,
                "safety": r.technique.safety_texts,
                "done": counts.get("done", 0),
                "closed": counts.get("done", 0)
                + counts.get("missed", 0)
                + counts.get("skipped", 0),
                "percent": counts.get("percent"),
            }
        )
    return sorted(rows, key=lambda row: not row["by_family"])


# --- the report ----------------------------------------------------------------------------------


def build_pt_report(*, circle: Circle, viewer: User, period: Period) -> dict[str, Any]:
    """Everything the PT report shows, as numbers, dates and translated labels."""
    require(viewer, circle, REPORT_ACTION)
    sessions = list(
        care.sessions_between(circle=circle, viewer=viewer, start=period.start, end=period.end)
    )
    occurrences = list(
        care.occurrences_between(circle=circle, viewer=viewer, start=period.start, end=period.end)
    )
    routines = routines_in(circle, viewer, period)
    symptoms = common.trackable_trends(
        common.observations_of(circle, viewer, period, keys=SYMPTOM_KEYS), period
    )
    degrees_obs = [
        o
        for o in common.observations_of(circle, viewer, period, kind=Trackable.Kind.MEASUREMENT)
        if o.trackable.unit == "deg"
    ]
    rom = joint_ranges(circle, viewer, period)
    circumference = circumferences(circle, viewer, period)
    # Check-in measurements in degrees (the built-in elbow extension, a circle's own angles).
    degrees = common.trackable_trends(degrees_obs, period, chart=False)
    assessments = assessments_in(circle, viewer, period)
    care_given = sessions_summary(sessions)
    kept = adherence(occurrences, routines, sessions)
    requests = report_notes_for(circle=circle, viewer=viewer)[ReportNote.Kind.PT_REQUESTS]
    empty = not (
        sessions
        or occurrences
        or symptoms
        or rom
        or circumference["sites"]
        or degrees
        or assessments
    )
    return {
        "kind": "pt",
        "title": _("Report for the physical therapist"),
        "circle_name": circle.name,
        "person": common.person_name(circle),
        "period": period,
        "period_text": common.period_text(period),
        "generated": today(circle),
        "empty": empty,
        "sessions": care_given,
        "adherence": kept,
        "rom": rom,
        "degrees": degrees,
        "circumference": circumference,
        "symptoms": common.trends_for_keys(symptoms, SYMPTOM_KEYS, period),
        "requests": requests,
        "maintenance": {
            "measurements": measurement_log(rom, circumference, degrees, assessments),
            "programme": programme(routines, kept["rows"]),
            "adherence_percent": kept["percent"],
        },
    }
