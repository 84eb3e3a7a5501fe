"""Every cell of the permission table (bedside/circles/roles.py), checked three ways.

1. ``role_can`` against the table written out here by hand, independently of ``PERMISSIONS``;
2. ``require`` (what every service calls first) for each member persona;
3. one real service or selector per action where it exists in the circles app (READ: the member
   list; INVITE: adding a member, inviting, changing the settings). PLAN, LOG, RATE and EXPORT
   services live in other apps and call the same ``require``; their own tests cover them.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from bedside.circles import selectors, services
from bedside.circles.access import require
from bedside.circles.models import Invitation, Membership, User
from bedside.circles.roles import PERMISSIONS, Action, Role, markdown_table, role_can

# The documented table, row by row (README.md shows the same).
EXPECTED: dict[str, set[str]] = {
    "person": {"read", "log", "rate", "plan", "invite", "export", "report", "erase"},
    "coordinator": {"read", "log", "rate", "plan", "invite", "export", "report", "erase"},
    "caregiver": {"read", "log", "rate"},
    "therapist": {"read", "log", "rate", "plan", "report"},
    "viewer": {"read"},
}
CELLS = [(role, action) for role in EXPECTED for action in Action.values]


def test_table_names_every_role_and_every_action():
    assert set(EXPECTED) == set(Role.values)
    assert set(PERMISSIONS) == set(Action)
    assert set().union(*EXPECTED.values()) == set(Action.values)


@pytest.mark.parametrize(("role", "action"), CELLS)
def test_role_can_matches_the_documented_table(role, action):
    assert role_can(role, Action(action)) is (action in EXPECTED[role])


def test_markdown_table_has_a_row_per_action_and_a_column_per_role():
    lines = markdown_table().splitlines()
    assert len(lines) == 2 + len(Action)
    assert all(line.count("|") == len(Role) + 2 for line in lines)
    caregiver_column = 1 + list(Role).index(Role.CAREGIVER)
    invite_row = next(line for line in lines if line.startswith("| invite"))
    assert invite_row.split("|")[caregiver_column + 1].strip() == "—"


@pytest.mark.datalayer
@pytest.mark.parametrize("role", EXPECTED)
def test_require_enforces_each_cell_of_the_role(personas, role):
    # One database set-up per role (not per cell) keeps this fast; every cell is still checked.
    user, wrong = personas.members()[role], []
    for action in Action:
        try:
            granted = require(user, personas.circle, action).role == role
        except PermissionDenied:
            granted = False
        if granted is not (action.value in EXPECTED[role]):
            wrong.append(f"{role} {'may' if granted else 'may not'} {action.value}")
    assert not wrong, wrong


@pytest.mark.datalayer
@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_non_members_are_told_the_circle_does_not_exist_for_every_action(personas, who):
    for action in Action:
        with pytest.raises(Http404):
            require(getattr(personas, who), personas.circle, action)


@pytest.mark.datalayer
def test_anonymous_user_is_refused_for_every_action(personas):
    from django.contrib.auth.models import AnonymousUser

    for action in Action:
        with pytest.raises(Http404):
            require(AnonymousUser(), personas.circle, action)  # type: ignore[arg-type]


@pytest.mark.datalayer
@pytest.mark.parametrize("role", EXPECTED)
def test_read_each_role_through_the_member_list(personas, role):
    # Every role may read: the member list selector answers for each of them.
    user = personas.members()[role]
    names = {m.user.username for m in selectors.members_of(circle=personas.circle, viewer=user)}
    assert user.username in names


@pytest.mark.datalayer
def test_read_is_refused_to_outsider_and_revoked_member(personas):
    for user in (personas.outsider, personas.revoked):
        with pytest.raises(Http404):
            selectors.members_of(circle=personas.circle, viewer=user)


def newcomer() -> User:
    return services.user_create(username="nora", password="a long test passphrase 42")


@pytest.mark.datalayer
@pytest.mark.parametrize("role", EXPECTED)
def test_invite_each_role_through_membership_add(personas, role):
    user, nora = personas.members()[role], newcomer()
    if "invite" in EXPECTED[role]:
        services.membership_add(actor=user, circle=personas.circle, user=nora, role="viewer")
        assert Membership.objects.filter(circle=personas.circle, user=nora).exists()
    else:
        with pytest.raises(PermissionDenied):
            services.membership_add(actor=user, circle=personas.circle, user=nora, role="viewer")
        assert not Membership.objects.filter(user=nora).exists()


@pytest.mark.datalayer
@pytest.mark.parametrize("role", EXPECTED)
def test_invite_each_role_through_invitation_create(personas, role):
    user = personas.members()[role]

    def create() -> Invitation:
        return services.invitation_create(
            actor=user,
            circle=personas.circle,
            email="nora@example.org",
            role="caregiver",
            accept_url=lambda token: token,
        )

    if "invite" in EXPECTED[role]:
        assert create().invited_by == user
    else:
        with pytest.raises(PermissionDenied):
            create()
        assert not Invitation.objects.exists()


@pytest.mark.datalayer
@pytest.mark.parametrize("role", EXPECTED)
def test_invite_right_also_governs_circle_settings(personas, role):
    user = personas.members()[role]

    def rename() -> None:
        services.circle_update(
            actor=user,
            circle=personas.circle,
            name="Renamed",
            timezone_name="America/Toronto",
            day_boundary=personas.circle.day_boundary,
        )

    if "invite" in EXPECTED[role]:
        rename()
        assert personas.circle.name == "Renamed"
    else:
        with pytest.raises(PermissionDenied):
            rename()


@pytest.mark.datalayer
@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_non_members_cannot_add_members(personas, who):
    nora = newcomer()
    with pytest.raises(Http404):
        services.membership_add(
            actor=getattr(personas, who), circle=personas.circle, user=nora, role="person"
        )
