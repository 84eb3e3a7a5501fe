"""The progression overview (latest of everything) and the circle's settings for this app."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, role_can
from bedside.web.pages import circle_page, render_page

from .. import selectors, services, summaries, wording
from ..forms import SettingsForm
from .alsfrs import domain_rows
from .measures import _base, breathing_rows, joint_trend_rows, swelling_rows, weight_context

OVERVIEW_JOINTS = 6  # series shown on the overview; the joint page shows them all


def _viewer(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@circle_page(Action.READ)
@require_GET
def overview(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    viewer = _viewer(request)
    history = summaries.alsfrs_history(circle, viewer)
    latest, staged, rate = history.latest, history.latest_staged, history.latest_rate
    breathing = summaries.breathing_summary(circle, viewer)
    trends = summaries.joint_range_trends(circle, viewer)
    context = _base(
        circle,
        membership,
        history=history,
        latest=latest,
        staged=staged,
        domain_rows=domain_rows(staged),
        kings_text=wording.kings_text(staged.kings) if staged and staged.kings else "",
        mitos_text=wording.mitos_text(staged.mitos) if staged and staged.mitos else "",
        delta_fs_text=wording.delta_fs_text(rate, history) if rate else "",
        slope_text=wording.slope_text(history),
        due=history.due,
        has_draft=selectors.draft_for(circle=circle, viewer=viewer) is not None
        and role_can(membership.role, Action.RATE),
        joint_rows=joint_trend_rows(trends[:OVERVIEW_JOINTS]),
        more_joints=max(0, len(trends) - OVERVIEW_JOINTS),
        breathing=breathing_rows(breathing),
        ventilator=breathing.ventilator,
        alerts=swelling_rows(summaries.swelling_alerts(circle, viewer)),
        advice=wording.SWELLING_ADVICE,
        not_a_diagnosis=wording.NOT_A_DIAGNOSIS,
        **weight_context(summaries.weight_summary(circle, viewer)),
    )
    return render_page(request, "progression/overview.html", context)


@circle_page(Action.PLAN)
@require_http_methods(["GET", "POST"])
def settings(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    current = selectors.settings_for(circle=circle, viewer=_viewer(request))
    form = SettingsForm(request.POST or None, initial=SettingsForm.initial_from(current))
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.progression_settings_update(
                    actor=_viewer(request),
                    circle=circle,
                    height_cm=data["height_cm"],
                    alsfrs_every_days=data["alsfrs_every_days"],
                    delta_fs_banding=data["delta_fs_banding"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Progression settings saved."))
                return redirect("progression:overview", circle.slug)
        messages.error(request, _("Not saved: see the problems below."))
    return render_page(request, "progression/settings.html", _base(circle, membership, form=form))
