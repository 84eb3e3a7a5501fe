"""The demo family (``bedside demo``) with six months of progression records added, built once
per test module: the demo itself has no ALSFRS-R, goniometry or breathing tests yet.

Progression rows go through the progression services, as the family's own entries would.
A module-scoped fixture cannot use pytest-django's per-test transaction, so :func:`demo_module`
opens its own around the whole module and rolls it back at the end (each test's transaction
nests inside it as a savepoint, as Django's ``setUpTestData`` does): nothing is left behind,
not even the append-only audit records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db import transaction
from django.test import override_settings

from bedside.circles.days import today
from bedside.circles.models import Circle, User
from bedside.demo.build import demo_create
from bedside.progression import services as progression

from .helpers import alsfrs

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Monthly ALSFRS-R, oldest first: slow decline in the arms, legs and breathing.
ALSFRS_MONTHS = (
    [4, 4, 4, 3, 3, 3, 3, 2, 2, 4, 4, 4],
    [4, 4, 4, 3, 3, 3, 3, 2, 2, 3, 4, 4],
    [3, 4, 4, 3, 3, 3, 3, 2, 1, 3, 4, 4],
    [3, 4, 4, 2, 2, 3, 2, 2, 1, 3, 3, 4],
    [3, 3, 4, 2, 2, 2, 2, 1, 1, 3, 3, 3],
    [3, 3, 3, 2, 2, 2, 2, 1, 1, 2, 3, 3],
)


def add_progression(circle: Circle) -> None:
    rafael = User.objects.get(username="rafael")
    claire = User.objects.get(username="claire")
    now = today(circle)
    progression.progression_settings_update(
        actor=claire,
        circle=circle,
        height_cm=180,
        alsfrs_every_days=30,
        delta_fs_banding="kimura2006",
    )
    for month, items in enumerate(ALSFRS_MONTHS):
        day = now - dt.timedelta(days=170 - 30 * month)
        alsfrs(claire if month % 2 else rafael, circle, items, day)
    for month in range(6):
        day = now - dt.timedelta(days=168 - 30 * month)
        for side, lack in (("left", 10 + 4 * month), ("right", 5 + 3 * month)):
            progression.joint_range_record(
                actor=rafael,
                circle=circle,
                day=day,
                joint="elbow",
                motion="flexion",
                side=side,
                method="passive",
                position="sitting",
                start_deg=lack,
                end_deg=145 - month,
            )
        progression.joint_range_record(
            actor=rafael,
            circle=circle,
            day=day,
            joint="ankle",
            motion="dorsiflexion",
            side="right",
            method="passive",
            position="lying_back",
            start_deg=0,
            end_deg=12 - 2 * month,
        )
        for kind, value, pace in (
            ("fvc", 78 - 3 * month, None),
            ("sbc", 46 - 2 * month, 2.0),
            ("mpt", 15 - month, None),
            ("pcf", 310 - 14 * month, None),
        ):
            progression.breathing_test_record(
                actor=rafael, circle=circle, day=day, kind=kind, value=value, pace=pace
            )


def demo_module(django_db_blocker: object) -> Iterator[Circle]:
    """Build the demo with progression records; yield its circle; roll it all back afterwards."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        with transaction.atomic():
            with override_settings(PASSWORD_HASHERS=FAST_HASHER):
                built = demo_create(password="a demo passphrase for tests")
            add_progression(built.circle)
            yield built.circle
            transaction.set_rollback(True)
