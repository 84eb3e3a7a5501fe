"""Circle set-up and settings, members and invitations, the audit trail.

Thin views: ``circle_page`` resolves the circle and checks the role (404 for outsiders), the
form validates, a service writes. Account and invitation-link pages are in ``account_views``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from bedside.web.pages import circle_context, circle_page

from . import selectors, services
from .forms import CircleEraseForm, CircleNewForm, CircleSettingsForm, InviteForm, RoleForm
from .labels import action_label
from .models import AuditEvent, Circle, Invitation, Membership, User
from .roles import PERMISSIONS, Action, Role, role_can

AUDIT_PAGE_SIZE = 100


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_http_methods(["GET", "POST"])
def circle_new(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = CircleNewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            circle = services.circle_create(
                actor=user,
                name=data["name"],
                role=data["role"],
                timezone_name=data["timezone"],
                day_boundary=data["day_boundary"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your circle is ready. Now invite the people who help."))
            return redirect("members", circle.slug)
    status = 400 if form.errors else 200
    return render(request, "circles/circle_new.html", {"form": form}, status=status)


@circle_page(Action.INVITE)
@require_http_methods(["GET", "POST"])
def circle_settings(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    form = CircleSettingsForm(request.POST or None, current=circle)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.circle_update(
                actor=request.user,  # type: ignore[arg-type]
                circle=circle,
                name=data["name"],
                timezone_name=data["timezone"],
                day_boundary=data["day_boundary"],
                symptom_onset=data["symptom_onset"],
                diagnosis_date=data["diagnosis_date"],
            )
        except ValidationError as error:
            circle.refresh_from_db()
            form.add_error(None, error)
        else:
            messages.success(request, _("Circle settings saved."))
            return redirect("circle_settings", circle.slug)
    return render(
        request,
        "circles/circle_settings.html",
        circle_context(
            circle, membership, form=form, can_erase=role_can(membership.role, Action.ERASE)
        ),
        status=400 if form.errors else 200,
    )


# What the erase page names by kind; everything else is in the total.
ERASE_KINDS = (
    ("care.session", gettext_lazy("care sessions")),
    ("checkins.observation", gettext_lazy("check-in answers and measurements")),
    ("progression.alsfrsassessment", gettext_lazy("ALSFRS-R assessments")),
    ("circles.membership", gettext_lazy("members, past and present")),
)


@circle_page(Action.ERASE)
@require_http_methods(["GET", "POST"])
def circle_erase(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = CircleEraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        name = circle.name
        try:
            services.circle_erase(actor=user, circle=circle, typed_name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(
                request, _("“%(name)s” and everything in it were erased.") % {"name": name}
            )
            return redirect("home")
    holdings = selectors.circle_holdings(circle=circle, viewer=user)
    kinds = [(label, holdings.get(key, 0)) for key, label in ERASE_KINDS]
    context = circle_context(
        circle, membership, form=form, kinds=kinds, total=sum(holdings.values())
    )
    return render(request, "circles/circle_erase.html", context, status=400 if form.errors else 200)


def _invitation_link(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("invitation_accept", args=[token]))


def _permission_rows() -> list[dict[str, Any]]:
    """The permission table of ``roles.py``, for the page that explains roles."""
    return [
        {"action": action, "allowed": [role in PERMISSIONS[action] for role in Role]}
        for action in Action
    ]


def _members_page(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    *,
    invite_form: InviteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer: User = request.user  # type: ignore[assignment]
    can_invite = role_can(membership.role, Action.INVITE)
    members = list(selectors.members_of(circle=circle, viewer=viewer))
    # Offer only what the services will allow: a person's place is theirs alone to change.
    changeable = {
        m.pk
        for m in members
        if can_invite and (m.role != Role.PERSON or membership.role == Role.PERSON)
    }
    context = circle_context(
        circle,
        membership,
        members=members,
        changeable=changeable,
        can_invite=can_invite,
        roles=list(Role),
        role_choices=Role.choices,
        permission_rows=_permission_rows(),
    )
    if can_invite:
        invitations = selectors.open_invitations(circle=circle, viewer=viewer)
        context.update(
            invite_form=invite_form or InviteForm(),
            invitations=[(i, _invitation_link(request, i.token)) for i in invitations],
            former=selectors.former_members(circle=circle, viewer=viewer),
        )
    return render(request, "circles/members.html", context, status=status)


@circle_page()
@require_http_methods(["GET"])
def members(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _members_page(request, circle, membership)


@circle_page(Action.INVITE)
@require_POST
def member_invite(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _members_page(request, circle, membership, invite_form=form, status=400)
    email = form.cleaned_data["email"]
    try:
        invitation = services.invitation_create(
            actor=request.user,  # type: ignore[arg-type]
            circle=circle,
            email=email,
            role=form.cleaned_data["role"],
            accept_url=lambda token: _invitation_link(request, token),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _members_page(request, circle, membership, invite_form=form, status=400)
    if invitation.mail_sent is False:
        messages.warning(
            request,
            _(
                "The invitation is saved, but the e-mail to %(email)s could not be sent. Copy "
                "the invitation link below and send it yourself."
            )
            % {"email": email},
        )
    elif invitation.mail_sent:
        messages.success(
            request,
            _("Invitation sent to %(email)s. You can also copy the link below.") % {"email": email},
        )
    else:
        messages.success(request, _("Invitation saved. Copy the link below to pass it on."))
    return redirect(reverse("members", args=[circle.slug]) + "#invitations")


def _member(request: HttpRequest, circle: Circle, membership_id: int) -> Membership:
    return selectors.membership_in(
        circle=circle,
        viewer=request.user,  # type: ignore[arg-type]
        membership_id=membership_id,
    )


@circle_page(Action.INVITE)
@require_POST
def member_role(
    request: HttpRequest, circle: Circle, membership: Membership, membership_id: int
) -> HttpResponse:
    member = _member(request, circle, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles offered."))
        return redirect("members", circle.slug)
    try:
        services.membership_change_role(
            actor=request.user,  # type: ignore[arg-type]
            membership=member,
            role=form.cleaned_data["role"],
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(
            request, _errors(error) if isinstance(error, ValidationError) else str(error)
        )
    else:
        messages.success(
            request,
            _("%(name)s is now: %(role)s.")
            % {"name": member.name, "role": member.get_role_display()},
        )
    return redirect("members", circle.slug)


@circle_page(Action.INVITE)
@require_POST
def member_remove(
    request: HttpRequest, circle: Circle, membership: Membership, membership_id: int
) -> HttpResponse:
    member = _member(request, circle, membership_id)
    try:
        services.membership_revoke(actor=request.user, membership=member)  # type: ignore[arg-type]
    except (ValidationError, PermissionDenied) as error:
        messages.error(
            request, _errors(error) if isinstance(error, ValidationError) else str(error)
        )
        return redirect("members", circle.slug)
    if member.pk == membership.pk:
        messages.success(request, _("You have left %(circle)s.") % {"circle": circle.name})
        return redirect("home")
    messages.success(
        request,
        _(
            "%(name)s was removed and can no longer see the circle. To undo, use “Add back” "
            "under Former members."
        )
        % {"name": member.name},
    )
    return redirect(reverse("members", args=[circle.slug]) + "#former")


@circle_page(Action.INVITE)
@require_POST
def member_restore(
    request: HttpRequest, circle: Circle, membership: Membership, membership_id: int
) -> HttpResponse:
    member = _member(request, circle, membership_id)
    services.membership_restore(actor=request.user, membership=member)  # type: ignore[arg-type]
    messages.success(
        request,
        _("%(name)s is back in the circle as: %(role)s.")
        % {"name": member.name, "role": member.get_role_display()},
    )
    return redirect("members", circle.slug)


@circle_page(Action.INVITE)
@require_POST
def invitation_cancel(
    request: HttpRequest, circle: Circle, membership: Membership, invitation_id: int
) -> HttpResponse:
    invitation = selectors.invitation_in(
        circle=circle,
        viewer=request.user,  # type: ignore[arg-type]
        invitation_id=invitation_id,
    )
    services.invitation_cancel(actor=request.user, invitation=invitation)  # type: ignore[arg-type]
    messages.success(
        request,
        _("The invitation to %(email)s is cancelled; its link no longer works.")
        % {"email": invitation.email},
    )
    return redirect(reverse("members", args=[circle.slug]) + "#invitations")


def _target_names(circle: Circle, events: list[AuditEvent]) -> dict[str, str]:
    """Who a membership or invitation record is about (names and addresses, never health data)."""
    ids: dict[str, set[int]] = {"membership": set(), "invitation": set()}
    for event in events:
        kind, _sep, pk = event.target.partition(":")
        if kind in ids and pk.isdigit():
            ids[kind].add(int(pk))
    names = {
        f"membership:{m.pk}": m.name
        for m in Membership.objects.filter(circle=circle, pk__in=ids["membership"]).select_related(
            "user"
        )
    }
    names.update(
        (f"invitation:{i.pk}", i.email)
        for i in Invitation.objects.filter(circle=circle, pk__in=ids["invitation"])
    )
    return names


@circle_page(Action.INVITE)
@require_http_methods(["GET"])
def audit_trail(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    events = selectors.audit_trail(circle=circle, viewer=request.user)  # type: ignore[arg-type]
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    names = _target_names(circle, list(page))
    rows = [(event, action_label(event.action), names.get(event.target, "")) for event in page]
    return render(
        request, "circles/audit.html", circle_context(circle, membership, page=page, rows=rows)
    )
