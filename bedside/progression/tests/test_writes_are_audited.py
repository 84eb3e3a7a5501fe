"""Every write is audited with the row it touched — never the values — and reads of the pages
are audited as views."""

import pytest
from django.core.exceptions import ValidationError

from bedside.circles.models import AuditEvent
from bedside.progression import services

from .factories import ALL_FOUR, days_ago, record, url

pytestmark = pytest.mark.datalayer


def actions(circle):
    return list(
        AuditEvent.objects.filter(circle=circle)
        .order_by("at", "id")
        .values_list("action", "target")
    )


def test_each_write_leaves_one_record_naming_the_row(personas):
    circle = personas.circle
    before = AuditEvent.objects.count()
    row = record(personas.therapist, circle, ALL_FOUR, day=days_ago(circle, 1))
    joint = services.joint_range_record(
        actor=personas.therapist,
        circle=circle,
        day=None,
        joint="knee",
        motion="flexion",
        side="left",
        method="passive",
        position="sitting",
        start_deg=3,
        end_deg=120,
    )
    test = services.breathing_test_record(
        actor=personas.caregiver, circle=circle, day=None, kind="mpt", value=14
    )
    test_pk = test.pk
    services.breathing_test_remove(actor=personas.caregiver, circle=circle, row=test)
    settings = services.progression_settings_update(
        actor=personas.person,
        circle=circle,
        height_cm=180,
        alsfrs_every_days=30,
        delta_fs_banding="kimura2006",
    )
    recent = actions(circle)[-(AuditEvent.objects.count() - before) :]
    assert recent == [
        ("alsfrs.record", f"alsfrs:{row.pk}"),
        ("joint_range.record", f"joint_range:{joint.pk}"),
        ("breathing.record", f"breathing:{test_pk}"),
        ("breathing.remove", f"breathing:{test_pk}"),
        ("progression.settings", f"progression_settings:{settings.pk}"),
    ]


def test_refused_input_writes_no_audit_record(personas):
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        services.breathing_test_record(
            actor=personas.caregiver, circle=personas.circle, day=None, kind="pcf", value=5000
        )
    assert AuditEvent.objects.count() == before


def test_page_views_are_audited_as_reads(personas, client_for):
    client_for(personas.viewer).get(url("overview", personas.circle))
    last = AuditEvent.objects.filter(circle=personas.circle).order_by("-at", "-id").first()
    assert (last.action, last.target, last.actor) == ("view", "page:overview", personas.viewer)
