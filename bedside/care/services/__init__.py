"""The write path for the care plan and the session log.

Every function checks the actor's role, runs in one transaction and writes an audit record
(system actions — making occurrences, closing days — are audited with no actor).
"""

from .checks import RatingInput
from .days import days_close, occurrences_ensure
from .log import (
    can_change_session,
    can_unskip,
    occurrence_done,
    occurrence_skip,
    occurrence_unskip,
    session_adjust,
    session_log,
    session_undo,
)
from .plan import (
    catalogue_install,
    routine_create,
    routine_end,
    routine_pause,
    routine_resume,
    routine_update,
    technique_create,
    technique_update,
)

__all__ = [
    "RatingInput",
    "can_change_session",
    "can_unskip",
    "catalogue_install",
    "days_close",
    "occurrence_done",
    "occurrence_skip",
    "occurrence_unskip",
    "occurrences_ensure",
    "routine_create",
    "routine_end",
    "routine_pause",
    "routine_resume",
    "routine_update",
    "session_adjust",
    "session_log",
    "session_undo",
    "technique_create",
    "technique_update",
]
