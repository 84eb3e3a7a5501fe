"""``bedside close_days``: mark yesterday's undone care as missed in every circle (for cron).

Safe to run as often as you like (every hour is plenty): a day is closed once, at the circle's
own day boundary in its own time zone. Tonight's list also closes days lazily when opened.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from bedside.care.services import days_close, occurrences_ensure
from bedside.circles.days import today
from bedside.circles.models import Circle


class Command(BaseCommand):
    help = "Mark care not done by each circle's day boundary as missed (run hourly from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        missed = 0
        for circle in Circle.objects.order_by("pk").iterator():
            missed += days_close(circle, now)
            occurrences_ensure(circle, today(circle, now))
        if options["verbosity"] > 0:
            self.stdout.write(f"{missed} occurrence(s) marked missed")
