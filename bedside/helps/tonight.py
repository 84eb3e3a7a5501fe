"""Experiment evenings on tonight's list (registered in ``bedside.care.selectors.TONIGHT_NOTES``).

An evening with a session planned is also an occurrence of the experiment's routine (done in one
activation like any other); the note marks it. An OFF evening is an instruction, never an item
that could be missed: giving the technique anyway is logged as usual and counts against the
schedule's adherence.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from bedside.care.selectors import TonightNote
from bedside.circles.models import Circle, Membership

from .models import Experiment, ExperimentNight
from .words import lower_first


def technique_words(experiment: Experiment) -> str:
    technique = experiment.technique
    return lower_first(technique.label) if technique.is_catalogue else technique.label


def experiment_notes(circle: Circle, membership: Membership, day: dt.date) -> list[TonightNote]:
    nights = ExperimentNight.objects.filter(
        circle=circle, day=day, experiment__status=Experiment.Status.RUNNING
    ).select_related("experiment__technique")
    notes = []
    for night in nights:
        experiment = night.experiment
        what = {"technique": technique_words(experiment)}
        url = reverse("helps:experiment", args=[circle.slug, experiment.pk])
        link = _("About this experiment")
        if night.session:
            notes.append(
                TonightNote(
                    _("Experiment night: do the %(technique)s.") % what,
                    "on",
                    experiment.routine_id,
                    url,
                    link,
                )
            )
        elif experiment.design == Experiment.Design.PAIRS:
            notes.append(
                TonightNote(
                    _("Experiment night: no %(technique)s tonight.") % what, "off", None, url, link
                )
            )
        else:
            block_end = experiment.start_date + dt.timedelta(
                days=(night.unit + 1) * experiment.block_days - 1
            )
            until = {**what, "date": formats.date_format(block_end, "DATE_FORMAT")}
            text = (
                _("Experiment: these are %(technique)s weeks, but no session is planned tonight.")
                if night.on
                else _("Experiment: no %(technique)s until %(date)s, even if it seems needed.")
            )
            notes.append(TonightNote(text % until, "on" if night.on else "off", None, url, link))
    return notes
