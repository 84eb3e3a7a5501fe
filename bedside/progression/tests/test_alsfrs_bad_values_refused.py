"""Impossible answers are refused with a clear message, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError

from bedside.progression import services
from bedside.progression.models import ALSFRSAssessment, ALSFRSDraft

from .factories import url

pytestmark = pytest.mark.datalayer

GOOD = {str(n): 4 for n in range(1, 13) if n != 5} | {"5a": 4}


@pytest.mark.parametrize("value", ["5", "-1", "2.5", "x", ""])
def test_an_impossible_answer_is_not_kept(personas, client_for, value):
    client = client_for(personas.person)
    response = client.post(
        url("alsfrs_answer", personas.circle), {"item": "3", "value": value}, follow=True
    )
    assert "Not kept" in response.content.decode()
    assert "whole numbers from 0 to 4" in response.content.decode()
    assert not ALSFRSDraft.objects.exists()


def test_an_unknown_item_is_not_kept(personas, client_for):
    client = client_for(personas.person)
    response = client.post(
        url("alsfrs_answer", personas.circle), {"item": "13", "value": "2"}, follow=True
    )
    assert "has no item" in response.content.decode()
    assert not ALSFRSDraft.objects.exists()


def test_both_forms_of_item_five_are_refused(personas):
    items = GOOD | {"5b": 3}
    with pytest.raises(ValidationError, match="only one of them counts"):
        services.alsfrs_record(actor=personas.person, circle=personas.circle, items=items)
    assert not ALSFRSAssessment.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"3": 7}, "Item 3 (Swallowing)"),
        ({"8": 1.5}, "Item 8 (Walking)"),
        ({"12": None}, "Item 12"),
    ],
)
def test_out_of_range_items_are_named(personas, change, message):
    with pytest.raises(ValidationError) as refused:
        services.alsfrs_record(actor=personas.person, circle=personas.circle, items=GOOD | change)
    assert message in " ".join(refused.value.messages)
    assert not ALSFRSAssessment.objects.exists()


def test_missing_items_are_listed(personas):
    items = {k: v for k, v in GOOD.items() if k not in ("7", "9")}
    with pytest.raises(ValidationError) as refused:
        services.alsfrs_record(actor=personas.person, circle=personas.circle, items=items)
    text = " ".join(refused.value.messages)
    assert "item 7 (Turning in bed)" in text and "item 9 (Stairs)" in text
    assert not ALSFRSAssessment.objects.exists()


def test_saving_an_incomplete_draft_saves_nothing_and_keeps_the_draft(personas, client_for):
    client = client_for(personas.person)
    client.post(url("alsfrs_answer", personas.circle), {"item": "1", "value": "4"})
    response = client.post(url("alsfrs_save", personas.circle), {}, follow=True)
    assert "Not saved" in response.content.decode()
    assert "Not answered yet" in response.content.decode()
    assert not ALSFRSAssessment.objects.exists()
    assert ALSFRSDraft.objects.get().answers == {"1": 4}


def test_a_future_day_is_refused(personas):
    import datetime as dt

    from bedside.circles.days import today

    with pytest.raises(ValidationError, match="has not come yet"):
        services.alsfrs_record(
            actor=personas.person,
            circle=personas.circle,
            items=GOOD,
            day=today(personas.circle) + dt.timedelta(days=1),
        )
    assert not ALSFRSAssessment.objects.exists()


@pytest.mark.parametrize(
    ("total", "instrument"),
    [(49, "ALSFRS-R"), (41, "ALSFRS"), (-1, "ALSFRS-R"), (30.3, "ALSFRS-R")],
)
def test_impossible_totals_are_refused(personas, total, instrument):
    with pytest.raises(ValidationError):
        services.alsfrs_record_total(
            actor=personas.person,
            circle=personas.circle,
            total=total,
            day=None,
            instrument=instrument,
        )
    assert not ALSFRSAssessment.objects.exists()


def test_the_total_form_shows_the_problem_and_saves_nothing(personas, client_for):
    response = client_for(personas.therapist).post(
        url("alsfrs_total", personas.circle),
        {"total": "52", "instrument": "ALSFRS-R", "day": "", "note": ""},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "must be a number from 0 to 48" in page
    assert not ALSFRSAssessment.objects.exists()
