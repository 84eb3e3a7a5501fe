import pytest
from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError

from bedside.circles import services
from bedside.circles.models import User

pytestmark = pytest.mark.datalayer


@pytest.mark.argon2
def test_passwords_are_hashed_with_argon2(db):
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    user = services.user_create(username="nora", password="a long test passphrase 42")
    assert user.password.startswith("argon2$argon2id$")
    assert check_password("a long test passphrase 42", user.password)


@pytest.mark.parametrize("password", ["password123", "12345678", "short"])
def test_weak_passwords_are_refused(db, password):
    with pytest.raises(ValidationError):
        services.user_create(username="nora", password=password)
    assert not User.objects.filter(username="nora").exists()


def test_password_like_the_user_name_is_refused(db):
    with pytest.raises(ValidationError):
        services.user_create(username="marguerite-tremblay", password="marguerite-tremblay")


def test_user_names_differing_only_in_case_are_one_name(db):
    services.user_create(username="Nora", password="a long test passphrase 42")
    with pytest.raises(ValidationError, match="taken"):
        services.user_create(username="nora", password="a long test passphrase 42")
