"""The ALSFRS-R write path: the entry's draft answers, saving an assessment, totals, removal.

An entry is one item per screen; each answer goes into the member's :class:`ALSFRSDraft` and
Save turns the complete draft into an :class:`ALSFRSAssessment` in one transaction. A partial
assessment is never stored as one: an ALSFRS-R total needs all twelve items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action
from bedside.measures import ALSFRSError, Assessment, Instrument

from ..alsfrs_items import ITEMS_BY_KEY
from ..models import ALSFRSAssessment, ALSFRSDraft
from .common import (
    NOTE_MAX,
    check_day,
    clean_text,
    is_proxy,
    may_remove,
    number_in,
    parse_number,
    recorded_at_for,
)

ITEM_NUMBERS = tuple(range(1, 13))


def _item_name(key: str) -> str:
    item = ITEMS_BY_KEY.get(key) or ITEMS_BY_KEY.get("5a" if key == "5" else key)
    number = "5" if key in ("5a", "5b") else key
    return _("item %(number)s (%(title)s)") % {
        "number": key if key in ("5a", "5b") else number,
        "title": item.title if item else key,
    }


def clean_score(key: str, value: object) -> int:
    """One answer: a whole number 0–4, or a refusal naming the item."""
    number = parse_number(value)
    if not (number == number and number.is_integer() and 0 <= number <= 4):
        raise ValidationError(
            _("%(item)s: “%(value)s” is not an answer; answers are whole numbers from 0 to 4.")
            % {"item": capfirst(_item_name(key)), "value": str(value)[:20]}
        )
    return int(number)


def clean_items(
    items: Mapping[str | int, object], item5_form: str | None = None
) -> tuple[dict[int, int], str]:
    """Check twelve answers; return them by item number and item 5's form ("5a" or "5b").

    ``items`` maps "1"…"12" (or ints) to 0–4; item 5 is given as "5a" or "5b", or as "5" with
    ``item5_form``. Every problem is reported at once.
    """
    problems: list[str] = []
    scores: dict[int, int] = {}
    form = item5_form or ""
    keys = {str(k): v for k, v in items.items()}
    given = [k for k in ("5a", "5b") if k in keys]
    if len(given) == 2:
        problems.append(
            _(
                "Item 5 has an answer without a feeding tube (5a) and one with a feeding tube "
                "(5b); only one of them counts. Keep the one that fits."
            )
        )
    elif given:
        if "5" in keys:
            problems.append(_("Item 5 was given twice; keep one answer."))
        if item5_form and item5_form != given[0]:
            problems.append(_("Item 5 was given in two forms; keep 5a or 5b."))
        form = given[0]
    for key, value in keys.items():
        if key in ("5a", "5b"):
            number = 5
        elif key.isdigit() and int(key) in ITEM_NUMBERS:
            number = int(key)
        else:
            problems.append(_("The ALSFRS-R has no item “%(key)s”.") % {"key": key[:10]})
            continue
        try:
            scores[number] = clean_score(key, value)
        except ValidationError as error:
            problems.extend(error.messages)
    if form not in ("5a", "5b") and 5 in scores:
        problems.append(
            _("Say whether item 5 was answered without (5a) or with a feeding tube (5b).")
        )
    missing = [n for n in ITEM_NUMBERS if n not in scores]
    if missing and not problems:
        problems.append(
            _("Not answered yet: %(items)s.")
            % {"items": ", ".join(_item_name(form if n == 5 and form else str(n)) for n in missing)}
        )
    if problems:
        raise ValidationError(problems)
    values = [scores[n] for n in ITEM_NUMBERS]
    try:
        Assessment.from_items(values, item5=form)  # the pure core's own check, as a last guard
    except ALSFRSError as error:  # pragma: no cover - the checks above are stricter
        raise ValidationError(str(error))
    return scores, form


def alsfrs_record(
    *,
    actor: User,
    circle: Circle,
    items: Mapping[str | int, object],
    item5_form: str | None = None,
    day: dt.date | None = None,
    for_person: bool = False,
    note: str = "",
) -> ALSFRSAssessment:
    """Store a complete ALSFRS-R assessment (all twelve items), or refuse and store nothing."""
    membership = require(actor, circle, Action.RATE)
    scores, form = clean_items(items, item5_form)
    day = check_day(circle, day)
    note = clean_text(note, NOTE_MAX, _("The note"))
    recorded_at = recorded_at_for(circle, day)
    with transaction.atomic():
        assessment = ALSFRSAssessment.objects.create(
            circle=circle,
            day=day,
            recorded_at=recorded_at,
            rater=membership,
            by_name=membership.name,
            proxy=is_proxy(membership, for_person),
            item5_form=form,
            instrument=Instrument.ALSFRS_R.value,
            note=note,
            created_by=actor,
            **{f"item{n}": score for n, score in scores.items()},
        )
        audit(actor=actor, circle=circle, action="alsfrs.record", target=f"alsfrs:{assessment.pk}")
    return assessment


def alsfrs_record_total(
    *,
    actor: User,
    circle: Circle,
    total: object,
    day: dt.date | None,
    instrument: str = Instrument.ALSFRS_R.value,
    for_person: bool = False,
    note: str = "",
) -> ALSFRSAssessment:
    """Store a total without item scores (a clinic letter, an older record)."""
    membership = require(actor, circle, Action.RATE)
    if instrument not in (Instrument.ALSFRS_R.value, Instrument.ALSFRS.value):
        raise ValidationError(_("Choose the ALSFRS-R or the older ALSFRS."))
    high = 48 if instrument == Instrument.ALSFRS_R.value else 40
    value = number_in(total, _("The total"), 0, high)
    if not (value * 2).is_integer():
        raise ValidationError(_("The total is a whole number (or a half, as some clinics give)."))
    day = check_day(circle, day)
    note = clean_text(note, NOTE_MAX, _("The note"))
    recorded_at = recorded_at_for(circle, day)
    with transaction.atomic():
        assessment = ALSFRSAssessment.objects.create(
            circle=circle,
            day=day,
            recorded_at=recorded_at,
            rater=membership,
            by_name=membership.name,
            proxy=is_proxy(membership, for_person),
            source_total=value,
            instrument=instrument,
            note=note,
            created_by=actor,
        )
        audit(actor=actor, circle=circle, action="alsfrs.total", target=f"alsfrs:{assessment.pk}")
    return assessment


def alsfrs_remove(*, actor: User, circle: Circle, assessment: ALSFRSAssessment) -> None:
    """Take an assessment back (the undo after a mistaken save)."""
    membership = require(actor, circle, Action.RATE)
    if assessment.circle_id != circle.pk:
        raise ValidationError(_("That assessment is not part of this circle."))
    if not may_remove(membership, assessment.created_by_id):
        raise PermissionDenied(
            _("Only the person who entered this, or a coordinator, can remove it.")
        )
    with transaction.atomic():
        pk = assessment.pk
        assessment.delete()
        audit(actor=actor, circle=circle, action="alsfrs.remove", target=f"alsfrs:{pk}")


# --- the entry's draft ------------------------------------------------------------------------


def _draft(circle: Circle, actor: User, *, create: bool) -> ALSFRSDraft | None:
    """The actor's draft, locked for this transaction; made when ``create`` and missing.

    ``get_or_create`` copes with a double click racing to make the first draft: the loser of
    the race reads the winner's row instead of failing on the unique constraint.
    """
    membership = require(actor, circle, Action.RATE)
    rows = ALSFRSDraft.objects.select_for_update()
    if create:
        draft, _created = rows.get_or_create(circle=circle, membership=membership)
        return draft
    return rows.filter(circle=circle, membership=membership).first()


def alsfrs_draft_answer(*, actor: User, circle: Circle, item: str, value: object) -> ALSFRSDraft:
    """Keep one answer of the entry. ``item`` is "1"…"12", "5a" or "5b"; answering one form
    of item 5 replaces an answer given in the other."""
    require(actor, circle, Action.RATE)
    item = str(item)
    if item not in ITEMS_BY_KEY:
        raise ValidationError(_("The ALSFRS-R has no item “%(key)s”.") % {"key": item[:10]})
    score = clean_score(item, value)
    with transaction.atomic():
        draft = _draft(circle, actor, create=True)
        assert draft is not None
        answers = dict(draft.answers)
        if item in ("5a", "5b"):
            draft.item5_form = item
            answers["5"] = score
        else:
            answers[item] = score
        draft.answers = answers
        draft.updated_at = timezone.now()
        draft.save()
        audit(actor=actor, circle=circle, action="alsfrs.draft", target=f"alsfrs-draft:{draft.pk}")
    return draft


def alsfrs_draft_for_person(*, actor: User, circle: Circle, on: bool) -> ALSFRSDraft:
    """On the person's own account: someone else is answering for them (or not any more)."""
    require(actor, circle, Action.RATE)
    with transaction.atomic():
        draft = _draft(circle, actor, create=True)
        assert draft is not None
        draft.for_person = bool(on)
        draft.updated_at = timezone.now()
        draft.save()
        audit(actor=actor, circle=circle, action="alsfrs.draft", target=f"alsfrs-draft:{draft.pk}")
    return draft


def alsfrs_draft_discard(*, actor: User, circle: Circle) -> int:
    """Start over: forget the answers given so far. Returns how many were forgotten."""
    require(actor, circle, Action.RATE)
    with transaction.atomic():
        draft = _draft(circle, actor, create=False)
        if draft is None:
            return 0
        count = len(draft.answers)
        pk = draft.pk
        draft.delete()
        audit(actor=actor, circle=circle, action="alsfrs.discard", target=f"alsfrs-draft:{pk}")
    return count


def alsfrs_draft_save(
    *, actor: User, circle: Circle, day: dt.date | None = None, note: str = ""
) -> ALSFRSAssessment:
    """Save the entry: the draft becomes an assessment (all or nothing) and is cleared."""
    require(actor, circle, Action.RATE)
    with transaction.atomic():
        draft = _draft(circle, actor, create=False)
        if draft is None or not draft.answers:
            raise ValidationError(_("There are no answers to save yet."))
        assessment = alsfrs_record(
            actor=actor,
            circle=circle,
            items=draft.answers,
            item5_form=draft.item5_form or None,
            day=day,
            for_person=draft.for_person,
            note=note,
        )
        draft.delete()
    return assessment
