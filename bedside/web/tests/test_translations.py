"""Canadian French is complete in every app (ACCESSIBILITY.md T12).

Each app keeps its own ``locale/fr_CA/LC_MESSAGES/django.po`` (``scripts/messages.py APP``
refreshes it). For every catalogue: nothing untranslated or fuzzy, the shipped ``.mo`` says
exactly what the ``.po`` says, and no string of the app's templates or Python is missing from it
(``makemessages`` is run on a temporary copy of the app and the two lists compared).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
APPS = sorted(p.parent for p in (ROOT / "bedside").glob("*/apps.py"))
CATALOGUES = {app.name: app / "locale/fr_CA/LC_MESSAGES/django.po" for app in APPS}
EXISTING = [name for name, po in CATALOGUES.items() if po.exists()]
FRENCH_PLURALS = "nplurals=2; plural=(n > 1);"

Key = tuple[str, str]  # (msgctxt, msgid)


def entry_key(entry: polib.POEntry | polib.MOEntry) -> Key:
    return (entry.msgctxt or "", entry.msgid)


def translations(entries: list[polib.POEntry] | list[polib.MOEntry]) -> dict[Key, object]:
    return {
        entry_key(e): (
            tuple(sorted(e.msgstr_plural.items())) if e.msgid_plural else e.msgstr,
            e.msgid_plural or "",
        )
        for e in entries
        if e.msgid  # the header
    }


def catalogue(app: str) -> polib.POFile:
    return polib.pofile(str(CATALOGUES[app]))


def test_every_app_with_strings_has_been_found():
    assert "web" in EXISTING and "circles" in EXISTING


@pytest.mark.parametrize("app", EXISTING)
def test_nothing_is_left_untranslated(app):
    missing = [e.msgid for e in catalogue(app).untranslated_entries() if not e.obsolete]
    assert not missing, f"{app}: fill in msgstr for:\n" + "\n".join(missing)


@pytest.mark.parametrize("app", EXISTING)
def test_no_translation_is_marked_fuzzy(app):
    fuzzy = [e.msgid for e in catalogue(app).fuzzy_entries()]
    assert not fuzzy, f"{app}: check and remove '#, fuzzy' from:\n" + "\n".join(fuzzy)


@pytest.mark.parametrize("app", EXISTING)
def test_the_compiled_catalogue_says_what_the_po_says(app):
    po = catalogue(app)
    mo_path = CATALOGUES[app].with_suffix(".mo")
    assert mo_path.exists(), f"{app}: no .mo — run scripts/messages.py {app}"
    # What compiling the .po would give (polib, like scripts/messages.py, compiles only
    # translated, non-fuzzy entries), against what ships.
    expected = translations(po.translated_entries())
    shipped = translations(polib.mofile(str(mo_path)))
    stale = sorted(k[1] for k in expected.keys() ^ shipped.keys())
    changed = sorted(k[1] for k in expected.keys() & shipped.keys() if expected[k] != shipped[k])
    assert not stale and not changed, (
        f"{app}: the .mo is out of date; run scripts/messages.py {app}\n"
        + "\n".join(stale + changed)
    )


@pytest.mark.parametrize("app", EXISTING)
def test_plural_forms_follow_french_rules(app):
    po = catalogue(app)
    if not any(e.msgid_plural for e in po):
        pytest.skip("no plural strings")
    # French treats 0 and 1 as singular ("0 séance"); gettext's default would say "0 séances".
    assert po.metadata.get("Plural-Forms", "").strip() == FRENCH_PLURALS


def test_a_sentence_shared_by_two_apps_is_translated_the_same_way():
    seen: dict[Key, tuple[str, str]] = {}
    conflicts = []
    for app in EXISTING:
        for entry in catalogue(app).translated_entries():
            if entry.msgid_plural:
                continue
            key = entry_key(entry)
            if key in seen and seen[key][1] != entry.msgstr:
                other, text = seen[key]
                conflicts.append(f"{entry.msgid!r}: {other} {text!r} ≠ {app} {entry.msgstr!r}")
            seen.setdefault(key, (app, entry.msgstr))
    # Only one of them is ever shown (the first app in INSTALLED_APPS wins).
    assert not conflicts, "\n" + "\n".join(conflicts)


# --- every string of the source is in its app's catalogue ------------------------------------


def extract(app: Path, workdir: Path) -> set[Key]:
    """The strings ``makemessages`` finds in a copy of ``app`` (same options as messages.py)."""
    copy = workdir / app.name
    shutil.copytree(
        app,
        copy,
        ignore=shutil.ignore_patterns(
            "locale", "tests", "migrations", "static", "__pycache__", ".secret_key"
        ),
    )
    (copy / "locale").mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bedside.settings",
        "BEDSIDE_DEBUG": "true",
        "SECRET_KEY": "translation-check-only",  # no key file written into the copy
    }
    django_admin = Path(sys.executable).parent / "django-admin"
    subprocess.run(
        [str(django_admin), "makemessages", "-l", "fr_CA", "--no-location", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    po_path = copy / "locale/fr_CA/LC_MESSAGES/django.po"
    if not po_path.exists():
        return set()
    return {entry_key(e) for e in polib.pofile(str(po_path)) if e.msgid}


@cache
def source_strings() -> dict[str, set[Key]]:
    """Strings in each app's source, extracted for all apps at once (two at a time)."""
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=2) as pool:
        found = pool.map(lambda app: extract(app, Path(tmp)), APPS)
        return dict(zip((app.name for app in APPS), found, strict=True))


@pytest.mark.parametrize("app", [app.name for app in APPS])
def test_every_string_in_the_source_is_in_the_catalogue(app):
    strings = source_strings()[app]
    po_path = CATALOGUES[app]
    if not strings:
        pytest.skip("no translatable strings")
    assert po_path.exists(), f"{app} has strings but no catalogue: run scripts/messages.py {app}"
    known = {entry_key(e) for e in catalogue(app) if e.msgid and not e.obsolete}
    missing = sorted(k[1] for k in strings - known)
    assert not missing, f"{app}: run scripts/messages.py {app}, then translate:\n" + "\n".join(
        missing
    )


@pytest.mark.parametrize("app", EXISTING)
def test_the_catalogue_holds_no_strings_the_source_dropped(app):
    gone = sorted(
        k[1] for k in {entry_key(e) for e in catalogue(app) if e.msgid} - source_strings()[app]
    )
    assert not gone, f"{app}: run scripts/messages.py {app} to drop:\n" + "\n".join(gone)


# --- pages in French -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_sign_in_page_speaks_french(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    body = client.get("/login/").content.decode()
    assert '<html lang="fr-ca">' in body
    assert "Se connecter à Bedside" in body
    assert "Nom d’utilisateur" in body and "Mot de passe" in body
    assert "ne donne pas d’avis médical" in body
    assert lang_switch_offers("English", body)


@pytest.mark.django_db
def test_the_browser_language_chooses_french_too(client):
    body = client.get("/login/", headers={"accept-language": "fr-CA,fr;q=0.9"}).content.decode()
    assert "Se connecter à Bedside" in body


def test_a_circle_page_speaks_french(personas, client_for):
    client = client_for(personas.viewer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    body = client.get("/c/theo/").content.decode()
    assert "Chronologie et graphiques" in body and "Aller au contenu" in body
    assert "Votre rôle dans ce cercle" in body


def lang_switch_offers(label: str, body: str) -> bool:
    return f">{label}</button>" in body
