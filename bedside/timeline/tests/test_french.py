"""Canadian French: the catalogue is complete and the pages read in Quebec usage."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

from .helpers import ago, log_session, member, observe, technique, trackable
from .pages import SVG, chart_svgs, chart_url, html, timeline_url

PO = Path(__file__).resolve().parents[1] / "locale/fr_CA/LC_MESSAGES/django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def test_every_string_is_translated_and_nothing_is_fuzzy():
    po = polib.pofile(str(PO))
    assert len(po) > 50
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert "nplurals=2; plural=(n > 1)" in po.metadata["Plural-Forms"]


def test_translations_keep_their_placeholders():
    for entry in polib.pofile(str(PO)):
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            assert sorted(PLACEHOLDER.findall(entry.msgstr_plural[1])) == sorted(
                PLACEHOLDER.findall(entry.msgid_plural)
            ), entry.msgid
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == wanted, entry.msgid


def test_the_compiled_catalogue_matches_the_po_file():
    po = polib.pofile(str(PO))
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e for e in mo}
    for entry in po.translated_entries():
        found = compiled.get((entry.msgctxt, entry.msgid))
        assert found is not None, entry.msgid
        if entry.msgid_plural:
            assert found.msgstr_plural == entry.msgstr_plural
        else:
            assert found.msgstr == entry.msgstr


@pytest.mark.datalayer
def test_the_timeline_reads_in_french_with_quebec_times(personas, client_for):
    circle = personas.circle
    day = ago(circle, 1)
    log_session(circle, day, dt.time(14, 30), by=member(circle, personas.caregiver))
    log_session(circle, day, dt.time(0, 30), key="passive-stretching")
    observe(circle, day, 71.5, key="weight")
    observe(circle, day, 6, rater=member(circle, personas.caregiver), proxy=True)
    client = client_for(personas.viewer)
    page = html(client.get(timeline_url(), HTTP_ACCEPT_LANGUAGE="fr-CA"))
    assert '<html lang="fr-ca">' in page
    assert "<h1>Chronologie</h1>" in page
    assert "14 h 30" in page
    assert "0 h 30" in page and "après minuit" in page
    assert "71,5\u00a0kg" in page
    assert "par procuration" in page
    with translation.override("fr-ca"):  # the care app owns the technique's name
        assert technique(circle).label in page
    weekday_date = re.search(r'<time datetime="' + day.isoformat() + r'">([^<]+)</time>', page)
    assert weekday_date and re.fullmatch(r"[a-z]+ \d{1,2} [a-zéû]+ \d{4}", weekday_date.group(1))


@pytest.mark.datalayer
def test_the_chart_reads_in_french(personas, client_for):
    circle = personas.circle
    for n in range(10):
        observe(circle, ago(circle, n), 4.5)
    page = html(
        client_for(personas.viewer).get(
            chart_url(trackable(circle).pk), {"days": 30}, HTTP_ACCEPT_LANGUAGE="fr-CA"
        )
    )
    (svg,) = chart_svgs(page)
    with translation.override("fr-ca"):  # the checkins app owns the trackable's name
        label = trackable(circle).label
    assert svg.find("s:title", SVG).text == f"{label}, 30 derniers jours"
    desc = svg.find("s:desc", SVG).text
    assert desc.startswith(f"{label} au cours des 30 derniers jours\u00a0: de 4,5")
    assert "10 évaluations" in desc
    assert "Les chiffres, jour par jour" in page
