"""Body measures: joint range, breathing and voice tests, limb circumference, weight and BMI."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bedside.circles.days import today
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, role_can
from bedside.web.pages import circle_page, render_page

from .. import selectors, services, summaries, wording
from ..breathing import SPECS
from ..forms import BreathingTestForm, JointRangeForm
from ..joints import METHOD_SHORT, Position
from ..models import BreathingTest


def _viewer(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _base(circle: Circle, membership: Membership, **extra: Any) -> dict[str, Any]:
    return {
        "circle": circle,
        "membership": membership,
        "can_rate": role_can(membership.role, Action.RATE),
        "can_plan": role_can(membership.role, Action.PLAN),
        "can_settings": role_can(membership.role, Action.INVITE),
        **extra,
    }


# --- joint range ------------------------------------------------------------------------------


def joint_trend_rows(trends: list[summaries.JointRangeTrend]) -> list[dict[str, Any]]:
    """What the joint range page and the overview show for each series."""
    return [
        {
            "trend": trend,
            "title": wording.trend_title(trend),
            "sentence": wording.rom_text(trend),
            "norm": wording.norm_text(trend.norm, trend),
            "method": METHOD_SHORT[trend.method],
            "points": [
                {
                    "point": p,
                    "range": wording.range_text(p),
                    "position": Position(p.position).label,
                }
                for p in reversed(trend.points)
            ],
        }
        for trend in trends
    ]


@circle_page(Action.READ)
@require_http_methods(["GET", "POST"])
def joints(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    viewer = _viewer(request)
    can_rate = role_can(membership.role, Action.RATE)
    if request.method == "POST" and not can_rate:
        raise PermissionDenied(f"Your role may not {Action.RATE.label}")
    form = JointRangeForm(request.POST or None, today=today(circle))
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            joint, motion = form.split()
            try:
                services.joint_range_record(
                    actor=viewer,
                    circle=circle,
                    day=data["day"],
                    joint=joint,
                    motion=motion,
                    side=data["side"],
                    method=data["method"],
                    position=data["position"],
                    start_deg=data["start_deg"],
                    end_deg=data["end_deg"],
                    hyperextension=data["hyperextension"],
                    by_name=data["by_name"],
                    note=data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Joint range saved."))
                return redirect("progression:joints", circle.slug)
        messages.error(request, _("Not saved: see the problems below."))
    trends = summaries.joint_range_trends(circle, viewer)
    quick = selectors.observations_with_key(
        circle=circle, viewer=viewer, key=selectors.ELBOW_EXTENSION_KEY
    )
    removable = {
        p.pk for t in trends for p in t.points if services.may_remove(membership, p.created_by_id)
    }
    return render_page(
        request,
        "progression/joints.html",
        _base(
            circle,
            membership,
            form=form,
            rows=joint_trend_rows(trends),
            quick=list(reversed(quick))[:10],
            removable=removable,
        ),
    )


@circle_page(Action.RATE)
@require_POST
def joint_remove(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    row = selectors.joint_range_in(
        circle=circle, viewer=_viewer(request), row_id=request.POST.get("row", "")
    )
    try:
        services.joint_range_remove(actor=_viewer(request), circle=circle, row=row)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The measurement was removed."))
    return redirect("progression:joints", circle.slug)


# --- breathing and voice ------------------------------------------------------------------------


def breathing_rows(summary: summaries.BreathingSummary) -> list[dict[str, Any]]:
    rows = []
    for series in summary.series:
        spec = SPECS[series.kind]
        applying = {t.key for t in series.findings}
        latest, previous = series.latest, series.previous
        rows.append(
            {
                "series": series,
                "label": BreathingTest.Kind(series.kind).label,
                "unit": spec.unit_label,
                "latest": wording.num(latest.value),
                "previous": wording.num(previous.value) if previous else "",
                "when": wording.when_text(previous.day, latest.day) if previous else "",
                "pace": wording.num(latest.pace, 2) if latest.pace is not None else "",
                "lying": latest.posture == BreathingTest.Posture.LYING,
                "thresholds": [
                    {
                        "text": wording.finding_text(t),
                        "applies": t.key in applying,
                        "below": wording.below_text(series.kind, latest.value, t),
                    }
                    for t in wording.thresholds_for(series.kind)
                ]
                if spec.measure
                else [],
                "note": wording.MPT_NOTE
                if series.kind == "mpt"
                else wording.FVC_NOTE
                if series.kind == "fvc"
                else "",
                "points": [
                    {
                        "point": p,
                        "value": wording.num(p.value),
                        "pace": wording.num(p.pace, 2) if p.pace is not None else "",
                        "posture": BreathingTest.Posture(p.posture).label,
                    }
                    for p in reversed(series.points)
                ],
            }
        )
    return rows


@circle_page(Action.READ)
@require_http_methods(["GET", "POST"])
def breathing(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    viewer = _viewer(request)
    can_rate = role_can(membership.role, Action.RATE)
    if request.method == "POST" and not can_rate:
        raise PermissionDenied(f"Your role may not {Action.RATE.label}")
    form = BreathingTestForm(request.POST or None, today=today(circle))
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.breathing_test_record(
                    actor=viewer,
                    circle=circle,
                    day=data["day"],
                    kind=data["kind"],
                    value=data["value"],
                    pace=data["pace"] or None,
                    posture=data["posture"],
                    by_name=data["by_name"],
                    note=data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Test result saved."))
                return redirect("progression:breathing", circle.slug)
        messages.error(request, _("Not saved: see the problems below."))
    summary = summaries.breathing_summary(circle, viewer)
    removable = {
        p.pk
        for s in summary.series
        for p in s.points
        if services.may_remove(membership, p.created_by_id)
    }
    return render_page(
        request,
        "progression/breathing.html",
        _base(
            circle,
            membership,
            form=form,
            rows=breathing_rows(summary),
            ventilator=summary.ventilator,
            removable=removable,
            specs=[(BreathingTest.Kind(k).label, s) for k, s in SPECS.items()],
            not_a_diagnosis=wording.NOT_A_DIAGNOSIS,
        ),
    )


@circle_page(Action.RATE)
@require_POST
def breathing_remove(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    row = selectors.breathing_test_in(
        circle=circle, viewer=_viewer(request), row_id=request.POST.get("row", "")
    )
    try:
        services.breathing_test_remove(actor=_viewer(request), circle=circle, row=row)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The test result was removed."))
    return redirect("progression:breathing", circle.slug)


# --- limb circumference -------------------------------------------------------------------------


def swelling_rows(alerts: list[summaries.SwellingAlert]) -> list[str]:
    return [wording.swelling_text(a) for a in alerts]


def site_rows(sites: list[summaries.LimbSite]) -> list[dict[str, Any]]:
    rows = []
    for site in sites:
        right = dict(site.right)
        left = dict(site.left)
        days = sorted(set(left) | set(right), reverse=True)[:20]
        pair = site.latest_pair
        rows.append(
            {
                "site": site,
                "left_label": wording.site_text(site.key, site.name, "left"),
                "right_label": wording.site_text(site.key, site.name, "right"),
                "title": _("Calf") if site.key == "calf" else capfirst(site.name),
                "latest": {
                    "day": pair[0],
                    "left": wording.num(pair[1]),
                    "right": wording.num(pair[2]),
                    "difference": wording.signed(pair[1] - pair[2]),
                }
                if pair
                else None,
                "days": [
                    {
                        "day": d,
                        "left": wording.num(left[d]) if d in left else "",
                        "right": wording.num(right[d]) if d in right else "",
                    }
                    for d in days
                ],
            }
        )
    return rows


@circle_page(Action.READ)
@require_GET
def swelling(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    viewer = _viewer(request)
    alerts = summaries.swelling_alerts(circle, viewer)
    return render_page(
        request,
        "progression/swelling.html",
        _base(
            circle,
            membership,
            alerts=swelling_rows(alerts),
            advice=wording.SWELLING_ADVICE,
            rule=wording.swelling_rule_text(),
            sites=site_rows(summaries.limb_sites(circle, viewer)),
        ),
    )


# --- weight and BMI -----------------------------------------------------------------------------


def weight_context(summary: summaries.WeightSummary) -> dict[str, Any]:
    latest = summary.latest
    return {
        "weight": summary,
        "latest_kg": wording.num(latest[1]) if latest else "",
        "latest_day": latest[0] if latest else None,
        "bmi": wording.num(summary.bmi) if summary.bmi is not None else "",
        "change_kg": wording.signed(summary.change_kg) if summary.change_kg is not None else "",
        "change_percent": wording.signed(summary.change_percent)
        if summary.change_percent is not None
        else "",
        "weights": [{"day": d, "kg": wording.num(kg)} for d, kg in reversed(summary.points[-30:])],
    }


@circle_page(Action.READ)
@require_GET
def weight(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    summary = summaries.weight_summary(circle, _viewer(request))
    return render_page(
        request,
        "progression/weight.html",
        _base(circle, membership, **weight_context(summary)),
    )
