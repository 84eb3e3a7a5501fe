"""``bedside serve [ADDRPORT]``: serve Bedside on this machine (default 127.0.0.1:8000).

Django's development server, without auto-reload, for the local demo and for trying Bedside on
one computer. Production runs behind a real WSGI server (see the README).
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

DEFAULT = "127.0.0.1:8000"


class Command(BaseCommand):
    help = "Serve Bedside on this computer (default http://127.0.0.1:8000)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "addrport", nargs="?", default=DEFAULT, help="address:port to listen on"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        addrport: str = options["addrport"]
        if not settings.DEBUG:
            # Without debug, static files are served from the collected copy (WhiteNoise).
            call_command("collectstatic", interactive=False, verbosity=0)
        host = addrport if ":" in addrport else f"127.0.0.1:{addrport}"
        self.stdout.write(
            _("Bedside is at http://%(host)s/ — press Ctrl+C to stop.") % {"host": host}
        )
        call_command("runserver", addrport, use_reloader=False)
