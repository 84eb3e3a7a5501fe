"""The import and export page: download the record, upload a CSV file (all rows or none)."""

from __future__ import annotations

import io
import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from bedside.circles.days import today
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action
from bedside.interchange import InterchangeError, RowError, write_events
from bedside.web.pages import circle_context, circle_page, render_page

from .exporter import circle_export_json, events_export
from .forms import ImportForm
from .importer import file_import, import_summary
from .interchange_text import translated

TEMPLATE = "reports/transfer.html"


@require_http_methods(["GET", "POST"])
@circle_page(Action.EXPORT)
def transfer(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportForm(request.POST, request.FILES) if posted else ImportForm()
    problems: list[RowError] = []
    success = ""
    if posted and form.is_valid():
        try:
            result = file_import(
                actor=request.user,  # type: ignore[arg-type]
                circle=circle,
                text=form.cleaned_data["file"],
                create=form.cleaned_data["create"],
            )
        except InterchangeError as error:
            problems = [translated(e) for e in error.errors]
        else:
            success = import_summary(result)
            if not getattr(request, "htmx", False):
                messages.success(request, success)
                return redirect("reports:transfer", circle.slug)
            form = ImportForm()
    context = circle_context(circle, membership, form=form, problems=problems, success=success)
    # htmx swaps only successful responses: its requests get the refusal with a 200.
    refused = bool(form.errors or problems)
    status = 400 if refused and not getattr(request, "htmx", False) else 200
    return render_page(request, TEMPLATE, context, partial="import-form", status=status)


def _attachment(circle: Circle, content: str, extension: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # The file name carries the circle's short name and the date, never health data.
    name = f"bedside-{circle.slug}-{today(circle).isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store, private"
    return response


@require_GET
@circle_page(Action.EXPORT)
def export_csv(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    buffer = io.StringIO()
    # A byte-order mark lets spreadsheets open accented names correctly; import ignores it.
    buffer.write("\ufeff")
    write_events(events_export(actor=request.user, circle=circle), buffer)  # type: ignore[arg-type]
    return _attachment(circle, buffer.getvalue(), "csv", "text/csv; charset=utf-8")


@require_GET
@circle_page(Action.EXPORT)
def export_json(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    document = circle_export_json(actor=request.user, circle=circle)  # type: ignore[arg-type]
    content = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return _attachment(circle, content, "json", "application/json; charset=utf-8")
