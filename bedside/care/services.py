"""The write path for the care plan and the session log."""

from __future__ import annotations

from bedside.circles.models import Circle

from .catalogue import TECHNIQUE_LIST
from .models import Technique


def catalogue_install(circle: Circle) -> None:
    """Give a new circle its own copy of the technique catalogue."""
    Technique.objects.bulk_create(
        Technique(circle=circle, key=t.key, name=t.name) for t in TECHNIQUE_LIST
    )
