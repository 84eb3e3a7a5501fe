"""The audit trail: who read or changed what, in which circle, when and from where.

Records name the kind of thing touched (``session:42``, ``page:tonight``), never the health
data itself. The request's address reaches services through a context variable that
:class:`bedside.circles.middleware.RequestContextMiddleware` sets, so service signatures stay
free of HTTP details and command-line writes are audited too (with no address).
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Circle, User

current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)


def audit(*, actor: User | None, circle: Circle | None, action: str, target: str = "") -> None:
    from .models import AuditEvent

    AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        circle=circle,
        action=action[:40],
        target=target[:80],
        ip=current_ip.get(),
    )
