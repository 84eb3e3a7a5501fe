"""The report period: empty means the last 90 days; bad periods are refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from bedside.circles.days import today
from bedside.reports.pdf.forms import MAX_DAYS, PeriodForm

TODAY = dt.date(2026, 3, 14)


def form(**data: str) -> PeriodForm:
    return PeriodForm(data, today=TODAY)


def test_empty_dates_mean_the_last_90_days():
    f = form()
    assert f.is_valid()
    assert (f.period.start, f.period.end, f.period.days) == (dt.date(2025, 12, 15), TODAY, 90)
    assert f.cleaned_data["paper"] == "letter"


def test_a_start_alone_runs_to_today():
    f = form(start="2026-03-01")
    assert f.is_valid()
    assert (f.period.start, f.period.end) == (dt.date(2026, 3, 1), TODAY)


def test_start_after_end_is_refused():
    f = form(start="2026-03-10", end="2026-03-01")
    assert not f.is_valid()
    assert "before the last day" in str(f.errors["start"])


def test_a_period_ending_in_the_future_is_refused():
    f = form(start="2026-03-01", end="2026-03-15")
    assert not f.is_valid()
    assert "future" in str(f.errors["end"])


def test_a_period_longer_than_two_years_is_refused():
    end = TODAY
    ok = form(start=str(end - dt.timedelta(days=MAX_DAYS - 1)), end=str(end))
    too_long = form(start=str(end - dt.timedelta(days=MAX_DAYS)), end=str(end))
    assert ok.is_valid()
    assert not too_long.is_valid()
    assert "at most 731 days" in str(too_long.errors["start"])


def test_a_date_that_is_not_a_date_is_refused():
    f = form(start="14/03/2026")
    assert not f.is_valid()
    assert "start" in f.errors


def test_unknown_paper_is_refused():
    assert not form(paper="tabloid").is_valid()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["pt_preview", "pt_pdf", "clinic_preview", "clinic_pdf", "fhir"])
def test_reports_refuse_a_bad_period_with_the_page_and_its_message(personas, client_for, name):
    client = client_for(personas.coordinator)
    url = reverse(f"clinical:{name}", args=[personas.circle.slug])
    now = today(personas.circle)
    start, end = now - dt.timedelta(days=5), now - dt.timedelta(days=10)
    response = client.get(url, {"start": start.isoformat(), "end": end.isoformat()})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "The first day must come before the last day." in response.content.decode()
