"""Forms of the measurements, notes and questions pages (the check-in itself needs none).

Forms only collect text; the services validate (ranges, units, names) and their messages are
put back beside the fields with :func:`add_service_errors`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bedside.circles.days import local_time, zone
from bedside.circles.models import Circle

from .models import NOTE_MAX_CHARS, Trackable

DECIMAL = {"inputmode": "decimal", "autocomplete": "off"}


def add_service_errors(form: forms.Form, error: ValidationError, *, field_for: Any = None) -> None:
    """Show a service's refusal in the form: by field where it says which, else at the top."""
    if hasattr(error, "error_dict"):
        for key, errors in error.message_dict.items():
            name = field_for(key) if field_for else key
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class MeasurementsForm(forms.Form):
    """One field per measurement; fill in any of them. Commas or points both work."""

    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, trackables: Iterable[Trackable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.trackables = list(trackables)
        for trackable in self.trackables:
            self.fields[self.field_name(trackable.pk)] = forms.CharField(
                label=f"{trackable.label} ({trackable.unit})",
                required=False,
                max_length=30,
                help_text=_("Plausible: %(range)s") % {"range": trackable.range_text},
                widget=forms.TextInput(attrs=DECIMAL),
            )
        # Order: the measurements first, then when they were taken, then the note.
        self.order_fields([self.field_name(t.pk) for t in self.trackables] + ["day", "time"])

    @staticmethod
    def field_name(trackable_id: object) -> str:
        return f"m{trackable_id}"

    def values(self) -> dict[Trackable, str]:
        """The measurements that were filled in."""
        return {
            t: self.cleaned_data[self.field_name(t.pk)].strip()
            for t in self.trackables
            if self.cleaned_data.get(self.field_name(t.pk), "").strip()
        }

    def recorded_at(self, circle: Circle) -> dt.datetime:
        day, time = self.cleaned_data["day"], self.cleaned_data["time"]
        return dt.datetime.combine(day, time, tzinfo=ZoneInfo(circle.timezone))

    @classmethod
    def initial_for(cls, circle: Circle, now: dt.datetime) -> dict[str, object]:
        local = now.astimezone(zone(circle))
        return {"day": local.date(), "time": local_time(circle, now)}


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you noticed today, for the timeline and the care team."),
    )


SCALE_FIELDS = ("min_value", "max_value", "unit", "direction", "low_label", "high_label")


class ScaleForm(forms.Form):
    """The parts of a trackable that make its scale (changing them makes a new version)."""

    min_value = forms.CharField(
        label=_("Lowest value"), max_length=20, widget=forms.TextInput(attrs=DECIMAL)
    )
    max_value = forms.CharField(
        label=_("Highest value"), max_length=20, widget=forms.TextInput(attrs=DECIMAL)
    )
    unit = forms.CharField(
        label=_("Unit (measurements)"),
        required=False,
        max_length=16,
        help_text=_("For example cm, kg, deg, h. Ratings need none."),
    )
    direction = forms.ChoiceField(
        label=_("Which way is better?"),
        choices=[
            (Trackable.Direction.LOWER_BETTER, _("lower is better (like pain or stiffness)")),
            (Trackable.Direction.HIGHER_BETTER, _("higher is better (like sleep or mood)")),
            (Trackable.Direction.NEUTRAL, _("neither (like weight)")),
        ],
        widget=forms.RadioSelect,
    )
    low_label = forms.CharField(
        label=_("What the lowest value means (ratings)"),
        required=False,
        max_length=60,
        help_text=_("For example “no pain”. Leave empty for a plain “none” or “worst”."),
    )
    high_label = forms.CharField(
        label=_("What the highest value means (ratings)"),
        required=False,
        max_length=60,
        help_text=_("For example “worst pain”."),
    )

    def scale(self) -> dict[str, Any]:
        """The cleaned scale, as keyword arguments of the trackable services."""
        return {field: self.cleaned_data[field] for field in SCALE_FIELDS}


class TrackableForm(ScaleForm):
    name = forms.CharField(label=_("Name"), max_length=80)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            ("rating", _("a rating from 0 to 10, asked in the check-in")),
            ("measurement", _("a measurement with a unit (cm, kg…)")),
        ],
        widget=forms.RadioSelect,
        initial="rating",
    )

    field_order = ["name", "kind", "min_value", "max_value", "unit", "direction"]


class RenameForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
