"""Forms parse what people typed or tapped; the services decide whether it is allowed.

Choice lists come from the viewer's circle only, so an id from another circle is refused as
"not one of the choices" before any service runs.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from bedside.checkins.models import Trackable
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Role

from .models import Occurrence, Routine, Session, SessionRating, Technique
from .regions import REGION_LIST
from .services import RatingInput
from .services.checks import MAX_MINUTES, MIN_MINUTES


def tiles() -> forms.RadioSelect:
    """Radio buttons drawn as big tiles (the input is visually hidden inside its label)."""
    return forms.RadioSelect(attrs={"class": "tile-input"})


def region_choices() -> list[tuple[str, Any]]:
    return [(r.key, r.label) for r in REGION_LIST]


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on the field it names, else above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class TechniqueChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Technique) -> str:  # type: ignore[override]
        return obj.label


def minutes_field(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=MIN_MINUTES,
        max_value=MAX_MINUTES,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class SessionFieldsForm(forms.Form):
    """How a session went: shared by the adjust form and the ad-hoc log."""

    minutes = minutes_field(_("Minutes"))
    pressure = forms.ChoiceField(
        label=_("Pressure"),
        required=False,
        choices=[("", _("Not noted")), *Session.Pressure.choices],
        widget=tiles(),
    )
    tolerance = forms.ChoiceField(
        label=_("How it went"),
        required=False,
        choices=[("", _("Not noted")), *Session.Tolerance.choices],
        widget=tiles(),
    )
    regions = forms.MultipleChoiceField(
        label=_("Body regions"), required=False, choices=region_choices
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AdjustForm(SessionFieldsForm):
    """The second activation: minutes, pressure, regions, tolerance, before/after ratings."""

    def __init__(self, *args: Any, trackables: list[Trackable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.trackables = trackables
        for trackable in trackables:
            low, high = int(trackable.min_value), int(trackable.max_value)
            choices = [("", _("Not rated")), *((str(v), str(v)) for v in range(low, high + 1))]
            labels = {
                "before": _("%(name)s, before") % {"name": trackable.label},
                "after": _("%(name)s, after") % {"name": trackable.label},
            }
            for when in SessionRating.When.values:
                self.fields[f"{when}_{trackable.pk}"] = forms.ChoiceField(
                    label=labels[when], required=False, choices=choices, widget=tiles()
                )

    def rating_rows(self) -> list[tuple[Trackable, list[forms.BoundField]]]:
        return [
            (t, [self[f"{when}_{t.pk}"] for when in SessionRating.When.values])
            for t in self.trackables
        ]

    def ratings(self) -> list[RatingInput]:
        given = []
        for trackable in self.trackables:
            for when in SessionRating.When.values:
                value = self.cleaned_data.get(f"{when}_{trackable.pk}")
                if value not in (None, ""):
                    given.append(RatingInput(trackable, when, float(value)))
        return given


class LogForm(SessionFieldsForm):
    """Log something that was not on tonight's list."""

    technique = TechniqueChoiceField(
        label=_("What was done"),
        queryset=Technique.objects.none(),
        empty_label=None,
        widget=tiles(),
    )
    time = forms.TimeField(
        label=_("At what time"),
        required=False,
        help_text=_("Leave empty for now."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    field_order = ["technique", "time", "minutes", "regions", "pressure", "tolerance", "note"]

    def __init__(self, *args: Any, techniques: list[Technique], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["technique"]
        assert isinstance(field, TechniqueChoiceField)
        field.queryset = Technique.objects.filter(pk__in=[t.pk for t in techniques])
        # Keep the page's order (by label in the viewer's language).
        field.choices = [(t.pk, t.label) for t in techniques]


class SkipForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why"), required=False, choices=[("", "—"), *Occurrence.SkipReason.choices]
    )
    text = forms.CharField(label=_("In your own words (optional)"), required=False, max_length=180)


def who_choices(circle: Circle, members: list[Membership]) -> list[tuple[str, Any]]:
    roles = [Role.CAREGIVER, Role.COORDINATOR, Role.THERAPIST, Role.PERSON]
    return [
        ("anyone", _("Anyone in the circle")),
        *((f"role:{r.value}", _("Anyone who is: %(role)s") % {"role": r.label}) for r in roles),
        *((f"member:{m.pk}", f"{m.name} ({m.get_role_display()})") for m in members),
    ]


class RoutineForm(forms.Form):
    technique = TechniqueChoiceField(label=_("Technique"), queryset=Technique.objects.none())
    regions = forms.MultipleChoiceField(
        label=_("Body regions"), required=False, choices=region_choices
    )
    who = forms.ChoiceField(label=_("Who does it"))
    schedule = forms.ChoiceField(
        label=_("How often"),
        # "On listed dates" belongs to home experiments, which set the dates themselves.
        choices=[c for c in Routine.Schedule.choices if c[0] != Routine.Schedule.DATES],
        widget=forms.RadioSelect,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these days (for “on certain weekdays”)"),
        required=False,
        coerce=int,
        choices=sorted(WEEKDAYS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    every_n_days = forms.IntegerField(
        label=_("Every how many days (for “every few days”)"),
        required=False,
        min_value=2,
        max_value=365,
    )
    time_of_day = forms.TimeField(
        label=_("At"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    target_minutes = minutes_field(_("Target minutes (optional)"))
    start_date = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end_date = forms.DateField(
        label=_("Until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    notes = forms.CharField(
        label=_("Notes for whoever does it"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        circle: Circle,
        techniques: list[Technique],
        members: list[Membership],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["technique"]
        assert isinstance(field, TechniqueChoiceField)
        field.queryset = Technique.objects.filter(pk__in=[t.pk for t in techniques])
        field.choices = [("", "—"), *((t.pk, t.label) for t in techniques)]
        self.members = {m.pk: m for m in members}
        who = self.fields["who"]
        assert isinstance(who, forms.ChoiceField)
        who.choices = who_choices(circle, members)

    def assignment(self) -> tuple[Membership | None, str]:
        """(assignee, assignee_role) from the "who" answer."""
        value = self.cleaned_data["who"]
        kind, _sep, rest = value.partition(":")
        if kind == "member":
            return self.members[int(rest)], ""
        if kind == "role":
            return None, rest
        return None, ""

    @staticmethod
    def initial_for(routine: Routine) -> dict[str, Any]:
        if routine.assignee_id:
            who = f"member:{routine.assignee_id}"
        elif routine.assignee_role:
            who = f"role:{routine.assignee_role}"
        else:
            who = "anyone"
        return {
            "technique": routine.technique_id,
            "regions": routine.regions,
            "who": who,
            "schedule": routine.schedule,
            "weekdays": routine.weekdays,
            "every_n_days": routine.every_n_days,
            "time_of_day": routine.time_of_day,
            "target_minutes": routine.target_minutes,
            "start_date": routine.start_date,
            "end_date": routine.end_date,
            "notes": routine.notes,
        }


class TechniqueForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    instructions = forms.CharField(
        label=_("Instructions"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    safety_notes = forms.CharField(
        label=_("Safety notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args: Any, technique: Technique | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if technique is not None and technique.is_catalogue:
            # The catalogue's name and text stay (and stay translated); the circle adds its own.
            del self.fields["name"]
            self.fields["instructions"].label = _("Your circle's own instructions (optional)")
            self.fields["safety_notes"].label = _("Your circle's own safety notes (optional)")
        if technique is None:
            del self.fields["active"]
