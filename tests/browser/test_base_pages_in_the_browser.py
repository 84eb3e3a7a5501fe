"""The base template and the web app's own pages, used the way people use them (T3, T7, T10)."""

from __future__ import annotations

import pytest
from a11y import axe_violations, keystrokes_to, small_text, tab_order

pytestmark = pytest.mark.browser


def test_signing_in_with_the_form_lands_in_the_circle(personas, browse, sign_in_with_form):
    page = browse()
    sign_in_with_form(page, personas.caregiver)
    assert page.url.endswith("/c/theo/")
    assert page.locator("h1").inner_text() == "Theo's circle"


def test_a_pasted_password_is_accepted(personas, browse, password):
    page = browse()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/login/")
    page.get_by_label("User name").fill("ana")
    page.evaluate("text => navigator.clipboard.writeText(text)", password)
    page.get_by_label("Password").focus()
    page.keyboard.press("ControlOrMeta+V")
    assert page.get_by_label("Password").input_value() == password
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith("/c/theo/")


def test_the_language_switch_keeps_the_page(personas, browse):
    page = browse(personas.person)
    page.goto("/settings/")
    with page.expect_navigation():
        page.get_by_role("button", name="Français").click()
    assert page.url.endswith("/settings/")
    assert page.locator("h1").inner_text() == "Paramètres"
    assert page.locator("html").get_attribute("lang") == "fr-ca"
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    assert page.locator("h1").inner_text() == "Settings"


def test_the_skip_link_comes_first_shows_itself_and_leads_to_the_content(personas, browse):
    page = browse(personas.person)
    page.goto("/settings/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] >= 48  # on screen when focused
    assert keystrokes_to(page, "#id_display_name") == 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_is_clearly_visible_everywhere_in_both_schemes(personas, browse, scheme):
    page = browse(personas.person, color_scheme=scheme)
    page.goto("/c/theo/")
    order = tab_order(page)
    assert len(order.stops) >= 10  # skip link, navigation, overview buttons
    assert order.problems == []


def test_patient_pages_have_no_text_under_18_px(personas, browse):
    page = browse(personas.person)
    page.goto("/settings/")  # help text and footer are small elsewhere
    assert small_text(page) != []
    page.evaluate("document.body.classList.add('patient')")
    assert small_text(page) == []


@pytest.mark.parametrize(
    ("who", "path", "status"),
    [("person", "/c/no-such-circle/", 404), ("viewer", "/c/theo/record/transfer/", 403)],
)
@pytest.mark.parametrize("lang", ["en", "fr-ca"])
def test_error_pages_pass_axe_in_both_schemes(personas, browse, who, path, status, lang):
    page = browse(getattr(personas, who), lang=lang)
    response = page.goto(path)
    assert response is not None and response.status == status
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert axe_violations(page) == []
