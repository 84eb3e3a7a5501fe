"""Views of the checkins app: the daily check-in, measurements and notes, the questions page."""

from .checkin import answer, checkin, proxy, same, undo
from .records import measurements_add, note_add, note_remove, observation_remove, records
from .trackables import (
    checkin_order,
    trackable_add,
    trackable_change,
    trackable_edit,
    trackable_rename,
    trackable_rescale,
    trackables,
)

__all__ = [
    "answer",
    "checkin",
    "checkin_order",
    "measurements_add",
    "note_add",
    "note_remove",
    "observation_remove",
    "proxy",
    "records",
    "same",
    "trackable_add",
    "trackable_change",
    "trackable_edit",
    "trackable_rename",
    "trackable_rescale",
    "trackables",
    "undo",
]
