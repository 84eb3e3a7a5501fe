"""Pages about one's own account, and the invitation link (the one circle page open to anyone).

The invitation page is public by necessity: the invitee has no account yet. The secret token
in the link is the credential; an unknown token shows nothing about any circle.
"""

from __future__ import annotations

import zoneinfo

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .access import active_membership
from .audit import audit
from .forms import SignUpForm
from .labels import action_label
from .models import Invitation, User

INVALID_MESSAGES = {
    "accepted": gettext_lazy(
        "This invitation has already been used. If it was you, sign in; otherwise ask the "
        "person who invited you for a new one."
    ),
    "cancelled": gettext_lazy(
        "This invitation was cancelled. Ask the person who invited you for a new one."
    ),
    "expired": gettext_lazy(
        "This invitation has expired. Ask the person who invited you for a new one."
    ),
}


def _invalid(request: HttpRequest, invitation: Invitation | None) -> HttpResponse:
    if invitation is None:
        title = _("This invitation link does not work")
        message = _(
            "Check that you copied the whole link from the e-mail, or ask the person who "
            "invited you for a new one."
        )
        status = 404
    else:
        title = _("This invitation can no longer be used")
        message = str(INVALID_MESSAGES[invitation.status])
        status = 410
    return render(
        request,
        "circles/invitation_invalid.html",
        {"title": title, "message": message},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_by_token(token=token)
    user = request.user if request.user.is_authenticated else None
    if invitation is not None and user is not None and invitation.accepted_by_id == user.pk:
        if active_membership(user, invitation.circle) is not None:  # type: ignore[arg-type]
            return redirect("circle", invitation.circle.slug)  # opened the e-mail link again
    if invitation is None or not invitation.is_open:
        return _invalid(request, invitation)

    form = None
    if user is None:
        form = SignUpForm(request.POST or None)
    if request.method == "POST":
        try:
            if user is not None:
                membership = services.invitation_accept(user=user, token=token)  # type: ignore[arg-type]
            elif form is not None and form.is_valid():
                membership = services.invitation_sign_up(
                    token=token,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password1"],
                    display_name=form.cleaned_data["display_name"],
                )
                login(request, membership.user)
                audit(actor=membership.user, circle=None, action="login")
            else:
                membership = None
        except PermissionDenied:  # used or cancelled between showing the page and the click
            invitation.refresh_from_db()
            return _invalid(request, invitation)
        except ValidationError as error:
            if form is None:
                raise
            form.add_error(None, error)
            membership = None
        if membership is not None:
            messages.success(
                request,
                _("Welcome to %(circle)s. You are in as: %(role)s.")
                % {"circle": membership.circle.name, "role": membership.get_role_display()},
            )
            return redirect("circle", membership.circle.slug)

    sign_in = reverse("login") + "?" + urlencode({"next": request.path})
    return render(
        request,
        "circles/invitation.html",
        {"invitation": invitation, "form": form, "sign_in_url": sign_in},
        status=400 if form is not None and form.errors else 200,
    )


def _account_zone(user: User) -> zoneinfo.ZoneInfo:
    """Times on the account page in the time zone of the user's first circle (else UTC)."""
    circle = selectors.circles_for(viewer=user).first()
    return zoneinfo.ZoneInfo(circle.timezone if circle else "UTC")


def _quiet_password_form(form: PasswordChangeForm) -> PasswordChangeForm:
    # A page that jumps focus into a field surprises screen-reader and switch users.
    form.fields["old_password"].widget.attrs.pop("autofocus", None)
    return form


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = _quiet_password_form(PasswordChangeForm(user, request.POST or None))
    if request.method == "POST" and form.is_valid():
        services.user_set_password(user=user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, user)  # stay signed in here; other sessions end
        messages.success(
            request, _("Password changed. Other devices signed in to your account are signed out.")
        )
        return redirect("account")
    events = [
        (event, action_label(event.action)) for event in selectors.account_events(viewer=user)
    ]
    return render(
        request,
        "circles/account.html",
        {"form": form, "events": events, "zone": _account_zone(user)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    services.user_sign_out_everywhere(user=user)
    update_session_auth_hash(request, user)
    messages.success(
        request, _("Every other device signed in to your account has been signed out.")
    )
    return redirect("account")
