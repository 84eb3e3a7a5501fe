"""``bedside experiments_finish``: finish home experiments whose last evening is over (cron).

The What helps pages do the same when they are opened; this keeps results on time for circles
nobody looks at. Safe to run any number of times.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from bedside.circles.models import Circle
from bedside.helps.models import Experiment
from bedside.helps.services import experiments_finish


class Command(BaseCommand):
    help = "Finish home experiments whose schedule is over and write their results."

    def handle(self, *args: Any, **options: Any) -> None:
        circles = Circle.objects.filter(experiments__status=Experiment.Status.RUNNING).distinct()
        done = sum(experiments_finish(circle) for circle in circles)
        self.stdout.write(f"{done} experiment(s) finished")
