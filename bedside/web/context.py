from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def preferences(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user's display preferences (built-in dwell clicking)."""
    user = getattr(request, "user", None)
    dwell = getattr(user, "dwell_ms", 0) if user is not None and user.is_authenticated else 0
    return {"dwell_ms": dwell}
