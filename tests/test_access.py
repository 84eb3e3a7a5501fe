"""Nobody outside a care circle sees or changes its data (SECURITY.md, ASVS 4.2.1).

Walks EVERY URL pattern of ``bedside.urls`` — found at run time, so pages other apps add later
are covered without touching this file — and asks each with GET and POST as:

* an anonymous visitor: sent to sign in, or refused;
* an outsider (who runs another circle) and a revoked member: 403/404 on every page of the
  circle (405 for a GET on a POST-only page), never data and never a server error;
* the outsider again, on HIS OWN circle's address with an object id from Theo's circle:
  the object must not be found (404) and nothing in Theo's circle may change.

Health data in Theo's circle carries a sentinel string; no refused response may contain it,
and a snapshot of every row that belongs to the circle must be unchanged afterwards.

Object ids: the health data of Theo's circle is created with ids in a range no other row
uses (``ID_BASE``). A parameter named after its model (``<int:session_id>``) gets that model's
id; any other (``<int:pk>``) is tried with every one of them. A member must reach a real
object through every such page (else the fixture lacks that kind of data: the test says so).
The circle is always the path parameter ``<slug:slug>``.
"""

from __future__ import annotations

import datetime as dt
import re
import traceback
import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter
from django.urls.resolvers import RoutePattern
from django.utils import timezone

from bedside.circles import services
from bedside.circles.models import AuditEvent, Circle, LoginFailure, Membership, User

pytestmark = pytest.mark.datalayer

# Pages anyone may open, each with the reason. They are still checked for leaks and crashes.
PUBLIC = {
    "login": "the sign-in page itself",
    "set_language": "switching the interface language needs no account and touches no data",
    "invitation_accept": (
        "opened from an e-mailed link before the invitee has an account; the secret token is "
        "the credential, and an unknown token shows nothing about any circle"
    ),
}
# So the walk cannot pass on nothing: the application has at least this many pages …
MIN_PATTERNS = 20
# … of which this many belong to a circle (``<slug:slug>``).
MIN_CIRCLE_PATTERNS = 12

SENTINEL = "sentinel-health-data-7f3a"
CIRCLE_NAME = "Theo sentinel-circle-name-9c1e"
MEMBER_NAME = "Ana sentinel-member-name-2b8d"
LEAKS = (SENTINEL, "sentinel-circle-name-9c1e", "sentinel-member-name-2b8d")

# Theo's health data gets ids ID_BASE + 100·k: found in no other table and no other circle,
# so trying one under a parameter of another model cannot hit someone's real object.
ID_BASE = 7_000_000
# Rows that legitimately change when someone is refused: the trail and the throttle.
NOT_CIRCLE_DATA = (AuditEvent, LoginFailure)


# --- the URL walk ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # "care:tonight", or the route itself when unnamed
    parts: tuple[Any, ...]  # the URL pattern objects from the root down
    converters: dict[str, Any] = field(hash=False)

    @property
    def in_circle(self) -> bool:
        return "slug" in self.converters

    @property
    def url_name(self) -> str:
        return self.name.rsplit(":", 1)[-1]

    @property
    def object_kwargs(self) -> list[str]:
        return [k for k, c in self.converters.items() if k != "slug" and _is_id(c)]


def _is_id(converter: Any) -> bool:
    return isinstance(converter, IntConverter)


def walk(patterns: list[Any], parts: tuple[Any, ...] = (), namespace: str = "") -> list[Route]:
    routes = []
    for p in patterns:
        here = (*parts, p)
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            routes += walk(p.url_patterns, here, ns)
        elif isinstance(p, URLPattern):
            converters: dict[str, Any] = {}
            for part in here:
                if isinstance(part.pattern, RoutePattern):
                    converters.update(part.pattern.converters)
                else:  # re_path: every named group is a string parameter
                    converters.update({g: None for g in part.pattern.regex.groupindex})
            name = f"{namespace}{p.name}" if p.name else "".join(str(x.pattern) for x in here)
            routes.append(Route(name, here, converters))
    return routes


ROUTES = walk(get_resolver().url_patterns)


def sample(converter: Any) -> str:
    """A value the converter accepts, for parameters that are neither the circle nor an id."""
    if isinstance(converter, UUIDConverter):
        return str(uuid.uuid4())
    candidates = ["not-a-real-token", "2026-01-15", "1", "x"]
    regex = getattr(converter, "regex", "[^/]+")
    for candidate in candidates:
        if re.fullmatch(regex, candidate):
            try:
                converter.to_python(candidate)
            except (ValueError, TypeError):
                continue
            return candidate
    raise AssertionError(f"No sample value for converter {converter!r}: extend sample()")


def url_for(route: Route, slug: str, ids: dict[str, int]) -> str:
    """The route's address for circle ``slug``, with ``ids`` in its object-id parameters."""
    kwargs: dict[str, Any] = {}
    for name, converter in route.converters.items():
        if name == "slug":
            kwargs[name] = slug
        elif converter is None:
            kwargs[name] = "x"
        elif _is_id(converter):
            kwargs[name] = ids[name]
        else:
            kwargs[name] = sample(converter)
    if all(isinstance(part.pattern, RoutePattern) for part in route.parts):
        path = "".join(str(part.pattern) for part in route.parts)
        for name, value in kwargs.items():
            converter = route.converters[name]
            path = re.sub(rf"<(?:[^>:]+:)?{name}>", str(converter.to_url(value)), path)
        return "/" + path
    assert ":" in route.name or route.name.isidentifier(), f"{route.name}: name re_path patterns"
    return reverse(route.name, kwargs=kwargs)


# --- the circle's data ----------------------------------------------------------------------


def circle_models() -> list[type[models.Model]]:
    """Every model with a foreign key to Circle: the circle's data."""
    return [
        m
        for m in apps.get_models()
        if m not in NOT_CIRCLE_DATA
        and any(f.is_relation and f.related_model is Circle for f in m._meta.fields)
    ]


def circle_field(model: type[models.Model]) -> str:
    return next(f.name for f in model._meta.fields if f.is_relation and f.related_model is Circle)


def snapshot(circle: Circle) -> dict[str, list[dict[str, Any]]]:
    rows = {"circle": list(Circle.objects.filter(pk=circle.pk).values())}
    for model in circle_models():
        query = model._default_manager.filter(**{circle_field(model): circle}).order_by("pk")
        rows[model._meta.label_lower] = list(query.values())
    return rows


def model_for(kwarg: str) -> type[models.Model] | None:
    """The model a parameter names (``session_id`` → care.Session), if it names one."""
    stem = re.sub(r"_(id|pk)$", "", kwarg).replace("_", "")
    matches = [m for m in apps.get_models() if m._meta.model_name == stem]
    if len(matches) > 1:  # "session": the care session, not Django's login session
        matches = [m for m in matches if m in circle_models()]
    return matches[0] if len(matches) == 1 else None


@dataclass
class World:
    """The personas, plus the ids of Theo's health data (one per model, all ≥ ID_BASE)."""

    personas: Any
    ids: dict[type[models.Model], int]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.personas, name)

    def candidates(self, kwarg: str) -> list[int]:
        model = model_for(kwarg)
        if model is User:
            return [self.personas.caregiver.pk]
        if model in self.ids:
            return [self.ids[model]]
        return sorted(self.ids.values())  # "pk" and the like: try every kind of object

    def assignments(self, route: Route) -> list[dict[str, int]]:
        """Every combination of candidate ids for the route's id parameters."""
        combos: list[dict[str, int]] = [{}]
        for kwarg in route.object_kwargs:
            combos = [{**c, kwarg: v} for c in combos for v in self.candidates(kwarg)]
        return combos

    def first(self, route: Route) -> dict[str, int]:
        return self.assignments(route)[0]


def with_id(model: type[models.Model], index: int, **fields: Any) -> models.Model:
    return model._default_manager.create(pk=ID_BASE + 100 * index, **fields)


@pytest.fixture
def theo(personas):
    """Theo's circle with health data of every kind, each carrying the sentinel."""
    from bedside.care.models import Occurrence, Routine, Session, SessionRating, Technique
    from bedside.checkins.models import Note, Observation, Trackable
    from bedside.circles.models import Invitation

    circle = personas.circle
    circle.name = CIRCLE_NAME
    circle.symptom_onset = dt.date(2023, 4, 1)
    circle.save()
    personas.caregiver.display_name = MEMBER_NAME
    personas.caregiver.save()
    ana = Membership.objects.get(circle=circle, user=personas.caregiver)
    now = timezone.now()
    today = now.date()
    nora = services.user_create(username="nora", password="a long test passphrase 42")
    rows = [
        with_id(Membership, 1, circle=circle, user=nora, role="viewer"),
        with_id(
            Invitation,
            2,
            circle=circle,
            email="zoe@example.org",
            role="viewer",
            invited_by=personas.coordinator,
            expires_at=now + dt.timedelta(days=14),
        ),
    ]
    technique = with_id(Technique, 3, circle=circle, name=f"Own technique {SENTINEL}")
    trackable = with_id(Trackable, 4, circle=circle, name=f"Own question {SENTINEL}", kind="rating")
    routine = with_id(
        Routine,
        5,
        circle=circle,
        technique=technique,
        assignee=ana,
        schedule="daily",
        time_of_day=dt.time(20, 0),
        start_date=today - dt.timedelta(days=3),
        notes=SENTINEL,
    )
    occurrence = with_id(
        Occurrence, 6, circle=circle, routine=routine, technique=technique, day=today
    )
    session = with_id(
        Session,
        7,
        circle=circle,
        technique=technique,
        routine=routine,
        occurrence=occurrence,
        day=today,
        performed_at=now,
        performed_by=ana,
        minutes=20,
        note=SENTINEL,
    )
    rows += [technique, trackable, routine, occurrence, session]
    rows.append(
        with_id(
            SessionRating,
            8,
            circle=circle,
            session=session,
            trackable=trackable,
            when="after",
            value=3,
        )
    )
    rows.append(
        with_id(
            Observation,
            9,
            circle=circle,
            trackable=trackable,
            value=4,
            day=today,
            rater=ana,
            note=SENTINEL,
        )
    )
    rows.append(with_id(Note, 10, circle=circle, day=today, author=ana, text=SENTINEL))
    from bedside.helps.models import Experiment, ExperimentNight

    experiment = with_id(
        Experiment,
        11,
        circle=circle,
        technique=technique,
        outcome=trackable,
        window="next_day",
        design="pairs",
        units=1,
        seed=1,
        start_date=today,
        end_date=today + dt.timedelta(days=1),
        target_effect=1.0,
        planned_power=0.5,
        question=SENTINEL,
        started_by=personas.coordinator,
    )
    rows += [
        experiment,
        with_id(
            ExperimentNight,
            12,
            circle=circle,
            experiment=experiment,
            day=today,
            unit=0,
            on=True,
            session=True,
        ),
    ]
    return World(personas, {type(row): row.pk for row in rows})


# --- asking every page ----------------------------------------------------------------------


def ask(client: Client, method: str, url: str, user: User | None) -> Any:
    """One request; a fresh sign-in each time (a POST to ``logout`` must not spoil the rest)."""
    if user is not None:
        user.refresh_from_db()  # "sign out everywhere" may have changed its session hash
        client.force_login(user)
    else:
        client.logout()
    return client.get(url) if method == "GET" else client.post(url, {})


def leaked(response: Any) -> str:
    body = response.content.decode(errors="replace") if hasattr(response, "content") else ""
    return next((s for s in LEAKS if s in body), "")


Judge = Any  # (route, method, response) -> "" when fine, else what is wrong


def check(
    client: Client, route: Route, url: str, user: User | None, judge: Judge, problems: list[str]
) -> None:
    """Ask one address with GET and POST and note what is wrong."""
    for method in ("GET", "POST"):
        try:
            response = ask(client, method, url, user)
        except Exception:  # a server error: the test client re-raises it
            last = traceback.format_exc().strip().splitlines()[-1]
            problems.append(f"{method} {url} ({route.name}): server error: {last}")
            continue
        wrong = judge(route, method, response) or (
            f"shows {leaked(response)!r}" if leaked(response) else ""
        )
        if wrong:
            problems.append(f"{method} {url} ({route.name}): {wrong}")


def goes_to_login(response: Any) -> bool:
    login = reverse(settings.LOGIN_URL)
    return response.status_code in (301, 302, 303) and response.url.split("?")[0] == login


# A 405 comes from the method check, which is the same for everyone: it shows nothing.
REFUSED = (403, 404, 405)


def test_the_walk_finds_every_page(theo):
    names = {route.url_name for route in ROUTES}
    assert len(ROUTES) >= MIN_PATTERNS, sorted(names)
    assert sum(route.in_circle for route in ROUTES) >= MIN_CIRCLE_PATTERNS, sorted(names)
    assert set(PUBLIC) <= names, "a public page in the allow-list no longer exists"
    assert {"members", "circle", "invitation_accept", "member_role"} <= names


def test_anonymous_visitor_is_sent_to_sign_in_or_refused(theo):
    before = snapshot(theo.circle)

    def judge(route: Route, method: str, response: Any) -> str:
        if route.url_name in PUBLIC:
            return ""
        if goes_to_login(response) or response.status_code in (401, *REFUSED):
            return ""
        return f"answered {response.status_code} to an anonymous visitor"

    client, problems = Client(), []
    for route in ROUTES:
        check(
            client,
            route,
            url_for(route, theo.circle.slug, theo.first(route)),
            None,
            judge,
            problems,
        )
    assert not problems, "\n".join(problems)
    assert snapshot(theo.circle) == before


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_non_member_is_refused_on_every_circle_page(theo, who):
    before = snapshot(theo.circle)
    user = getattr(theo, who)

    def judge(route: Route, method: str, response: Any) -> str:
        if not route.in_circle:
            return ""  # their own pages (home, account…): only leaks and crashes count
        if response.status_code in REFUSED:
            return ""
        return f"answered {response.status_code} to the {who}"

    client, problems = Client(), []
    for route in ROUTES:
        check(
            client,
            route,
            url_for(route, theo.circle.slug, theo.first(route)),
            user,
            judge,
            problems,
        )
    assert not problems, "\n".join(problems)
    assert snapshot(theo.circle) == before


def test_object_of_one_circle_cannot_be_reached_through_another(theo):
    """Olga runs her own circle; Theo's ids under her address must find nothing."""
    before = snapshot(theo.circle)
    routes = [r for r in ROUTES if r.in_circle and r.object_kwargs]
    assert routes, "no circle page takes an object id; this check would prove nothing"

    def judge(route: Route, method: str, response: Any) -> str:
        # A POST may also be turned away by form validation (400), as long as nothing changes.
        if response.status_code in REFUSED or (method == "POST" and response.status_code == 400):
            return ""
        return f"answered {response.status_code}: another circle's object was found"

    client, problems = Client(), []
    for route in routes:
        for ids in theo.assignments(route):
            url = url_for(route, theo.other_circle.slug, ids)
            check(client, route, url, theo.outsider, judge, problems)
    assert not problems, "\n".join(problems)
    assert snapshot(theo.circle) == before


def test_every_object_page_reaches_a_real_object_for_a_member(theo):
    """Guards the checks above: each object page finds one of Theo's objects for his coordinator.

    When this fails for a new page, the ``theo`` fixture has no object of the kind that page
    shows: add one (with ``with_id``) so the refusals above are tested against real data.
    """
    client, missing = Client(), []
    for route in (r for r in ROUTES if r.in_circle and r.object_kwargs):
        found = False
        for ids in theo.assignments(route):
            url = url_for(route, theo.circle.slug, ids)
            with transaction.atomic():  # a POST may change things: undo after each try
                get = ask(client, "GET", url, theo.coordinator)
                post = ask(client, "POST", url, theo.coordinator) if get.status_code == 405 else get
                transaction.set_rollback(True)
            if post.status_code != 404:
                found = True
                break
        if not found:
            missing.append(f"{route.name}: no object found with any of {theo.assignments(route)}")
    assert not missing, "\n".join(missing)


def test_members_reach_every_circle_page_the_walk_refuses_to_others(theo):
    """Guards the test itself: the addresses it builds are real pages for a member."""
    client, reached, problems = Client(), 0, []
    for route in (r for r in ROUTES if r.in_circle and not r.object_kwargs):
        url = url_for(route, theo.circle.slug, {})
        response = ask(client, "GET", url, theo.coordinator)
        reached += response.status_code == 200
        if response.status_code == 404:
            problems.append(f"GET {url} ({route.name}): 404 for the circle's coordinator")
    assert not problems, "\n".join(problems)
    assert reached >= MIN_CIRCLE_PATTERNS // 2
