"""Shared test fixtures: the personas every test uses, PostgreSQL and Chromium set-up.

Personas (one circle, every role, plus people who must see nothing):
person, coordinator, caregiver, therapist, viewer — members of ``circle``;
revoked — a former caregiver; outsider — coordinator of another circle.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

PASSWORD = "a long test passphrase 42"  # noqa: S105


@dataclass
class Personas:
    circle: object
    other_circle: object
    person: object
    coordinator: object
    caregiver: object
    therapist: object
    viewer: object
    revoked: object
    outsider: object

    def members(self) -> dict[str, object]:
        return {
            "person": self.person,
            "coordinator": self.coordinator,
            "caregiver": self.caregiver,
            "therapist": self.therapist,
            "viewer": self.viewer,
        }


def make_personas() -> Personas:
    from bedside.circles import services
    from bedside.circles.models import Membership

    def user(name: str, display: str) -> object:
        return services.user_create(username=name, password=PASSWORD, display_name=display)

    coordinator = user("maya", "Maya")
    person = user("theo", "Theo")
    caregiver = user("ana", "Ana")
    therapist = user("priya", "Priya")
    viewer = user("sam", "Sam")
    revoked = user("rory", "Rory")
    outsider = user("olga", "Olga")
    circle = services.circle_create(actor=coordinator, name="Theo's circle", slug="theo")
    for member, role in [
        (person, "person"),
        (caregiver, "caregiver"),
        (therapist, "therapist"),
        (viewer, "viewer"),
        (revoked, "caregiver"),
    ]:
        services.membership_add(actor=coordinator, circle=circle, user=member, role=role)
    services.membership_revoke(
        actor=coordinator, membership=Membership.objects.get(circle=circle, user=revoked)
    )
    other = services.circle_create(actor=outsider, name="Another circle", slug="other")
    return Personas(
        circle, other, person, coordinator, caregiver, therapist, viewer, revoked, outsider
    )


@pytest.fixture
def personas(db: None) -> Personas:
    return make_personas()


@pytest.fixture
def client_for(client):  # type: ignore[no-untyped-def]
    """``client_for(user)`` signs the test client in as that user."""

    def sign_in(user: object) -> object:
        client.force_login(user)
        return client

    return sign_in


# --- Chromium for browser tests (Debian's package; Playwright cannot download one here) ---

CHROMIUM = os.environ.get("BEDSIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):  # type: ignore[no-untyped-def]
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    # Browser tests drive the ORM from Playwright's event-loop thread.
    if any("browser" in item.keywords for item in items):
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(autouse=True)
def _fast_password_hashing(request):  # type: ignore[no-untyped-def]
    """Argon2 is deliberately slow; database tests not about passwords use a fast hasher.

    Pure tests (no database) never touch Django settings, so they run even when an app is broken.
    """
    uses_db = {"db", "transactional_db", "live_server", "django_db_setup"} & set(
        request.fixturenames
    ) or request.node.get_closest_marker("django_db")
    if uses_db and "argon2" not in request.keywords:
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_after_each_test():  # type: ignore[no-untyped-def]
    """The locale middleware leaves the last request's language active in the thread."""
    yield
    from django.utils import translation

    translation.activate("en")
