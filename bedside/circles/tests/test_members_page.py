import pytest
from django.urls import reverse

pytestmark = pytest.mark.datalayer


def page(client, personas):
    return client.get(reverse("members", args=[personas.circle.slug])).content.decode()


def test_every_member_sees_who_is_in_the_circle_with_role_and_date(personas, client_for):
    html = page(client_for(personas.viewer), personas)
    for name, role in [("Maya", "Coordinator"), ("Ana", "Caregiver"), ("Priya", "Therapist")]:
        assert name in html and role in html
    assert "since" in html


def test_removed_member_is_not_listed_as_a_member(personas, client_for):
    html = page(client_for(personas.viewer), personas)
    assert "Rory" not in html


def test_viewer_sees_no_invitation_or_removal_controls(personas, client_for):
    html = page(client_for(personas.viewer), personas)
    assert reverse("member_invite", args=["theo"]) not in html
    assert "Remove" not in html
    assert "Former members" not in html


def test_coordinator_sees_invite_form_role_changes_and_former_members(personas, client_for):
    html = page(client_for(personas.coordinator), personas)
    assert reverse("member_invite", args=["theo"]) in html
    assert "Remove Ana" in html
    assert "Former members" in html and "Add Rory back" in html


def test_page_shows_the_permission_table(personas, client_for):
    html = page(client_for(personas.caregiver), personas)
    assert "What each role may do" in html
    assert "invite and remove members" in html.lower()


def test_page_is_in_french_for_french_speakers(personas, client_for):
    client = client_for(personas.coordinator)
    html = client.get(
        reverse("members", args=["theo"]), headers={"accept-language": "fr-CA"}
    ).content.decode()
    assert "Inviter quelqu" in html


def test_coordinator_is_not_offered_to_remove_the_person(personas, client_for):
    html = page(client_for(personas.coordinator), personas)
    assert "Remove Theo" not in html and "Role of Theo" not in html


def test_the_person_is_offered_to_change_everyone(personas, client_for):
    html = page(client_for(personas.person), personas)
    assert "Remove Maya" in html and "Leave the circle" in html
