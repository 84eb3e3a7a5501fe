"""Canadian French is complete for the care app: every string translated, nothing fuzzy, the
compiled catalogue up to date, and pages render in French with Quebec times ("21 h 40")."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from bedside.care import services
from bedside.care.models import Occurrence
from bedside.circles.days import today

from .helpers import routine


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A French request leaves French active in this thread; put English back for later tests."""
    with translation.override("en"):
        yield


PO = Path(__file__).resolve().parent.parent / "locale" / "fr_CA" / "LC_MESSAGES" / "django.po"


def test_every_string_is_translated_and_nothing_is_fuzzy():
    po = polib.pofile(str(PO))
    assert len(po) > 200
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy


def test_placeholders_survive_translation():
    for entry in polib.pofile(str(PO)):
        wanted = sorted(re.findall(r"%\(\w+\)\w", entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(re.findall(r"%\(\w+\)\w", text)) == wanted, entry.msgid


def test_compiled_catalogue_is_up_to_date(tmp_path):
    fresh = tmp_path / "django.mo"
    polib.pofile(str(PO)).save_as_mofile(str(fresh))
    assert fresh.read_bytes() == PO.with_suffix(".mo").read_bytes(), (
        "run: .venv/bin/python scripts/messages.py care"
    )


@pytest.mark.datalayer
def test_tonight_in_french(personas, client_for):
    r = routine(personas, key="massage-gun")
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence = Occurrence.objects.get(routine=r)
    services.occurrence_done(actor=personas.caregiver, occurrence=occurrence)
    client = client_for(personas.caregiver)
    text = client.get(
        reverse("care:tonight", args=["theo"]), headers={"accept-language": "fr-ca"}
    ).content.decode()
    assert "Pistolet de massage" in text and "Mollet gauche, Mollet droit" in text
    assert re.search(r"Fait ✓ par Ana à \d{1,2} h \d\d", text)
    assert "Ajuster" in text and "Annuler" in text and "Pour vous" in text


@pytest.mark.datalayer
def test_plan_and_body_map_in_french(personas, client_for):
    routine(personas, key="neck-stretches", schedule="weekdays", weekdays=[1, 3])
    client = client_for(personas.coordinator)
    plan = client.get(reverse("care:plan", args=["theo"]), headers={"accept-language": "fr-ca"})
    assert "mar, jeu à 21 h 00" in plan.content.decode()
    form = client.get(
        reverse("care:routine_new", args=["theo"]), headers={"accept-language": "fr-ca"}
    ).content.decode()
    assert "Devant (face à vous)" in form and ">Dos<" in form and "sa gauche" in form
