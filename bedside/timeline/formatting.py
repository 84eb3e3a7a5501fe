"""How values, units, names and times read on the timeline and the charts (localized)."""

from __future__ import annotations

import datetime as dt

from django.utils import formats
from django.utils.translation import gettext as _

from bedside.checkins.models import Trackable
from bedside.circles.days import zone
from bedside.circles.models import Circle, Membership

NBSP = "\u00a0"

# Units as people read them; anything else is shown as typed.
UNIT_SYMBOLS = {"deg": "°", "0-10": ""}


def number(value: float, decimals: int = 2) -> str:
    """A localized number without useless decimals: 5, 5.5 (5,5 in French), 71.25.

    Values are shown as entered (up to two decimals); averages ask for one.
    """
    rounded = round(float(value), decimals)
    shown = next(d for d in range(decimals + 1) if abs(round(rounded, d) - rounded) < 1e-9)
    return formats.number_format(round(rounded, shown), shown)


def unit_symbol(trackable: Trackable) -> str:
    return UNIT_SYMBOLS.get(trackable.unit, trackable.unit)


def with_unit(value: float, trackable: Trackable, decimals: int = 2) -> str:
    """``71.5 kg``, ``35°``; a rating is just its number (the scale is named elsewhere)."""
    text = number(value, decimals)
    symbol = unit_symbol(trackable)
    if not symbol:
        return text
    return f"{text}{symbol}" if symbol == "°" else f"{text}{NBSP}{symbol}"


def scale_label(trackable: Trackable) -> str:
    """What the chart's y axis measures: ``0–10`` for ratings, the unit for measurements."""
    if trackable.kind == Trackable.Kind.RATING:
        return f"{number(trackable.min_value)}–{number(trackable.max_value)}"
    symbol = unit_symbol(trackable)
    return symbol or trackable.unit


def axis_label(trackable: Trackable) -> str:
    scale = scale_label(trackable)
    return f"{trackable.label} ({scale})" if scale else trackable.label


def member_name(membership: Membership | None, by_name: str) -> str:
    """Who did it: the member's name, else the free-text name (imports), else empty."""
    if membership is not None:
        return str(membership.user)
    return by_name


def local(circle: Circle, instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(zone(circle))


def time_label(circle: Circle, instant: dt.datetime) -> str:
    """The local time in the active language's format ("9:30 p.m.", "21 h 30")."""
    return formats.time_format(local(circle, instant), "TIME_FORMAT")


def day_label(day: dt.date) -> str:
    """A day heading: "Monday, Nov. 23, 2026" / "lundi 23 novembre 2026"."""
    return _("%(weekday)s, %(date)s") % {
        "weekday": formats.date_format(day, "l"),
        "date": formats.date_format(day, "DATE_FORMAT"),
    }


def long_day(day: dt.date) -> str:
    """A date in a table: "Nov. 23, 2026" / "23 novembre 2026"."""
    return formats.date_format(day, "DATE_FORMAT")


def short_day(day: dt.date) -> str:
    """A date on a chart axis: "November 23" / "23 novembre"."""
    return formats.date_format(day, "MONTH_DAY_FORMAT")
