"""The import and export page: downloads, an upload that works, and refusals."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bedside.care.models import Session
from bedside.checkins.models import Observation
from bedside.reports.forms import MAX_UPLOAD_BYTES
from bedside.reports.importer import file_import

from .samples import SAMPLE

pytestmark = pytest.mark.datalayer

GOOD = "date,time,kind,name,value,unit,by,note\n" + (
    "2026-03-01,21:30,session,hand massage,15,min,Ana,\n"
    "2026-03-02,09:00,rating,stiffness,4,0-10,Théo,\n"
)


def page(slug="theo"):
    return reverse("reports:transfer", args=[slug])


def upload(text: str | bytes, name="events.csv") -> SimpleUploadedFile:
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_the_page_offers_downloads_and_an_upload_form(personas, client_for):
    response = client_for(personas.person).get(page())
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("reports:export_csv", args=["theo"]) in html
    assert reverse("reports:export_json", args=["theo"]) in html
    assert 'enctype="multipart/form-data"' in html
    assert "Create unknown techniques and trackables" in html


def test_the_csv_download_is_an_attachment_that_imports_again(personas, client_for):
    file_import(actor=personas.coordinator, circle=personas.circle, text=SAMPLE, create=True)
    response = client_for(personas.coordinator).get(reverse("reports:export_csv", args=["theo"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="bedside-theo-')
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode("utf-8")
    assert text == "\ufeff" + SAMPLE  # a byte-order mark for spreadsheets, then the export


def test_the_json_download_is_an_attachment(personas, client_for):
    response = client_for(personas.coordinator).get(reverse("reports:export_json", args=["theo"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.json"')
    assert json.loads(response.content)["format"] == "bedside-circle"


def test_a_good_upload_is_imported_and_the_counts_announced(personas, client_for):
    client = client_for(personas.coordinator)
    response = client.post(page(), {"file": upload(GOOD)}, follow=True)
    assert response.status_code == 200
    announce = response.content.decode().split('id="announce"')[1].split("</div>")[0]
    assert "Imported 2 events (1 session, 1 rating)." in announce
    assert Session.objects.filter(circle=personas.circle).count() == 1
    assert Observation.objects.get(circle=personas.circle).by_name == "Théo"


def test_an_htmx_upload_gets_the_form_back_and_an_announcement(personas, client_for):
    response = client_for(personas.coordinator).post(
        page(), {"file": upload(GOOD)}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<form id="import-form"')
    assert 'hx-swap-oob="innerHTML:#announce"' in html and "Imported 2 events" in html
    assert Session.objects.filter(circle=personas.circle).count() == 1


def test_an_htmx_upload_with_bad_rows_is_swapped_in_with_the_list(personas, client_for):
    bad = GOOD + "2026-03-02,09:00,rating,stiffness,12,0-10,Theo,\n"
    response = client_for(personas.coordinator).post(
        page(), {"file": upload(bad)}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200  # htmx only swaps successful responses
    html = response.content.decode()
    assert 'role="alert"' in html and "Line 4:" in html and "rating 12 out of range" in html
    assert not Session.objects.filter(circle=personas.circle).exists()


def test_the_create_box_lets_an_upload_add_techniques(personas, client_for):
    text = (
        "date,time,kind,name,value,unit,by,note\n2026-03-03,20:00,session,cold laser,10,min,Maya,\n"
    )
    client = client_for(personas.coordinator)
    response = client.post(page(), {"file": upload(text)})
    assert (
        response.status_code == 400
        and "unknown technique “cold laser”" in response.content.decode()
    )
    response = client.post(page(), {"file": upload(text), "create": "on"})
    assert response.status_code == 302
    assert Session.objects.get(circle=personas.circle).technique.name == "cold laser"


def test_a_file_over_the_size_limit_is_refused_clearly(personas, client_for):
    big = GOOD + "2026-03-02,12:00,note,,,,Maya," + "x" * MAX_UPLOAD_BYTES + "\n"
    response = client_for(personas.coordinator).post(page(), {"file": upload(big)})
    assert response.status_code == 400
    assert "The file is larger than 5 MB." in response.content.decode()
    assert not Session.objects.filter(circle=personas.circle).exists()


def test_a_file_that_is_not_utf8_is_refused_clearly(personas, client_for):
    response = client_for(personas.coordinator).post(
        page(), {"file": upload(GOOD.encode("utf-16"))}
    )
    assert response.status_code == 400
    assert "The file is not UTF-8 text." in response.content.decode()


def test_posting_without_a_file_asks_for_one(personas, client_for):
    response = client_for(personas.coordinator).post(page(), {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_the_page_speaks_canadian_french(personas, client_for, settings):
    client = client_for(personas.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    html = client.get(page()).content.decode()
    assert "Importer et exporter" in html and "Tout télécharger (JSON)" in html
    bad = GOOD + "2026-03-03,20:00,session,cold laser,10,min,Maya,\n"
    html = client.post(page(), {"file": upload(bad)}).content.decode()
    assert "Rien n’a été importé : 1 ligne est à corriger." in html
    assert "Ligne 4 : technique inconnue « cold laser »" in html
