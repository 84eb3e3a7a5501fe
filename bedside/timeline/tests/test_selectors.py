"""The timeline's scoped reads refuse non-members and never cross circles."""

from __future__ import annotations

import pytest
from django.http import Http404

from bedside.timeline import selectors

from .helpers import ago, close_occurrence, log_session, observe, write_note

pytestmark = pytest.mark.datalayer


def span(personas, viewer) -> dict[str, object]:
    circle = personas.circle
    return {"circle": circle, "viewer": viewer, "start": ago(circle, 7), "end": ago(circle, 0)}


@pytest.mark.parametrize(
    "read",
    [
        selectors.sessions_between,
        selectors.occurrences_between,
        selectors.observations_between,
        selectors.notes_between,
    ],
)
@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_non_members_are_refused(personas, read, who):
    with pytest.raises(Http404):
        read(**span(personas, getattr(personas, who)))
    with pytest.raises(Http404):
        selectors.first_day(circle=personas.circle, viewer=getattr(personas, who))


def test_reads_keep_to_the_circle_and_the_days_asked(personas):
    circle, other = personas.circle, personas.other_circle
    for target in (circle, other):
        log_session(target, ago(target, 1))
        observe(target, ago(target, 1), 5)
        write_note(target, ago(target, 1), "hello")
        close_occurrence(target, ago(target, 1), "missed")
    log_session(circle, ago(circle, 30))
    asked = span(personas, personas.viewer)
    assert [s.circle_id for s in selectors.sessions_between(**asked)] == [circle.pk]
    assert [o.circle_id for o in selectors.observations_between(**asked)] == [circle.pk]
    assert [n.circle_id for n in selectors.notes_between(**asked)] == [circle.pk]
    assert [o.circle_id for o in selectors.occurrences_between(**asked)] == [circle.pk]
    assert selectors.first_day(circle=circle, viewer=personas.viewer) == ago(circle, 30)


def test_first_day_of_an_empty_record_is_none(personas):
    assert selectors.first_day(circle=personas.circle, viewer=personas.person) is None
