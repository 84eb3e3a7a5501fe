"""Views of the care app: tonight's list and the session log (``tonight``), the plan (``plan``)."""

from .plan import (
    plan,
    routine_edit,
    routine_end,
    routine_new,
    routine_resume,
    technique_edit,
    technique_new,
    techniques,
)
from .tonight import adjust, done, log, row, skip, tonight, undo, unskip

__all__ = [
    "adjust",
    "done",
    "log",
    "plan",
    "routine_edit",
    "routine_end",
    "routine_new",
    "routine_resume",
    "row",
    "skip",
    "technique_edit",
    "technique_new",
    "techniques",
    "tonight",
    "undo",
    "unskip",
]
