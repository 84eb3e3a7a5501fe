"""Roles inside a care circle and what each may do.

This table is the single source of truth for permissions; README.md shows it to people and
``tests/test_permissions.py`` checks every cell. Services call :func:`can` before any write.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PERSON = "person", _("Person living with ALS")
    COORDINATOR = "coordinator", _("Coordinator")
    CAREGIVER = "caregiver", _("Caregiver")
    THERAPIST = "therapist", _("Therapist")
    VIEWER = "viewer", _("Viewer")


class Action(models.TextChoices):
    READ = "read", _("read the circle's record")
    LOG = "log", _("log care sessions and skip routines")
    RATE = "rate", _("record check-ins and measurements")
    PLAN = "plan", _("change the care plan, techniques and trackables")
    INVITE = "invite", _("invite and remove members")
    EXPORT = "export", _("import and export the record")
    REPORT = "report", _("make the PT and clinic reports")
    ERASE = "erase", _("erase the circle and everything in it")


P, C, G, T, V = Role.PERSON, Role.COORDINATOR, Role.CAREGIVER, Role.THERAPIST, Role.VIEWER

# Who may do what. The person with ALS holds every right over their own record, including
# sharing; caregivers may rate as a proxy (recorded as such); viewers only read.
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.READ: frozenset({P, C, G, T, V}),
    Action.LOG: frozenset({P, C, G, T}),
    Action.RATE: frozenset({P, C, G, T}),
    Action.PLAN: frozenset({P, C, T}),
    Action.INVITE: frozenset({P, C}),
    Action.EXPORT: frozenset({P, C}),
    # The therapist reads the PT report the family prepares, so may make it too; the FHIR and
    # CSV/JSON files (the whole record) stay with the person and the coordinator.
    Action.REPORT: frozenset({P, C, T}),
    # Erasing is the family's right over its own data (SECURITY.md); like exporting, it stays
    # with the person and the coordinator who acts for them.
    Action.ERASE: frozenset({P, C}),
}


def role_can(role: str, action: Action) -> bool:
    return Role(role) in PERMISSIONS[action]


def markdown_table() -> str:
    """The permission table as Markdown, for README.md (``python -c`` prints it)."""
    roles = list(Role)
    lines = [
        "| action | " + " | ".join(str(r.label) for r in roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for action in Action:
        marks = ["yes" if r in PERMISSIONS[action] else "—" for r in roles]
        lines.append(f"| {action.value}: {action.label} | " + " | ".join(marks) + " |")
    return "\n".join(lines)
