import datetime as dt
import socket

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bedside.circles import services
from bedside.circles.models import AuditEvent, Invitation, Membership, User

pytestmark = pytest.mark.datalayer

PASSWORD = "correct horse battery staple 9"


def invite(personas, email="nora@example.org", role="caregiver"):
    return services.invitation_create(
        actor=personas.coordinator,
        circle=personas.circle,
        email=email,
        role=role,
        accept_url=lambda token: f"http://testserver/invite/{token}/",
    )


def accept_url(invitation):
    return reverse("invitation_accept", args=[invitation.token])


def test_invitation_email_holds_the_link_and_no_health_data(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(personas)
    assert invitation.mail_sent is True
    [message] = mail.outbox
    assert message.to == ["nora@example.org"]
    assert f"/invite/{invitation.token}/" in message.body
    assert "Maya" in message.body
    # Not even the circle's name: it ties a named person to an ALS care log.
    assert "Theo" not in message.body + message.subject


def test_inviting_from_the_members_page_keeps_the_link_visible(personas, client_for):
    client = client_for(personas.coordinator)
    response = client.post(
        reverse("member_invite", args=["theo"]), {"email": "nora@example.org", "role": "viewer"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="nora@example.org")
    assert invitation.role == "viewer"
    html = client.get(reverse("members", args=["theo"])).content.decode()
    assert f"http://testserver/invite/{invitation.token}/" in html
    assert AuditEvent.objects.filter(
        action="invitation.create", actor=personas.coordinator
    ).exists()


def test_bad_email_address_is_refused_with_a_message(personas, client_for):
    response = client_for(personas.coordinator).post(
        reverse("member_invite", args=["theo"]), {"email": "not an address", "role": "viewer"}
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not Invitation.objects.exists()


def test_caregiver_cannot_invite(personas, client_for):
    response = client_for(personas.caregiver).post(
        reverse("member_invite", args=["theo"]), {"email": "x@example.org", "role": "person"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def unused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_unreachable_mail_server_keeps_the_invitation_and_shows_the_link(
    personas, client_for, settings
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": unused_port(), "timeout": 5},
        }
    }
    client = client_for(personas.coordinator)
    response = client.post(
        reverse("member_invite", args=["theo"]),
        {"email": "nora@example.org", "role": "caregiver"},
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    invitation = Invitation.objects.get(email="nora@example.org")
    assert "could not be sent" in html
    assert f"/invite/{invitation.token}/" in html
    assert AuditEvent.objects.filter(action="invitation.mail_failed").exists()


def test_signed_in_user_accepts_and_joins_with_the_invited_role(personas, client_for):
    invitation = invite(personas, role="therapist")
    client = client_for(personas.outsider)
    page = client.get(accept_url(invitation))
    assert "Join the circle" in page.content.decode()
    response = client.post(accept_url(invitation))
    assert response.url == reverse("circle", args=["theo"])
    membership = Membership.objects.get(circle=personas.circle, user=personas.outsider)
    assert membership.role == "therapist"
    invitation.refresh_from_db()
    assert invitation.accepted_by == personas.outsider


def test_opening_the_page_does_not_accept(personas, client_for):
    invitation = invite(personas)
    client_for(personas.outsider).get(accept_url(invitation))
    assert not Membership.objects.filter(circle=personas.circle, user=personas.outsider).exists()


def test_newcomer_signs_up_and_joins_in_one_step(personas, client):
    invitation = invite(personas, email="Nora@Example.org")
    page = client.get(accept_url(invitation)).content.decode()
    assert 'autocomplete="new-password"' in page
    response = client.post(
        accept_url(invitation),
        {
            "username": "nora",
            "display_name": "Nora",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    nora = User.objects.get(username="nora")
    assert nora.email.lower() == "nora@example.org"
    assert Membership.objects.get(circle=personas.circle, user=nora).role == "caregiver"
    # Signed in straight away.
    assert client.get(reverse("circle", args=["theo"])).status_code == 200


def test_sign_up_with_a_common_password_is_refused_and_creates_nothing(personas, client):
    invitation = invite(personas)
    response = client.post(
        accept_url(invitation),
        {"username": "nora", "password1": "password123", "password2": "password123"},
    )
    assert response.status_code == 400
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(username="nora").exists()
    invitation.refresh_from_db()
    assert invitation.is_open


def test_sign_up_with_two_different_passwords_is_refused(personas, client):
    invitation = invite(personas)
    response = client.post(
        accept_url(invitation),
        {"username": "nora", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert response.status_code == 400
    assert "The two passwords differ." in response.content.decode()


def test_sign_up_with_a_taken_user_name_is_refused(personas, client):
    invitation = invite(personas)
    response = client.post(
        accept_url(invitation),
        {"username": "MAYA", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 400
    assert "That user name is taken." in response.content.decode()


def test_sign_in_link_comes_back_to_the_invitation(personas, client):
    invitation = invite(personas)
    html = client.get(accept_url(invitation)).content.decode()
    assert f"/login/?next=%2Finvite%2F{invitation.token}%2F" in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("expired", "This invitation has expired."),
        ("cancelled", "This invitation was cancelled."),
        ("accepted", "This invitation has already been used."),
    ],
)
def test_closed_invitation_shows_a_clear_message_and_no_circle(
    personas, client_for, change, message
):
    invitation = invite(personas)
    if change == "expired":
        invitation.expires_at = timezone.now() - dt.timedelta(minutes=1)
        invitation.save()
    elif change == "cancelled":
        services.invitation_cancel(actor=personas.coordinator, invitation=invitation)
    else:
        services.invitation_accept(user=personas.viewer, token=invitation.token)
    for client in (Client(), client_for(personas.outsider)):
        response = client.post(accept_url(invitation))
        assert response.status_code == 410
        html = response.content.decode()
        assert message in html
        assert "Theo" not in html
    assert not Membership.objects.filter(circle=personas.circle, user=personas.outsider).exists()


def test_unknown_token_is_a_clear_not_found(client, db):
    response = client.get(reverse("invitation_accept", args=["made-up-token"]))
    assert response.status_code == 404
    assert "This invitation link does not work" in response.content.decode()


def test_reopening_an_accepted_link_leads_back_to_the_circle(personas, client_for):
    invitation = invite(personas)
    client = client_for(personas.outsider)
    client.post(accept_url(invitation))
    response = client.get(accept_url(invitation))
    assert response.status_code == 302
    assert response.url == reverse("circle", args=["theo"])


def test_accepting_does_not_change_the_role_of_an_existing_member(personas):
    invitation = invite(personas, role="viewer")
    membership = services.invitation_accept(user=personas.caregiver, token=invitation.token)
    assert membership.role == "caregiver"


def test_invitation_restores_a_removed_member_with_the_new_role(personas):
    invitation = invite(personas, role="viewer")
    membership = services.invitation_accept(user=personas.revoked, token=invitation.token)
    assert (membership.role, membership.revoked_at) == ("viewer", None)


def test_coordinator_cancels_an_invitation(personas, client_for):
    invitation = invite(personas)
    response = client_for(personas.coordinator).post(
        reverse("invitation_cancel", args=["theo", invitation.pk])
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "cancelled"


def test_invitation_of_another_circle_cannot_be_cancelled_through_ones_own(personas, client_for):
    invitation = invite(personas)
    response = client_for(personas.outsider).post(
        reverse("invitation_cancel", args=["other", invitation.pk])
    )
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_open


def test_cancelling_needs_a_post(personas, client_for):
    invitation = invite(personas)
    response = client_for(personas.coordinator).get(
        reverse("invitation_cancel", args=["theo", invitation.pk])
    )
    assert response.status_code == 405
    invitation.refresh_from_db()
    assert invitation.is_open


def test_existing_user_signs_in_then_accepts(personas, client):
    invitation = invite(personas)
    response = client.post(
        reverse("login") + f"?next={accept_url(invitation)}",
        {"username": "olga", "password": "a long test passphrase 42"},
    )
    assert response.status_code == 302 and response.url == accept_url(invitation)
    client.post(accept_url(invitation))
    assert Membership.objects.get(circle=personas.circle, user=personas.outsider).is_active
