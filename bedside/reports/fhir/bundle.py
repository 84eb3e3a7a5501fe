"""A circle's record of a period as a FHIR R4 ``collection`` Bundle, validated before it leaves.

Contents: one Patient; Observations for check-in ratings and measurements, joint ranges,
breathing and voice tests and ALSFRS-R totals; the ALSFRS-R Questionnaire (when there are
assessments) and one QuestionnaireResponse per assessment; Procedures for care sessions, and
"not done" Procedures for missed and skipped ones. An empty period gives the Patient alone.

The Patient has no name unless the family asks for it, and never an e-mail or address. A circle's
name is not a pseudonym (it usually holds the person's first name), so it is not used either;
the Patient's identifier is a random-looking id derived from the circle (its id and creation
instant) that stays the same from one export to the next, so a clinic can match files to each
other, and differs between installations.

Validation uses ``fhir.resources``' R4B models (FHIR 4.3): the 8.x package ships R5 and R4B, not
4.0.1, and the resources used here (Patient, Observation, Questionnaire, QuestionnaireResponse,
Procedure, Bundle) have the same structure in R4 and R4B. Nothing R4B-only is used.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from fhir.resources.R4B.bundle import Bundle

from bedside.care import selectors as care
from bedside.care.models import Occurrence
from bedside.checkins.selectors import observations_between
from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action
from bedside.progression import selectors as progression
from bedside.reports.pdf.alsfrs import summaries_in
from bedside.reports.pdf.common import person_name
from bedside.reports.pdf.forms import Period

from . import resources
from .codes import BASE
from .questionnaire import questionnaire, response

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)


class FHIRExportError(RuntimeError):
    """The bundle did not validate: a programming error, never the family's data."""


def _circle_key(circle: Circle) -> str:
    # The id alone would repeat across Bedside installations (every one has a circle 1); with
    # the creation instant (to the microsecond) two families' files never share an identifier.
    return f"{circle.pk}:{circle.created_at.isoformat()}"


def _urn(circle: Circle, kind: str, pk: object) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{_circle_key(circle)}:{kind}:{pk}')}"


def _language() -> str:
    code = get_language() or "en"
    lang, _sep, region = code.partition("-")
    return f"{lang}-{region.upper()}" if region else lang


def circle_bundle(
    *, actor: User, circle: Circle, period: Period, include_name: bool = False
) -> dict[str, Any]:
    """The period's record as a validated FHIR R4 Bundle (a JSON-ready dict)."""
    require(actor, circle, Action.EXPORT)
    entries: list[tuple[str, dict[str, Any]]] = []
    patient_ref = _urn(circle, "patient", "")
    identifier = str(uuid.uuid5(NAMESPACE, f"circle:{_circle_key(circle)}"))
    entries.append(
        (
            patient_ref,
            resources.patient(
                identifier=identifier, name=person_name(circle) if include_name else ""
            ),
        )
    )
    entries += _observations(actor, circle, period, patient_ref)
    entries += _assessments(actor, circle, period, patient_ref)
    entries += _procedures(actor, circle, period, patient_ref)
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timezone.now().isoformat(timespec="seconds"),
        "entry": [
            {
                "fullUrl": url,
                "resource": {
                    "resourceType": resource["resourceType"],
                    "id": url.rsplit(":", 1)[-1],
                    **resource,
                },
            }
            for url, resource in entries
        ],
    }
    validate(bundle)
    audit(actor=actor, circle=circle, action="export", target=f"fhir:{len(entries)}")
    return bundle


def validate(bundle: dict[str, Any]) -> Bundle:
    """Parse with the ``fhir.resources`` models; refuse to hand out an invalid file."""
    try:
        return Bundle.model_validate(bundle)
    except ValueError as error:  # pydantic's ValidationError is a ValueError
        raise FHIRExportError(f"the FHIR bundle does not validate: {error}") from error


def _observations(
    actor: User, circle: Circle, period: Period, subject: str
) -> list[tuple[str, dict[str, Any]]]:
    found = [
        (
            _urn(circle, "observation", o.pk),
            resources.check_in_observation(o, circle=circle, subject=subject),
        )
        for o in observations_between(
            circle=circle, viewer=actor, start=period.start, end=period.end
        )
    ]
    for row in progression.joint_ranges_for(circle=circle, viewer=actor):
        if row.day in period:
            found.append(
                (
                    _urn(circle, "joint-range", row.pk),
                    resources.joint_range_observation(row, circle=circle, subject=subject),
                )
            )
    for test in progression.breathing_tests_for(circle=circle, viewer=actor):
        if test.day in period:
            found.append(
                (
                    _urn(circle, "breathing-test", test.pk),
                    resources.breathing_observation(test, circle=circle, subject=subject),
                )
            )
    return found


def _assessments(
    actor: User, circle: Circle, period: Period, subject: str
) -> list[tuple[str, dict[str, Any]]]:
    summaries = summaries_in(circle, actor, period)
    if not summaries:
        return []
    rows = {a.pk: a for a in progression.assessments_for(circle=circle, viewer=actor)}
    found: list[tuple[str, dict[str, Any]]] = []
    if any(s.is_alsfrs_r for s in summaries):
        found.append((_urn(circle, "questionnaire", "alsfrs-r"), questionnaire(_language())))
    for s in summaries:
        row = rows[s.pk]
        authored = resources.when(circle, row.recorded_at, row.day, True)
        author = str(row.rater.user) if row.rater is not None else row.by_name
        reference = ""
        if s.is_alsfrs_r:
            reference = _urn(circle, "alsfrs-response", s.pk)
            found.append(
                (
                    reference,
                    response(s, subject=subject, authored=authored, author=author, proxy=s.proxy),
                )
            )
        found.append(
            (
                _urn(circle, "alsfrs-total", s.pk),
                resources.total_observation(
                    day=s.day,
                    authored=authored,
                    total=s.total,
                    revised=s.is_alsfrs_r,
                    subject=subject,
                    response=reference,
                ),
            )
        )
    return found


def _procedures(
    actor: User, circle: Circle, period: Period, subject: str
) -> list[tuple[str, dict[str, Any]]]:
    found = [
        (
            _urn(circle, "session", s.pk),
            resources.session_procedure(s, circle=circle, subject=subject),
        )
        for s in care.sessions_between(
            circle=circle, viewer=actor, start=period.start, end=period.end
        )
    ]
    not_done = care.occurrences_between(
        circle=circle,
        viewer=actor,
        start=period.start,
        end=period.end,
        statuses=(Occurrence.Status.MISSED, Occurrence.Status.SKIPPED),
    )
    found += [
        (
            _urn(circle, "occurrence", o.pk),
            resources.not_done_procedure(o, circle=circle, subject=subject),
        )
        for o in not_done
    ]
    return found
