"""Scoped reads for this app, and the check-in measurements it shows (read, never written).

Every public function takes the ``viewer``, calls ``require`` (404 for outsiders and revoked
members) and filters by the circle, so an id from a form never reaches another circle.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bedside.checkins.models import Observation, Trackable
from bedside.circles.access import active_membership, require
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, Role

from .models import ALSFRSAssessment, ALSFRSDraft, BreathingTest, JointRange, ProgressionSettings

# Check-in trackables this app reads, by their built-in key.
WEIGHT_KEY = "weight"
VENTILATOR_KEY = "ventilator-hours"
ELBOW_EXTENSION_KEY = "elbow-extension"


def _id(value: object) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise Http404("Not an id") from None
    if not 0 < number < 2**53:
        raise Http404("Not an id")
    return number


def assessments_for(*, circle: Circle, viewer: User) -> list[ALSFRSAssessment]:
    """Every ALSFRS-R record of the circle, oldest first."""
    require(viewer, circle, Action.READ)
    return list(
        ALSFRSAssessment.objects.filter(circle=circle)
        .select_related("rater__user")
        .order_by("day", "recorded_at", "id")
    )


def assessment_in(*, circle: Circle, viewer: User, assessment_id: object) -> ALSFRSAssessment:
    require(viewer, circle, Action.READ)
    found = ALSFRSAssessment.objects.filter(circle=circle, pk=_id(assessment_id)).first()
    if found is None:
        raise Http404("No such assessment")
    return found


def draft_for(*, circle: Circle, viewer: User) -> ALSFRSDraft | None:
    """The viewer's own unfinished ALSFRS-R entry, if any."""
    membership = require(viewer, circle, Action.READ)
    return ALSFRSDraft.objects.filter(circle=circle, membership=membership).first()


def joint_ranges_for(*, circle: Circle, viewer: User) -> QuerySet[JointRange]:
    require(viewer, circle, Action.READ)
    return JointRange.objects.filter(circle=circle).order_by("day", "recorded_at", "id")


def joint_range_in(*, circle: Circle, viewer: User, row_id: object) -> JointRange:
    require(viewer, circle, Action.READ)
    found = JointRange.objects.filter(circle=circle, pk=_id(row_id)).first()
    if found is None:
        raise Http404("No such measurement")
    return found


def breathing_tests_for(*, circle: Circle, viewer: User) -> QuerySet[BreathingTest]:
    require(viewer, circle, Action.READ)
    return BreathingTest.objects.filter(circle=circle).order_by("day", "recorded_at", "id")


def breathing_test_in(*, circle: Circle, viewer: User, row_id: object) -> BreathingTest:
    require(viewer, circle, Action.READ)
    found = BreathingTest.objects.filter(circle=circle, pk=_id(row_id)).first()
    if found is None:
        raise Http404("No such test")
    return found


def settings_for(*, circle: Circle, viewer: User) -> ProgressionSettings:
    """The circle's settings here; the defaults (unsaved) until someone changes them."""
    require(viewer, circle, Action.READ)
    found = ProgressionSettings.objects.filter(circle=circle).first()
    return found or ProgressionSettings(circle=circle)


def observations_with_key(*, circle: Circle, viewer: User, key: str) -> list[Observation]:
    """Check-in measurements of a built-in trackable (every version of it), oldest first."""
    require(viewer, circle, Action.READ)
    return list(
        Observation.objects.filter(
            circle=circle, trackable__key=key, trackable__kind=Trackable.Kind.MEASUREMENT
        )
        .select_related("trackable")
        .order_by("day", "recorded_at", "id")
    )


def length_measurements(*, circle: Circle, viewer: User) -> list[Observation]:
    """Check-in measurements in a unit of length (circumferences), oldest first."""
    require(viewer, circle, Action.READ)
    return list(
        Observation.objects.filter(
            circle=circle,
            trackable__kind=Trackable.Kind.MEASUREMENT,
            trackable__unit__in=["cm", "mm", "in"],
        )
        .select_related("trackable")
        .order_by("day", "recorded_at", "id")
    )


def person_name(*, circle: Circle, viewer: User) -> str:
    """Whom a proxy answers for: the circle's person living with ALS."""
    require(viewer, circle, Action.READ)
    person = (
        Membership.objects.filter(circle=circle, role=Role.PERSON, revoked_at__isnull=True)
        .select_related("user")
        .order_by("joined_at")
        .first()
    )
    return person.name if person else _("the person living with ALS")


def membership_of(*, circle: Circle, viewer: User) -> Membership | None:
    return active_membership(viewer, circle)
