"""FHIR R4 resources for one circle's rows: Patient, Observations and Procedures (as dicts).

Each function takes a row and the patient's reference and returns JSON-ready data; the bundle
(:mod:`.bundle`) gives ids and validates everything with ``fhir.resources``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils.translation import gettext as _

from bedside.care.models import Occurrence, Session
from bedside.care.regions import REGIONS
from bedside.checkins.models import Observation, Trackable
from bedside.circles.days import zone
from bedside.circles.models import Circle
from bedside.progression.joints import Joint, Method, Position, Side, joint_label
from bedside.progression.models import BreathingTest, JointRange

from . import codes
from .codes import Code, quantity

LOWER_LIMB = re.compile(
    r"calf|thigh|leg|ankle|foot|knee|mollet|cuisse|jambe|cheville|pied|genou", re.IGNORECASE
)
SLEEP = re.compile(r"sleep|sommeil", re.IGNORECASE)
LENGTH_UNITS = ("cm", "mm", "in")
_SIDE = re.compile(r"\b(left|gauche)\b|\b(right|droite?)\b", re.IGNORECASE)


def when(circle: Circle, instant: dt.datetime | None, day: dt.date, has_time: bool) -> str:
    """A FHIR dateTime: the local instant with its offset, or only the circle day when no time
    was given (imported "today" rows)."""
    if instant is None or not has_time:
        return day.isoformat()
    return instant.astimezone(zone(circle)).isoformat(timespec="seconds")


def code_text(value: str) -> str:
    """A FHIR ``code``: no leading, trailing or repeated whitespace."""
    return " ".join(value.split()) or "unnamed"


def concept(*codings: dict[str, str], text: str) -> dict[str, Any]:
    return {"coding": list(codings), "text": text}


def _category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": codes.OBSERVATION_CATEGORY, "code": code}]}]


def _laterality(side: str) -> list[dict[str, Any]]:
    labels = {"left": _("left"), "right": _("right")}
    if side not in labels:
        return []
    return [
        {
            "url": codes.LATERALITY_EXTENSION,
            "valueCodeableConcept": concept(
                {"system": codes.LATERALITY_SYSTEM, "code": side}, text=str(labels[side])
            ),
        }
    ]


def _side_of(name: str) -> str:
    match = _SIDE.search(name)
    if match is None:
        return ""
    return "left" if match.group(1) else "right"


def patient(*, identifier: str, name: str) -> dict[str, Any]:
    """The person, pseudonymous unless the family chose to add the name (never an e-mail)."""
    found: dict[str, Any] = {
        "resourceType": "Patient",
        "active": True,
        "identifier": [{"system": codes.CIRCLE_SYSTEM, "value": identifier}],
    }
    if name:
        found["name"] = [{"text": name}]
    return found


def trackable_code(trackable: Trackable) -> tuple[list[dict[str, str]], str]:
    """Codings and the category of a check-in trackable's observations.

    Standard codes where CLINICAL.md gives one (pain, weight, sleep duration, lower-limb
    circumference, the built-in elbow extension as a joint range); always Bedside's own code
    too, so a reader can tell the trackables apart.
    """
    own = {"system": codes.TRACKABLE_SYSTEM, "code": code_text(trackable.key or trackable.name)}
    standard: Code | None = codes.TRACKABLE_CODES.get(trackable.key)
    if standard is None and trackable.kind == Trackable.Kind.MEASUREMENT:
        if trackable.unit == "h" and SLEEP.search(trackable.name):
            standard = codes.SLEEP_DURATION
        elif trackable.unit in LENGTH_UNITS and LOWER_LIMB.search(trackable.name):
            standard = codes.LOWER_LIMB_CIRCUMFERENCE
        elif trackable.unit == "deg" and trackable.key == "elbow-extension":
            standard = codes.JOINT_RANGE
    codings = [standard.coding(), own] if standard else [own]
    if trackable.key == "weight":
        category = "vital-signs"
    elif trackable.kind == Trackable.Kind.RATING:
        category = "survey"
    else:
        category = "exam"
    return codings, category


def check_in_observation(o: Observation, *, circle: Circle, subject: str) -> dict[str, Any]:
    trackable = o.trackable
    codings, category = trackable_code(trackable)
    found: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category(category),
        "code": concept(*codings, text=trackable.label),
        "subject": {"reference": subject},
        "effectiveDateTime": when(circle, o.recorded_at, o.day, o.has_time),
        "valueQuantity": quantity(o.value, trackable.unit),
    }
    rater = str(o.rater.user) if o.rater is not None else o.by_name
    if rater:
        found["performer"] = [{"display": rater}]
    if o.note:
        found["note"] = [{"text": o.note}]
    body_site = _body_site_of(trackable, codings)
    if body_site:
        found["bodySite"] = body_site
    return found


def _body_site_of(trackable: Trackable, codings: list[dict[str, str]]) -> dict[str, Any] | None:
    """Where a circumference or angle was measured, from the trackable's own name."""
    coded = {c["code"] for c in codings}
    if codes.JOINT_RANGE.code in coded:
        return {
            "coding": [{"system": codes.JOINT_SYSTEM, "code": Joint.ELBOW.value}],
            "text": str(Joint.ELBOW.label),
        }
    if codes.LOWER_LIMB_CIRCUMFERENCE.code in coded:
        side = _side_of(trackable.name) or _side_of(trackable.key)
        site: dict[str, Any] = {"text": trackable.label}
        extension = _laterality(side)
        if extension:
            site["extension"] = extension
        return site
    return None


def joint_range_observation(row: JointRange, *, circle: Circle, subject: str) -> dict[str, Any]:
    """Goniometry: SNOMED 364564000 with the joint, side, method and position; the value is the
    arc in degrees and the components its start and end (neutral-zero: "20–140°")."""
    motion = row.motion.replace("_", " ")
    method = str(Method(row.method).label) if row.method in Method.values else row.method
    text = _("%(joint)s, %(motion)s, %(method)s") % {
        "joint": joint_label(row.joint, row.side),
        "motion": motion,
        "method": method,
    }
    site: dict[str, Any] = {
        "coding": [{"system": codes.JOINT_SYSTEM, "code": code_text(row.joint)}],
        "text": joint_label(row.joint, row.side),
    }
    if row.side in (Side.LEFT, Side.RIGHT):
        site["extension"] = _laterality(row.side)
    position = str(Position(row.position).label) if row.position in Position.values else ""
    found: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category("exam"),
        "code": concept(
            codes.JOINT_RANGE.coding(),
            {"system": codes.MEASURE_SYSTEM, "code": code_text(f"rom {row.joint} {row.motion}")},
            text=text,
        ),
        "subject": {"reference": subject},
        "effectiveDateTime": when(circle, row.recorded_at, row.day, True),
        "bodySite": site,
        "method": concept(
            {"system": codes.METHOD_SYSTEM, "code": code_text(row.method)}, text=method
        ),
        "valueQuantity": quantity(abs(row.end_deg - row.start_deg), "deg"),
        "component": [
            {
                "code": concept(
                    {"system": codes.MEASURE_SYSTEM, "code": "rom-start"},
                    text=_("Start of the arc (neutral-zero)"),
                ),
                "valueQuantity": quantity(row.start_deg, "deg"),
            },
            {
                "code": concept(
                    {"system": codes.MEASURE_SYSTEM, "code": "rom-end"},
                    text=_("End of the arc (neutral-zero)"),
                ),
                "valueQuantity": quantity(row.end_deg, "deg"),
            },
        ],
    }
    if position:
        found["extension"] = [
            {
                "url": codes.BODY_POSITION_EXTENSION,
                "valueCodeableConcept": concept(
                    {"system": codes.POSITION_SYSTEM, "code": code_text(row.position)},
                    text=position,
                ),
            }
        ]
    if row.by_name:
        found["performer"] = [{"display": row.by_name}]
    if row.note:
        found["note"] = [{"text": row.note}]
    return found


def breathing_observation(row: BreathingTest, *, circle: Circle, subject: str) -> dict[str, Any]:
    """A breathing or voice test; FVC % predicted has its LOINC code, the others ours."""
    label = (
        str(BreathingTest.Kind(row.kind).label)
        if row.kind in BreathingTest.Kind.values
        else row.kind
    )
    own = {"system": codes.MEASURE_SYSTEM, "code": code_text(f"breathing {row.kind}")}
    codings = [codes.FVC_PERCENT.coding(), own] if row.kind == "fvc" else [own]
    posture = (
        str(BreathingTest.Posture(row.posture).label)
        if row.posture in BreathingTest.Posture.values
        else row.posture
    )
    found: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category("procedure" if row.kind == "fvc" else "exam"),
        "code": concept(*codings, text=label),
        "subject": {"reference": subject},
        "effectiveDateTime": when(circle, row.recorded_at, row.day, True),
        "valueQuantity": quantity(row.value, row.unit),
        "extension": [
            {
                "url": codes.BODY_POSITION_EXTENSION,
                "valueCodeableConcept": concept(
                    {"system": codes.POSITION_SYSTEM, "code": code_text(row.posture)}, text=posture
                ),
            }
        ],
    }
    if row.pace is not None:
        found["component"] = [
            {
                "code": concept(
                    {"system": codes.MEASURE_SYSTEM, "code": "sbc-pace"},
                    text=_("Counting pace (counts a second)"),
                ),
                "valueQuantity": {
                    "value": row.pace,
                    "unit": "/s",
                    "system": codes.UCUM,
                    "code": "/s",
                },
            }
        ]
    if row.by_name:
        found["performer"] = [{"display": row.by_name}]
    if row.note:
        found["note"] = [{"text": row.note}]
    return found


def total_observation(
    *, day: dt.date, authored: str, total: float, revised: bool, subject: str, response: str
) -> dict[str, Any]:
    """The ALSFRS-R total as an Observation (LOINC 82953-1), derived from its response; the older
    10-item ALSFRS total gets Bedside's own code."""
    code = (
        concept(codes.ALSFRS_TOTAL.coding(), text=_("ALSFRS-R total (0 to 48)"))
        if revised
        else concept(
            {"system": codes.MEASURE_SYSTEM, "code": "alsfrs-10-total"},
            text=_("ALSFRS total, older 10-item scale (0 to 40)"),
        )
    )
    found: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category("survey"),
        "code": code,
        "subject": {"reference": subject},
        "effectiveDateTime": authored or day.isoformat(),
        "valueQuantity": quantity(total, "0-10"),
    }
    if response:
        found["derivedFrom"] = [{"reference": response}]
    return found


def _region(key: str) -> dict[str, Any]:
    label = str(REGIONS[key].label) if key in REGIONS else key
    return {"coding": [{"system": codes.REGION_SYSTEM, "code": code_text(key)}], "text": label}


def _technique(technique: Any) -> dict[str, Any]:
    return concept(
        {"system": codes.TECHNIQUE_SYSTEM, "code": code_text(technique.key or technique.name)},
        text=technique.label,
    )


def session_procedure(s: Session, *, circle: Circle, subject: str) -> dict[str, Any]:
    """A care session: the technique, who gave it, when, where on the body, how long."""
    found: dict[str, Any] = {
        "resourceType": "Procedure",
        "status": "completed",
        "code": _technique(s.technique),
        "subject": {"reference": subject},
        "performedDateTime": when(circle, s.performed_at, s.day, s.has_time),
        "performer": [
            {
                "actor": {
                    "display": str(s.performed_by.user)
                    if s.performed_by
                    else s.by_name or _("someone")
                }
            }
        ],
    }
    if s.regions:
        found["bodySite"] = [_region(key) for key in s.regions]
    if s.minutes:
        found["extension"] = [
            {
                "url": codes.MINUTES_EXTENSION,
                "valueDuration": {
                    "value": s.minutes,
                    "unit": "min",
                    "system": codes.UCUM,
                    "code": "min",
                },
            }
        ]
    if s.tolerance:
        found["outcome"] = {"text": str(Session.Tolerance(s.tolerance).label)}
    if s.note:
        found["note"] = [{"text": s.note}]
    return found


def not_done_procedure(o: Occurrence, *, circle: Circle, subject: str) -> dict[str, Any]:
    """A planned session that was missed or skipped: a Procedure that was not done, and why."""
    if o.status == Occurrence.Status.MISSED:
        reason = _("missed: not done and not skipped by the end of its day")
    else:
        reason = _("skipped: %(reason)s") % {"reason": o.reason or _("no reason given")}
    found: dict[str, Any] = {
        "resourceType": "Procedure",
        "status": "not-done",
        "statusReason": {"text": reason},
        "code": _technique(o.technique),
        "subject": {"reference": subject},
        "performedDateTime": when(circle, o.due_at, o.day, o.due_at is not None),
    }
    if o.routine is not None and o.routine.regions:
        found["bodySite"] = [_region(key) for key in o.routine.regions]
    return found
