"""The only write path for this app's health data.

Every function is keyword-only, checks the actor's right in the circle (RATE for entries, PLAN
for settings), refuses bad input with a clear message and stores nothing then, runs in one
transaction and writes an audit record that names the row, never the values.
"""

from .alsfrs import (
    alsfrs_draft_answer,
    alsfrs_draft_discard,
    alsfrs_draft_for_person,
    alsfrs_draft_save,
    alsfrs_record,
    alsfrs_record_total,
    alsfrs_remove,
    clean_items,
)
from .common import is_proxy, may_remove
from .measures import (
    breathing_test_record,
    breathing_test_remove,
    joint_range_record,
    joint_range_remove,
    progression_settings_update,
)

__all__ = [
    "alsfrs_draft_answer",
    "alsfrs_draft_discard",
    "alsfrs_draft_for_person",
    "alsfrs_draft_save",
    "alsfrs_record",
    "alsfrs_record_total",
    "alsfrs_remove",
    "breathing_test_record",
    "breathing_test_remove",
    "clean_items",
    "is_proxy",
    "joint_range_record",
    "joint_range_remove",
    "may_remove",
    "progression_settings_update",
]
