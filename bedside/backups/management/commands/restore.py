"""``bedside restore FILE [--check]``: bring a backup back into a new, empty database."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from bedside.backups.archive import BackupError, Manifest, read_backup, restore_backup
from bedside.circles.audit import audit


def describe(manifest: Manifest) -> str:
    text: str = _(
        "Backup written %(when)s from %(database)s: %(rows)d rows (circles: %(circles)d, "
        "accounts: %(accounts)d). Checksum good."
    ) % {
        "when": manifest.created_at,
        "database": manifest.database,
        "rows": manifest.rows,
        "circles": manifest.counts.get("circles.circle", 0),
        "accounts": manifest.counts.get("circles.user", 0),
    }
    return text


class Command(BaseCommand):
    help = (
        "Restore a backup made by `bedside backup` into a new, empty database (it never "
        "overwrites). With --check, only read the file and say whether it is whole."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="the backup file (.json.gz)")
        parser.add_argument(
            "--check", action="store_true", help="check the file only; change nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            backup = read_backup(Path(options["file"]))
            self.stdout.write(describe(backup.manifest))
            if options["check"]:
                return
            counts = restore_backup(backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(_("The database said: %(error)s") % {"error": error}) from error
        audit(actor=None, circle=None, action="restore", target=backup.manifest.created_at)
        self.stdout.write(
            _("Restored %(rows)d rows. People can sign in with the passwords they had.")
            % {"rows": sum(counts.values())}
        )
