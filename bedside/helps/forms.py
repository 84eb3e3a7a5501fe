"""The experiment wizard's form. Choices come from the viewer's circle only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bedside.care.forms import who_choices
from bedside.care.models import Technique
from bedside.checkins.models import Trackable
from bedside.circles.models import Circle, Membership

from .models import Experiment

EVERY_CHOICES = [
    (1, _("every evening")),
    (2, _("every other evening")),
    (3, _("every third evening")),
    (7, _("once a week")),
]


class LabelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class ExperimentForm(forms.Form):
    technique = LabelChoiceField(label=_("Technique"), queryset=Technique.objects.none())
    outcome = LabelChoiceField(label=_("What should it change?"), queryset=Trackable.objects.none())
    window = forms.ChoiceField(
        label=_("When would the change show?"),
        choices=[
            (Experiment.Window.NEXT_DAY, _("The next day (evenings in random pairs)")),
            (Experiment.Window.WEEK, _("Over a week or so (two-week on and off blocks)")),
        ],
        widget=forms.RadioSelect,
    )
    target_effect = forms.FloatField(
        label=_("The smallest change that would matter to you"),
        help_text=_("In the outcome's own units, e.g. 1 point on a 0–10 rating."),
        min_value=0.1,
        max_value=1000,
        widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
    )
    start_date = forms.DateField(
        label=_("First evening"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    time_of_day = forms.TimeField(
        label=_("At"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    who = forms.ChoiceField(label=_("Who gives it on experiment evenings"))
    every_days = forms.TypedChoiceField(
        label=_("In the ON weeks, how often (for week-long effects)"),
        choices=EVERY_CHOICES,
        coerce=int,
        initial=3,
        widget=forms.RadioSelect,
    )
    question = forms.CharField(
        label=_("The question, in your words (optional)"),
        required=False,
        max_length=200,
        help_text=_(
            "For example: does the chest massage gun make breathing easier the next morning?"
        ),
    )

    def __init__(
        self,
        *args: Any,
        circle: Circle,
        techniques: list[Technique],
        trackables: list[Trackable],
        members: list[Membership],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        technique = self.fields["technique"]
        assert isinstance(technique, LabelChoiceField)
        technique.queryset = Technique.objects.filter(pk__in=[t.pk for t in techniques])
        technique.choices = [("", "—"), *((t.pk, t.label) for t in techniques)]
        outcome = self.fields["outcome"]
        assert isinstance(outcome, LabelChoiceField)
        outcome.queryset = Trackable.objects.filter(pk__in=[t.pk for t in trackables])
        outcome.choices = [("", "—"), *((t.pk, t.label) for t in trackables)]
        self.members = {m.pk: m for m in members}
        who = self.fields["who"]
        assert isinstance(who, forms.ChoiceField)
        who.choices = who_choices(circle, members)

    def assignment(self) -> tuple[Membership | None, str]:
        """(assignee, assignee_role) from the "who" answer."""
        kind, _sep, rest = self.cleaned_data["who"].partition(":")
        if kind == "member":
            return self.members[int(rest)], ""
        if kind == "role":
            return None, rest
        return None, ""


def initial_from_query(query: Any, *, tomorrow: dt.date) -> dict[str, Any]:
    """Pre-fill from a finding's "Test it properly" link: ``?technique=&outcome=&window=&effect=``."""
    initial: dict[str, Any] = {
        "start_date": tomorrow,
        "time_of_day": dt.time(20, 0),
        "who": "anyone",
        "window": Experiment.Window.NEXT_DAY,
        "every_days": 3,
        "target_effect": 1.0,  # one point on a 0–10 rating: a change families notice
    }
    for key in ("technique", "outcome"):
        value = query.get(key, "")
        if value.isdigit():
            initial[key] = int(value)
    if query.get("window") in Experiment.Window.values:
        initial["window"] = query["window"]
    try:
        effect = abs(float(query.get("effect", "")))
    except ValueError:
        effect = 0.0
    if 0 < effect < 1000:
        initial["target_effect"] = round(effect, 1)
    return initial
