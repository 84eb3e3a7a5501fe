"""Canadian French: the catalogue is complete, and the pages, tonight's instructions and an
experiment's write-up read in French with Quebec number formats."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

from bedside.care import selectors as care_selectors
from bedside.circles.days import instant_at, today
from bedside.helps import services
from bedside.helps.writeups import writeup
from bedside.interchange import Event

from .helpers import import_log, page_url, seed_circle, start_experiment

PO = Path(__file__).resolve().parents[1] / "locale/fr_CA/LC_MESSAGES/django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def test_every_string_is_translated_and_nothing_is_fuzzy():
    po = polib.pofile(str(PO))
    assert len(po) > 150
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    for entry in po:
        if entry.msgid_plural:
            for form in entry.msgstr_plural.values():
                assert sorted(set(PLACEHOLDER.findall(form))) <= sorted(
                    set(PLACEHOLDER.findall(entry.msgid_plural))
                ), entry.msgid
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid


@pytest.mark.datalayer
def test_the_page_reads_in_french(personas, client_for):
    seed_circle(personas)
    client = client_for(personas.viewer)
    client.cookies["django_language"] = "fr-ca"
    html = client.get(page_url(personas), HTTP_ACCEPT_LANGUAGE="fr-CA").content.decode()
    assert "Ce qui aide" in html and "Pas un avis médical." in html
    assert "Semble aider : environ 1,7 point de moins pour la raideur" in html
    assert "pistolet de massage" in html
    assert "Le lendemain d&#x27;une séance : " in html


@pytest.mark.datalayer
def test_tonight_and_the_result_read_in_french(personas):
    circle = personas.circle
    first = today(circle) - dt.timedelta(days=26)
    experiment = start_experiment(
        personas, pairs=12, start_date=first, now=instant_at(circle, first, dt.time(9, 0))
    )
    events = []
    for n in experiment.nights.all():
        if n.on:
            events.append(Event(0, n.day, dt.time(20, 0), "session", "massage gun", 10.0, "min"))
        value = 3.0 if n.on else 5.0
        events.append(
            Event(
                0, n.day + dt.timedelta(days=1), dt.time(8, 0), "rating", "stiffness", value, "0-10"
            )
        )
    import_log(personas, events)
    services.experiments_finish(circle)
    experiment.refresh_from_db()
    with translation.override("fr-ca"):
        text = writeup(experiment, experiment.result)
        assert text.headline == "Ça a aidé"
        family = " ".join(text.family)
        assert "d'environ 2,0 points plus bas" in family
        assert "Pas un avis médical" in family
        assert dict(text.therapist)["Analyse"].startswith("Test de randomisation")
    with translation.override("fr-ca"):
        other = start_experiment(personas, pairs=4, start_date=today(circle), seed=1)
        notes = care_selectors.tonight_for(
            circle=circle, viewer=personas.caregiver, day=today(circle)
        ).notes
        assert [n.text for n in notes] == [
            "Soir d'expérience : séance ce soir (pistolet de massage)."
            if other.nights.get(day=today(circle)).on
            else "Soir d'expérience : aucune séance ce soir (pistolet de massage)."
        ]
