"""Code systems, codes and units of the FHIR export (codes from CLINICAL.md only).

Standard codes are used only where CLINICAL.md gives them:

- LOINC: ALSFRS-R panel 82954-9, total 82953-1, speech 82940-8, salivation 82941-6, walking
  82948-1; pain 0–10 72514-3; body weight 29463-7; FVC % predicted 19872-1; sleep duration
  93832-4. The other ALSFRS-R item codes *appear* to run consecutively, but that is unverified,
  so those items carry no LOINC code here (only our own link ids and text).
- SNOMED CT: 364564000 "Range of joint movement" (with body site, laterality, method and the
  unit ``deg``); 413171006 lower-limb circumference.

Everything else (other check-in ratings, ventilator hours, voice tests, techniques, body regions)
is coded in Bedside's own code systems under :data:`BASE`, always with a ``text``. Units are
UCUM (https://ucum.org): ``kg``, ``cm``, ``deg``, ``h``, ``%``, ``s``, ``L/min``, ``{score}``.
"""

from __future__ import annotations

from dataclasses import dataclass

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"

# Bedside's own code systems and extensions. A URL under a name the project does not control
# would claim someone else's namespace, so this uses the reserved ``.invalid`` domain (RFC 2606):
# stable, unique to Bedside, and honest that nothing is published there yet. Change it in this
# one place when the project publishes its code systems.
BASE = "https://bedside.invalid/fhir"
TRACKABLE_SYSTEM = f"{BASE}/CodeSystem/trackable"
MEASURE_SYSTEM = f"{BASE}/CodeSystem/measure"
TECHNIQUE_SYSTEM = f"{BASE}/CodeSystem/technique"
REGION_SYSTEM = f"{BASE}/CodeSystem/body-region"
JOINT_SYSTEM = f"{BASE}/CodeSystem/joint"
LATERALITY_SYSTEM = f"{BASE}/CodeSystem/laterality"
METHOD_SYSTEM = f"{BASE}/CodeSystem/rom-method"
POSITION_SYSTEM = f"{BASE}/CodeSystem/body-position"
SCORE_SYSTEM = f"{BASE}/CodeSystem/alsfrs-r-score"
CIRCLE_SYSTEM = f"{BASE}/circle"
LATERALITY_EXTENSION = f"{BASE}/StructureDefinition/laterality"
MINUTES_EXTENSION = f"{BASE}/StructureDefinition/session-minutes"
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire/alsfrs-r"
# Core FHIR extensions (R4 extension registry).
BODY_POSITION_EXTENSION = "http://hl7.org/fhir/StructureDefinition/observation-bodyPosition"
# Structured Data Capture: how a form computes an answer from the others.
CALCULATED_EXPRESSION = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
)


@dataclass(frozen=True)
class Code:
    """A standard code. ``display`` only where the code system's own wording is known (a wrong
    display is an error for validators); the CodeableConcept's ``text`` always says it."""

    system: str
    code: str
    display: str = ""

    def coding(self) -> dict[str, str]:
        found = {"system": self.system, "code": self.code}
        return {**found, "display": self.display} if self.display else found


ALSFRS_PANEL = Code(LOINC, "82954-9")
ALSFRS_TOTAL = Code(LOINC, "82953-1")
# Item link id → LOINC: only the item codes CLINICAL.md verified (1 speech, 2 salivation,
# 8 walking). The rest may run consecutively from 82940-8, but that is unverified: not used.
ALSFRS_ITEM_LOINC: dict[str, Code] = {
    "1": Code(LOINC, "82940-8"),
    "2": Code(LOINC, "82941-6"),
    "8": Code(LOINC, "82948-1"),
}
PAIN = Code(LOINC, "72514-3")
BODY_WEIGHT = Code(LOINC, "29463-7", "Body weight")
FVC_PERCENT = Code(LOINC, "19872-1")
SLEEP_DURATION = Code(LOINC, "93832-4")
JOINT_RANGE = Code(SNOMED, "364564000", "Range of joint movement")
LOWER_LIMB_CIRCUMFERENCE = Code(SNOMED, "413171006")

# Check-in trackables (by built-in key) with a standard code.
TRACKABLE_CODES: dict[str, Code] = {"pain": PAIN, "weight": BODY_WEIGHT}

# Units as stored → UCUM code and the human-readable unit.
UCUM_UNITS: dict[str, tuple[str, str]] = {
    "kg": ("kg", "kg"),
    "lb": ("[lb_av]", "lb"),
    "cm": ("cm", "cm"),
    "mm": ("mm", "mm"),
    "in": ("[in_i]", "in"),
    "deg": ("deg", "°"),
    "h": ("h", "h"),
    "min": ("min", "min"),
    "s": ("s", "s"),
    "%": ("%", "%"),
    "L/min": ("L/min", "L/min"),
    "count": ("{count}", "count"),
    "words/min": ("{words}/min", "words/min"),
    "0-10": ("{score}", "score"),
}


def quantity(value: float, unit: str) -> dict[str, object]:
    """A FHIR Quantity; UCUM-coded when the unit is known, else the unit's text only."""
    known = UCUM_UNITS.get(unit)
    number = int(value) if float(value).is_integer() else round(float(value), 4)
    if known is None:
        return {"value": number, "unit": unit} if unit else {"value": number}
    code, shown = known
    return {"value": number, "unit": shown, "system": UCUM, "code": code}
