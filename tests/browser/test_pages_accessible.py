"""Every page in the URL configuration, checked in Chromium (ACCESSIBILITY.md T2, T3, T7, T10).

Pages are found from the URL conf (:mod:`page_discovery`), so a page added tomorrow is checked
without touching this file. Pages are opened as the person living with ALS (who holds every
right) in a circle with a week of records; pages open to visitors (no ``login_required``) also
anonymously. POST-only routes (by their ``require_http_methods``) are left out.
Parameters other than the circle's slug are filled from the circle's records
(:func:`demo_data.object_for`); a page whose parameter cannot be filled is skipped with a
reason saying so. Routes that answer GET with a redirect, 405 or a download are not pages.

Checks per page: axe-core (WCAG 2.2 AA, target size on) in light and dark, English and French,
with no Content-Security-Policy violation; control sizes and spacing (T2, and T1 for ``.tile``
answer tiles); text ≥ 18 px on patient pages (``body.patient``); keyboard order, traps and focus
indicator, and the first answer tile within 3 keystrokes through the skip link (T7); no
sideways scrolling at 320 px in both languages (T10). Sizes, text and
keyboard are checked in English only: translations change lengths, which the reflow check
covers, not structure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from a11y import (
    axe_violations,
    csp_violations,
    horizontal_overflow,
    keystrokes_to,
    small_text,
    tab_order,
    target_size_problems,
)
from demo_data import object_for
from django.conf import settings
from django.test import Client
from page_discovery import PageRoute, page_routes
from playwright.sync_api import Page

if TYPE_CHECKING:  # the conftest module is pytest's to import, not ours
    from conftest import Site, TabFactory

# django_db: each test's own writes (audit records of its reads) are rolled back; the site's
# records stay for the whole module (see conftest ``site``).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Answer tiles, and any other control a page marks as an answer (``data-answer``, e.g. "same as
# yesterday"): the first of them must be ≤ 3 keystrokes away through the skip link (T7).
ANSWERS = ".tile, .tile *, [data-answer], [data-answer] *"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SCHEMES = ["light", "dark"]


def cases() -> list[object]:
    found = []
    for route in page_routes():
        for who in ["person"] if route.in_circle or route.login else ["person", "anonymous"]:
            found.append(pytest.param(route, who, id=f"{who}-{route.name}"))
    return found


CASES = cases()


def page_path(route: PageRoute, who: str, site: Site) -> str:
    """The page's address, or skip when this route is not a page for ``who``."""
    circle = site.personas.circle  # type: ignore[attr-defined]
    values: dict[str, object] = {"slug": circle.slug}
    for param in route.object_params:
        value = object_for(circle, param, route.name, route.route)
        if value is None:
            pytest.skip(f"no value for <{param}>: teach demo_data.object_for about it")
        values[param] = value
    path = route.path(values)
    client = Client()
    if who != "anonymous":
        client.force_login(getattr(site.personas, who))
    response = client.get(path)
    if response.status_code == 405:
        pytest.skip("answers POST only")
    if response.status_code in (301, 302, 303, 307, 308):
        pytest.skip(f"redirects to {response['Location']}")
    if not response.get("Content-Type", "").startswith("text/html") or response.get(
        "Content-Disposition", ""
    ).startswith("attachment"):
        pytest.skip(f"not a page ({response.get('Content-Type')})")
    assert response.status_code == 200, f"GET {path} as {who} answered {response.status_code}"
    return path


def open_page(tab: TabFactory, site: Site, route: PageRoute, who: str, lang: str = "en") -> Page:
    path = page_path(route, who, site)
    page = tab(who, lang)
    response = page.goto(path)
    assert response is not None and response.status == 200, (
        f"{path}: {response and response.status}"
    )
    landed = page.url.removeprefix(site.url).split("#")[0]
    assert landed == path, f"{path} as {who} in the browser ended at {landed}"
    return page


def report(problems: list[str]) -> str:
    return "\n".join(["", *problems])


@pytest.mark.parametrize(("route", "who"), CASES)
def test_page_is_accessible(route, who, site, tab):
    """One test per page (each check reloading the page would double the module's runtime);
    the report names the check and the language or scheme of every problem."""
    problems = []
    for lang in LANGUAGES:
        page = open_page(tab, site, route, who, lang)
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
            problems += [f"axe [{lang}, {scheme}] {v}" for v in axe_violations(page)]
        page.emulate_media(color_scheme="light")
        problems += [f"[{lang}] {v}" for v in csp_violations(page)]
        if lang == LANGUAGES[0]:
            problems += target_size_problems(page)
            if page.evaluate("document.body.classList.contains('patient')"):
                problems += small_text(page)
            order = tab_order(page)
            if not order.stops or "skip-link" not in order.stops[0].what:
                problems.append("T7 the first Tab stop is not the skip link")
            problems += order.problems
            if page.locator(ANSWERS).count():  # an answer page: first answer in ≤ 3 keystrokes
                try:
                    keys = keystrokes_to(page, ANSWERS)
                except AssertionError as error:
                    problems.append(f"T7 {error}")
                else:
                    if keys > 3:
                        problems.append(f"T7 the first answer takes {keys} keystrokes (≤ 3)")
        problems += [f"[{lang}] {p}" for p in horizontal_overflow(page, 320)]
    assert not problems, report(problems)
