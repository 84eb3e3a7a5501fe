"""The ALSFRS-R as a FHIR Questionnaire (authored by Bedside) and one QuestionnaireResponse per
assessment.

No public FHIR Questionnaire for the ALSFRS-R was found (CLINICAL.md), so this one is ours: the
item texts are Bedside's own paraphrases (:mod:`bedside.progression.alsfrs_items`; the
published wording's licence is unverified), each answer is coded 0–4 in Bedside's score system
with an ``ordinalValue``, item 5 is asked as 5a or 5b depending on a gastrostomy question
(``enableWhen``), and the total is a read-only item computed by an SDC ``calculatedExpression``.
LOINC codes: the panel (82954-9), the total (82953-1) and items 1, 2 and 8 only — the other
item codes are unverified and left out.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from bedside.progression.alsfrs_items import ITEMS, SCORES, Item
from bedside.progression.summaries import AssessmentSummary

from .codes import (
    ALSFRS_ITEM_LOINC,
    ALSFRS_PANEL,
    ALSFRS_TOTAL,
    CALCULATED_EXPRESSION,
    QUESTIONNAIRE_URL,
    SCORE_SYSTEM,
)

ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
GASTROSTOMY = "gastrostomy"
TOTAL = "total"
VERSION = "1"
# The sum of every answered score (the gastrostomy answer is a boolean and has no code).
TOTAL_EXPRESSION = (
    "%resource.repeat(item).answer.value.code.toInteger().aggregate($this + $total, 0)"
)


def _option(item: Item, score: int) -> dict[str, Any]:
    return {
        "valueCoding": {
            "system": SCORE_SYSTEM,
            "code": str(score),
            "display": str(item.answers[score]),
            "extension": [{"url": ORDINAL_VALUE, "valueDecimal": score}],
        }
    }


def _question(item: Item) -> dict[str, Any]:
    question: dict[str, Any] = {
        "linkId": item.key,
        "prefix": item.key,
        "text": f"{item.title}: {item.question}",
        "type": "choice",
        "answerOption": [_option(item, score) for score in SCORES],
    }
    if item.key in ALSFRS_ITEM_LOINC:
        question["code"] = [ALSFRS_ITEM_LOINC[item.key].coding()]
    if item.key in ("5a", "5b"):
        question["enableWhen"] = [
            {"question": GASTROSTOMY, "operator": "=", "answerBoolean": item.key == "5b"}
        ]
    return question


def questionnaire(language: str) -> dict[str, Any]:
    """The Questionnaire resource (without an id: the bundle gives it one)."""
    items: list[dict[str, Any]] = []
    for item in ITEMS:
        if item.key == "5a":
            items.append(
                {
                    "linkId": GASTROSTOMY,
                    "text": _("Does the person have a feeding tube (gastrostomy)?"),
                    "type": "boolean",
                }
            )
        items.append(_question(item))
    items.append(
        {
            "linkId": TOTAL,
            "text": _("Total (0 to 48)"),
            "type": "decimal",
            "readOnly": True,
            "code": [ALSFRS_TOTAL.coding()],
            "extension": [
                {
                    "url": CALCULATED_EXPRESSION,
                    "valueExpression": {
                        "language": "text/fhirpath",
                        "expression": TOTAL_EXPRESSION,
                    },
                }
            ],
        }
    )
    return {
        "resourceType": "Questionnaire",
        "language": language,
        "url": QUESTIONNAIRE_URL,
        "version": VERSION,
        "name": "BedsideALSFRSR",
        "title": _("ALSFRS-R (revised ALS Functional Rating Scale), Bedside's wording"),
        "status": "active",
        "subjectType": ["Patient"],
        "code": [ALSFRS_PANEL.coding()],
        "description": _(
            "Twelve items scored 0 (no function) to 4 (normal); item 5 is 5a without and 5b with "
            "a feeding tube. The item texts are Bedside's own paraphrases of what each score "
            "means, not the published wording (Cedarbaum et al., J Neurol Sci 1999;169:13-21)."
        ),
        "item": items,
    }


def _answer(key: str, score: int) -> dict[str, Any]:
    item = next(i for i in ITEMS if i.key == key)
    return {
        "linkId": key,
        "text": f"{item.title}: {item.question}",
        "answer": [{"valueCoding": _option(item, score)["valueCoding"]}],
    }


def response(
    summary: AssessmentSummary,
    *,
    subject: str,
    authored: str,
    author: str,
    proxy: bool,
) -> dict[str, Any]:
    """A QuestionnaireResponse for one ALSFRS-R record (total-only records give the total only).

    ``subject`` is the patient's reference; ``author`` who answered (a display name); a record
    answered by the person names the patient as its ``source``.
    """
    items: list[dict[str, Any]] = []
    if summary.items:
        for number, score in enumerate(summary.items, start=1):
            if number == 5:
                tube = summary.item5_form == "5b"
                items.append(
                    {
                        "linkId": GASTROSTOMY,
                        "text": _("Does the person have a feeding tube (gastrostomy)?"),
                        "answer": [{"valueBoolean": tube}],
                    }
                )
                items.append(_answer("5b" if tube else "5a", score))
            else:
                items.append(_answer(str(number), score))
    elif summary.item5_form:
        items.append(
            {
                "linkId": GASTROSTOMY,
                "text": _("Does the person have a feeding tube (gastrostomy)?"),
                "answer": [{"valueBoolean": summary.item5_form == "5b"}],
            }
        )
    items.append(
        {"linkId": TOTAL, "text": _("Total (0 to 48)"), "answer": [{"valueDecimal": summary.total}]}
    )
    found: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{QUESTIONNAIRE_URL}|{VERSION}",
        "status": "completed",
        "subject": {"reference": subject},
        "authored": authored,
        "item": items,
    }
    if author:
        found["author"] = {"display": author}
    if not proxy:
        found["source"] = {"reference": subject}
    return found
