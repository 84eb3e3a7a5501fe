"""Template helpers every app may use: ``{% load bedside %}``.

- ``{% if membership|can:"rate" %}`` — whether the viewer's role allows an action, so pages
  only offer what the viewer may do (a link that ends in "forbidden" wastes an activation).
- ``{% refusal_reason exception as reason %}`` — on the 403 page, a sentence explaining the
  missing right, or nothing when the refusal's text is not a known, data-free sentence.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.utils.translation import get_language, gettext, trans_real

from bedside.circles.roles import Action, role_can

register = template.Library()


@register.filter
def can(membership: object, action: str) -> bool:
    """True when ``membership`` (active) holds the right ``action`` (``"log"``, ``"plan"``…)."""
    role = getattr(membership, "role", None)
    if not role or getattr(membership, "revoked_at", None) is not None:
        return False
    return role_can(role, Action(action))


@lru_cache(maxsize=8)
def _known_sentences(language: str) -> frozenset[str]:
    """Every translatable sentence of the project, in English and in ``language``.

    A refusal whose text is one of these is a constant from the source code, so it carries no
    one's data and may be shown as it is.
    """
    catalog = trans_real.translation(language)._catalog  # type: ignore[attr-defined]
    found: set[str] = set()
    for key, value in catalog.items():
        if isinstance(key, str) and isinstance(value, str) and key:
            found.update((key, value))
    return frozenset(found)


def refusal_sentence(text: str) -> str | None:
    """A sentence explaining a refusal, or None when ``text`` might carry data."""
    text = text.strip()
    if not text:
        return None
    for action in Action:
        # bedside.circles.access.require: "Your role may not <action label>".
        if text == f"Your role may not {action.label}":
            return gettext("Your role in this circle does not allow you to %(action)s.") % {
                "action": action.label
            }
    language = get_language() or "en"
    if text in _known_sentences(language) or text in _known_sentences("fr-ca"):
        return text
    return None


@register.simple_tag
def refusal_reason(exception: object) -> str | None:
    return refusal_sentence(str(exception or ""))
