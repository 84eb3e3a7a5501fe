import io

import pytest
from django.core.management import CommandError, call_command

from bedside.circles.models import AuditEvent, Circle, Membership, User

pytestmark = pytest.mark.datalayer

PASSWORD = "a long test passphrase 42"


@pytest.fixture
def password_env(monkeypatch):
    monkeypatch.setenv("BEDSIDE_PASSWORD", PASSWORD)


def run(*args):
    out = io.StringIO()
    call_command("createuser", *args, stdout=out)
    return out.getvalue()


def test_creates_a_member_of_an_existing_circle(personas, password_env):
    out = run("nora", "--circle", "theo", "--role", "caregiver", "--display-name", "Nora")
    nora = User.objects.get(username="nora")
    assert nora.display_name == "Nora" and nora.check_password(PASSWORD)
    assert Membership.objects.get(user=nora, circle=personas.circle).role == "caregiver"
    assert "Created nora" in out
    event = AuditEvent.objects.get(action="member.add_by_operator")
    assert (event.actor, event.circle) == (None, personas.circle)


def test_creates_the_circle_when_asked(db, password_env):
    run("theo", "--circle", "theo-home", "--create-circle", "Theo's care", "--role", "person")
    circle = Circle.objects.get(slug="theo-home")
    assert circle.name == "Theo's care"
    assert Membership.objects.get(circle=circle).role == "person"


def test_missing_circle_without_create_is_an_error_and_creates_nothing(db, password_env):
    with pytest.raises(CommandError, match="--create-circle"):
        run("nora", "--circle", "nowhere", "--role", "viewer")
    assert not User.objects.filter(username="nora").exists()


def test_new_circle_needs_a_founding_role(db, password_env):
    with pytest.raises(CommandError, match="person"):
        run("nora", "--circle", "x", "--create-circle", "X", "--role", "viewer")
    assert not User.objects.exists()


def test_common_password_is_refused(db, monkeypatch):
    monkeypatch.setenv("BEDSIDE_PASSWORD", "password123")
    with pytest.raises(CommandError, match="too common"):
        run("nora")
    assert not User.objects.exists()


def test_a_failed_circle_creation_leaves_no_account(personas, password_env):
    # The short name is not a valid slug, so the circle cannot be created: all is undone.
    with pytest.raises(CommandError):
        run("nora", "--circle", "Not A Slug!", "--create-circle", "X")
    assert not User.objects.filter(username="nora").exists()


def test_password_is_prompted_twice_when_not_in_the_environment(db, monkeypatch):
    monkeypatch.delenv("BEDSIDE_PASSWORD", raising=False)
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    run("nora")
    assert User.objects.get(username="nora").check_password(PASSWORD)


def test_differing_prompted_passwords_create_nothing(db, monkeypatch):
    monkeypatch.delenv("BEDSIDE_PASSWORD", raising=False)
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    with pytest.raises(CommandError, match="differ"):
        run("nora")
    assert not User.objects.exists()


def test_password_is_never_an_argument(db):
    with pytest.raises(CommandError):
        call_command("createuser", "nora", "--password", PASSWORD)
