"""Plain-language names for audit actions (the trail shows these, with the raw code)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

ACTION_LABELS: dict[str, Any] = {
    "view": _("opened a page"),
    "login": _("signed in"),
    "account.create": _("created an account"),
    "account.password": _("changed their password"),
    "account.sign_out_everywhere": _("signed out on every other device"),
    "session.timeout_idle": _("was signed out after inactivity"),
    "session.timeout_absolute": _("was signed out at the session time limit"),
    "circle.create": _("started the circle"),
    "circle.update": _("changed the circle's settings"),
    "member.add": _("added a member"),
    "member.add_by_operator": _("added a member from the server's command line"),
    "member.role": _("changed a member's role"),
    "member.revoke": _("removed a member"),
    "member.restore": _("added a former member back"),
    "invitation.create": _("invited someone"),
    "invitation.mailed": _("invitation e-mail sent"),
    "invitation.mail_failed": _("invitation e-mail could not be sent"),
    "invitation.accept": _("accepted an invitation"),
    "invitation.cancel": _("cancelled an invitation"),
}


def action_label(action: str) -> str:
    """The plain-language name, or the code itself for actions other apps add."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
