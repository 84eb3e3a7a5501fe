"""``bedside demo [--reset]``: a circle shaped like the family in PRODUCT.md, with history."""

from __future__ import annotations

import os
import time
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from bedside.demo.build import DEFAULT_PASSWORD, demo_circle, demo_create, demo_delete
from bedside.demo.plan import LOGINS, PEOPLE

URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Create the demo care circle (people, care plan and 180 days of history) and print its logins."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="delete the demo circle and make it again"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("BEDSIDE_DEMO_PASSWORD") or DEFAULT_PASSWORD
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(
                _("BEDSIDE_DEMO_PASSWORD is too weak: %(reasons)s")
                % {"reasons": " ".join(error.messages)}
            )
        circle = demo_circle()
        if circle is not None and not options["reset"]:
            self.stdout.write(
                _(
                    "The demo circle “%(name)s” already exists (bedside demo --reset makes it again)."
                )
                % {"name": circle.name}
            )
        else:
            started = time.monotonic()
            if circle is not None:
                demo_delete()
            try:
                built = demo_create(password=password)
            except ValueError as error:
                raise CommandError(str(error))
            self.stdout.write(
                _(
                    "Created the demo circle “%(name)s”: %(people)d people, %(routines)d routines "
                    "and %(events)d events of history, in %(seconds).1f s."
                )
                % {
                    "name": built.circle.name,
                    "people": len(PEOPLE),
                    "routines": built.routines,
                    "events": built.result.events,
                    "seconds": time.monotonic() - started,
                }
            )
        self.print_logins(password)

    def print_logins(self, password: str) -> None:
        people = {p.username: p for p in PEOPLE}
        self.stdout.write("")
        self.stdout.write(
            _("Open %(url)s and sign in with one of these (password: %(password)s):")
            % {"url": URL, "password": password}
        )
        for role, username in LOGINS.items():
            person = people[username]
            self.stdout.write(f"  {role:<12} {username:<8} {person.name} — {person.does}")
        others = ", ".join(
            f"{p.username} ({p.name})" for p in PEOPLE if p.username not in LOGINS.values()
        )
        self.stdout.write(_("Also in the circle, same password: %(others)s.") % {"others": others})
        self.stdout.write(
            _(
                "Daniel uses a head mouse: Settings → Dwell clicking turns on built-in dwell "
                "clicking for people without dwell software."
            )
        )
