"""The JSON export's ``experiments`` section (registered in ``reports.exporter.JSON_SECTIONS``).

Each experiment with its schedule and stored result; people are member ids, like the rest of
the export. The cached analysis and weekly runs are left out: they are recomputed from the log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bedside.circles.models import Circle, Membership

from .models import Experiment


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def experiments_for_export(circle: Circle) -> list[dict[str, Any]]:
    members = dict(Membership.objects.filter(circle=circle).values_list("user_id", "pk"))
    out = []
    for e in Experiment.objects.filter(circle=circle).order_by("pk").prefetch_related("nights"):
        out.append(
            {
                "id": e.pk,
                "technique": e.technique_id,
                "outcome": e.outcome_id,
                "window": e.window,
                "design": e.design,
                "units": e.units,
                "block_days": e.block_days,
                "every_days": e.every_days,
                "washout_days": e.washout_days,
                "seed": e.seed,
                "start_date": _plain(e.start_date),
                "end_date": _plain(e.end_date),
                "status": e.status,
                "question": e.question,
                "target_effect": e.target_effect,
                "noise": e.noise,
                "planned_power": e.planned_power,
                "routine": e.routine_id,
                "paused_routines": e.paused_routines,
                "assignee": e.assignee_id,
                "started_by": members.get(e.started_by_id),
                "started_at": _plain(e.started_at),
                "stopped_by": members.get(e.stopped_by_id),
                "stopped_at": _plain(e.stopped_at),
                "last_evening": _plain(e.last_evening),
                "result": e.result,
                "nights": [
                    {"day": _plain(n.day), "unit": n.unit, "on": n.on, "session": n.session}
                    for n in e.nights.all()
                ],
            }
        )
    return out
