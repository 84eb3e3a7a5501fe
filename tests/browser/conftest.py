"""Browser fixtures shared by the cross-cutting browser tests.

- ``demo`` — the root ``personas`` plus a week of records (``demo_data.seed``).
- ``browse(user, lang=, color_scheme=, width=)`` — a fresh browser page on the live server,
  already signed in as ``user`` (the session cookie of ``Client.force_login``, no form round
  trip) and speaking ``lang``; ``page.goto("/path/")`` works (the context has a base URL).
  Content-Security-Policy violations are recorded for :func:`a11y.csp_violations`.
- ``sign_in_with_form(page, user)`` — signs in through /login/ like a person would.
- ``password`` — the personas' password (root conftest ``PASSWORD``).
- ``site`` (module scope) — for read-only checks of many pages: the personas, a week of
  records and their sessions written once for the whole module, served by the module's own
  live server, and flushed at the end of the module (tests need ``pytest.mark.django_db``). ``tab(who, lang)`` (module scope) gives one browser page
  per persona and language on that site, reused from test to test (reset to light mode and
  1280×800). Tests using them must not write to the database.

Chromium itself comes from the root conftest (``browser_type_launch_args``), which also sets
``DJANGO_ALLOW_ASYNC_UNSAFE`` for browser-marked tests: the ORM is used from the test thread
while Playwright's event loop runs in it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

import pytest
from a11y import watch_csp
from demo_data import seed
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page


def root_conftest(config: pytest.Config) -> ModuleType:
    """The root conftest module (pytest loaded it under a name we cannot import)."""
    for plugin in config.pluginmanager.get_plugins():
        if getattr(plugin, "__name__", "") == "conftest" and hasattr(plugin, "make_personas"):
            return plugin  # type: ignore[no-any-return]
    raise RuntimeError("root conftest.py with make_personas and PASSWORD not found")


@pytest.fixture(scope="session")
def password(pytestconfig: pytest.Config) -> str:
    return str(root_conftest(pytestconfig).PASSWORD)


@pytest.fixture
def demo(personas: object) -> object:
    """The personas' circle with a week of records in it."""
    seed(personas)
    return personas


def session_cookie(user: object) -> str:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client.cookies[settings.SESSION_COOKIE_NAME].value


BrowseFactory = Callable[..., Page]


@pytest.fixture
def browse(browser: Browser, live_server: object) -> Iterator[BrowseFactory]:
    url = live_server.url  # type: ignore[attr-defined]
    contexts = []

    def open_page(
        user: object | None = None,
        *,
        lang: str = "en",
        color_scheme: str = "light",
        width: int = 1280,
        height: int = 800,
    ) -> Page:
        context = browser.new_context(
            base_url=url,
            viewport={"width": width, "height": height},
            color_scheme=color_scheme,  # type: ignore[arg-type]
            locale="fr-CA" if lang.startswith("fr") else "en-CA",
        )
        contexts.append(context)
        cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": url}]
        if user is not None:
            cookies.append(
                {"name": settings.SESSION_COOKIE_NAME, "value": session_cookie(user), "url": url}
            )
        context.add_cookies(cookies)  # type: ignore[arg-type]
        page = context.new_page()
        page.set_default_timeout(10_000)
        watch_csp(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def sign_in_with_form(password: str) -> Callable[[Page, object], None]:
    def sign_in(page: Page, user: object) -> None:
        page.goto("/login/")
        page.get_by_label("User name").fill(user.username)  # type: ignore[attr-defined]
        page.get_by_label("Password").fill(password)
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()

    return sign_in


# --- one site per module, for read-only page checks ------------------------------------------

VIEWPORT = {"width": 1280, "height": 800}


@dataclass
class Site:
    url: str
    personas: object
    cookies: dict[str, str]  # a committed session per persona name


def _assert_test_database() -> None:
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    if "test" not in name and "memory" not in name:
        raise RuntimeError(
            f"refusing to write demo data into {name}: mark the tests with django_db so that "
            "pytest-django sets up the test database"
        )


@pytest.fixture(scope="module")
def site(
    pytestconfig: pytest.Config, django_db_setup: None, django_db_blocker: object
) -> Iterator[Site]:
    """Personas, records and sessions committed once, served by this module's own live server.

    pytest-django's ``live_server`` empties the database after every test; setting everything
    up again for each of dozens of read-only page checks would cost minutes. Tests using this
    must carry ``pytest.mark.django_db`` (which also makes pytest-django create the test
    database): whatever a test writes (audit records, session updates) is rolled back after it,
    while what is written here stays until the module ends.
    """
    from django.core.management import call_command
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        _assert_test_database()
        personas = root_conftest(pytestconfig).make_personas()
        seed(personas)
        cookies = {
            name: session_cookie(getattr(personas, name))
            for name in ("person", "coordinator", "caregiver", "therapist", "viewer")
        }
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
    try:
        yield Site(url=server.url, personas=personas, cookies=cookies)
    finally:
        server._live_server_modified_settings.disable()
        # Let requests still being answered finish first (the browser pages are closed by
        # now): a request thread outliving the server would close a connection it may no
        # longer touch.
        for thread in threading.enumerate():
            if "process_request_thread" in thread.name:
                thread.join(timeout=5)
        server.stop()
        with django_db_blocker.unblock():  # type: ignore[attr-defined]
            call_command("flush", verbosity=0, interactive=False)  # as the next test expects


TabFactory = Callable[[str, str], Page]


@pytest.fixture(scope="module")
def tab(browser: Browser, site: Site) -> Iterator[TabFactory]:
    pages: dict[tuple[str, str], Page] = {}

    def get(who: str, lang: str = "en") -> Page:
        if (who, lang) not in pages:
            context = browser.new_context(
                base_url=site.url,
                viewport=VIEWPORT,  # type: ignore[arg-type]
                locale="fr-CA" if lang.startswith("fr") else "en-CA",
            )
            cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": site.url}]
            if who != "anonymous":
                session = site.cookies[who]
                cookies.append(
                    {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site.url}
                )
            context.add_cookies(cookies)  # type: ignore[arg-type]
            page = context.new_page()
            page.set_default_timeout(10_000)
            watch_csp(page)
            pages[(who, lang)] = page
        page = pages[(who, lang)]
        page.emulate_media(color_scheme="light")
        page.set_viewport_size(VIEWPORT)  # type: ignore[arg-type]
        return page

    yield get
    for page in pages.values():
        page.context.close()
