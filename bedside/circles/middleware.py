"""Request context for the audit trail, and idle/absolute session time-outs."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from .audit import current_ip

IDLE_KEY = "bedside_last_seen"


class SessionTimeoutMiddleware:
    """Sign out a session idle for longer than ``BEDSIDE_IDLE_MINUTES``.

    The absolute limit is ``SESSION_COOKIE_AGE`` (Django enforces it). Also records the client
    address for audit records written while this request runs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(request.META.get("REMOTE_ADDR") or None)
        try:
            if request.user.is_authenticated:
                now = time.time()
                last = request.session.get(IDLE_KEY)
                if last is not None and now - float(last) > settings.BEDSIDE_IDLE_MINUTES * 60:
                    logout(request)
                else:
                    request.session[IDLE_KEY] = now
            return self.get_response(request)
        finally:
            current_ip.reset(token)
