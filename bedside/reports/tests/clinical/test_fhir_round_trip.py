"""The FHIR bundle, read back with the ``fhir.resources`` models, gives the codes and values in.

The bundle goes through JSON text and is parsed again, as a clinic's system would receive it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest
from fhir.resources.R4B.bundle import Bundle

from bedside.checkins.models import Observation, Trackable
from bedside.circles.days import instant_at, today
from bedside.reports.fhir import codes
from bedside.reports.fhir.bundle import circle_bundle
from bedside.reports.pdf.forms import Period

from .helpers import known_circle

pytestmark = pytest.mark.datalayer


def read(bundle: dict) -> Bundle:
    return Bundle.model_validate(json.loads(json.dumps(bundle)))


def resources(model: Bundle, kind: str) -> list:
    return [e.resource for e in model.entry if e.resource.get_resource_type() == kind]


def by_code(observations: list) -> dict[tuple[str, str], list]:
    found = defaultdict(list)
    for o in observations:
        for coding in o.code.coding:
            found[(coding.system, coding.code)].append(o)
    return found


@pytest.fixture
def known(personas):
    known = known_circle(personas)
    sleep = Trackable.objects.create(
        circle=known.circle,
        name="Hours of sleep",
        kind="measurement",
        unit="h",
        min_value=0,
        max_value=16,
        in_checkin=False,
    )
    day = known.day(1)
    Observation.objects.create(
        circle=known.circle,
        trackable=sleep,
        value=6.5,
        day=day,
        recorded_at=instant_at(known.circle, day, dt.time(8, 0)),
    )
    return known


@pytest.fixture
def model(known, personas):
    bundle = circle_bundle(actor=personas.coordinator, circle=known.circle, period=known.period)
    return read(bundle)


def test_bundle_is_a_collection_with_one_pseudonymous_patient(model):
    assert model.type == "collection"
    (patient,) = resources(model, "Patient")
    assert patient.name is None and patient.telecom is None
    assert patient.identifier[0].system == codes.CIRCLE_SYSTEM
    refs = {o.subject.reference for o in resources(model, "Observation")}
    assert refs == {f"urn:uuid:{patient.id}"}


def test_the_family_can_put_the_name_in(known, personas):
    bundle = circle_bundle(
        actor=personas.coordinator, circle=known.circle, period=known.period, include_name=True
    )
    (patient,) = resources(read(bundle), "Patient")
    assert patient.name[0].text == "Theo"


def test_check_in_values_come_back_with_loinc_codes_and_ucum_units(model):
    found = by_code(resources(model, "Observation"))
    pain = found[(codes.LOINC, "72514-3")]
    assert sorted(float(o.valueQuantity.value) for o in pain) == [3] * 7 + [5] * 7
    assert {(o.valueQuantity.system, o.valueQuantity.code) for o in pain} == {
        (codes.UCUM, "{score}")
    }
    weight = found[(codes.LOINC, "29463-7")]
    assert [float(o.valueQuantity.value) for o in weight] == [78.5, 77.0]
    assert {o.valueQuantity.code for o in weight} == {"kg"}
    assert weight[0].category[0].coding[0].code == "vital-signs"
    (sleep,) = found[(codes.LOINC, "93832-4")]
    assert (float(sleep.valueQuantity.value), sleep.valueQuantity.code) == (6.5, "h")
    hours = found[(codes.TRACKABLE_SYSTEM, "ventilator-hours")]
    assert sorted(float(o.valueQuantity.value) for o in hours) == [6, 7, 8]
    # Stiffness has no standard code: Bedside's own, with text.
    stiffness = found[(codes.TRACKABLE_SYSTEM, "stiffness")]
    assert len(stiffness) == 14 and stiffness[0].code.text == "Stiffness"


def test_joint_range_and_circumference_come_back_with_snomed_codes(model):
    found = by_code(resources(model, "Observation"))
    elbow = found[(codes.SNOMED, "364564000")]
    assert len(elbow) == 2
    starts = [float(o.component[0].valueQuantity.value) for o in elbow]
    ends = [float(o.component[1].valueQuantity.value) for o in elbow]
    assert (starts, ends) == ([30, 20], [140, 140])
    assert [float(o.valueQuantity.value) for o in elbow] == [110, 120]
    assert {o.valueQuantity.code for o in elbow} == {"deg"}
    first = elbow[0]
    assert first.bodySite.coding[0].code == "elbow"
    assert first.bodySite.extension[0].valueCodeableConcept.coding[0].code == "left"
    assert first.method.coding[0].code == "passive"
    calves = found[(codes.SNOMED, "413171006")]
    sides = sorted(
        (c.bodySite.extension[0].valueCodeableConcept.coding[0].code, float(c.valueQuantity.value))
        for c in calves
    )
    assert sides == [("left", 35.0), ("left", 37.5), ("right", 35.2), ("right", 35.3)]
    assert {c.valueQuantity.code for c in calves} == {"cm"}
    (fvc,) = found[(codes.LOINC, "19872-1")]
    assert (float(fvc.valueQuantity.value), fvc.valueQuantity.code) == (76, "%")


def test_alsfrs_r_answers_and_totals_come_back(model):
    (form,) = resources(model, "Questionnaire")
    items = {i.linkId: i for i in form.item}
    assert [c.code for c in form.code] == ["82954-9"]
    assert {str(n) for n in range(1, 13)} - {"5"} <= set(items) and {"5a", "5b"} <= set(items)
    assert items["5b"].enableWhen[0].question == "gastrostomy"
    assert items["5b"].enableWhen[0].answerBoolean is True
    assert items["5a"].enableWhen[0].answerBoolean is False
    assert [c.code for c in items["1"].code] == ["82940-8"]
    assert [c.code for c in items["8"].code] == ["82948-1"]
    assert items["3"].code is None  # its LOINC code is unverified: left out
    assert [c.code for c in items["total"].code] == ["82953-1"]
    assert [o.valueCoding.code for o in items["4"].answerOption] == ["4", "3", "2", "1", "0"]

    responses = resources(model, "QuestionnaireResponse")
    assert len(responses) == 2  # the assessment 100 days back is outside the period
    first = {i.linkId: i.answer[0] for i in responses[0].item}
    assert first["4"].valueCoding.code == "3" and first["5a"].valueCoding.code == "3"
    assert "5b" not in first and first["gastrostomy"].valueBoolean is False
    assert float(first["total"].valueDecimal) == 46
    assert responses[0].questionnaire.startswith(codes.QUESTIONNAIRE_URL)
    totals = by_code(resources(model, "Observation"))[(codes.LOINC, "82953-1")]
    assert [float(o.valueQuantity.value) for o in totals] == [46, 44]
    assert totals[0].derivedFrom[0].reference == next(
        e.fullUrl for e in model.entry if e.resource.id == responses[0].id
    )


def test_care_sessions_come_back_as_procedures(model):
    procedures = resources(model, "Procedure")
    done = [p for p in procedures if p.status == "completed"]
    not_done = [p for p in procedures if p.status == "not-done"]
    assert len(done) == 10 and len(not_done) == 4
    gun = [p for p in done if p.code.text == "Massage gun"]
    assert len(gun) == 9
    assert {p.performer[0].actor.display for p in gun} == {"Ana"}
    assert [b.coding[0].code for b in gun[0].bodySite] == ["left-calf", "right-calf"]
    assert gun[0].extension[0].valueDuration.value == 10
    assert gun[0].code.coding[0].code == "massage-gun"
    reasons = sorted(p.statusReason.text for p in not_done)
    assert reasons[0].startswith("missed") and "Too tired" in reasons[-1]


def test_patient_identifier_is_stable_and_differs_between_circles(known, personas, model):
    again = circle_bundle(actor=personas.coordinator, circle=known.circle, period=known.period)
    (first,) = resources(model, "Patient")
    (second,) = resources(read(again), "Patient")
    assert first.identifier[0].value == second.identifier[0].value
    end = today(personas.other_circle)
    other = circle_bundle(
        actor=personas.outsider, circle=personas.other_circle, period=Period(end, end)
    )
    (theirs,) = resources(read(other), "Patient")
    assert theirs.identifier[0].value != first.identifier[0].value
