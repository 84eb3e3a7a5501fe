"""Progression pages: overview, ALSFRS-R entry and history, body measures, settings."""

from .alsfrs import answer as alsfrs_answer
from .alsfrs import discard as alsfrs_discard
from .alsfrs import entry as alsfrs_entry
from .alsfrs import history as alsfrs_history
from .alsfrs import proxy as alsfrs_proxy
from .alsfrs import remove as alsfrs_remove
from .alsfrs import save as alsfrs_save
from .alsfrs import total as alsfrs_total
from .measures import breathing, breathing_remove, joint_remove, joints, swelling, weight
from .overview import overview, settings

__all__ = [
    "alsfrs_answer",
    "alsfrs_discard",
    "alsfrs_entry",
    "alsfrs_history",
    "alsfrs_proxy",
    "alsfrs_remove",
    "alsfrs_save",
    "alsfrs_total",
    "breathing",
    "breathing_remove",
    "joint_remove",
    "joints",
    "overview",
    "settings",
    "swelling",
    "weight",
]
