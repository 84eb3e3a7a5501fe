"""Forms for the entry pages. They only collect input: the services check it and explain.

Numbers are text fields with a decimal keyboard (``inputmode``), not ``type=number``, so that
« 36,5 » typed the French way is read correctly by the service instead of refused by the browser.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from bedside.measures import BANDINGS

from .joints import JOINT_MOTIONS, Joint, Method, Motion, Position, Side
from .models import ALSFRSAssessment, BreathingTest, ProgressionSettings


def _decimal(label: str, help_text: str = "", required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def _day(today: dt.date) -> forms.DateField:
    return forms.DateField(
        label=_("Day"),
        initial=today,
        required=False,  # empty: today
        help_text=_("Today unless you change it."),
        widget=forms.DateInput(attrs={"type": "date", "max": today.isoformat()}, format="%Y-%m-%d"),
    )


def _motion_option(joint: str, motion: str) -> str:
    # The whole name on each option: a closed list shows the option without its group.
    return capfirst(
        _("%(joint)s, %(motion)s") % {"joint": Joint(joint).label, "motion": Motion(motion).label}
    )


def joint_motion_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Movements grouped by joint, so a movement always fits its joint (one control, no script)."""
    return [
        (
            capfirst(Joint(joint).label),
            [(f"{joint}:{motion}", _motion_option(joint, motion)) for motion in motions],
        )
        for joint, motions in JOINT_MOTIONS.items()
    ]


class JointRangeForm(forms.Form):
    joint_motion = forms.ChoiceField(label=_("Joint and movement"))
    side = forms.ChoiceField(label=_("Side"), choices=Side.choices, initial=Side.LEFT)
    method = forms.ChoiceField(
        label=_("Method"),
        choices=Method.choices,
        initial=Method.PASSIVE,
        widget=forms.RadioSelect,
        help_text=_("Passive range (moved by someone else) is what tracks stiffening joints."),
    )
    position = forms.ChoiceField(label=_("Position"), choices=Position.choices)
    start_deg = _decimal(
        _("Start (°)"),
        _("Where the movement starts, 0° being the anatomical position. Elbow 20–140° lacks 20°."),
    )
    end_deg = _decimal(_("End (°)"), _("Where the movement ends."))
    hyperextension = forms.BooleanField(
        label=_("The joint goes past neutral (hyperextension): the start is past the end"),
        required=False,
    )
    by_name = forms.CharField(label=_("Measured by (if not you)"), required=False, max_length=120)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"] = _day(today)
        self.order_fields(["day"])
        self.fields["joint_motion"].choices = joint_motion_choices()

    def split(self) -> tuple[str, str]:
        joint, _sep, motion = self.cleaned_data["joint_motion"].partition(":")
        return joint, motion


class BreathingTestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Test"), choices=BreathingTest.Kind.choices)
    value = _decimal(
        _("Result"), _("In the test's unit: %, seconds, count, L/min or words a minute.")
    )
    pace = _decimal(
        _("Pace (single-breath count only)"),
        _("Counts a second: the number counted divided by the seconds it took."),
        required=False,
    )
    posture = forms.ChoiceField(
        label=_("Posture"),
        choices=BreathingTest.Posture.choices,
        initial=BreathingTest.Posture.UPRIGHT,
        widget=forms.RadioSelect,
    )
    by_name = forms.CharField(label=_("Measured by (if not you)"), required=False, max_length=120)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"] = _day(today)
        self.order_fields(["day"])


class TotalForm(forms.Form):
    """A total without item scores: from a clinic letter or an older record."""

    total = _decimal(_("Total"))
    instrument = forms.ChoiceField(
        label=_("Scale"),
        choices=ALSFRSAssessment.InstrumentChoice.choices,
        initial=ALSFRSAssessment.InstrumentChoice.ALSFRS_R,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        help_text=_("For example: from the clinic visit, rated by the neurologist."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"] = _day(today)
        self.order_fields(["day"])


class SaveForm(forms.Form):
    """The summary's Save: the day (today unless changed) and an optional note."""

    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000)

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"] = _day(today)
        self.fields["day"].label = _("Day of the assessment")
        self.order_fields(["day"])


class SettingsForm(forms.Form):
    height_cm = _decimal(_("Height (cm)"), _("Used for the body mass index (BMI)."), required=False)
    alsfrs_every_days = forms.IntegerField(
        label=_("ALSFRS-R every … days"),
        help_text=_("When the next assessment is due after the last one. Monthly is usual."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    delta_fs_banding = forms.ChoiceField(
        label=_("ΔFS bands"),
        choices=ProgressionSettings.Banding.choices,
        widget=forms.RadioSelect,
        help_text=_("Papers draw the lines between slow and fast progression differently."),
    )

    @staticmethod
    def initial_from(settings: ProgressionSettings) -> dict[str, object]:
        height = settings.height_cm
        return {
            "height_cm": "" if height is None else f"{height:g}",
            "alsfrs_every_days": settings.alsfrs_every_days,
            "delta_fs_banding": settings.delta_fs_banding
            if settings.delta_fs_banding in BANDINGS
            else "kimura2006",
        }
