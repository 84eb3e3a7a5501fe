"""The demo family (``bedside demo``, with its six months of progression records), built once
per test module.

A module-scoped fixture cannot use pytest-django's per-test transaction, so :func:`demo_module`
opens its own around the whole module and rolls it back at the end (each test's transaction
nests inside it as a savepoint, as Django's ``setUpTestData`` does): nothing is left behind,
not even the append-only audit records.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import transaction
from django.test import override_settings

from bedside.circles.models import Circle
from bedside.demo.build import demo_create

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def demo_module(django_db_blocker: object) -> Iterator[Circle]:
    """Build the demo with progression records; yield its circle; roll it all back afterwards."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        with transaction.atomic():
            with override_settings(PASSWORD_HASHERS=FAST_HASHER):
                built = demo_create(password="a demo passphrase for tests")
            yield built.circle
            transaction.set_rollback(True)
