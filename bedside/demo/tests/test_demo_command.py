"""``bedside demo`` makes the family's circle once, fast, and prints a login for every role."""

import datetime as dt
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bedside.care.models import Routine, Session
from bedside.checkins.models import Observation
from bedside.circles.models import Circle, Membership, User
from bedside.demo.plan import LOGINS

pytestmark = pytest.mark.datalayer


def demo(capsys, *args):
    call_command("demo", *args)
    return capsys.readouterr().out


@pytest.mark.argon2  # timed with the real password hasher
def test_it_builds_the_circle_in_under_twenty_seconds(db, capsys):
    started = time.monotonic()
    out = demo(capsys)
    assert time.monotonic() - started < 20
    assert "Created the demo circle" in out


def test_it_creates_every_role_and_the_care_plan(db, capsys):
    out = demo(capsys)
    circle = Circle.objects.get(slug="demo")
    assert circle.timezone == "America/Toronto"
    roles = {m.user.display_name: m.role for m in Membership.objects.filter(circle=circle)}
    assert roles == {
        "Daniel": "person",
        "Claire": "coordinator",
        "Hélène": "caregiver",
        "Marcus": "caregiver",
        "Aisha": "caregiver",
        "Yuki": "therapist",
        "Rafael": "therapist",
        "Tom": "viewer",
    }
    plan = {
        (r.technique.key, r.assignee.user.username) for r in Routine.objects.filter(circle=circle)
    }
    assert {
        ("range-of-motion", "helene"),
        ("hand-massage", "helene"),
        ("massage-gun", "marcus"),
        ("massage-gun", "aisha"),
        ("repositioning", "aisha"),
        ("deep-tissue-massage", "yuki"),
        ("joint-mobilization", "rafael"),
        ("muscle-distraction", "rafael"),
        ("passive-stretching", "rafael"),
        ("neck-stretches", "rafael"),
        ("chest-massage-gun", "marcus"),
    } <= plan
    chest = Routine.objects.filter(circle=circle, technique__key="chest-massage-gun").first()
    assert (dt.date.today() - chest.start_date).days in range(20, 23)
    for role, username in LOGINS.items():
        assert f"{role}" in out and f" {username} " in out
    assert "warm hands at night" in out and "http://127.0.0.1:8000" in out
    assert User.objects.get(username="daniel").dwell_ms == 0
    assert "Dwell clicking" in out


def test_it_holds_about_180_days_of_history(db, capsys):
    demo(capsys)
    circle = Circle.objects.get(slug="demo")
    days = Observation.objects.filter(circle=circle).values_list("day", flat=True)
    assert 178 <= (max(days) - min(days)).days <= 180
    assert Session.objects.filter(circle=circle).count() > 700


def test_running_it_again_changes_nothing_and_reset_makes_it_afresh(db, capsys):
    demo(capsys)
    counts = Session.objects.count(), Observation.objects.count(), User.objects.count()
    out = demo(capsys)
    assert "already exists" in out and "claire" in out
    assert (Session.objects.count(), Observation.objects.count(), User.objects.count()) == counts
    first = Circle.objects.get(slug="demo").pk
    demo(capsys, "--reset")
    assert Circle.objects.get(slug="demo").pk != first
    assert (Session.objects.count(), Observation.objects.count(), User.objects.count()) == counts


def test_a_weak_demo_password_is_refused(db, monkeypatch):
    monkeypatch.setenv("BEDSIDE_DEMO_PASSWORD", "123")
    with pytest.raises(CommandError, match="BEDSIDE_DEMO_PASSWORD is too weak"):
        call_command("demo")
    assert not Circle.objects.filter(slug="demo").exists()


def test_it_refuses_to_take_over_existing_accounts(db):
    User.objects.create_user(username="claire", password="someone else's")
    with pytest.raises(CommandError, match="claire"):
        call_command("demo")
    assert not Circle.objects.filter(slug="demo").exists()
