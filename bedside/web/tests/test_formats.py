"""Dates, times and numbers in Canadian French follow Quebec usage (T12): "14 h 30"."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.utils import formats, translation


@pytest.mark.parametrize(
    ("time", "shown"),
    [(dt.time(14, 30), "14 h 30"), (dt.time(9, 5), "9 h 05"), (dt.time(0, 30), "0 h 30")],
)
def test_times_read_14_h_30_in_french(time, shown):
    with translation.override("fr-ca"):
        assert formats.time_format(time) == shown
        assert formats.time_format(time, "TIME_FORMAT") == shown


def test_english_times_are_unchanged():
    with translation.override("en"):
        assert formats.time_format(dt.time(14, 30)) == "2:30 p.m."


def test_dates_in_french():
    day = dt.date(2026, 11, 22)
    moment = dt.datetime(2026, 11, 22, 21, 15)
    with translation.override("fr-ca"):
        assert formats.date_format(day) == "22 novembre 2026"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "2026-11-22"
        assert formats.date_format(day, "MONTH_DAY_FORMAT") == "22 novembre"
        assert formats.date_format(moment, "DATETIME_FORMAT") == "22 novembre 2026, 21 h 15"
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "2026-11-22 21 h 15"


def test_numbers_use_a_decimal_comma_and_a_space_between_thousands():
    with translation.override("fr-ca"):
        assert formats.number_format(1234.5, decimal_pos=1, force_grouping=True) == "1\xa0234,5"


@pytest.mark.parametrize("typed", ["14 h 30", "14h30", "14:30"])
def test_french_forms_read_times_written_the_quebec_way(typed):
    with translation.override("fr-ca"):
        field = forms.TimeField(localize=True)
        assert field.clean(typed) == dt.time(14, 30)


def test_french_forms_still_read_iso_dates():
    with translation.override("fr-ca"):
        assert forms.DateField(localize=True).clean("2026-11-22") == dt.date(2026, 11, 22)
