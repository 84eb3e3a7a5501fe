"""``bedside backup [FILE] [--keep N]``: every row of the instance in one checked file."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from bedside.backups.archive import BackupError, default_name, prune, write_backup
from bedside.circles.audit import audit


class Command(BaseCommand):
    help = (
        "Write a backup of the whole instance (every circle, account and record) to one file. "
        "Without FILE it goes to BEDSIDE_DATA_DIR/backups/ with the date and time in its name."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", nargs="?", help="where to write it (a file or a folder)")
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help="afterwards, keep only the newest N dated backups in that folder",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        keep = options["keep"]
        if keep is not None and keep < 1:
            raise CommandError(_("--keep must be 1 or more."))
        target = Path(options["file"]) if options["file"] else Path(settings.DATA_DIR) / "backups"
        if not options["file"] or target.is_dir():
            target = target / default_name()
        try:
            # Reading every record is a read of health data: the audit trail says when, to where.
            audit(actor=None, circle=None, action="backup", target=target.name)
            manifest = write_backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(_("The database said: %(error)s") % {"error": error}) from error
        self.stdout.write(
            _("Backed up %(rows)d rows to %(file)s (circles: %(circles)d, accounts: %(accounts)d).")
            % {
                "rows": manifest.rows,
                "circles": manifest.counts.get("circles.circle", 0),
                "accounts": manifest.counts.get("circles.user", 0),
                "file": target,
            }
        )
        if keep is not None:
            removed = prune(target.parent, keep)
            if removed:
                self.stdout.write(
                    _("Older backups removed: %(n)d (the newest %(keep)d are kept).")
                    % {"n": len(removed), "keep": keep}
                )
