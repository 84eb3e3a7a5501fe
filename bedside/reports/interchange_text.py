"""The interchange parser's problems, translated for people (the parser itself is pure English).

Keep the templates here identical to ``bedside.interchange.MESSAGES``; a test checks that every
code has a translation.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bedside.interchange import Problem, RowError

MESSAGES: dict[str, Promise] = {
    "header": _("the header must name the columns %(columns)s; missing: %(missing)s"),
    "empty_file": _("the file has a header but no events"),
    "extra_cells": _("more cells than columns in the header"),
    "date": _("date %(value)r is not a date like 2026-03-14"),
    "time": _("time %(value)r is not a time like 21:30"),
    "kind": _("unknown kind %(value)r (use one of: %(kinds)s)"),
    "name": _("name is empty"),
    "number": _("value %(value)r is not a number (use a dot: 3.5)"),
    "needs_value": _("a %(kind)s needs a value"),
    "note_text": _("a note row needs text in the note column"),
    "minutes": _("minutes %(value)s out of range (1–%(max)s)"),
    "session_unit": _("a session's value is minutes: unit %(unit)r should be 'min'"),
    "rating_unit": _("a rating's unit must be a scale like 0-10, not %(unit)r"),
    "rating_range": _("rating %(value)s out of range (%(low)s–%(high)s)"),
    "measurement_unit": _("a measurement needs a unit (cm, deg, kg, h, %%, s …)"),
    "no_value": _("a %(kind)s row has no value (found %(value)s)"),
    "pair_format": _("%(column)s: %(part)r is not written like 'breathing ease=4'"),
    "pair_value": _("%(column)s: the value %(value)r for %(name)s is not a number"),
}


def problem_text(problem: Problem) -> str:
    return str(MESSAGES[problem.code]) % dict(problem.params)


def translated(error: RowError) -> RowError:
    """The same row error with its message in the active language."""
    if not error.problems:
        return error  # made by the importer, already translated
    message = "; ".join(problem_text(p) for p in error.problems)
    return RowError(error.line, message, error.problems)
