import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from bedside.circles import services
from bedside.circles.models import AuditEvent, Membership

pytestmark = pytest.mark.datalayer


def membership(personas, user):
    return Membership.objects.get(circle=personas.circle, user=user)


def url(name, personas, user, slug="theo"):
    return reverse(name, args=[slug, membership(personas, user).pk])


def test_coordinator_changes_a_role(personas, client_for):
    response = client_for(personas.coordinator).post(
        url("member_role", personas, personas.caregiver), {"role": "viewer"}, follow=True
    )
    assert membership(personas, personas.caregiver).role == "viewer"
    assert "Ana is now: Viewer." in response.content.decode()
    assert AuditEvent.objects.filter(action="member.role").exists()


def test_unknown_role_is_refused(personas, client_for):
    client_for(personas.coordinator).post(
        url("member_role", personas, personas.caregiver), {"role": "admin"}
    )
    assert membership(personas, personas.caregiver).role == "caregiver"


def test_the_last_manager_cannot_step_down(personas, client_for):
    services.membership_change_role(
        actor=personas.person,
        membership=membership(personas, personas.person),
        role="coordinator",
    )
    services.membership_revoke(
        actor=personas.coordinator, membership=membership(personas, personas.person)
    )
    response = client_for(personas.coordinator).post(
        url("member_role", personas, personas.coordinator), {"role": "viewer"}, follow=True
    )
    assert "A circle needs at least one person or coordinator." in response.content.decode()
    assert membership(personas, personas.coordinator).role == "coordinator"


def test_only_the_person_can_remove_the_person(personas):
    with pytest.raises(PermissionDenied):
        services.membership_revoke(
            actor=personas.coordinator, membership=membership(personas, personas.person)
        )
    with pytest.raises(PermissionDenied):
        services.membership_change_role(
            actor=personas.coordinator,
            membership=membership(personas, personas.person),
            role="viewer",
        )
    assert membership(personas, personas.person).is_active


def test_coordinator_is_told_why_the_person_cannot_be_removed(personas, client_for):
    response = client_for(personas.coordinator).post(
        url("member_remove", personas, personas.person), follow=True
    )
    assert "Only the person living with ALS" in response.content.decode()
    assert membership(personas, personas.person).is_active


def test_removal_takes_effect_at_once_and_can_be_undone(personas, client_for, client):
    from django.test import Client

    ana = Client()
    ana.force_login(personas.caregiver)
    assert ana.get(reverse("circle", args=["theo"])).status_code == 200

    maya = client_for(personas.coordinator)
    response = maya.post(url("member_remove", personas, personas.caregiver), follow=True)
    html = response.content.decode()
    assert "Ana was removed" in html and "Add Ana back" in html
    assert ana.get(reverse("circle", args=["theo"])).status_code == 404

    maya.post(url("member_restore", personas, personas.caregiver))
    restored = membership(personas, personas.caregiver)
    assert (restored.is_active, restored.role) == (True, "caregiver")
    assert ana.get(reverse("circle", args=["theo"])).status_code == 200
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"member.revoke", "member.restore"} <= actions


def test_removal_needs_a_post(personas, client_for):
    response = client_for(personas.coordinator).get(
        url("member_remove", personas, personas.caregiver)
    )
    assert response.status_code == 405
    assert membership(personas, personas.caregiver).is_active


def test_coordinator_may_leave_when_someone_else_manages(personas, client_for):
    response = client_for(personas.coordinator).post(
        url("member_remove", personas, personas.coordinator)
    )
    assert response.url == reverse("home")
    assert not membership(personas, personas.coordinator).is_active


def test_member_of_another_circle_cannot_be_changed_through_ones_own(personas, client_for):
    # Olga manages "other"; she tries Theo's caregiver's membership id under her own slug.
    client = client_for(personas.outsider)
    for name in ("member_role", "member_remove", "member_restore"):
        response = client.post(
            url(name, personas, personas.caregiver, slug="other"), {"role": "viewer"}
        )
        assert response.status_code == 404, name
    assert membership(personas, personas.caregiver).role == "caregiver"
    assert membership(personas, personas.caregiver).is_active


def test_unknown_role_is_a_validation_error_in_the_service(personas):
    with pytest.raises(ValidationError):
        services.membership_add(
            actor=personas.coordinator, circle=personas.circle, user=personas.outsider, role="boss"
        )
