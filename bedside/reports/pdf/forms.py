"""The reports page's forms: the period (and paper size) of a report, and the family's text.

The period travels in the address (``?start=…&end=…``): two dates are not health data, and a
GET lets the preview and the PDF be bookmarked and reloaded. The family's text never does: it
is saved with a POST and read back from the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bedside.reports.models import REPORT_NOTE_MAX_CHARS, ReportNote

DEFAULT_DAYS = 90
# Two years: long enough for a yearly review with the year before it, short enough that a
# report stays a readable number of pages and renders in a few seconds.
MAX_DAYS = 731
PAPERS = (("letter", _("Letter (North America)")), ("a4", _("A4")))


@dataclass(frozen=True)
class Period:
    """A report's circle days, ``start`` to ``end`` inclusive."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def default_period(today: dt.date) -> Period:
    return Period(today - dt.timedelta(days=DEFAULT_DAYS - 1), today)


def _date(label: str, today: dt.date, initial: dt.date) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        initial=initial,
        widget=forms.DateInput(attrs={"type": "date", "max": today.isoformat()}, format="%Y-%m-%d"),
    )


class PeriodForm(forms.Form):
    """Which days a report covers. Empty fields take the default: the last 90 days."""

    def __init__(self, data: Any = None, *, today: dt.date) -> None:
        super().__init__(data)
        self.today = today
        default = default_period(today)
        self.fields["start"] = _date(str(_("From")), today, default.start)
        self.fields["end"] = _date(str(_("To (included)")), today, default.end)
        self.fields["paper"] = forms.ChoiceField(
            label=_("Paper size"), choices=PAPERS, required=False, initial="letter"
        )
        self.fields["name"] = forms.BooleanField(
            label=_("Put the person's name in the FHIR file"),
            required=False,
            help_text=_(
                "Without it the file names nobody, and the clinic matches it to the person's "
                "chart by hand."
            ),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        default = default_period(self.today)
        start = data.get("start") or default.start
        end = data.get("end") or (self.today if data.get("start") else default.end)
        if end > self.today:
            self.add_error("end", _("The period cannot end in the future."))
        elif start > end:
            self.add_error("start", _("The first day must come before the last day."))
        elif (end - start).days + 1 > MAX_DAYS:
            self.add_error(
                "start",
                _("A report covers at most %(days)d days (two years). Choose a shorter period.")
                % {"days": MAX_DAYS},
            )
        data["start"], data["end"] = start, end
        data["paper"] = data.get("paper") or "letter"
        return data

    @property
    def period(self) -> Period:
        """The chosen period; only valid after ``is_valid()`` returned True."""
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


class ReportNoteForm(forms.Form):
    kind = forms.ChoiceField(choices=ReportNote.Kind.choices, widget=forms.HiddenInput)
    text = forms.CharField(
        required=False,
        max_length=REPORT_NOTE_MAX_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _("Keep it under %(limit_value)d characters (it has %(show_value)d).")
        },
    )
