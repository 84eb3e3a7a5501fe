import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from bedside.circles import services
from bedside.circles.audit import audit
from bedside.circles.models import AuditEvent, Circle

pytestmark = pytest.mark.datalayer


def test_coordinator_reads_who_did_what_when_and_from_where(personas, client_for):
    client_for(personas.caregiver).get(reverse("circle", args=["theo"]), REMOTE_ADDR="10.0.0.7")
    html = (
        client_for(personas.coordinator).get(reverse("audit_trail", args=["theo"])).content.decode()
    )
    assert "opened a page" in html and "page:circle" in html
    assert "Ana" in html and "10.0.0.7" in html
    assert "added a member" in html


def test_trail_shows_only_this_circles_events(personas, client_for):
    client_for(personas.outsider).get(reverse("circle", args=["other"]))
    html = (
        client_for(personas.coordinator).get(reverse("audit_trail", args=["theo"])).content.decode()
    )
    assert "Olga" not in html


def test_caregiver_and_viewer_cannot_read_the_trail(personas, client_for):
    for user in (personas.caregiver, personas.viewer, personas.therapist):
        response = client_for(user).get(reverse("audit_trail", args=["theo"]))
        assert response.status_code == 403


def test_reading_the_trail_is_itself_audited(personas, client_for):
    client_for(personas.person).get(reverse("audit_trail", args=["theo"]))
    assert AuditEvent.objects.filter(
        action="view", target="page:audit_trail", actor=personas.person
    ).exists()


def test_trail_is_paged(personas, client_for):
    for _i in range(120):
        audit(actor=personas.caregiver, circle=personas.circle, action="view", target="page:x")
    client = client_for(personas.coordinator)
    html = client.get(reverse("audit_trail", args=["theo"])).content.decode()
    assert "Older" in html
    assert "Newer" in client.get(reverse("audit_trail", args=["theo"]) + "?page=2").content.decode()


def test_audit_event_cannot_be_changed_or_deleted_through_the_orm(personas):
    event = AuditEvent.objects.filter(circle=personas.circle).first()
    event.action = "nothing"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    with pytest.raises(ValueError):
        AuditEvent.objects.filter(pk=event.pk).update(action="nothing")
    with pytest.raises(ValueError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_audit_event_cannot_be_rewritten_in_sql(personas):
    event = AuditEvent.objects.filter(circle=personas.circle).first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE circles_auditevent SET action = 'nothing' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == event.action


def test_audit_event_cannot_be_deleted_in_sql_on_postgresql(personas):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite keeps only the ORM guard for deletes (test databases are emptied with DELETE)"
        )
    event = AuditEvent.objects.filter(circle=personas.circle).first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM circles_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_erasing_a_circle_keeps_its_audit_records_without_the_link(personas):
    circle_id = personas.other_circle.pk
    count = AuditEvent.objects.filter(circle_id=circle_id).count()
    assert count > 0
    Circle.objects.filter(pk=circle_id).delete()
    assert not AuditEvent.objects.filter(circle_id=circle_id).exists()
    assert AuditEvent.objects.filter(circle__isnull=True, action="circle.create").exists()


def test_service_writes_are_audited_with_actor_and_circle(personas):
    services.circle_update(
        actor=personas.person,
        circle=personas.circle,
        name="Theo",
        timezone_name="America/Toronto",
        day_boundary=personas.circle.day_boundary,
    )
    event = AuditEvent.objects.latest("at", "id")
    assert (event.actor, event.circle, event.action) == (
        personas.person,
        personas.circle,
        "circle.update",
    )


def test_trail_names_the_member_a_change_was_about(personas, client_for):
    from bedside.circles.models import Membership

    rory = Membership.objects.get(circle=personas.circle, user=personas.revoked)
    html = (
        client_for(personas.coordinator).get(reverse("audit_trail", args=["theo"])).content.decode()
    )
    assert f"Rory <code>membership:{rory.pk}</code>" in html
