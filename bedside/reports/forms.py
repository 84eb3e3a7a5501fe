"""The upload form of the import and export page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One row per event with the columns date, time, kind, name, value, unit, by and note "
            "— the same format the CSV download uses. At most 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    create = forms.BooleanField(
        label=_("Create unknown techniques and trackables"),
        required=False,
        help_text=_(
            "Without this, a row naming a technique or trackable the circle does not have is an "
            "error."
        ),
    )

    def clean_file(self) -> str:
        """The file's text, or a message a person understands."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 5 MB. Split it into smaller files and import each.")
            )
        try:
            return str(upload.read().decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
            )
