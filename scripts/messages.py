"""Refresh and compile the Canadian French catalogues, one per app.

Each app keeps its own ``locale/fr_CA/LC_MESSAGES/django.po`` so that work on different apps
never collides in one file. ``makemessages`` (gettext) collects the strings; polib compiles the
``.mo`` files that ship in the repository. ``bedside/web/tests/test_translations.py`` fails when
a string is untranslated, fuzzy, or the ``.mo`` is stale.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted(p.parent for p in (ROOT / "bedside").glob("*/locale"))


def main(argv: list[str]) -> int:
    """Refresh the apps named in ``argv`` (e.g. ``care checkins``), or all of them."""
    apps = [a for a in APPS if not argv or a.name in argv]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bedside.settings",
        "BEDSIDE_DEBUG": "true",
        # makemessages runs in each app folder: keep it from leaving a key file there.
        "SECRET_KEY": "makemessages-only",
    }
    django_admin = Path(sys.executable).parent / "django-admin"
    for app in apps:
        subprocess.run(
            [
                str(django_admin),
                "makemessages",
                "-l",
                "fr_CA",
                "--no-obsolete",
                "--no-location",
                "--ignore",
                "tests/*",
                "--ignore",
                "migrations/*",
            ],
            cwd=app,
            env=env,
            check=True,
        )
        po_path = app / "locale/fr_CA/LC_MESSAGES/django.po"
        if not po_path.exists() or po_path.stat().st_size == 0:
            po_path.unlink(missing_ok=True)
            continue  # no translatable strings in this app yet
        po = polib.pofile(str(po_path))
        # makemessages writes placeholders into a new catalogue's header; a placeholder plural
        # rule breaks every French page.
        po.metadata["Language"] = "fr_CA"
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
        po.save()
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        todo = len(po.untranslated_entries()) + len(po.fuzzy_entries())
        print(f"{app.relative_to(ROOT)}: {len(po)} strings, {todo} still to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
