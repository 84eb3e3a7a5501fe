"""Validation shared by the care services: the write path refuses bad input on its own, whoever
calls it (views, the API, importers, commands). Every message is meant for a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bedside.checkins.models import Trackable
from bedside.circles.models import Circle

from ..models import Session, SessionRating
from ..regions import ordered, unknown_regions

MIN_MINUTES, MAX_MINUTES = 1, 600
MAX_NOTE = 4000


@dataclass(frozen=True)
class RatingInput:
    """A before/after rating given with a session."""

    trackable: Trackable
    when: str  # SessionRating.When
    value: float


def belongs(obj: Any, circle: Circle, field: str, message: str) -> None:
    """Refuse an object (technique, member, trackable …) that is not part of ``circle``."""
    if obj is None or getattr(obj, "circle_id", None) != circle.pk:
        raise ValidationError({field: message})


def clean_regions(regions: Iterable[str] | None) -> list[str]:
    keys = [str(k) for k in (regions or [])]
    unknown = unknown_regions(keys)
    if unknown:
        raise ValidationError(
            {"regions": _("Unknown body region: %(keys)s.") % {"keys": ", ".join(unknown)}}
        )
    return ordered(keys)


def clean_minutes(minutes: int | None, field: str = "minutes") -> int | None:
    if minutes is None:
        return None
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError({field: _("Give the minutes as a whole number.")})
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(
            {
                field: _("Minutes must be between %(low)d and %(high)d.")
                % {"low": MIN_MINUTES, "high": MAX_MINUTES}
            }
        )
    return minutes


def clean_choice(value: str, choices: Iterable[str], field: str) -> str:
    value = value or ""
    if value and value not in set(choices):
        raise ValidationError({field: _("Choose one of the offered answers.")})
    return value


def clean_note(note: str, field: str = "note") -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({field: _("Keep the note under %(n)d characters.") % {"n": MAX_NOTE}})
    return note


def clean_session_fields(
    *, minutes: int | None, pressure: str, tolerance: str, regions: Iterable[str] | None, note: str
) -> dict[str, Any]:
    """The adjustable fields of a session, checked, ready to set on the model."""
    return {
        "minutes": clean_minutes(minutes),
        "pressure": clean_choice(pressure, Session.Pressure.values, "pressure"),
        "tolerance": clean_choice(tolerance, Session.Tolerance.values, "tolerance"),
        "regions": clean_regions(regions),
        "note": clean_note(note),
    }


def clean_ratings(circle: Circle, ratings: Iterable[RatingInput]) -> list[RatingInput]:
    """Before/after ratings must be the circle's active rating trackables, within their range,
    at most one per trackable and moment."""
    seen: set[tuple[int, str]] = set()
    clean: list[RatingInput] = []
    for rating in ratings:
        trackable = rating.trackable
        belongs(trackable, circle, "ratings", _("That rating is not part of this circle."))
        if trackable.kind != Trackable.Kind.RATING or not trackable.active:
            raise ValidationError({"ratings": _("Only current ratings can be given here.")})
        if rating.when not in SessionRating.When.values:
            raise ValidationError({"ratings": _("A rating is either before or after.")})
        value = float(rating.value)
        if not trackable.min_value <= value <= trackable.max_value:
            raise ValidationError(
                {
                    "ratings": _("%(name)s must be between %(low)g and %(high)g.")
                    % {
                        "name": trackable.label,
                        "low": trackable.min_value,
                        "high": trackable.max_value,
                    }
                }
            )
        key = (trackable.pk, rating.when)
        if key in seen:
            raise ValidationError(
                {"ratings": _("Each rating can be given once before and once after.")}
            )
        seen.add(key)
        clean.append(RatingInput(trackable, rating.when, value))
    return clean


def clean_time(value: dt.time | None, field: str) -> dt.time:
    if value is None:
        raise ValidationError({field: _("Give a time.")})
    return value.replace(second=0, microsecond=0)
