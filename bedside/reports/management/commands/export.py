"""``bedside export --circle SLUG --format csv|json [--output FILE] [--as USERNAME]``."""

from __future__ import annotations

import io
import json
import os
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from bedside.interchange import write_events
from bedside.reports.commandline import circle_and_actor
from bedside.reports.exporter import circle_export_json, events_export


class Command(BaseCommand):
    help = (
        "Export a circle: its events as CSV (the interchange format) or everything in it as JSON."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--circle", required=True, metavar="SLUG", help="the circle's short name"
        )
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument(
            "--output", metavar="FILE", help="write to this file (default: standard output)"
        )
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USERNAME",
            help="who exports (default: the circle's coordinator, else its person)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        circle, actor = circle_and_actor(options["circle"], options["username"])
        if options["format"] == "json":
            document = circle_export_json(actor=actor, circle=circle)
            text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        else:
            buffer = io.StringIO()
            write_events(events_export(actor=actor, circle=circle), buffer)
            text = buffer.getvalue()
        if options["output"]:
            try:
                # Health data: readable by the owner only.
                fd = os.open(options["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
            except OSError as error:
                raise CommandError(
                    _("Cannot write %(file)s: %(reason)s")
                    % {"file": options["output"], "reason": error.strerror}
                )
        else:
            self.stdout.write(text, ending="")
