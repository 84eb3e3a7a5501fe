"""``bedside import FILE.csv --circle SLUG [--create] [--as USERNAME]``.

Reads a file in the interchange format (ARCHITECTURE.md) and imports every row, or — when any
row is bad — nothing, listing every bad row with its line number on standard error.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.interchange import InterchangeError
from bedside.reports.commandline import circle_and_actor
from bedside.reports.importer import file_import, import_summary


def read_text(name: str) -> str:
    """The file's text (``-`` is standard input); UTF-8, with or without a byte-order mark."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise CommandError(
            _("Cannot read %(file)s: %(reason)s") % {"file": name, "reason": error.strerror}
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(
            _("%(file)s is not UTF-8 text: save it as “CSV UTF-8” and try again.") % {"file": name}
        )


class Command(BaseCommand):
    help = "Import a CSV file in the interchange format into a circle: every row, or none."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="the CSV file (- reads standard input)")
        parser.add_argument(
            "--circle", required=True, metavar="SLUG", help="the circle's short name"
        )
        parser.add_argument(
            "--create",
            action="store_true",
            help="add techniques and trackables the circle does not know yet",
        )
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USERNAME",
            help="who imports (default: the circle's coordinator, else its person)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        circle, actor = circle_and_actor(options["circle"], options["username"])
        text = read_text(options["file"])
        try:
            result = file_import(actor=actor, circle=circle, text=text, create=options["create"])
        except InterchangeError as error:
            count = len(error.errors)
            heading = ngettext(
                "Nothing was imported: %(count)d row needs fixing.",
                "Nothing was imported: %(count)d rows need fixing.",
                count,
            ) % {"count": count}
            raise CommandError("\n".join([heading, *(str(e) for e in error.errors)]))
        self.stdout.write(import_summary(result))
