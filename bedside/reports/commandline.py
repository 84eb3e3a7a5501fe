"""What ``bedside import`` and ``bedside export`` share: finding the circle and who acts."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.http import Http404
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, Role


def circle_and_actor(slug: str, username: str | None) -> tuple[Circle, User]:
    """The circle named ``slug`` and the member acting in it (``--as``, else its manager).

    Without ``--as`` the actor is the circle's first coordinator, else its person: the command
    line is used by whoever runs the server, and the audit trail should still name someone who
    holds the import/export right.
    """
    circle = Circle.objects.filter(slug=slug).first()
    if circle is None:
        raise CommandError(_("No circle has the short name “%(slug)s”.") % {"slug": slug})
    if username:
        actor = User.objects.filter(username=username).first()
        if actor is None:
            raise CommandError(_("No account has the user name “%(name)s”.") % {"name": username})
    else:
        managers = Membership.objects.filter(
            circle=circle, revoked_at__isnull=True, role__in=[Role.COORDINATOR, Role.PERSON]
        ).select_related("user")
        first = min(
            managers,
            key=lambda m: (m.role != Role.COORDINATOR, m.joined_at, m.pk),
            default=None,
        )
        if first is None:
            raise CommandError(_("The circle has no coordinator or person to act as; use --as."))
        actor = first.user
    try:
        require(actor, circle, Action.EXPORT)
    except (Http404, PermissionDenied):
        raise CommandError(
            _("%(name)s may not import or export this circle's record.") % {"name": actor.username}
        )
    return circle, actor
