"""Pages that are not about one circle's record: sign-in, home, settings, the circle overview."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from bedside.circles.audit import audit
from bedside.circles.client_address import client_address
from bedside.circles.models import Circle, LoginFailure, Membership, User
from bedside.circles.selectors import circles_for

from .pages import circle_context, circle_page


def throttled(username: str, ip: str | None) -> str | None:
    """Why a sign-in is refused before the password is even checked, or None.

    At most ``BEDSIDE_LOGIN_FAILURES_PER_HOUR`` failures per account per hour, and
    ``BEDSIDE_LOGIN_FAILURES_PER_IP`` per network address per quarter hour (one address
    guessing many accounts).
    """
    now = timezone.now()
    LoginFailure.objects.filter(at__lt=now - dt.timedelta(hours=1)).delete()
    recent = LoginFailure.objects.filter(at__gte=now - dt.timedelta(hours=1))
    if recent.filter(username__iexact=username).count() >= settings.BEDSIDE_LOGIN_FAILURES_PER_HOUR:
        return _("Too many failed attempts. Try again in an hour.")
    from_ip = recent.filter(ip=ip, at__gte=now - dt.timedelta(minutes=15)) if ip else None
    if from_ip is not None and from_ip.count() >= settings.BEDSIDE_LOGIN_FAILURES_PER_IP:
        return _("Too many failed attempts from this connection. Try again in 15 minutes.")
    return None


def safe_next(request: HttpRequest) -> str:
    """Where to go after signing in: ``?next=`` if it stays on this site, else home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    # Password managers and paste are welcome (WCAG 3.3.8): no puzzles, no paste blocking.
    form.fields["username"].widget.attrs.update({"autocomplete": "username"})
    form.fields["password"].widget.attrs.update({"autocomplete": "current-password"})
    if request.method == "POST":
        username = request.POST.get("username", "")[:150]
        ip = client_address(request.META)
        refusal = throttled(username, ip)
        if refusal:
            # Refused before the password is checked: a guess here learns nothing.
            form = AuthenticationForm(request)
            form.fields["username"].widget.attrs.update({"autocomplete": "username"})
            form.fields["password"].widget.attrs.update({"autocomplete": "current-password"})
            return render(request, "web/login.html", {"form": form, "refusal": refusal})
        if form.is_valid():
            login(request, form.get_user())
            audit(actor=form.get_user(), circle=None, action="login")
            return redirect(safe_next(request))
        LoginFailure.objects.create(username=username, ip=ip)
        audit(actor=None, circle=None, action="login.failed", target=f"username:{username[:60]}")
    return render(request, "web/login.html", {"form": form})


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    circles = list(circles_for(viewer=request.user))  # type: ignore[arg-type]
    if len(circles) == 1:
        return redirect("circle", circles[0].slug)
    return render(request, "web/home.html", {"circles": circles})


class PreferencesForm(forms.Form):
    display_name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=120,
        required=False,
        help_text=gettext_lazy("Shown to the people in your circles next to what you record."),
    )
    dwell_ms = forms.TypedChoiceField(
        label=gettext_lazy("Dwell clicking"),
        coerce=int,
        choices=[
            (0, gettext_lazy("Off")),
            (500, gettext_lazy("0.5 seconds")),
            (1000, gettext_lazy("1 second")),
            (1500, gettext_lazy("1.5 seconds")),
            (2000, gettext_lazy("2 seconds")),
            (3000, gettext_lazy("3 seconds")),
        ],
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "For head-pointer and eye-gaze users without dwell software: resting the pointer on a "
            "button clicks it."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = PreferencesForm(
        request.POST or None,
        initial={"display_name": user.display_name, "dwell_ms": user.dwell_ms},
    )
    if request.method == "POST" and form.is_valid():
        user.display_name = form.cleaned_data["display_name"]
        user.dwell_ms = form.cleaned_data["dwell_ms"]
        user.save(update_fields=["display_name", "dwell_ms"])
        messages.success(request, _("Settings saved."))
        return redirect("preferences")
    return render(request, "web/preferences.html", {"form": form})


@circle_page()
@require_GET
def circle_home(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render(request, "web/circle.html", circle_context(circle, membership))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "title": _("Please try again"),
            "message": _(
                "The page had expired. Go back, reload it and try again; nothing was saved."
            ),
        },
        status=403,
    )
