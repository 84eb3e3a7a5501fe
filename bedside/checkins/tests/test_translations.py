"""Canadian French is complete for the checkins app (ACCESSIBILITY.md T12)."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

PO = Path(__file__).resolve().parents[1] / "locale/fr_CA/LC_MESSAGES/django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{ *\w+ *\}\}")


def entries() -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(PO)) if not e.obsolete]


def test_every_string_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO))
    assert len(entries()) > 200
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy


def test_translations_keep_every_placeholder():
    for entry in entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            for text in entry.msgstr_plural.values():
                assert sorted(set(PLACEHOLDER.findall(text))) <= sorted(
                    set(wanted + PLACEHOLDER.findall(entry.msgid_plural))
                ), entry.msgid
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == wanted, entry.msgid


def test_the_compiled_catalogue_matches_the_source():
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    compiled = {e.msgid: (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in entries():
        assert compiled.get(entry.msgid) == (entry.msgstr, entry.msgstr_plural), entry.msgid


@pytest.mark.datalayer
def test_the_check_in_speaks_quebec_french(personas, client_for):
    from bedside.checkins.tests.conftest import trackable

    client = client_for(personas.caregiver)
    client.cookies["django_language"] = "fr-ca"
    page = client.get(reverse("checkins:checkin", args=["theo"])).content.decode()
    assert ">Raideur</h1>" in page
    assert "Question 1 sur 9" in page and "Réponses pour Theo" in page
    assert "0 = aucune raideur" in page
    weight = trackable(personas.circle, "weight")
    response = client.post(
        reverse("checkins:measurements_add", args=["theo"]),
        {f"m{weight.pk}": "300", "day": "2026-01-05", "time": "08:30"},
    )
    assert response.status_code == 400
    assert "Poids doit être entre 25 et 250 kg" in response.content.decode()
