"""The clinical reports page: choose a period, write what to ask, preview or download.

Who may use it is :data:`bedside.reports.pdf.notes.REPORT_ACTION` (the right to export); the
FHIR file is an export and always needs that right.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bedside.circles.audit import audit
from bedside.circles.days import today
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action
from bedside.web.pages import circle_context, circle_page, render_page

from .fhir.bundle import circle_bundle
from .models import ReportNote
from .pdf.clinic_report import build_clinic_report
from .pdf.forms import PeriodForm, ReportNoteForm
from .pdf.notes import REPORT_ACTION, report_note_save, report_notes_for
from .pdf.pt_report import build_pt_report
from .pdf.render import BODIES, report_pdf

PAGE = "reports/clinical/page.html"
PREVIEW = "reports/clinical/preview.html"

Builder = Callable[..., dict[str, Any]]
BUILDERS: dict[str, Builder] = {"pt": build_pt_report, "clinic": build_clinic_report}


def _period_form(request: HttpRequest, circle: Circle) -> PeriodForm:
    return PeriodForm(request.GET or None, today=today(circle))


def _query(form: PeriodForm) -> str:
    """The period as an address query, for links between the page, previews and downloads."""
    if not form.is_bound or not form.is_valid():
        return ""
    data = form.cleaned_data
    return urlencode(
        {
            "start": data["start"].isoformat(),
            "end": data["end"].isoformat(),
            "paper": data["paper"],
            **({"name": "on"} if data.get("name") else {}),
        }
    )


def _ids(kind: str) -> str:
    # Two note forms on one page: their fields need different ids.
    return f"id_{kind if kind in ReportNote.Kind.values else 'note'}_%s"


def _page(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    *,
    form: PeriodForm,
    note_forms: dict[str, ReportNoteForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    notes = report_notes_for(circle=circle, viewer=request.user)  # type: ignore[arg-type]
    forms = note_forms or {}
    for kind in ReportNote.Kind.values:
        forms.setdefault(
            kind, ReportNoteForm(initial={"kind": kind, "text": notes[kind]}, auto_id=_ids(kind))
        )
    context = circle_context(
        circle,
        membership,
        form=form,
        query=_query(form),
        pt_form=forms[ReportNote.Kind.PT_REQUESTS],
        clinic_form=forms[ReportNote.Kind.CLINIC_QUESTIONS],
    )
    return render_page(request, PAGE, context, status=status)


@require_http_methods(["GET", "POST"])
@circle_page(REPORT_ACTION)
def reports(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    form = _period_form(request, circle)
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        note = ReportNoteForm(request.POST, auto_id=_ids(kind))
        if note.is_valid():
            try:
                report_note_save(
                    actor=request.user,  # type: ignore[arg-type]
                    circle=circle,
                    kind=note.cleaned_data["kind"],
                    text=note.cleaned_data["text"],
                )
            except ValidationError as error:
                note.add_error("text", error)
            else:
                messages.success(request, _("Saved. It will be in the next report you make."))
                # Back to the same period, scrolled to the text just saved.
                url = reverse("clinical:reports", args=[circle.slug])
                query = f"?{request.GET.urlencode()}" if request.GET else ""
                return redirect(f"{url}{query}#{note.cleaned_data['kind']}-text")
        forms = {kind: note} if kind in ReportNote.Kind.values else {}
        return _page(request, circle, membership, form=form, note_forms=forms, status=400)
    if form.is_bound and not form.is_valid():
        return _page(request, circle, membership, form=form, status=400)
    return _page(request, circle, membership, form=form)


def _valid_period(
    request: HttpRequest, circle: Circle, membership: Membership
) -> tuple[PeriodForm, HttpResponse | None]:
    """The period form, bound to the query (empty = the default period), or the page with its
    errors (400) when the period is not valid."""
    form = PeriodForm(request.GET, today=today(circle))
    if not form.is_valid():
        return form, _page(request, circle, membership, form=form, status=400)
    return form, None


def _preview(
    request: HttpRequest, circle: Circle, membership: Membership, kind: str
) -> HttpResponse:
    form, refused = _valid_period(request, circle, membership)
    if refused is not None:
        return refused
    report = BUILDERS[kind](circle=circle, viewer=request.user, period=form.period)
    context = circle_context(
        circle, membership, report=report, body=BODIES[kind], kind=kind, query=_query(form)
    )
    return render_page(request, PREVIEW, context)


def _filename(circle: Circle, what: str, form: PeriodForm, extension: str) -> str:
    # The circle's short name, the kind of file and the period: never health data.
    data = form.cleaned_data
    return f"bedside-{circle.slug}-{what}-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}.{extension}"


def _attachment(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response


def _pdf(request: HttpRequest, circle: Circle, membership: Membership, kind: str) -> HttpResponse:
    form, refused = _valid_period(request, circle, membership)
    if refused is not None:
        return refused
    started = time.perf_counter()
    report = BUILDERS[kind](circle=circle, viewer=request.user, period=form.period)
    pdf = report_pdf(report, form.cleaned_data["paper"])
    audit(actor=request.user, circle=circle, action="export", target=f"pdf:{kind}")
    response = _attachment(pdf, "application/pdf", _filename(circle, f"{kind}-report", form, "pdf"))
    response["Server-Timing"] = f"pdf;dur={(time.perf_counter() - started) * 1000:.0f}"
    return response


@require_GET
@circle_page(REPORT_ACTION)
def pt_preview(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _preview(request, circle, membership, "pt")


@require_GET
@circle_page(REPORT_ACTION)
def pt_pdf(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _pdf(request, circle, membership, "pt")


@require_GET
@circle_page(REPORT_ACTION)
def clinic_preview(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _preview(request, circle, membership, "clinic")


@require_GET
@circle_page(REPORT_ACTION)
def clinic_pdf(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _pdf(request, circle, membership, "clinic")


@require_GET
@circle_page(Action.EXPORT)
def fhir(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    form, refused = _valid_period(request, circle, membership)
    if refused is not None:
        return refused
    user: User = request.user  # type: ignore[assignment]
    bundle = circle_bundle(
        actor=user, circle=circle, period=form.period, include_name=form.cleaned_data["name"]
    )
    content = json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
    return _attachment(
        content, "application/fhir+json; charset=utf-8", _filename(circle, "fhir", form, "json")
    )
