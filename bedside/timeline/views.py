"""The timeline (day by day, newest first) and the charts (one per trackable, and an overview).

Read-only pages: every GET is audited as a read by :func:`circle_page`; bad parameters get a
plain message in the page's status region and fall back to the default view, never an error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from bedside.circles import days as circle_days
from bedside.circles.models import Circle, Membership, User
from bedside.web.pages import circle_context, circle_page, render_page

from . import formatting as fmt
from . import selectors
from .charts import DAY_CHOICES, DEFAULT_DAYS, build_chart
from .entries import build_days

PAGE_DAYS = 14
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
EARLIEST_YEAR = 1900


def parse_day(raw: str) -> dt.date | None:
    """A strict ``YYYY-MM-DD`` date (not before 1900), or None."""
    if not ISO_DAY.fullmatch(raw):
        return None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return None
    return day if day.year >= EARLIEST_YEAR else None


def _page_url(circle: Circle, before: dt.date | None) -> str:
    url = reverse("timeline:timeline", args=[circle.slug])
    return f"{url}?{urlencode({'before': before.isoformat()})}" if before else url


@circle_page()
def timeline(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    viewer: User = request.user
    today = circle_days.today(circle)
    latest = today + dt.timedelta(days=1)  # "before tomorrow": the page that ends today
    before = latest
    raw = request.GET.get("before", "").strip()
    if raw:
        parsed = parse_day(raw)
        if parsed is None:
            messages.error(
                request,
                _(
                    "“%(value)s” is not a date we can read. Use the form year-month-day, "
                    "for example %(example)s. Showing the latest two weeks."
                )
                % {"value": raw[:40], "example": today.isoformat()},
            )
        else:
            before = min(parsed, latest)
    start = before - dt.timedelta(days=PAGE_DAYS)
    end = before - dt.timedelta(days=1)

    first = selectors.first_day(circle=circle, viewer=viewer)
    day_list: list[dt.date] = []
    if first is not None and first <= end:
        shown_start = max(start, first)
        day_list = [end - dt.timedelta(days=i) for i in range((end - shown_start).days + 1)]
    entries = []
    if day_list:
        found = selectors.entries_between(
            circle=circle, viewer=viewer, start=day_list[-1], end=day_list[0]
        )
        entries = build_days(
            circle=circle,
            days=day_list,
            today=today,
            sessions=found.sessions,
            occurrences=found.occurrences,
            observations=found.observations,
            notes=found.notes,
        )

    newer = None
    if before < latest:
        newer_before = before + dt.timedelta(days=PAGE_DAYS)
        newer = _page_url(circle, newer_before if newer_before < latest else None)
    older = _page_url(circle, start) if first is not None and first < start else None
    context: dict[str, Any] = circle_context(
        circle,
        membership,
        days=entries,
        anything_logged=first is not None,
        range_start=fmt.long_day(day_list[-1] if day_list else start),
        range_end=fmt.long_day(end),
        before=before.isoformat() if before < latest else "",
        newer_url=newer,
        older_url=older,
    )
    return render_page(request, "timeline/timeline.html", context)


def _days_param(request: HttpRequest) -> int:
    raw = request.GET.get("days", "").strip()
    if not raw:
        return DEFAULT_DAYS
    if raw.isdigit() and int(raw) in DAY_CHOICES:
        return int(raw)
    messages.error(
        request,
        _("Choose a period of %(choices)s days. Showing the last %(days)d days.")
        % {"choices": ", ".join(str(d) for d in DAY_CHOICES), "days": DEFAULT_DAYS},
    )
    return DEFAULT_DAYS


def _period(circle: Circle, days: int) -> tuple[dt.date, dt.date]:
    end = circle_days.today(circle)
    return end - dt.timedelta(days=days - 1), end


@circle_page()
def chart(
    request: HttpRequest, circle: Circle, membership: Membership, trackable_id: int
) -> HttpResponse:
    viewer: User = request.user
    trackable = selectors.trackable_for(circle=circle, viewer=viewer, trackable_id=trackable_id)
    days = _days_param(request)
    start, end = _period(circle, days)
    observations = selectors.observations_between(
        circle=circle, viewer=viewer, start=start, end=end, trackable=trackable
    )
    sessions = selectors.sessions_between(
        circle=circle, viewer=viewer, start=start, end=end, with_ratings=False
    )
    options = sorted({s.technique for s in sessions}, key=lambda t: (t.label.casefold(), t.pk))

    # Which markers: every technique (default), none, or one chosen in the select.
    choice = request.GET.get("technique", "all").strip() or "all"
    shown = None
    if choice == "none":
        shown = []
    elif choice != "all":
        technique = (
            selectors.technique_for(circle=circle, viewer=viewer, technique_id=int(choice))
            if choice.isdigit()
            else None
        )
        if technique is None:
            messages.error(request, _("That technique is not in this circle. Showing them all."))
            choice = "all"
        else:
            shown = [technique]
            if technique not in options:
                options.append(technique)

    view = build_chart(
        trackable=trackable,
        observations=observations,
        sessions=sessions,
        start=start,
        end=end,
        shown=shown,
    )
    context = circle_context(
        circle,
        membership,
        chart=view,
        trackable=trackable,
        days=days,
        day_choices=DAY_CHOICES,
        technique_options=options,
        technique_choice=choice,
        previous=trackable.previous if trackable.previous_id else None,
        newer=selectors.newer_version_of(circle=circle, viewer=viewer, trackable=trackable),
        period_start=fmt.long_day(start),
        period_end=fmt.long_day(end),
    )
    return render_page(request, "timeline/chart.html", context)


@circle_page()
def charts(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    viewer: User = request.user
    days = _days_param(request)
    start, end = _period(circle, days)
    trackables = selectors.trackables_for(circle=circle, viewer=viewer)
    observations = selectors.observations_between(
        circle=circle, viewer=viewer, start=start, end=end
    )
    with_data = {o.trackable_id for o in observations}
    drawn = [
        build_chart(
            trackable=t,
            observations=observations,
            sessions=[],
            start=start,
            end=end,
            compact=True,
        )
        for t in trackables
        if t.pk in with_data
    ]
    context = circle_context(
        circle,
        membership,
        charts=drawn,
        without_data=[t for t in trackables if t.pk not in with_data],
        days=days,
        day_choices=DAY_CHOICES,
        period_start=fmt.long_day(start),
        period_end=fmt.long_day(end),
    )
    return render_page(request, "timeline/charts.html", context)
