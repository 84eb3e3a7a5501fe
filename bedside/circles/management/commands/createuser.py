"""``bedside createuser USERNAME [--circle SLUG --role ROLE] [--create-circle NAME]``.

The password comes from the ``BEDSIDE_PASSWORD`` environment variable or is typed twice at a
prompt — never as an argument, where it would sit in the shell history and the process list.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from bedside.circles import services
from bedside.circles.models import Circle
from bedside.circles.roles import Role

PASSWORD_VARIABLE = "BEDSIDE_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create an account and, optionally, add it to a care circle (or start one). The "
        f"password is read from ${PASSWORD_VARIABLE} or asked for twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--display-name", default="", help="Name shown to the circle.")
        parser.add_argument("--email", default="")
        parser.add_argument("--circle", metavar="SLUG", help="Short name of the circle to join.")
        parser.add_argument(
            "--role",
            choices=Role.values,
            help="Role in the circle (default: coordinator when starting a circle).",
        )
        parser.add_argument(
            "--create-circle",
            metavar="NAME",
            help="Start the circle SLUG with this name if it does not exist yet; the new user "
            "joins it as its person or coordinator.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        slug: str | None = options["circle"]
        role: str | None = options["role"]
        create_name: str | None = options["create_circle"]
        if (role or create_name) and not slug:
            raise CommandError("--role and --create-circle need --circle SLUG.")
        circle = Circle.objects.filter(slug=slug).first() if slug else None
        if slug and circle is None and not create_name:
            raise CommandError(
                f"There is no circle {slug!r}. Add --create-circle NAME to start it."
            )
        if circle is None and create_name:
            role = role or Role.COORDINATOR
            if role not in services.FOUNDING_ROLES:
                raise CommandError("Whoever starts a circle joins it as 'person' or 'coordinator'.")
        elif circle is not None and role is None:
            raise CommandError("Give the role in the circle with --role.")

        password = self._password()
        try:
            with transaction.atomic():
                user = services.user_create(
                    username=options["username"],
                    password=password,
                    display_name=options["display_name"],
                    email=options["email"],
                )
                if circle is not None:
                    services.membership_add_by_operator(circle=circle, user=user, role=role or "")
                elif create_name:
                    circle = services.circle_create(
                        actor=user, name=create_name, slug=slug or "", role=role or ""
                    )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None

        done = f"Created {user.username}"
        if circle is not None:
            done += f", {role} in {circle.name!r} (/c/{circle.slug}/)"
        self.stdout.write(self.style.SUCCESS(done + "."))

    def _password(self) -> str:
        password = os.environ.get(PASSWORD_VARIABLE)
        if password:
            return password
        if not sys.stdin.isatty():
            raise CommandError(
                f"No terminal to ask for the password: set {PASSWORD_VARIABLE} instead."
            )
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ; nothing was created.")
        return first
