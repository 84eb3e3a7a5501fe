"""Request context for the audit trail, and idle/absolute session time-outs."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _

from .audit import audit, current_ip
from .client_address import client_address

IDLE_KEY = "bedside_last_seen"
STARTED_KEY = "bedside_signed_in_at"
# Writing the session on every request would cost a database write per page; a minute of
# slack on a limit counted in hours is harmless.
TOUCH_EVERY_SECONDS = 60


class SessionTimeoutMiddleware:
    """Sign out a session idle longer than ``BEDSIDE_IDLE_MINUTES`` or older than
    ``SESSION_COOKIE_AGE``.

    Django alone would slide the absolute limit forward every time the session is saved, so the
    sign-in time is kept in the session and checked here. Also records the client address for
    audit records written while this request runs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_address(request.META))
        try:
            if request.user.is_authenticated:
                expired = self._expired(request)
                if expired:
                    return self._sign_out(request, expired)
            return self.get_response(request)
        finally:
            current_ip.reset(token)

    def _expired(self, request: HttpRequest) -> str:
        """``"idle"``, ``"absolute"`` or ``""``; refreshes the last-seen time when still valid."""
        now = time.time()
        session = request.session
        started = float(session.setdefault(STARTED_KEY, now))
        last = float(session.get(IDLE_KEY, now))
        if now - started > settings.SESSION_COOKIE_AGE:
            return "absolute"
        if now - last > settings.BEDSIDE_IDLE_MINUTES * 60:
            return "idle"
        if IDLE_KEY not in session or now - last > TOUCH_EVERY_SECONDS:
            session[IDLE_KEY] = now
        return ""

    def _sign_out(self, request: HttpRequest, why: str) -> HttpResponse:
        user = request.user
        logout(request)
        audit(actor=user, circle=None, action=f"session.timeout_{why}")  # type: ignore[arg-type]
        messages.info(
            request,
            _("You were signed out after a long time without activity. Please sign in again.")
            if why == "idle"
            else _("Your session had reached its time limit. Please sign in again."),
        )
        login = resolve_url(settings.LOGIN_URL)
        if request.method == "GET":
            login = f"{login}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            # A fragment request would otherwise swap the sign-in page into part of the page.
            response = HttpResponse(status=204)
            response["HX-Redirect"] = login
            return response
        return HttpResponseRedirect(login)
