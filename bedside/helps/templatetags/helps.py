"""Display helpers for experiments, in the viewer's language."""

from __future__ import annotations

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from ..models import Experiment
from ..writeups import writeup

register = template.Library()


@register.filter
def experiment_title(experiment: Experiment) -> str:
    return _("%(technique)s and %(outcome)s") % {
        "technique": experiment.technique.label,
        "outcome": experiment.outcome.label,
    }


@register.filter
def experiment_status(experiment: Experiment) -> str:
    dates = {
        "start": formats.date_format(experiment.start_date),
        "end": formats.date_format(experiment.end_date),
        "design": experiment.get_design_display(),
    }
    if experiment.status == Experiment.Status.RUNNING:
        return _("Running from %(start)s to %(end)s (%(design)s).") % dates
    if experiment.status == Experiment.Status.STOPPED:
        when = experiment.last_evening or experiment.start_date
        return _("Stopped early; last evening %(date)s.") % {"date": formats.date_format(when)}
    return _("Finished: %(start)s to %(end)s.") % dates


@register.filter
def experiment_headline(experiment: Experiment) -> str:
    return writeup(experiment, experiment.result).headline if experiment.result else ""
