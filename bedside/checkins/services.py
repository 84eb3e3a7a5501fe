"""The write path for trackables, check-ins, measurements and notes."""

from __future__ import annotations

from bedside.circles.models import Circle

from .catalogue import DEFAULTS
from .models import Trackable


def trackables_install(circle: Circle) -> None:
    """Give a new circle the default trackables (called inside ``circle_create``'s transaction)."""
    Trackable.objects.bulk_create(
        Trackable(
            circle=circle,
            key=d.key,
            name=d.key.replace("-", " "),
            kind=d.kind,
            unit=d.unit,
            min_value=d.min_value,
            max_value=d.max_value,
            direction=d.direction,
            in_checkin=d.in_checkin,
            position=i,
        )
        for i, d in enumerate(DEFAULTS)
    )
