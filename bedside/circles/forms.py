"""Forms for circle set-up, members, invitations and accounts. Validation only: services write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .models import Circle, User, validate_timezone
from .roles import Role
from .services import FOUNDING_ROLES

# Time zones most Bedside families live in; any other IANA name can be typed.
COMMON_ZONES: list[tuple[str, Any]] = [
    ("America/St_Johns", _("Newfoundland (St. John's)")),
    ("America/Halifax", _("Atlantic (Halifax)")),
    ("America/Moncton", _("Atlantic (Moncton)")),
    ("America/Toronto", _("Eastern (Toronto, Montréal, Québec)")),
    ("America/New_York", _("Eastern (New York, Boston)")),
    ("America/Winnipeg", _("Central (Winnipeg)")),
    ("America/Chicago", _("Central (Chicago)")),
    ("America/Regina", _("Saskatchewan (Regina)")),
    ("America/Edmonton", _("Mountain (Edmonton, Calgary)")),
    ("America/Denver", _("Mountain (Denver)")),
    ("America/Phoenix", _("Arizona (Phoenix)")),
    ("America/Vancouver", _("Pacific (Vancouver)")),
    ("America/Los_Angeles", _("Pacific (Los Angeles)")),
    ("America/Anchorage", _("Alaska (Anchorage)")),
    ("Pacific/Honolulu", _("Hawaii (Honolulu)")),
    ("Europe/London", _("United Kingdom and Ireland (London)")),
    ("Europe/Paris", _("Central Europe (Paris, Brussels, Berlin)")),
    ("Australia/Sydney", _("Eastern Australia (Sydney)")),
]
COMMON_ZONE_IDS = {zone for zone, _label in COMMON_ZONES}
# When the family's day ends: midnight to noon, on the hour.
BOUNDARY_HOURS = range(0, 13)


def _zone_choices() -> list[tuple[str, str]]:
    return [(zone, f"{label} — {zone}") for zone, label in COMMON_ZONES] + [
        ("", str(_("Another time zone (type its name below)")))
    ]


def _boundary_choices(current: dt.time | None) -> list[tuple[str, str]]:
    times = [dt.time(h, 0) for h in BOUNDARY_HOURS]
    if current is not None and current not in times:
        times = sorted([*times, current])
    return [(t.strftime("%H:%M"), formats.time_format(t)) for t in times]


class CircleSettingsFields(forms.Form):
    """Name, time zone (a list plus any IANA name) and day boundary, shared by both forms."""

    name = forms.CharField(
        label=_("Name of the circle"),
        max_length=120,
        help_text=_("Shown only to the circle's members, for example “Theo's care”."),
    )
    timezone_choice = forms.ChoiceField(label=_("Time zone"), required=False)
    timezone_other = forms.CharField(
        label=_("Other time zone"),
        required=False,
        max_length=64,
        help_text=_(
            "Its international name, for example Europe/Zurich. Leave empty to use the list."
        ),
    )
    day_boundary = forms.TypedChoiceField(
        label=_("The day starts at"),
        coerce=lambda value: dt.time.fromisoformat(value),
        help_text=_(
            "Care given before this time counts for the evening before: a massage at 00:30 "
            "belongs to last night."
        ),
    )

    def __init__(self, *args: Any, current: Circle | None = None, **kwargs: Any) -> None:
        if current is not None:
            zone = current.timezone
            kwargs.setdefault(
                "initial",
                {
                    "name": current.name,
                    "timezone_choice": zone if zone in COMMON_ZONE_IDS else "",
                    "timezone_other": "" if zone in COMMON_ZONE_IDS else zone,
                    "day_boundary": current.day_boundary.strftime("%H:%M"),
                    "symptom_onset": current.symptom_onset,
                    "diagnosis_date": current.diagnosis_date,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["timezone_choice"].choices = _zone_choices()
        self.fields["timezone_other"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false"}
        )
        self.fields["day_boundary"].choices = _boundary_choices(
            current.day_boundary if current is not None else None
        )

    def clean_timezone_other(self) -> str:
        value: str = self.cleaned_data["timezone_other"].strip()
        if value:
            try:
                validate_timezone(value)
            except ValidationError:
                raise ValidationError(
                    _(
                        "“%(tz)s” is not a time zone name we know. Check the spelling, e.g. America/Toronto."
                    ),
                    params={"tz": value},
                ) from None
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone = data.get("timezone_other") or data.get("timezone_choice")
        if "timezone_other" in data and not zone:
            self.add_error("timezone_choice", _("Choose a time zone from the list or type one."))
        data["timezone"] = zone
        return data


class CircleNewForm(CircleSettingsFields):
    role = forms.ChoiceField(
        label=_("You are"),
        widget=forms.RadioSelect,
        choices=[
            (Role.PERSON, _("the person living with ALS")),
            (Role.COORDINATOR, _("coordinating the care of someone living with ALS")),
        ],
        initial=Role.COORDINATOR,
    )
    field_order = ["name", "role", "timezone_choice", "timezone_other", "day_boundary"]

    def clean_role(self) -> str:
        role: str = self.cleaned_data["role"]
        if role not in FOUNDING_ROLES:
            raise ValidationError(_("Choose one of the roles offered."))
        return role


def _not_in_future(value: dt.date | None) -> dt.date | None:
    if value is not None and value > timezone.localdate():
        raise ValidationError(_("This date is in the future."))
    return value


class CircleSettingsForm(CircleSettingsFields):
    symptom_onset = forms.DateField(
        label=_("First symptoms (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Used for the rate of progression (ΔFS) in reports."),
    )
    diagnosis_date = forms.DateField(
        label=_("Diagnosis (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_symptom_onset(self) -> dt.date | None:
        return _not_in_future(self.cleaned_data["symptom_onset"])

    def clean_diagnosis_date(self) -> dt.date | None:
        return _not_in_future(self.cleaned_data["diagnosis_date"])


def role_choices() -> list[tuple[str, Any]]:
    return list(Role.choices)


class CircleEraseForm(forms.Form):
    name = forms.CharField(
        label=_("Type the circle's name to confirm"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Their e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Their role"), choices=role_choices, initial=Role.CAREGIVER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=role_choices)


class SignUpForm(forms.Form):
    """A new account from an invitation. Paste and password managers are welcome (WCAG 3.3.8)."""

    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_("You sign in with it. Letters, digits and @ . + - _ only."),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    display_name = forms.CharField(
        label=_("Your name as the circle sees it"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not a common password. A long phrase is best."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        UnicodeUsernameValidator()(username)
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("That user name is taken."))
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(
                username=data.get("username", ""), display_name=data.get("display_name", "")
            )
            try:
                validate_password(first, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return data
