"""Erasing a circle removes every row it holds and nothing else; a wrong name removes nothing."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from bedside.circles import services
from bedside.circles.models import AuditEvent, Circle, User
from bedside.circles.selectors import circle_data_models
from bedside.demo.build import demo_create

pytestmark = pytest.mark.datalayer


def rows_of(circle_pk: int) -> dict[str, int]:
    """Rows that belong to the circle, directly or through another row (sessions' ratings…)."""
    found: dict[str, int] = {}
    for model in apps.get_models():
        if model is AuditEvent:
            continue
        paths = [
            f.name for f in model._meta.fields if f.is_relation and f.related_model is Circle
        ] + [
            f"{f.name}__circle"
            for f in model._meta.fields
            if f.is_relation
            and f.related_model is not Circle
            and f.related_model is not None
            and any(
                g.is_relation and g.related_model is Circle for g in f.related_model._meta.fields
            )
        ]
        if paths:
            query = models.Q()
            for path in paths:
                query |= models.Q(**{path: circle_pk})
            found[model._meta.label_lower] = model._default_manager.filter(query).count()
    return found


@pytest.fixture
def demo(db: None) -> Circle:
    built = demo_create(password="warm hands at night")
    return built.circle


def coordinator(circle: Circle) -> User:
    return User.objects.get(username="claire")


def test_erasing_removes_every_row_the_circle_holds_and_keeps_the_accounts(
    demo: Circle, personas
) -> None:
    number, theirs = demo.pk, rows_of(personas.circle.pk)
    before = rows_of(number)
    assert before["care.session"] > 100 and before["care.sessionrating"] > 0
    assert before["checkins.observation"] > 1000
    audit_rows = AuditEvent.objects.count()
    accounts = User.objects.count()

    services.circle_erase(actor=coordinator(demo), circle=demo, typed_name="  daniel's CIRCLE ")

    assert not Circle.objects.filter(pk=number).exists()
    assert all(count == 0 for count in rows_of(number).values()), rows_of(number)
    assert rows_of(personas.circle.pk) == theirs  # another circle is untouched
    assert User.objects.count() == accounts
    # The trail is kept (append-only), unlinked from the erased circle, plus who erased it.
    assert AuditEvent.objects.count() == audit_rows + 1
    last = AuditEvent.objects.first()
    assert last is not None
    assert (last.action, last.target, last.actor) == (
        "circle.erase",
        f"circle:{number}",
        coordinator(demo),
    )


def test_every_kind_of_circle_data_is_found_by_the_erase_page() -> None:
    found = {m._meta.label_lower for m, _link in circle_data_models()}
    assert {"care.session", "checkins.observation", "circles.membership"} <= found
    assert "circles.auditevent" not in found


def test_a_wrong_name_erases_nothing(demo: Circle) -> None:
    before = rows_of(demo.pk)
    with pytest.raises(ValidationError, match="Type the circle's name exactly"):
        services.circle_erase(actor=coordinator(demo), circle=demo, typed_name="Daniel")
    assert rows_of(demo.pk) == before


@pytest.mark.parametrize("role", ["caregiver", "therapist", "viewer"])
def test_only_the_person_and_the_coordinator_may_erase(personas, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.circle_erase(
            actor=personas.members()[role], circle=personas.circle, typed_name="Theo's circle"
        )
    assert Circle.objects.filter(pk=personas.circle.pk).exists()


def test_the_person_may_erase_their_own_circle(personas) -> None:
    services.circle_erase(
        actor=personas.person, circle=personas.circle, typed_name=personas.circle.name
    )
    assert not Circle.objects.filter(pk=personas.circle.pk).exists()


def test_the_page_says_what_will_go_and_erases_only_with_the_name(personas, client_for) -> None:
    client = client_for(personas.coordinator)
    url = "/c/theo/erase/"
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Erasing “Theo&#x27;s circle” deletes, for good" in text
    assert "Members, past and present: " in text and "Export everything first" in text

    wrong = client.post(url, {"name": "Theo"})
    assert wrong.status_code == 400
    assert "Type the circle&#x27;s name exactly as shown" in wrong.content.decode()
    assert Circle.objects.filter(pk=personas.circle.pk).exists()

    done = client.post(url, {"name": "theo's circle"}, follow=True)
    assert done.redirect_chain[-1][0] == "/"
    assert "“Theo&#x27;s circle” and everything in it were erased." in done.content.decode()
    assert not Circle.objects.filter(pk=personas.circle.pk).exists()
    assert client.get("/c/theo/").status_code == 404


def test_the_settings_page_offers_erasing_to_those_who_may(personas, client_for) -> None:
    assert (
        "Erase this circle…"
        in client_for(personas.coordinator).get("/c/theo/settings/").content.decode()
    )
    assert client_for(personas.caregiver).get("/c/theo/erase/").status_code == 403
    assert client_for(personas.outsider).get("/c/theo/erase/").status_code == 404
