"""Canadian French is complete (ACCESSIBILITY.md T12): every string translated, nothing fuzzy,
the compiled catalogue up to date, and the pages really speak French."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from bedside.progression import wording
from bedside.progression.alsfrs_items import ITEMS

from .factories import url
from .seed import seed

PO = Path(__file__).resolve().parents[1] / "locale/fr_CA/LC_MESSAGES/django.po"


def test_every_string_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO))
    assert len(po) > 400
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"


def test_the_compiled_catalogue_matches_the_po_file():
    po = polib.pofile(str(PO))
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    compiled = {(e.msgid, e.msgstr) for e in mo if not e.msgid_plural}
    assert {(e.msgid, e.msgstr) for e in po if not e.msgid_plural and e.msgid} <= compiled


def test_every_item_and_answer_has_a_french_paraphrase():
    for item in ITEMS:
        with translation.override("en"):
            english = [str(item.title), str(item.question), *(t for _s, t in item.choices)]
        with translation.override("fr-ca"):
            french = [str(item.title), str(item.question), *(t for _s, t in item.choices)]
        # "As before" and the like repeat across items; each must still differ from English.
        assert all(f != e for f, e in zip(french, english, strict=True)), item.key


@pytest.mark.datalayer
def test_pages_speak_french(personas, client_for):
    seed(personas)
    client = client_for(personas.caregiver)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    overview = client.get(url("overview", personas.circle)).content.decode()
    assert "Prochaine ALSFRS-R prévue le" in overview
    assert "Coude gauche\u00a0: il manque 20° d’extension, contre 30°" in overview
    assert "faites évaluer par un médecin avant tout massage de ce membre" in overview
    assert "Stade de King 3" in overview
    entry = client.get(url("alsfrs_entry", personas.circle) + "?q=1").content.decode()
    assert "Parle comme avant" in entry and "Talks as before" not in entry
    history = client.get(url("alsfrs_history", personas.circle)).content.decode()
    assert "point par mois sur les 6 derniers mois" in history


def test_numbers_and_dates_follow_quebec_usage():
    import datetime as dt

    with translation.override("fr-ca"):
        assert wording.num(0.85, 2) == "0,85"
        assert wording.when_text(dt.date(2025, 3, 4), dt.date(2025, 3, 20)) == "le 4 mars"
        assert wording.day_text(dt.date(2025, 11, 22)) == "22 novembre 2025"
